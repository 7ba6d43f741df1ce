"""Query parameters shared by the API's views: event filters and pagination.

Every parameter is checked for shape here (pattern, length, range) before it reaches the
store, which binds it as a query parameter: a value that is not a code, a date or a number
is a 422 with the one error shape, never a query fragment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query, Request

from eventwire.errors import StoreError
from eventwire.serve.errors import ApiError
from eventwire.serve.settings import ServeSettings
from eventwire.store import EventFilter
from eventwire.store.query import parse_day

__all__ = ["Page", "event_filter", "page", "bounded_limit", "parse_near", "CURSOR_PATTERN"]

CURSOR_PATTERN = r"^[A-Za-z0-9_\-=.:~+/]{1,512}$"

_Actor = Annotated[str | None, Query(
    pattern=r"^[A-Za-z0-9]{1,32}$", description="CAMEO actor code prefix (source or target)",
    examples=["CHN"])]
_Country = Annotated[str | None, Query(
    pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 (source or target)")]
_Cameo = Annotated[str | None, Query(
    pattern=r"^[0-9]{1,4}$", description="CAMEO event code prefix, e.g. 17 or 173")]
_Plover = Annotated[str | None, Query(
    pattern=r"^[A-Za-z_]{1,40}$", description="PLOVER event type, e.g. ARREST")]
_Since = Annotated[str | None, Query(
    max_length=40, description="first event date (inclusive), YYYY-MM-DD",
    examples=["2002-05-01"])]
_Until = Annotated[str | None, Query(
    max_length=40, description="last event date (inclusive), YYYY-MM-DD")]
_Near = Annotated[str | None, Query(
    max_length=80, description="LAT,LON,KM: events within KM kilometres of a point",
    examples=["41.8,123.4,50"])]
_Text = Annotated[str | None, Query(
    min_length=1, max_length=200, description="words that must occur in the evidence sentence")]


def _invalid(name: str, message: str) -> ApiError:
    detail = [{"loc": ["query", name], "msg": message, "type": "value_error"}]
    return ApiError(422, "invalid request parameters", code="E601", detail=detail)


def parse_near(value: str) -> tuple[float, float, float]:
    """``"lat,lon,km"`` as three finite numbers within the globe's ranges."""
    parts = value.split(",")
    if len(parts) != 3:
        raise _invalid("near", "give LAT,LON,KM")
    try:
        lat, lon, km = (float(p) for p in parts)
    except ValueError as exc:
        raise _invalid("near", "LAT, LON and KM must be numbers") from exc
    if not all(math.isfinite(x) for x in (lat, lon, km)):
        raise _invalid("near", "LAT, LON and KM must be finite")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_040):
        raise _invalid("near", "LAT in [-90, 90], LON in [-180, 180], KM in (0, 20040]")
    return lat, lon, km


def _day(value: str | None, name: str) -> date | None:
    """A ``since``/``until`` day, read as ``eventwire events`` reads it (YYYY-MM-DD only)."""
    if value is None:
        return None
    try:
        return parse_day(value, name)
    except StoreError as exc:
        raise _invalid(name, "give a date of the form YYYY-MM-DD") from exc


async def event_filter(
    actor: _Actor = None,
    country: _Country = None,
    cameo: _Cameo = None,
    plover: _Plover = None,
    since: _Since = None,
    until: _Until = None,
    near: _Near = None,
    text: _Text = None,
) -> EventFilter:
    """The filters of ``eventwire events``, from the query string."""
    first, last = _day(since, "since"), _day(until, "until")
    if first is not None and last is not None and first > last:
        raise _invalid("since", "since is after until")
    return EventFilter(
        actor=actor.upper() if actor else None,
        country=country.upper() if country else None,
        cameo=cameo,
        plover=plover.upper() if plover else None,
        since=first.isoformat() if first else None,
        until=last.isoformat() if last else None,
        near=parse_near(near) if near is not None else None,
        text=text.strip() or None if text is not None else None,
    )


def bounded_limit(request: Request, limit: int | None) -> int:
    """``limit`` within ``[1, serve.max_limit]``, or the configured default."""
    settings: ServeSettings = request.app.state.settings
    if limit is None:
        return settings.default_limit
    if not 1 <= limit <= settings.max_limit:
        raise _invalid("limit", f"limit must be between 1 and {settings.max_limit}")
    return limit


@dataclass(frozen=True)
class Page:
    """How many rows, and where to start (an opaque cursor from a previous page)."""

    limit: int
    cursor: str | None


async def page(
    request: Request,
    limit: Annotated[int | None, Query(description="rows per page (bounded)")] = None,
    cursor: Annotated[str | None, Query(
        pattern=CURSOR_PATTERN, description="next_cursor of the previous page")] = None,
) -> Page:
    """Pagination parameters, bounded."""
    return Page(bounded_limit(request, limit), cursor)
