"""Read and write the ``event_clusters`` table around :class:`Deduplicator`.

All of it runs inside the caller's transaction: a batch's events and the clusters they
touch are committed together, or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import duckdb

from eventwire.store.bulk import bulk_insert, run, scalar
from eventwire.store.dedup import ClusterKey, ClusterState, Deduplicator, DedupRule, cluster_key
from eventwire.store.schema import CLUSTER_COLUMNS

__all__ = ["assign_clusters", "save_clusters", "rebuild_clusters"]

_LOAD = """
WITH k AS (SELECT unnest($1::VARCHAR[]) AS s, unnest($2::VARCHAR[]) AS t,
                  unnest($3::VARCHAR[]) AS c)
SELECT cluster_id, global_id, source_key, target_key, code_key, negated, hypothetical,
       date_lo, date_hi, lat, lon, location_country
FROM event_clusters JOIN k ON source_key = k.s AND target_key = k.t AND code_key = k.c
ORDER BY global_id
"""

_RECOUNT = """
UPDATE event_clusters SET num_mentions = s.n, num_articles = s.a, num_sources = s.o,
       first_seen = s.f, last_seen = s.l, is_lead = s.lead
FROM (SELECT cluster_id, count(*) AS n, count(DISTINCT doc_id) AS a,
             count(DISTINCT coalesce(outlet, doc_id)) AS o,
             min(coalesce(doc_day, day)) AS f, max(coalesce(doc_day, day)) AS l,
             bool_or(sentence_index = 0) AS lead
      FROM events WHERE cluster_id IN (SELECT unnest($1::VARCHAR[])) GROUP BY cluster_id) s
WHERE event_clusters.cluster_id = s.cluster_id
"""

_ANCHOR = """
UPDATE event_clusters SET lat = a.lat, lon = a.lon, location_country = a.country
FROM (SELECT unnest($1::VARCHAR[]) AS id, unnest($2::DOUBLE[]) AS lat,
             unnest($3::DOUBLE[]) AS lon, unnest($4::VARCHAR[]) AS country) a
WHERE event_clusters.cluster_id = a.id
"""


def _state(row: tuple[Any, ...]) -> ClusterState:
    return ClusterState(
        cluster_id=row[0], global_id=row[1], key=(row[2], row[3], row[4], row[5], row[6]),
        date_lo=row[7], date_hi=row[8], lat=row[9], lon=row[10], country=row[11],
    )


def _load(con: duckdb.DuckDBPyConnection, keys: set[ClusterKey]) -> list[ClusterState]:
    triples = sorted({k[:3] for k in keys})
    if not triples:
        return []
    cols = [list(col) for col in zip(*triples, strict=True)]
    rows = con.execute(_LOAD, cols).fetchall()
    return [_state(r) for r in rows if (r[2], r[3], r[4], r[5], r[6]) in keys]


def _next_global(con: duckdb.DuckDBPyConnection) -> int:
    return int(scalar(con, "SELECT coalesce(max(global_id), 0) + 1 FROM event_clusters"))


def assign_clusters(
    con: duckdb.DuckDBPyConnection, rule: DedupRule, events: list[dict[str, Any]]
) -> Deduplicator:
    """Set ``cluster_id`` on every event row (in order); return the touched clusters."""
    keys = {k for k in (cluster_key(e, rule) for e in events) if k is not None}
    dedup = Deduplicator(rule, _load(con, keys), _next_global(con))
    for event in events:
        dedup.assign(event)
    return dedup


def _cluster_row(c: ClusterState) -> dict[str, Any]:
    return {
        "cluster_id": c.cluster_id, "global_id": c.global_id, "source_key": c.key[0],
        "target_key": c.key[1], "code_key": c.key[2], "negated": c.key[3],
        "hypothetical": c.key[4], "date_lo": c.date_lo, "date_hi": c.date_hi,
        "lat": c.lat, "lon": c.lon, "location_country": c.country, "num_mentions": 0,
        "num_sources": 0, "num_articles": 0, "first_seen": None, "last_seen": None,
        "is_lead": False,
    }


def save_clusters(con: duckdb.DuckDBPyConnection, touched: Iterable[ClusterState]) -> None:
    """Insert new clusters, move anchors that gained a place, recount every touched one.

    Call after the batch's events are inserted: the counts are computed from them.
    """
    touched = list(touched)
    bulk_insert(con, "event_clusters", CLUSTER_COLUMNS, [_cluster_row(c) for c in touched
                                                          if c.new])
    moved = [c for c in touched if c.changed and not c.new]
    if moved:
        run(con, _ANCHOR, [[c.cluster_id for c in moved], [c.lat for c in moved],
                              [c.lon for c in moved], [c.country for c in moved]])
    if touched:
        run(con, _RECOUNT, [[c.cluster_id for c in touched]])


_ALL_EVENTS = """
SELECT e.event_id, e.source_code, e.source_country, e.target_code, e.target_country,
       e.cameo, e.negated, e.hypothetical, e.date, e.lat, e.lon, e.location_country
FROM events e ORDER BY e.seq
"""

_EVENT_KEYS = ("event_id", "source_code", "source_country", "target_code", "target_country",
               "cameo", "negated", "hypothetical", "date", "lat", "lon", "location_country")


def rebuild_clusters(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> int:
    """Recompute every cluster from the events, in ingestion order; returns their number.

    Used by migrations and after a change of the rule; runs in the caller's transaction.
    """
    events = [dict(zip(_EVENT_KEYS, r, strict=True)) for r in con.execute(_ALL_EVENTS).fetchall()]
    run(con, "DELETE FROM event_clusters")
    dedup = Deduplicator(rule, [], 1)
    for event in events:
        dedup.assign(event)
    run(con,
        "UPDATE events SET cluster_id = a.cid FROM (SELECT unnest($1::VARCHAR[]) AS eid, "
        "unnest($2::VARCHAR[]) AS cid) a WHERE events.event_id = a.eid",
        [[e["event_id"] for e in events], [e["cluster_id"] for e in events]],
    )
    for c in dedup.touched.values():
        c.changed = False
    save_clusters(con, dedup.touched.values())
    return len(dedup.touched)
