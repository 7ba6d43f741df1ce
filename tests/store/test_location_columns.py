"""Each event's location_source and location_precision: stored, read back, migrated into
a store of schema 2, and in the flat exports."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import duckdb

from eventwire.export import export_store
from eventwire.store import Store
from eventwire.store.migrate import (
    V1_EVENT_COLUMNS,
    V2_EVENT_COLUMNS,
    V3_EVENT_COLUMNS,
    v0_columns,
)
from eventwire.store.schema import index_statements

from .factory import event, record


def _placed(i: int, source: str | None, precision: str | None) -> dict[str, object]:
    ev = event(i, place=(41.8, 123.4), country="CHN") if source else event(i)
    ev["location_source"], ev["location_precision"] = source, precision
    return ev


def _fill(path: Path) -> None:
    with Store(path) as st:
        st.add_records([record("a", [_placed(1, "clause", "city"),
                                     _placed(2, None, None)])])


def test_the_store_keeps_where_a_location_came_from(db_path: Path) -> None:
    _fill(db_path)
    with Store(db_path, read_only=True) as st:
        placed = st.get_event("a/e1")
        assert placed is not None
        assert (placed["location_source"], placed["location_precision"]) == ("clause", "city")
        doc = st.get_document("a")
        assert doc is not None and doc["events"][1]["location_source"] is None
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            export_store(st, "jsonl")
    rows = {r["event_id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert rows["a/e1"]["location_precision"] == "city"


def test_a_store_of_schema_2_gains_the_columns_with_unknown_values(db_path: Path) -> None:
    _fill(db_path)
    con = duckdb.connect(str(db_path))
    for (index,) in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall():
        con.execute(f"DROP INDEX {index}")  # DuckDB alters no table an index depends on
    for table in ("events", "mentions"):  # every column of schema 3 and later goes
        kept = {name for name, _ in v0_columns(table)}
        kept |= set(V1_EVENT_COLUMNS + V2_EVENT_COLUMNS) if table == "events" else set()
        for (name,) in con.execute("SELECT column_name FROM information_schema.columns "
                                   "WHERE table_name = ?", [table]).fetchall():
            if name not in kept:
                con.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
    assert set(V3_EVENT_COLUMNS) - kept == set(V3_EVENT_COLUMNS)
    for stmt in index_statements():
        con.execute(stmt)
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with Store(db_path) as st:
        old = st.get_event("a/e1")
        assert old is not None and old["location_source"] is None
        st.add_records([record("b", [_placed(1, "dateline", "admin1")])])
        new = st.get_event("b/e1")
        assert new is not None and new["location_source"] == "dateline"
