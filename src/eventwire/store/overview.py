"""What an overview of filtered events needs beyond pages: every located point, and the
Goldstein score per period.

Why not pages of events: a map that plots the first page only shows where the newest
hundred events happened, not where the selection happened. The points are four small
columns per event, so a whole selection (or the newest ``cap`` of it) fits one answer.
Both take the same :class:`EventFilter` as every other query, so the panels describe
the same selection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from eventwire.errors import Errors
from eventwire.store.filters import EventFilter, check_columns, where_sql
from eventwire.store.query import ORDER

__all__ = ["Points", "points", "goldstein_series"]

_LOCATED = "e.lat IS NOT NULL AND e.lon IS NOT NULL"

_POINTS = f"""
SELECT e.event_id, round(e.lat, 5), round(e.lon, 5), e.cameo_root, e.quad_class
FROM events e WHERE {_LOCATED} AND {{where}} ORDER BY {ORDER} LIMIT ?
"""

_COUNT = f"SELECT count(*) FROM events e WHERE {_LOCATED} AND {{where}}"

_GOLDSTEIN = """
SELECT strftime(p, '{fmt}') AS period, events, goldstein FROM (
    SELECT date_trunc('{interval}', e.day) AS p, count(*) AS events,
           round(avg(e.goldstein), 3) AS goldstein
    FROM events e WHERE e.day IS NOT NULL AND {where} GROUP BY ALL)
ORDER BY period
"""

#: Whitelist: this string enters the SQL text, so only these values are accepted.
_INTERVALS = {"day": "%Y-%m-%d", "month": "%Y-%m"}


@dataclass
class Points:
    """Located events as ``[event_id, lat, lon, cameo_root, quad_class]`` rows, newest
    first, and how many located events match in all (``total > len(rows)`` when capped)."""

    rows: list[list[Any]] = field(default_factory=list)
    total: int = 0


def points(con: duckdb.DuckDBPyConnection, filters: EventFilter, cap: int) -> Points:
    """Every located event matching ``filters``, or the newest ``cap`` of them."""
    if not isinstance(cap, int) or cap < 1:
        raise Errors.E407_cap.error(cap=cap, stage="query")
    check_columns(con, filters)
    where, params = where_sql(filters)
    total = con.execute(_COUNT.format(where=where), params).fetchone()
    rows = con.execute(_POINTS.format(where=where), [*params, cap]).fetchall()
    return Points([list(r) for r in rows], int(total[0]) if total else 0)


def goldstein_series(
    con: duckdb.DuckDBPyConnection, filters: EventFilter, interval: str
) -> list[dict[str, Any]]:
    """Events and their mean Goldstein score per period (day or month)."""
    if interval not in _INTERVALS:
        raise Errors.E407_interval.error(intervals=sorted(_INTERVALS), interval=interval,
                                         stage="query")
    check_columns(con, filters)
    where, params = where_sql(filters)
    sql = _GOLDSTEIN.format(interval=interval, fmt=_INTERVALS[interval], where=where)
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
