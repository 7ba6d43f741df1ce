"""Pages of events: the newest-first order and the opaque page cursor.

The filters themselves live in :mod:`eventwire.store.filters` (one vocabulary for the CLI,
the API, exports and DataFrames); they are re-exported here for older imports.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
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
from eventwire.store.listing import CLUSTER_FIELDS, event_columns, page_json_sql
from eventwire.store.records import jsonable
from eventwire.store.schema import order_key
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

#: The page's rows when their JSON is missing (see ``store.listing``): never in a store
#: this version wrote or migrated, but an answer rather than a failure if it happens.
_ROWS = "SELECT e.* FROM events e WHERE e.order_key IN (SELECT unnest(?::BIGINT[]))"

#: The clusters of rows read from the events table.
_CLUSTERS = """
SELECT cluster_id, global_id, num_mentions, num_sources, num_articles FROM event_clusters
WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))
"""


def _words_only(filters: EventFilter) -> bool:
    """True when words (``text``) are the only filter besides dates, so the word index
    alone answers: a date filter is a range of ``order_key`` (see :func:`_date_bounds`)."""
    others = [name for name in FILTER_NAMES
              if name not in ("text", "undirected", "since", "until")]
    return bool(filters.text) and not any(getattr(filters, name) for name in others)


#: Events dated the first day of the calendar share ``order_key``'s day 0 with the
#: undated ones; a date filter keeps the dated ones, so they are looked up by their day.
_DAY_ZERO = "m.order_key IN (SELECT order_key FROM events WHERE day = DATE '0001-01-01')"


def _date_bounds(filters: EventFilter) -> tuple[str, list[int]]:
    """``since`` and ``until`` as a condition on the matches' ``order_key`` (alias ``m``).

    Why: the key is the event's day shifted left (``schema.order_key``), so a day range is
    a key range and words with dates never read the events table; a join of the postings
    with the events' days cost up to 150 ms of CPU on a million events, the key range
    about a tenth of it. The condition is exactly ``day >= since AND day <= until``:
    undated events (day 0) are left out, and events dated day 0 looked up.
    """
    if not (filters.since or filters.until):
        return "TRUE", []
    first = date.fromisoformat(filters.since) if filters.since else date.min
    last = date.fromisoformat(filters.until) if filters.until else date.max
    low = order_key(max(first, date.min + timedelta(days=1)), 0)
    cond, params = "m.order_key >= ?", [low]
    if last < date.max:
        cond += " AND m.order_key < ?"
        params.append(order_key(last + timedelta(days=1), 0))
    if first == date.min:
        cond = f"(({cond}) OR {_DAY_ZERO})"
    return cond, params


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _keys(
    con: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int, cursor: str | None,
    total: bool,
) -> tuple[list[int], int | None]:
    """The first ``limit`` order keys after ``cursor``, newest first, and the total.

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
        dated, date_params = _date_bounds(filters)
        row = con.execute(
            f"SELECT count(*), max(m.order_key, ?) FILTER (WHERE {later}) "
            f"FROM ({matches_sql(len(words))}) m WHERE {dated}",
            [limit, *after_params, *words, *date_params]).fetchone()
        assert row is not None
        return [int(k) for k in row[1] or []], int(row[0])
    if total and any(getattr(filters, name) for name in _SCANNING):
        row = con.execute(
            f"SELECT count(*), max(e.order_key, ?) FILTER (WHERE {after}) "
            f"FROM events e WHERE {where}", [limit, *after_params, *params]).fetchone()
        assert row is not None
        return [int(k) for k in row[1] or []], int(row[0])
    keys = con.execute(
        f"SELECT e.order_key FROM events e WHERE {where} AND {after} "
        f"ORDER BY {ORDER} LIMIT ?", [*params, *after_params, limit]).fetchall()
    count = None
    if total:
        found = con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
        count = int(found[0]) if found else 0
    return [int(k) for (k,) in keys], count


def _from_json(con: duckdb.DuckDBPyConnection, keys: list[int],
               names: list[str]) -> dict[int, dict[str, Any]]:
    """The rows of ``keys`` from their JSON (``store.listing``): the values of ``names``,
    the events table's columns in order, then their cluster's counts."""
    rows = {}
    columns = [*names, *CLUSTER_FIELDS]
    for key, value in con.execute(page_json_sql(), [keys]).fetchall():
        values = json.loads(value)
        if len(values) == len(columns):
            rows[key] = dict(zip(columns, values, strict=True))
    return rows


def _from_rows(con: duckdb.DuckDBPyConnection, keys: list[int]) -> dict[int, dict[str, Any]]:
    """The rows of ``keys`` from the events table, with their cluster's counts."""
    rows = {r["order_key"]: jsonable(r) for r in _dicts(con.execute(_ROWS, [keys]))}
    cids = sorted({r["cluster_id"] for r in rows.values() if r["cluster_id"] is not None})
    clusters = {r["cluster_id"]: r for r in _dicts(con.execute(_CLUSTERS, [cids]))}
    for row in rows.values():
        cluster = clusters.get(row["cluster_id"], {})
        row.update({name: cluster.get(name) for name in CLUSTER_FIELDS})
    return rows


def _rows(con: duckdb.DuckDBPyConnection, keys: list[int],
          names: list[str]) -> list[dict[str, Any]]:
    """The events of ``keys`` in their order, each with its cluster's counts."""
    rows = _from_json(con, keys, names)
    missing = [key for key in keys if key not in rows]
    if missing:
        rows.update(_from_rows(con, missing))
    return [rows[key] for key in keys]


def read_page(
    con: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int,
    cursor: str | None = None, total: bool = False, columns: list[str] | None = None,
) -> EventPage:
    """One page of events matching ``filters``, newest first, after ``cursor``; with
    ``total``, also how many events match in all (the cursor aside). ``columns``: the
    events table's columns when the caller knows them (reading them costs a query)."""
    check_columns(con, filters)
    keys, count = _keys(con, filters, limit + 1, cursor, total)
    next_cursor = encode_cursor(keys[limit - 1]) if len(keys) > limit else None
    names = columns if columns is not None else event_columns(con)
    rows = _rows(con, keys[:limit], names) if keys else []
    return EventPage(rows, next_cursor, count, list(filters.notes))
