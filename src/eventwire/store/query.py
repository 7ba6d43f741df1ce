"""Pages of events: the newest-first order and the opaque page cursor.

The filters themselves live in :mod:`eventwire.store.filters` (one vocabulary for the CLI,
the API, exports and DataFrames); they are re-exported here for older imports.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

import duckdb

from eventwire.errors import Errors
from eventwire.store.filters import (
    FILTER_NAMES,
    EventFilter,
    check_columns,
    day_span,
    parse_day,
    where_sql,
)
from eventwire.store.records import jsonable
from eventwire.store.words import matches_sql

__all__ = [
    "EventFilter", "EventPage", "where_sql", "encode_cursor", "decode_cursor", "parse_day",
    "day_span", "ORDER", "read_page",
]

#: Newest first (events without a date last); one integer, see ``schema.order_key``.
ORDER = "e.order_key DESC"


@dataclass
class EventPage:
    """One page of events, the cursor of the next page (None on the last), the number of
    events matching the filters (when asked for) and the filters' notes."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    next_cursor: str | None = None
    total: int | None = None
    notes: list[str] = field(default_factory=list)


def encode_cursor(key: int) -> str:
    """An opaque cursor: where the next page starts in the newest-first order."""
    return base64.urlsafe_b64encode(json.dumps([1, key]).encode("utf-8")).decode("ascii")


def decode_cursor(cursor: str) -> tuple[str, list[Any]]:
    """The condition that selects the rows after a cursor, and its parameters."""
    try:
        version, key = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
        if version != 1 or not isinstance(key, int):
            raise ValueError(cursor)
    except (ValueError, TypeError, json.JSONDecodeError) as exc:
        raise Errors.E407_cursor.error(cursor=cursor, stage="query") from exc
    return "e.order_key < ?", [key]


#: Filters whose condition no zone map can narrow (actor codes, distance, words): the
#: top-N of keys and the total then each scan the whole table, so both come from one scan.
_SCANNING = ("source", "target", "dyad", "actor", "country", "near", "text")

#: The event ids of the page's keys: reading ``event_id`` for these rows only (carrying it
#: through the filter's scan costs three times the scan).
_IDS = """
SELECT e.order_key, e.event_id, e.rowid FROM events e
WHERE e.order_key BETWEEN ? AND ? AND e.order_key IN (SELECT unnest(?::BIGINT[]))
"""

#: The page's rows, through the index on ``event_id``: a page of a rare filter is spread
#: over the whole table, and reading whole rows by a range of keys then reads most of it.
_ROWS = "SELECT e.* FROM events e WHERE e.event_id IN (SELECT unnest(?::VARCHAR[]))"

#: The page's rows when they lie close together in the table (no filter, recent dates):
#: then a range of row ids reads a few blocks, cheaper than one index lookup per row.
_NEAR_ROWS = """
SELECT e.* FROM events e
WHERE e.rowid BETWEEN ? AND ? AND e.rowid IN (SELECT unnest(?::BIGINT[]))
"""
#: Row ids at most this far apart count as close together.
_CLOSE = 8192

#: The page's clusters, through their primary key; a join reads the whole clusters table.
_CLUSTERS = """
SELECT cluster_id, global_id, num_mentions, num_sources, num_articles FROM event_clusters
WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))
"""
_CLUSTER_FIELDS = ("global_id", "num_mentions", "num_sources", "num_articles")


def _words_only(filters: EventFilter) -> bool:
    """True when words (``text``) are the only filter, so the word index alone answers."""
    others = [name for name in FILTER_NAMES if name not in ("text", "undirected")]
    return bool(filters.text) and not any(getattr(filters, name) for name in others)


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _keys(
    con: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int, cursor: str | None,
    total: bool,
) -> tuple[list[int], list[int] | None, int | None]:
    """The first ``limit`` order keys after ``cursor``, newest first, their row ids when
    the plan reads them for free (the top-N), and the total.

    Why three plans: words alone are answered from the word index, without reading the
    events. Otherwise a top-N stops early when zone maps on ``order_key`` and ``day`` skip
    row groups, and a bare count is read from metadata, so for no filter or date, type
    and QuadClass filters two queries are cheapest; filters that must read every row
    cost one full scan each, so then one query does both.
    """
    where, params = where_sql(filters)
    after, after_params = decode_cursor(cursor) if cursor else ("TRUE", [])
    if total and _words_only(filters):
        words = [word.lower() for word in (filters.text or "").split()]
        later = "m.order_key < ?" if cursor else "TRUE"
        row = con.execute(
            f"SELECT count(*), max(m.order_key, ?) FILTER (WHERE {later}) "
            f"FROM ({matches_sql(len(words))}) m", [limit, *after_params, *words]).fetchone()
        assert row is not None
        return [int(k) for k in row[1] or []], None, int(row[0])
    if total and any(getattr(filters, name) for name in _SCANNING):
        row = con.execute(
            f"SELECT count(*), max(e.order_key, ?) FILTER (WHERE {after}) "
            f"FROM events e WHERE {where}", [limit, *after_params, *params]).fetchone()
        assert row is not None
        return [int(k) for k in row[1] or []], None, int(row[0])
    keys = con.execute(
        f"SELECT e.order_key, e.rowid FROM events e WHERE {where} AND {after} "
        f"ORDER BY {ORDER} LIMIT ?", [*params, *after_params, limit]).fetchall()
    count = None
    if total:
        found = con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
        count = int(found[0]) if found else 0
    return [int(k) for k, _ in keys], [int(r) for _, r in keys], count


def _close(rowids: list[int]) -> bool:
    return max(rowids) - min(rowids) <= _CLOSE


def _fetch(con: duckdb.DuckDBPyConnection, keys: list[int],
           rowids: list[int] | None) -> duckdb.DuckDBPyConnection:
    """The rows of ``keys``: by row id when they lie close together, else by event id."""
    if rowids is None or not _close(rowids):
        found = con.execute(_IDS, [min(keys), max(keys), keys]).fetchall()
        rowids = [rowid for _, _, rowid in found]
        if not _close(rowids):
            return con.execute(_ROWS, [[event_id for _, event_id, _ in found]])
    return con.execute(_NEAR_ROWS, [min(rowids), max(rowids), rowids])


def _rows(con: duckdb.DuckDBPyConnection, keys: list[int],
          rowids: list[int] | None) -> list[dict[str, Any]]:
    """The events of ``keys`` in their order, each with its cluster's counts."""
    rows = {r["order_key"]: r for r in _dicts(_fetch(con, keys, rowids))}
    if any(key not in rows for key in keys):  # a write in between moved rows
        rows = {r["order_key"]: r for r in _dicts(_fetch(con, keys, None))}
    cids = sorted({r["cluster_id"] for r in rows.values() if r["cluster_id"] is not None})
    clusters = {r["cluster_id"]: r for r in _dicts(con.execute(_CLUSTERS, [cids]))}
    out = []
    for key in keys:
        row = rows[key]
        cluster = clusters.get(row["cluster_id"], {})
        out.append({**row, **{name: cluster.get(name) for name in _CLUSTER_FIELDS}})
    return out


def read_page(
    con: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int,
    cursor: str | None = None, total: bool = False,
) -> EventPage:
    """One page of events matching ``filters``, newest first, after ``cursor``; with
    ``total``, also how many events match in all (the cursor aside)."""
    check_columns(con, filters)
    keys, rowids, count = _keys(con, filters, limit + 1, cursor, total)
    next_cursor = encode_cursor(keys[limit - 1]) if len(keys) > limit else None
    keys, rowids = keys[:limit], None if rowids is None else rowids[:limit]
    rows = _rows(con, keys, rowids) if keys else []
    return EventPage([jsonable(r) for r in rows], next_cursor, count, list(filters.notes))
