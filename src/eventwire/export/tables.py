"""Flat event exports: JSON Lines and CSV streamed from Python, Parquet through DuckDB.

Every format writes the same rows: one per event mention, the ``events`` columns plus
the counts of its cluster (GDELT's NumMentions, NumSources, NumArticles).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from eventwire.errors import StoreError

__all__ = [
    "EVENT_EXPORT_SQL", "query_dicts", "event_rows", "write_jsonl", "write_csv", "write_parquet",
]

EVENT_EXPORT_SQL = """
SELECT e.*, c.global_id, c.num_mentions, c.num_sources, c.num_articles
FROM events e LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id
ORDER BY e.seq
"""


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def query_dicts(
    con: duckdb.DuckDBPyConnection, sql: str, chunk: int = 10_000
) -> Iterator[dict[str, Any]]:
    """The rows of a query as dicts, fetched in chunks so an export never holds them all."""
    cur = con.execute(sql)
    names = [d[0] for d in cur.description or []]
    while rows := cur.fetchmany(chunk):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def event_rows(con: duckdb.DuckDBPyConnection, chunk: int = 10_000) -> Iterator[dict]:
    """Every event mention with its cluster's counts, as JSON-ready dicts."""
    for row in query_dicts(con, EVENT_EXPORT_SQL, chunk):
        yield {n: _plain(v) for n, v in row.items()}


def write_jsonl(con: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    count = 0
    for row in event_rows(con):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _cell(value: Any) -> Any:
    # Lists (sectors, PLOVER context) as ';'-joined text: one value per CSV cell.
    return ";".join(value) if isinstance(value, list) else value


def write_csv(con: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    writer: Any = None
    count = 0
    for row in event_rows(con):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        count += 1
    return count


def _quote(path: Path) -> str:
    # COPY takes its file name as a literal, not a parameter: quote it as SQL text.
    return "'" + str(path).replace("'", "''") + "'"


def write_parquet(con: duckdb.DuckDBPyConnection, path: str | Path) -> int:
    """Write the events to a Parquet file with DuckDB's COPY; returns the row count."""
    target = Path(path)
    sql = f"COPY ({EVENT_EXPORT_SQL}) TO {_quote(target)} (FORMAT parquet)"
    try:
        rows = con.execute(sql).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"cannot write {target}: {exc}", code="E410", stage="export") from exc
    return int(rows[0][0]) if rows else 0
