"""``eventwire eval`` as a command: JSON output, the table, skipped records, bad kinds."""

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.eval.baseline import repo_root

ROOT = repo_root()
PLOVER = ROOT / "tests/data/eval/plover-gsr/subset.jsonl"
PETRARCH = ROOT / "tests/data/eval/petrarch/PETR.UnitTest.subset.xml"


def test_json_output_parses_and_has_the_figures() -> None:
    result = CliRunner().invoke(main, ["eval", "plover-gsr", str(PLOVER), "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == "plover-gsr"
    assert data["figures"]["items"] == 3
    for name in (
        "event_type_recall",
        "dyad_recall",
        "extra_events_per_sentence",
        "actor_recall_country",
        "actor_recall_country_sector",
    ):
        assert name in data["figures"]
    assert "extra_events_per_sentence" in data["lower_is_better"]
    assert isinstance(data["confusion"], dict)


def test_table_lists_skipped_records(tmp_path: Path) -> None:
    path = tmp_path / "gsr.jsonl"
    lines = PLOVER.read_text("utf-8").splitlines()[:2]
    path.write_text("\n".join([lines[0], "{broken", lines[1]]) + "\n")
    result = CliRunner().invoke(main, ["eval", "plover-gsr", str(path)])
    assert result.exit_code == 0, result.output
    assert "event_type_recall" in result.output
    assert "skipped 1 malformed record(s)" in result.output
    assert "gsr.jsonl:2: not valid JSON" in result.output


def test_petrarch_uses_the_dictionaries_next_to_the_records_and_says_so() -> None:
    result = CliRunner().invoke(main, ["eval", "petrarch", str(PETRARCH), "--limit", "2", "--json"])
    assert result.exit_code == 0, result.output
    notes = json.loads(result.stdout)["notes"]
    assert any(f"petrarch:{PETRARCH.parent}" in n for n in notes)


def test_unknown_kind_is_a_clear_error() -> None:
    result = CliRunner().invoke(main, ["eval", "nope", str(PLOVER)])
    assert result.exit_code == 2
    assert "E217" in result.output
    assert "plover-gsr" in result.output
