"""The gate's rules: floors and ceilings, rounding, and never loosening by accident."""

import json
from pathlib import Path

from eventwire.eval.baseline import (
    BASELINE,
    SUBSETS,
    Subset,
    check,
    check_digest,
    digest,
    pinned_entry,
    repo_root,
    updated_entry,
)
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


def test_every_subset_has_a_recorded_digest_of_its_data() -> None:
    root = repo_root()
    baseline = json.loads((root / BASELINE).read_text("utf-8"))
    for subset in SUBSETS:
        assert check_digest(subset, baseline[subset.name], root) is None, subset.name


def test_a_folder_digest_sees_every_file_and_nothing_hidden(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text("one")
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "b.html").write_text("two")
    first = digest(tmp_path)
    (tmp_path / ".cache").write_text("noise")
    assert digest(tmp_path) == first
    (tmp_path / "html" / "b.html").write_text("two!")
    assert digest(tmp_path) != first
    (tmp_path / "html" / "b.html").write_text("two")
    (tmp_path / "html" / "b.html").rename(tmp_path / "html" / "c.html")
    assert digest(tmp_path) != first, "a renamed file is other data"


def test_changed_data_fails_the_gate_and_names_the_command(tmp_path: Path) -> None:
    (tmp_path / "subset.jsonl").write_text('{"text": "x"}\n')
    subset = Subset("mine", "plover-gsr", "subset.jsonl")
    entry = {"sha256": digest(tmp_path / "subset.jsonl")}
    assert check_digest(subset, entry, tmp_path) is None
    (tmp_path / "subset.jsonl").write_text('{"text": "y"}\n')
    message = check_digest(subset, entry, tmp_path)
    assert message is not None
    assert "--write --new-data --only mine" in message
    assert check_digest(subset, {}, tmp_path) is not None, "no digest is no pin"


def test_write_keeps_the_bounds_of_changed_data_unless_new_data(tmp_path: Path) -> None:
    (tmp_path / "subset.jsonl").write_text("new data")
    subset = Subset("mine", "plover-gsr", "subset.jsonl")
    old = {"sha256": "0" * 64, "floors": {"event_type_recall": 0.8}}
    log: list[str] = []
    kept = pinned_entry(subset, _report(0.5, 0.1), old, tmp_path, log)
    assert kept == old
    assert "--new-data" in log[0]
    fresh = pinned_entry(subset, _report(0.5, 0.1), old, tmp_path, [], new_data=True)
    assert fresh["sha256"] == digest(tmp_path / "subset.jsonl")
    assert fresh["floors"]["event_type_recall"] == 0.5


def test_write_on_the_same_data_only_tightens_and_keeps_the_digest(tmp_path: Path) -> None:
    (tmp_path / "subset.jsonl").write_text("same data")
    subset = Subset("mine", "plover-gsr", "subset.jsonl")
    old = {"sha256": digest(tmp_path / "subset.jsonl"), "floors": {"event_type_recall": 0.8}}
    entry = pinned_entry(subset, _report(0.5, 0.1), old, tmp_path, [], new_data=True)
    assert entry["floors"]["event_type_recall"] == 0.8
    assert entry["sha256"] == old["sha256"]


def test_new_data_without_a_recorded_digest_is_measured_afresh(tmp_path: Path) -> None:
    (tmp_path / "subset.jsonl").write_text("grown data")
    subset = Subset("mine", "plover-gsr", "subset.jsonl")
    old = {"floors": {"event_type_recall": 0.8}}
    fresh = pinned_entry(subset, _report(0.5, 0.1), old, tmp_path, [], new_data=True)
    assert fresh["floors"]["event_type_recall"] == 0.5
    tightened = pinned_entry(subset, _report(0.5, 0.1), old, tmp_path, [])
    assert tightened["floors"]["event_type_recall"] == 0.8
