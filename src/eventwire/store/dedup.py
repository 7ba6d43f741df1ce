"""Cross-article deduplication: link mentions of the same real-world event into clusters.

The rule (documented in ``docs/store.md``, settings under ``store.dedup``): two event
mentions are the same event when

* they have the same **dyad**: the source key and target key are equal, where an actor's
  key is its CAMEO code (``actor_key: code``; its country when it has no code) or its
  country (``actor_key: country``; its code when it has no country);
* they have the same **code** at ``code_level`` (``root``: the two-digit CAMEO root,
  ``base``: three digits, ``code``: the full code), and the same negated and hypothetical
  flags;
* their **dates** are compatible: the days they cover (``2002-05`` covers all of May)
  come within ``date_window_days`` of the cluster's date;
* their **places** are compatible: both have coordinates within ``max_km`` of each other,
  or both name the same country without coordinates, or one has no place at all
  (``missing_place: match``; ``separate`` keeps those apart).

A mention with no date, or with neither a source nor a target, is never merged. Each
mention is compared with the cluster's anchor (the date and place of its first mention;
a cluster without a place takes the first place a later mention brings), not with every
member, so clusters cannot drift by chaining. Among compatible clusters the nearest in
time wins, then the oldest. Clusters are updated incrementally as documents arrive, in
input order, so a run that is interrupted and resumed builds the same clusters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from eventwire.errors import ConfigError, Errors
from eventwire.settings import DedupSettings, from_mapping
from eventwire.store.rows import date_interval

__all__ = ["DedupRule", "ClusterState", "ClusterKey", "cluster_key", "Deduplicator"]

ClusterKey = tuple[str, str, str, bool, bool]

_EARTH_KM = 6371.0088


@dataclass(frozen=True)
class DedupRule(DedupSettings):
    """The settings of ``store.dedup`` in the configuration (fields and defaults:
    :class:`eventwire.settings.DedupSettings`)."""

    @classmethod
    def from_config(cls, section: dict[str, Any] | None) -> DedupRule:
        """The rule a ``store.dedup`` mapping describes; a bad one is a StoreError (E411)."""
        try:
            return from_mapping(cls, section, "store.dedup")
        except ConfigError as exc:
            raise Errors.E411.error(reason=exc.message, advice=exc.hint) from exc


@dataclass
class ClusterState:
    """A cluster's anchor (what new mentions are compared with) and its identity."""

    cluster_id: str
    global_id: int
    key: ClusterKey
    date_lo: date | None
    date_hi: date | None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    new: bool = False
    changed: bool = False


def _actor(row: dict[str, Any], role: str, rule: DedupRule) -> str:
    code, country = row.get(f"{role}_code"), row.get(f"{role}_country")
    first, second = (code, country) if rule.actor_key == "code" else (country, code)
    return str(first or second or "")


def cluster_key(row: dict[str, Any], rule: DedupRule) -> ClusterKey | None:
    """The blocking key of an event row, or None when it must stay on its own."""
    source, target = _actor(row, "source", rule), _actor(row, "target", rule)
    if not rule.enabled or not (source or target) or date_interval(row.get("date")) is None:
        return None
    width = {"root": 2, "base": 3, "code": 4}[rule.code_level]
    code = str(row.get("cameo") or "")[:width]
    return (source, target, code, bool(row.get("negated")), bool(row.get("hypothetical")))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


class Deduplicator:
    """Assign event rows to clusters, given the existing clusters of the same keys."""

    def __init__(self, rule: DedupRule, clusters: list[ClusterState], next_global: int) -> None:
        self.rule = rule
        self.next_global = next_global
        self.by_key: dict[ClusterKey, list[ClusterState]] = {}
        for c in clusters:
            self.by_key.setdefault(c.key, []).append(c)
        self.touched: dict[str, ClusterState] = {}

    def _date_gap(self, c: ClusterState, lo: date, hi: date) -> int | None:
        if c.date_lo is None or c.date_hi is None:
            return None
        window = timedelta(days=self.rule.date_window_days)
        if lo > c.date_hi + window or hi < c.date_lo - window:
            return None
        return max(0, (lo - c.date_hi).days, (c.date_lo - hi).days)

    def _place_ok(self, c: ClusterState, row: dict[str, Any]) -> bool:
        lat, lon, country = row.get("lat"), row.get("lon"), row.get("location_country")
        if c.lat is not None and c.lon is not None and lat is not None and lon is not None:
            return distance_km(c.lat, c.lon, lat, lon) <= self.rule.max_km
        if c.country and country:
            return bool(c.country == country)
        has_row = lat is not None or country is not None
        has_cluster = c.lat is not None or c.country is not None
        if has_row and has_cluster:
            return False
        return self.rule.missing_place == "match" or not (has_row or has_cluster)

    def _best(self, key: ClusterKey, row: dict[str, Any]) -> ClusterState | None:
        span = date_interval(row.get("date"))
        assert span is not None
        best: tuple[int, int, ClusterState] | None = None
        for c in self.by_key.get(key, []):
            gap = self._date_gap(c, *span)
            if gap is None or not self._place_ok(c, row):
                continue
            if best is None or (gap, c.global_id) < best[:2]:
                best = (gap, c.global_id, c)
        return best[2] if best else None

    def _new(self, key: ClusterKey | None, row: dict[str, Any]) -> ClusterState:
        span = date_interval(row.get("date")) or (None, None)
        c = ClusterState(
            cluster_id=row["event_id"], global_id=self.next_global,
            key=key or ("", "", "", False, False), date_lo=span[0], date_hi=span[1],
            lat=row.get("lat"), lon=row.get("lon"), country=row.get("location_country"),
            new=True,
        )
        self.next_global += 1
        if key is not None:
            self.by_key.setdefault(key, []).append(c)
        return c

    def _adopt_place(self, c: ClusterState, row: dict[str, Any]) -> None:
        if c.lat is None and c.country is None and (row.get("lat") is not None
                                                     or row.get("location_country")):
            c.lat, c.lon, c.country = row.get("lat"), row.get("lon"), row.get("location_country")
            c.changed = True

    def assign(self, row: dict[str, Any]) -> str:
        """Set and return the row's cluster id, creating or updating a cluster."""
        key = cluster_key(row, self.rule)
        cluster = self._best(key, row) if key is not None else None
        if cluster is None:
            cluster = self._new(key, row)
        else:
            self._adopt_place(cluster, row)
        self.touched[cluster.cluster_id] = cluster
        row["cluster_id"] = cluster.cluster_id
        return cluster.cluster_id
