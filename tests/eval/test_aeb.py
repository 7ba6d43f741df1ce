"""aeb: the benchmark folder, missing pages, and the shingle figures."""

import gzip
import json
from pathlib import Path

import pytest

from eventwire.eval.aeb import load, page_scores, report_from


def test_folder_with_a_missing_page_and_a_bad_entry(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(b"<html>x</html>"))
    (tmp_path / "html" / "p3.html").write_text("<html>y</html>")
    truth = {
        "p1": {"articleBody": "Body one.", "url": "u"},
        "p2": {"articleBody": "Two."},
        "p3": {"articleBody": "Three."},
        "p4": {"url": "no body"},
    }
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    gold = load(tmp_path)
    assert [i.id for i in gold.items] == ["p1", "p3"]
    assert gold.items[1].html.name == "p3.html"
    assert [s.location for s in gold.skipped] == ["ground-truth.json[p2]", "ground-truth.json[p4]"]


def test_page_scores_follow_the_benchmark() -> None:
    assert page_scores(0, 0, 0) == (1.0, 1.0)
    assert page_scores(3, 1, 2) == (0.75, 0.6)
    assert page_scores(0, 0, 5) == (None, 0.0)


def test_micro_and_page_averaged_figures() -> None:
    r = report_from([(3, 1, 0), (1, 0, 3)], "p")
    assert r.precision == 0.8
    assert r.recall == pytest.approx(4 / 7)
    assert r.f1 == pytest.approx(2 * 0.8 * (4 / 7) / (0.8 + 4 / 7))
    assert r.benchmark_precision == pytest.approx((0.75 + 1.0) / 2)
    assert r.benchmark_recall == pytest.approx((1.0 + 0.25) / 2)
