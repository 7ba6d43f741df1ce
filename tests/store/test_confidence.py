"""Every event's confidence: stored, migrated into older stores, filtered, and exported by
every format that can hold it (GDELT keeps its 61 columns)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.export import export_store
from eventwire.store import EventFilter, Store
from eventwire.store.migrate import V1_EVENT_COLUMNS, v0_columns
from eventwire.store.schema import index_statements

from .factory import event, record


def _fill(path: Path) -> None:
    with Store(path) as st:
        st.add_records([record("a", [event(1, confidence=0.9)]),
                        record("b", [event(1, confidence=0.2, cameo="190", plover="ASSAULT")]),
                        record("c", [event(1, confidence=None, cameo="112", plover="ACCUSE")])])


def test_the_store_keeps_each_events_confidence(db_path: Path) -> None:
    _fill(db_path)
    with Store(db_path, read_only=True) as st:
        assert st.get_event("a/e1")["confidence"] == 0.9  # type: ignore[index]
        assert st.get_event("c/e1")["confidence"] is None  # type: ignore[index]
        doc = st.get_document("a")
        assert doc is not None and doc["events"][0]["confidence"] == 0.9


def test_min_confidence_filters_stored_events(db_path: Path) -> None:
    _fill(db_path)
    with Store(db_path, read_only=True) as st:
        rows = st.query_events(EventFilter(min_confidence=0.5)).rows
        assert [r["event_id"] for r in rows] == ["a/e1"]
        assert len(st.query_events(EventFilter()).rows) == 3
    result = CliRunner().invoke(main, ["events", "--db", str(db_path), "--min-confidence",
                                       "0.1", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["event_id"] for line in result.stdout.splitlines() if line.strip()]
    assert sorted(ids) == ["a/e1", "b/e1"]


def test_a_store_of_schema_1_gains_the_column_with_unknown_values(db_path: Path) -> None:
    _fill(db_path)
    con = duckdb.connect(str(db_path))
    v1 = {name for name, _ in v0_columns("events")} | set(V1_EVENT_COLUMNS)
    later = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
    ).fetchall() if r[0] not in v1]
    assert "confidence" in later
    indexes = [r[0] for r in con.execute(
        "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'").fetchall()]
    for index in indexes:  # DuckDB alters no table an index depends on
        con.execute(f"DROP INDEX {index}")
    for name in later:
        con.execute(f"ALTER TABLE events DROP COLUMN {name}")
    for stmt in index_statements():
        con.execute(stmt)
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with Store(db_path) as st:
        assert st.get_event("a/e1")["confidence"] is None  # type: ignore[index]
        st.add_records([record("d", [event(1, confidence=0.6)])])
        assert st.get_event("d/e1")["confidence"] == 0.6  # type: ignore[index]


def _text(store: Store, fmt: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        export_store(store, fmt)
    return out.getvalue()


def test_exports_carry_the_confidence(db_path: Path, tmp_path: Path) -> None:
    _fill(db_path)
    with Store(db_path, read_only=True) as st:
        rows = [json.loads(line) for line in _text(st, "jsonl").splitlines()]
        assert {r["event_id"]: r["confidence"] for r in rows}["a/e1"] == 0.9
        table = list(csv.DictReader(io.StringIO(_text(st, "csv"))))
        assert {r["event_id"]: r["confidence"] for r in table}["b/e1"] == "0.2"
        plover = [json.loads(line) for line in _text(st, "plover").splitlines()]
        assert sorted(p["eventwire"]["confidence"] or 0 for p in plover) == [0, 0.2, 0.9]
        gdelt = _text(st, "gdelt").splitlines()
        assert all(len(line.split("\t")) == 61 for line in gdelt)
        export_store(st, "parquet", tmp_path / "events.parquet")
    assert "confidence" in pq.read_table(tmp_path / "events.parquet").column_names
