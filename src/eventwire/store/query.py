"""Event filters as parameterised SQL, and the opaque page cursor.

Every user value reaches DuckDB as a parameter, never inside the SQL text. Filters are
plain column scans: DuckDB reads only the columns a filter names, and a million events
answer in tens of milliseconds, which beats index lookups for prefix and range filters.
"""

from __future__ import annotations

import base64
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventwire.errors import StoreError

__all__ = [
    "EventFilter", "EventPage", "where_sql", "encode_cursor", "decode_cursor", "parse_day", "ORDER",
]

#: Newest first (events without a date last); one integer, see ``schema.order_key``.
ORDER = "e.order_key DESC"

_KM_PER_DEGREE = 111.2


@dataclass
class EventFilter:
    """Conditions on events; every given one must hold (AND)."""

    actor: str | None = None
    country: str | None = None
    cameo: str | None = None
    plover: str | None = None
    since: str | None = None
    until: str | None = None
    near: tuple[float, float, float] | None = None
    text: str | None = None


@dataclass
class EventPage:
    """One page of events, and the cursor of the next page (None on the last)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    next_cursor: str | None = None


def _bad(message: str) -> StoreError:
    return StoreError(message, code="E407", stage="query")


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(value: str | date, name: str) -> date:
    """``value`` as a day, when it is exactly ``YYYY-MM-DD`` (or already a date).

    Why so strict: a filter that reads ``2002-01-01garbage`` or ``2002-01-01T00:00:00`` as
    the first of January answers a question the user did not ask; refusing it says so.
    """
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        if not _DAY.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError as exc:
        raise _bad(f"{name} {value!r} is not a date of the form YYYY-MM-DD") from exc


def _near(near: tuple[float, float, float]) -> tuple[str, list[Any]]:
    try:
        lat, lon, km = (float(v) for v in near)
    except (TypeError, ValueError) as exc:
        raise _bad(f"near {near!r} must be three numbers: lat, lon, km") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise _bad(f"near {near!r}: latitude, longitude or distance out of range")
    dlat = km / _KM_PER_DEGREE
    # A bounding box first (plain comparisons DuckDB pushes into the scan), then the
    # great-circle distance on what is left. No longitude box near the poles or across
    # the date line, where it would be wrong.
    box, params = "e.lat BETWEEN ? AND ?", [lat - dlat, lat + dlat]
    if abs(lat) + dlat < 85:
        dlon = dlat / math.cos(math.radians(abs(lat) + dlat))
        if lon - dlon >= -180 and lon + dlon <= 180:
            box += " AND e.lon BETWEEN ? AND ?"
            params += [lon - dlon, lon + dlon]
    sql = (
        f"{box} AND 2 * 6371.0088 * asin(least(1, sqrt("
        "pow(sin(radians(e.lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(e.lat)) * "
        "pow(sin(radians(e.lon - ?) / 2), 2)))) <= ?"
    )
    return sql, [*params, lat, lat, lon, km]


def _simple(f: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.actor:
        clauses.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
        params += [f.actor.upper(), f.actor.upper()]
    if f.country:
        clauses.append("(e.source_country = ? OR e.target_country = ?)")
        params += [f.country.upper(), f.country.upper()]
    if f.cameo:
        clauses.append("starts_with(e.cameo, ?)")
        params.append(str(f.cameo))
    if f.plover:
        clauses.append("upper(e.plover_type) = ?")
        params.append(f.plover.upper())
    if f.since:
        clauses.append("e.day >= ?")
        params.append(parse_day(f.since, "since"))
    if f.until:
        clauses.append("e.day <= ?")
        params.append(parse_day(f.until, "until"))
    return clauses, params


def where_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE condition (on alias ``e`` of ``events``) and its parameters."""
    clauses, params = _simple(f)
    if f.near is not None:
        sql, near_params = _near(f.near)
        clauses.append(sql)
        params += near_params
    for word in (f.text or "").split():
        clauses.append("contains(lower(e.sentence), ?)")
        params.append(word.lower())
    return (" AND ".join(clauses) or "TRUE"), params


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
        raise _bad(f"cursor {cursor!r} is not one this store gave out") from exc
    return "e.order_key < ?", [key]
