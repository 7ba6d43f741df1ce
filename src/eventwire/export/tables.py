"""Flat event exports: JSON Lines and CSV streamed from Python, Parquet through DuckDB.

Every format writes the same rows: one per event mention, the ``events`` columns plus
the counts of its cluster (GDELT's NumMentions, NumSources, NumArticles), for the events
that match an :class:`~eventwire.store.EventFilter` (all of them by default). Rows are
fetched in chunks, so a million-row export holds one chunk at a time.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from eventwire.errors import Errors
from eventwire.store.filters import EventFilter, check_columns, where_sql

__all__ = [
    "EVENT_EXPORT_SQL", "query_dicts", "event_rows", "write_jsonl", "write_csv", "write_parquet",
    "filtered", "csv_header", "csv_cell",
]

EVENT_EXPORT_SQL = """
SELECT e.*, c.global_id, c.num_mentions, c.num_sources, c.num_articles
FROM events e LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id
WHERE {where}
ORDER BY e.seq
"""


def filtered(
    con: duckdb.DuckDBPyConnection, sql: str, filters: EventFilter | None
) -> tuple[str, list[Any]]:
    """``sql`` with its ``{where}`` filled for ``filters`` (on alias ``e``), and the
    parameters to bind."""
    chosen = filters or EventFilter()
    check_columns(con, chosen)
    where, params = where_sql(chosen)
    return sql.format(where=where), params


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def query_rows(
    con: duckdb.DuckDBPyConnection, sql: str, chunk: int = 10_000, params: list[Any] | None = None
) -> Iterator[tuple[Any, ...]]:
    """The rows of a query as tuples, fetched in chunks so an export never holds them all."""
    cur = con.execute(sql, params or [])
    while rows := cur.fetchmany(chunk):
        yield from rows


def query_dicts(
    con: duckdb.DuckDBPyConnection, sql: str, chunk: int = 10_000, params: list[Any] | None = None
) -> Iterator[dict[str, Any]]:
    """The rows of a query as dicts, fetched in chunks so an export never holds them all."""
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description or []]
    while rows := cur.fetchmany(chunk):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def event_rows(
    con: duckdb.DuckDBPyConnection, chunk: int = 10_000, filters: EventFilter | None = None
) -> Iterator[dict]:
    """Every matching event mention with its cluster's counts, as JSON-ready dicts."""
    sql, params = filtered(con, EVENT_EXPORT_SQL, filters)
    for row in query_dicts(con, sql, chunk, params):
        yield {n: _plain(v) for n, v in row.items()}


def write_jsonl(
    con: duckdb.DuckDBPyConnection, out: IO[str], filters: EventFilter | None = None
) -> int:
    count = 0
    for row in event_rows(con, filters=filters):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def csv_cell(value: Any) -> Any:
    """Lists (sectors, PLOVER context) as ``;``-joined text: one value per CSV cell."""
    return ";".join(value) if isinstance(value, list) else value


def csv_header(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The CSV columns, known before any row: an export of no rows still has its header."""
    sql, params = filtered(con, EVENT_EXPORT_SQL, EventFilter())
    cur = con.execute(f"SELECT * FROM ({sql}) LIMIT 0", params)
    return [d[0] for d in cur.description or []]


def write_csv(
    con: duckdb.DuckDBPyConnection, out: IO[str], filters: EventFilter | None = None
) -> int:
    """A header line, then one line per event mention (lists joined with ``;``)."""
    writer = csv.DictWriter(out, fieldnames=csv_header(con), lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in event_rows(con, filters=filters):
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        count += 1
    return count


def _quote(path: Path) -> str:
    # COPY takes its file name as a literal, not a parameter: quote it as SQL text.
    return "'" + str(path).replace("'", "''") + "'"


def write_parquet(
    con: duckdb.DuckDBPyConnection, path: str | Path, filters: EventFilter | None = None
) -> int:
    """Write the events to a Parquet file with DuckDB's COPY; returns the row count."""
    target = Path(path)
    query, params = filtered(con, EVENT_EXPORT_SQL, filters)
    sql = f"COPY ({query}) TO {_quote(target)} (FORMAT parquet)"
    try:
        rows = con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        raise Errors.E410.error(output=target, reason=exc, stage="export") from exc
    return int(rows[0][0]) if rows else 0
