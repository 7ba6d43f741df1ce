"""``eventwire events`` and ``eventwire export`` on a real store file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store import Store

from .factory import event, record


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "events.duckdb"
    with Store(path) as st:
        st.add_records([
            record("a", [event(1, place=(39.9, 116.4), country="CHN")]),
            record("b", [event(1, source="ISRMIL", target="PSEREB", cameo="190",
                               date="2003-01-02", plover="ASSAULT")]),
        ])
    return str(path)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_events_jsonl_newest_first(db: str) -> None:
    code, out, _ = _run("events", "--db", db, "--format", "jsonl")
    assert code == 0
    assert [json.loads(line)["event_id"] for line in out.splitlines()] == ["b/e1", "a/e1"]


def test_events_filters_from_the_command_line(db: str) -> None:
    code, out, _ = _run("events", "--db", db, "--format", "csv", "--near", "39.9,116.4,5",
                        "--since", "2002-01-01", "--text", "police", "--limit", "5")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["event_id"] for r in rows] == ["a/e1"] and rows[0]["source_sectors"] == "COP"


def test_events_table_is_the_default(db: str) -> None:
    code, out, _ = _run("events", "--db", db, "--plover", "ASSAULT")
    assert code == 0 and "ISRMIL" in out and "CHNCOP" not in out


@pytest.mark.parametrize("args", [("--near", "north"), ("--since", "last week")])
def test_events_bad_values_exit_2_with_a_clear_message(db: str, args: tuple[str, str]) -> None:
    code, _, err = _run("events", "--db", db, *args)
    assert code == 2 and "[E407]" in err


def test_events_on_a_missing_database(tmp_path: Path) -> None:
    code, _, err = _run("events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "[E409]" in err


def test_export_gdelt_to_a_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    code, _, err = _run("export", "--format", "gdelt", "-o", str(out), "--db", db)
    assert code == 0 and "2 row(s)" in err
    assert [len(line.split("\t")) for line in out.read_text().splitlines()] == [61, 61]
