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


def test_events_prints_ids_and_the_total(db: str) -> None:
    code, out, err = _run("events", "--db", db, "--limit", "1")
    assert code == 0 and "b/e1" in out
    assert "1 of 2 matching event(s)" in err


@pytest.mark.parametrize(("args", "suggestion"), [
    (("--country", "US"), "USA"), (("--plover", "FIHGT"), "ASSAULT"),
    (("--dyad", "ISR,PSX"), "PSE"), (("--location-country", "CHI"), "CHN")])
def test_an_unknown_code_is_an_error_with_suggestions(
        db: str, args: tuple[str, str], suggestion: str) -> None:
    code, out, err = _run("events", "--db", db, *args)
    assert code == 2 and out == ""
    assert "E415" in err and suggestion in err


def test_old_plover_names_and_month_dates_work_with_a_note(db: str) -> None:
    code, out, err = _run("events", "--db", db, "--plover", "FIGHT", "--since", "2003-01",
                          "--format", "jsonl")
    assert code == 0 and [json.loads(x)["event_id"] for x in out.splitlines()] == ["b/e1"]
    assert "ASSAULT" in err and "note" in err


def test_contradictory_filters_say_why_nothing_matched(db: str) -> None:
    code, _, err = _run("events", "--db", db, "--since", "2004", "--until", "2003")
    assert code == 0 and "no event can match" in err and "0 of 0" in err


def test_dyad_and_quad_select_the_pair(db: str) -> None:
    code, out, _ = _run("events", "--db", db, "--dyad", "PSE,ISR", "--undirected", "--quad",
                        "4", "--format", "jsonl")
    assert code == 0 and [json.loads(x)["event_id"] for x in out.splitlines()] == ["b/e1"]
    code, out, _ = _run("events", "--db", db, "--dyad", "PSE,ISR", "--format", "jsonl")
    assert code == 0 and out == ""


def test_show_prints_the_event_with_its_sentence(db: str) -> None:
    code, out, _ = _run("show", "b/e1", "--db", db)
    assert code == 0
    assert "b/e1" in out and "Police arrested five protesters" in out and "ISRMIL" in out
    code, out, _ = _run("show", "b/e1", "--db", db, "--json")
    spans = json.loads(out)["evidence"][0]["spans"]
    assert {s["kind"] for s in spans} >= {"trigger"}
    code, _, err = _run("show", "nope/e1", "--db", db)
    assert code == 2 and "E417" in err


def test_export_takes_the_filters(db: str, tmp_path: Path) -> None:
    out = tmp_path / "assault.csv"
    code, _, err = _run("export", "--format", "csv", "--db", db, "--plover", "ASSAULT",
                        "-o", str(out))
    assert code == 0 and "1 row(s)" in err
    assert [r["event_id"] for r in csv.DictReader(io.StringIO(out.read_text()))] == ["b/e1"]


@pytest.mark.parametrize("command", ["events", "export", "show"])
def test_options_that_do_nothing_are_not_offered(command: str) -> None:
    code, out, _ = _run(command, "--help")
    assert code == 0 and "Examples:" in out
    assert "--model" not in out and "--dictionary" not in out
