"""The metric functions, on hand-made inputs with exact expected numbers."""

import pytest

from eventwire.eval.metrics import (
    haversine_km,
    mean_or_none,
    median_or_none,
    overlaps,
    prf,
    ratio,
    shingle_counts,
    shingles,
    span_match,
    tokens,
)


def test_ratio_is_none_without_a_denominator() -> None:
    assert ratio(1, 4) == 0.25
    assert ratio(0, 0) is None


def test_prf_counts_matched_predictions_and_matched_gold_apart() -> None:
    m = prf(3, 4, 2, 5)
    assert m.precision == 0.75
    assert m.recall == 0.4
    assert m.f1 == pytest.approx(2 * 0.75 * 0.4 / 1.15)


def test_prf_undefined_and_zero_cases() -> None:
    assert prf(0, 0, 0, 3) == prf(0, 0, 0, 3)
    assert prf(0, 0, 0, 3).precision is None
    assert prf(0, 0, 0, 3).f1 is None
    assert prf(0, 2, 0, 3).f1 == 0.0


def test_overlaps_is_half_open() -> None:
    assert overlaps((0, 5), (4, 9))
    assert not overlaps((0, 5), (5, 9))


def test_span_match_picks_the_largest_overlap() -> None:
    assert span_match((10, 20), [(0, 12), (15, 30), (40, 50)]) == 1
    assert span_match((10, 20), [(20, 30)]) is None


def test_haversine_one_degree_of_latitude_is_about_111_km() -> None:
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.195, abs=0.01)
    assert haversine_km(41.79, 123.43, 41.79, 123.43) == 0.0


def test_mean_and_median() -> None:
    assert mean_or_none([1.0, 2.0, 6.0]) == 3.0
    assert median_or_none([1.0, 2.0, 6.0]) == 2.0
    assert mean_or_none([]) is None
    assert median_or_none([]) is None


def test_tokens_are_word_runs_with_case_kept() -> None:
    assert tokens("U.S. troops, 3-day pause") == ["U", "S", "troops", "3", "day", "pause"]


def test_shingles_of_four_and_of_a_short_text() -> None:
    assert shingles("a b c d e") == [("a", "b", "c", "d"), ("b", "c", "d", "e")]
    assert shingles("a b") == [("a", "b")]
    assert shingles("  ") == []


def test_shingle_counts_use_multiplicity() -> None:
    gold = "a b c d a b c d"  # abcd, bcda, cdab, dabc, abcd: 5 shingles, abcd twice
    pred = "a b c d"  # abcd once
    assert shingle_counts(gold, pred) == (1, 0, 4)
    assert shingle_counts(pred, gold) == (1, 4, 0)
    assert shingle_counts(gold, "") == (0, 0, 5)
