"""The gate's rules: floors and ceilings, rounding, and never loosening by accident."""

from eventwire.eval.baseline import SUBSETS, check, repo_root, updated_entry
from eventwire.eval.plover import PloverReport


def _report(recall: float | None, extra: float) -> PloverReport:
    return PloverReport(
        kind="plover-gsr",
        path="p",
        items=40,
        event_type_recall=recall,
        extra_events_per_sentence=extra,
    )


def test_check_names_the_figure_the_floor_and_the_value() -> None:
    entry = {"floors": {"event_type_recall": 0.5}, "ceilings": {"extra_events_per_sentence": 1.0}}
    assert check({"event_type_recall": 0.5, "extra_events_per_sentence": 1.0}, entry, "s") == []
    failures = check({"event_type_recall": 0.49, "extra_events_per_sentence": 1.2}, entry, "s")
    assert failures == [
        "s: event_type_recall = 0.49 is below its floor 0.5",
        "s: extra_events_per_sentence = 1.2 is above its ceiling 1.0",
    ]


def test_a_figure_that_became_undefined_fails() -> None:
    failures = check({"event_type_recall": None}, {"floors": {"event_type_recall": 0.1}}, "s")
    assert failures == ["s: event_type_recall = None is below its floor 0.1"]


def test_write_rounds_floors_down_and_ceilings_up() -> None:
    log: list[str] = []
    entry = updated_entry(_report(0.66666, 0.12345), {}, False, log)
    assert entry["floors"]["event_type_recall"] == 0.666
    assert entry["floors"]["items"] == 40
    assert entry["ceilings"]["extra_events_per_sentence"] == 0.124
    assert entry["ceilings"]["crashed"] == 0
    assert "event_type_recall: None -> 0.666" in log


def test_write_never_loosens_without_allow_lower() -> None:
    old = {"floors": {"event_type_recall": 0.8}, "ceilings": {"extra_events_per_sentence": 0.1}}
    log: list[str] = []
    kept = updated_entry(_report(0.5, 0.3), old, False, log)
    assert kept["floors"]["event_type_recall"] == 0.8
    assert kept["ceilings"]["extra_events_per_sentence"] == 0.1
    assert any(line.startswith("kept event_type_recall at 0.8") for line in log)
    lowered = updated_entry(_report(0.5, 0.3), old, True, [])
    assert lowered["floors"]["event_type_recall"] == 0.5
    assert lowered["ceilings"]["extra_events_per_sentence"] == 0.3


def test_write_raises_floors_and_skips_undefined_figures() -> None:
    old = {"floors": {"event_type_recall": 0.2}}
    entry = updated_entry(_report(None, 0.0), old, False, [])
    assert entry["floors"]["event_type_recall"] == 0.2
    assert updated_entry(_report(0.9, 0.0), old, False, [])["floors"]["event_type_recall"] == 0.9


def test_every_subset_is_in_the_repository() -> None:
    root = repo_root()
    for subset in SUBSETS:
        assert (root / subset.path).exists(), subset.path
