"""Facets of filtered events: the most frequent values of a few columns, with counts.

What an analyst reads first about a selection: who acts (sources), on whom (targets),
doing what (PLOVER types, CAMEO roots), where (location countries), and how the QuadClasses
split. One scan: the filtered columns are read once into a temporary result and each
facet is grouped from it.
"""

from __future__ import annotations

from typing import Any

import duckdb

from eventwire.errors import Errors
from eventwire.store.filters import EventFilter, check_columns, where_sql

__all__ = ["FACETS", "facets", "count_events"]

#: Facet name -> the column it counts (these strings enter the SQL; nothing else does).
FACETS: dict[str, str] = {
    "sources": "source_code",
    "targets": "target_code",
    "plover_types": "plover_type",
    "cameo_roots": "cameo_root",
    "location_countries": "location_country",
    "quad_classes": "quad_class",
}

_COUNT = "SELECT count(*) FROM events e WHERE {where}"


def _facet_sql(where: str) -> str:
    """One UNION ALL of per-facet top-N groups over the filtered rows (a CTE)."""
    cols = ", ".join(f"e.{c}" for c in dict.fromkeys(FACETS.values()))
    parts = [
        f"SELECT '{name}' AS facet, CAST({col} AS VARCHAR) AS value, count(*) AS n "
        f"FROM f WHERE {col} IS NOT NULL GROUP BY ALL ORDER BY n DESC, value LIMIT ?"
        for name, col in FACETS.items()
    ]
    body = " UNION ALL ".join(f"({p})" for p in parts)
    return f"WITH f AS MATERIALIZED (SELECT {cols} FROM events e WHERE {where}) {body}"


def count_events(con: duckdb.DuckDBPyConnection, filters: EventFilter) -> int:
    """How many event mentions match ``filters``."""
    check_columns(con, filters)
    where, params = where_sql(filters)
    row = con.execute(_COUNT.format(where=where), params).fetchone()
    return int(row[0]) if row else 0


def facets(
    con: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int = 10
) -> dict[str, list[dict[str, Any]]]:
    """``{facet: [{value, count}]}``, most frequent first, at most ``limit`` per facet."""
    if not isinstance(limit, int) or not 1 <= limit <= 1000:
        raise Errors.E407_facet_limit.error(limit=limit, stage="query")
    check_columns(con, filters)
    where, params = where_sql(filters)
    rows = con.execute(_facet_sql(where), [*params, *([limit] * len(FACETS))]).fetchall()
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in FACETS}
    for facet, value, n in rows:
        out[facet].append({"value": int(value) if facet == "quad_classes" else value,
                           "count": int(n)})
    return out
