"""Exports name an actor by what it resolves to, the antecedent of "they", while the record
keeps the phrase as written; a store of schema 3 gains the columns."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import duckdb

from eventwire.api import code_text
from eventwire.export import GDELT_COLUMNS, export_store
from eventwire.model import to_record
from eventwire.pipeline import Pipeline
from eventwire.serve import ServeSettings
from eventwire.store import Store
from eventwire.store.migrate import V4_COLUMNS
from eventwire.store.schema import index_statements

from ..serve.conftest import make_client
from ..store.factory import event, record

# Invented: "They" is the five refugees, detained by the police.
STORY = ("Five Sudanese refugees reached the embassy on Monday. "
         "They were detained by Egyptian police.")


def _export(store: Store, fmt: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        export_store(store, fmt)
    return out.getvalue()


def _coded_store(pipeline: Pipeline, path: Path) -> Store:
    doc = code_text(STORY, pipeline=pipeline, doc_id="story", dct="2011-05-03")
    assert doc.error is None, doc.error
    st = Store(path)
    st.add_records([to_record(doc)])
    return st


def test_exports_give_the_resolved_name(pipeline: Pipeline, tmp_path: Path) -> None:
    with _coded_store(pipeline, tmp_path / "names.duckdb") as st:
        gdelt = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
                 for line in _export(st, "gdelt").splitlines()]
        plover = [json.loads(line) for line in _export(st, "plover").splitlines()]
        rows = list(csv.DictReader(io.StringIO(_export(st, "csv"))))
        jsonl = [json.loads(line) for line in _export(st, "jsonl").splitlines()]
        document = st.get_document("story")
    names = {line["Actor2Name"] for line in gdelt}
    assert "Five Sudanese refugees" in names and "They" not in names
    (target,) = [r["target"][0] for r in plover if r["target"]]
    assert (target["actorText"], target["actorResolved"]) == ("They", "Five Sudanese refugees")
    for flat in (rows, jsonl):
        (row,) = [r for r in flat if r["target_text"] == "They"]
        assert row["target_resolved"] == "Five Sudanese refugees"
    assert document is not None
    assert document["events"][0]["target"]["resolved"] == "Five Sudanese refugees"


def test_a_store_of_schema_3_gains_the_columns_and_exports_the_text(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as st:
        st.add_records([record("a", [event(1)])])
    con = duckdb.connect(str(path))
    for (index,) in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall():
        con.execute(f"DROP INDEX {index}")  # DuckDB alters no table an index depends on
    for table, names in V4_COLUMNS.items():
        for name in names:
            con.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
    for stmt in index_statements():
        con.execute(stmt)
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as st:
        (line,) = _export(st, "gdelt").splitlines()
        assert dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))["Actor1Name"] == "Police"
        assert st.get_event("a/e1")["source_resolved"] is None  # type: ignore[index]
        st.add_records([record("b", [event(1)])])
        assert st.get_event("b/e1")["source_resolved"] == "Police"  # type: ignore[index]


def test_the_api_gives_the_resolved_name(pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "api.duckdb"
    _coded_store(pipeline, path).close()
    client = make_client(path, settings=ServeSettings())
    try:
        body = client.get("/api/events").json()
        document = client.get("/api/documents/story").json()
    finally:
        client.close()
    (row,) = [r for r in body["events"] if r["target_text"] == "They"]
    assert row["target_resolved"] == "Five Sudanese refugees"
    (event,) = [e for e in document["events"] if e["trigger"] == "detained"]
    assert event["target"]["resolved"] == "Five Sudanese refugees"
