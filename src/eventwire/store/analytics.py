"""Aggregate views over filtered events: actor counts, timelines, actor networks.

Each takes the same :class:`EventFilter` as event queries, so that a dashboard's panels
always describe the same selection.
"""

from __future__ import annotations

from typing import Any

import duckdb

from eventwire.errors import Errors
from eventwire.store.query import EventFilter, where_sql

__all__ = ["actor_counts", "timeline", "network"]

# Each side is aggregated before the union (a few thousand codes, not two rows per
# event); an event counts once for a code that is both its source and its target.
_ACTORS = """
WITH f AS (SELECT e.source_code, e.target_code FROM events e WHERE {where}),
r AS (SELECT source_code AS code, count(*) AS s, 0 AS t,
             count(*) FILTER (WHERE source_code = target_code) AS both_roles
      FROM f WHERE source_code IS NOT NULL GROUP BY 1
      UNION ALL
      SELECT target_code, 0, count(*), 0 FROM f WHERE target_code IS NOT NULL GROUP BY 1)
SELECT code, sum(s)::BIGINT AS as_source, sum(t)::BIGINT AS as_target,
       (sum(s) + sum(t) - sum(both_roles))::BIGINT AS events
FROM r GROUP BY code ORDER BY events DESC, code LIMIT ?
"""

_TIMELINE = """
SELECT strftime(p, '{fmt}') AS period, key, count FROM (
    SELECT date_trunc('{interval}', e.day) AS p, {key} AS key, count(*) AS count
    FROM events e WHERE e.day IS NOT NULL AND {where} GROUP BY ALL)
ORDER BY period, key
"""

_NETWORK = """
SELECT e.source_code AS source, e.target_code AS target, count(*) AS events
FROM events e WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND {where}
GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?
"""

#: Whitelists: these strings enter the SQL text, so only these values are accepted.
_INTERVALS = {"day": "%Y-%m-%d", "month": "%Y-%m"}
_KEYS = {"quad_class": "CAST(e.quad_class AS VARCHAR)", "cameo_root": "e.cameo_root"}


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _limit(limit: int) -> int:
    if not isinstance(limit, int) or limit < 1:
        raise Errors.E407_limit.error(limit=limit, stage="query")
    return limit


def actor_counts(
    con: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int
) -> list[dict[str, Any]]:
    """The most frequent actor codes: as source, as target, and in any role."""
    where, params = where_sql(filters)
    return _dicts(con.execute(_ACTORS.format(where=where), [*params, _limit(limit)]))


def timeline(
    con: duckdb.DuckDBPyConnection, filters: EventFilter, interval: str, by: str
) -> list[dict[str, Any]]:
    """Event counts per period (day or month) and key (quad class or CAMEO root)."""
    if interval not in _INTERVALS or by not in _KEYS:
        raise Errors.E407_timeline.error(intervals=sorted(_INTERVALS), keys=sorted(_KEYS),
                                         interval=interval, by=by, stage="query")
    where, params = where_sql(filters)
    sql = _TIMELINE.format(interval=interval, fmt=_INTERVALS[interval], key=_KEYS[by],
                           where=where)
    return _dicts(con.execute(sql, params))


def network(
    con: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int
) -> list[dict[str, Any]]:
    """Directed actor-code edges weighted by their number of events."""
    where, params = where_sql(filters)
    return _dicts(con.execute(_NETWORK.format(where=where), [*params, _limit(limit)]))
