"""Query parameters shared by the API's views: event filters and pagination.

Every parameter is checked for shape here (pattern, length, range), then by the store's
:class:`~eventwire.store.EventFilter` (known codes, dates), and bound as a query parameter:
a value that is not a code, a date or a number is a 422 with the one error shape (E601,
or E619 with close matches for an unknown code), never a query fragment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query, Request

from eventwire.errors import Errors, StoreError
from eventwire.serve.errors import ApiError
from eventwire.serve.settings import ServeSettings
from eventwire.store import EventFilter

__all__ = ["Page", "event_filter", "page", "bounded_limit", "parse_near", "CURSOR_PATTERN"]

CURSOR_PATTERN = r"^[A-Za-z0-9_\-=.:~+/]{1,512}$"

_Code = r"^[A-Za-z0-9]{1,32}$"
_Actor = Annotated[str | None, Query(
    pattern=_Code, description="CAMEO actor code prefix (source or target)", examples=["CHN"])]
_Source = Annotated[str | None, Query(
    pattern=_Code, description="source actor: CAMEO code prefix (USAGOV, IGO) or ISO3 country",
    examples=["USA"])]
_Target = Annotated[str | None, Query(
    pattern=_Code, description="target actor: CAMEO code prefix or ISO3 country")]
_Dyad = Annotated[str | None, Query(
    pattern=r"^[A-Za-z0-9]{1,32},[A-Za-z0-9]{1,32}$",
    description="SOURCE,TARGET actor codes or countries", examples=["USA,CHN"])]
_Undirected = Annotated[bool, Query(description="the dyad in either direction")]
_Country = Annotated[str | None, Query(
    pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 (source or target)")]
_Quad = Annotated[list[str] | None, Query(
    description="QuadClass 1-4; repeatable or a comma list, e.g. 3,4", examples=["4"])]
_Cameo = Annotated[str | None, Query(
    pattern=r"^[0-9]{1,4}$", description="CAMEO event code prefix, e.g. 17 or 173")]
_Plover = Annotated[str | None, Query(
    pattern=r"^[A-Za-z_]{1,40}$", description="PLOVER event type, e.g. ASSAULT")]
_PloverWord = Annotated[str | None, Query(
    pattern=r"^[A-Za-z_\-]{1,40}$", description="PLOVER mode or context")]
_LocationCountry = Annotated[str | None, Query(
    pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 country of the event's place")]
_Since = Annotated[str | None, Query(
    max_length=40, description="first event date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD",
    examples=["2002-05"])]
_Until = Annotated[str | None, Query(
    max_length=40, description="last event date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD")]
_Near = Annotated[str | None, Query(
    max_length=80, description="LAT,LON,KM: events within KM kilometres of a point",
    examples=["41.8,123.4,50"])]
_Text = Annotated[str | None, Query(
    min_length=1, max_length=200, description="words that must occur in the evidence sentence")]
_MinConfidence = Annotated[float | None, Query(
    ge=0, le=1, description="only events coded with at least this confidence (0-1)")]


def _invalid(name: str, message: str) -> ApiError:
    detail = [{"loc": ["query", name], "msg": message, "type": "value_error"}]
    return Errors.E601.error(detail=detail)


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


def _refused(exc: StoreError) -> ApiError:
    """The store's refusal of a filter as a 422: E619 for an unknown code (with the close
    matches), E601 for a malformed value."""
    name = exc.message.split(" ", 1)[0].rstrip(":")
    detail = [{"loc": ["query", name], "msg": exc.message, "type": "value_error",
               "hint": exc.hint}]
    if exc.code == Errors.E415.code:
        return Errors.E619.error(reason=exc.message, detail=detail)
    return Errors.E601.error(detail=detail)


async def event_filter(
    source: _Source = None,
    target: _Target = None,
    dyad: _Dyad = None,
    undirected: _Undirected = False,
    actor: _Actor = None,
    country: _Country = None,
    quad: _Quad = None,
    cameo: _Cameo = None,
    plover: _Plover = None,
    plover_mode: _PloverWord = None,
    plover_context: _PloverWord = None,
    location_country: _LocationCountry = None,
    near: _Near = None,
    since: _Since = None,
    until: _Until = None,
    min_confidence: _MinConfidence = None,
    text: _Text = None,
) -> EventFilter:
    """The filters of ``eventwire events``, from the query string (one vocabulary)."""
    try:
        return EventFilter.from_options(
            source=source, target=target, dyad=dyad, undirected=undirected, actor=actor,
            country=country, quad=tuple(quad or ()), cameo=cameo, plover=plover,
            plover_mode=plover_mode, plover_context=plover_context,
            location_country=location_country,
            near=parse_near(near) if near is not None else None, since=since, until=until,
            min_confidence=min_confidence, text=text)
    except StoreError as exc:
        raise _refused(exc) from exc


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
