"""The explorer's overview endpoints: every located point of a selection, the Goldstein
series, and the names of CAMEO codes.

Why apart from ``views``: these answer the page's panels (map, series, labels) rather
than the event data itself, and they take the same filters through the same dependency,
so every panel describes one selection.
"""

from __future__ import annotations

import json
from dataclasses import astuple
from functools import lru_cache
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from eventwire.events.ontology import load_ontology
from eventwire.serve.access import StoreAccess
from eventwire.serve.errors import ErrorBody
from eventwire.serve.params import event_filter
from eventwire.serve.security import check_query_params
from eventwire.store import EventFilter, Store
from eventwire.store.overview import goldstein_series, points

__all__ = ["router", "MAX_POINTS"]

#: Points per answer of ``/api/points``: about 4 MB of JSON, which a browser clusters in
#: about a second; past it the newest are sent and the answer says how many were left out.
MAX_POINTS = 100_000

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 422, 500, 503)
}
router = APIRouter(prefix="/api", dependencies=[Depends(check_query_params)], responses=_ERRORS)
_Filters = Annotated[EventFilter, Depends(event_filter)]


def _json(content: Any) -> bytes:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"),
                      default=str).encode("utf-8")


async def _cached(request: Request, key: tuple[Any, ...], fn: Any) -> Response:
    """``fn(store)`` as JSON, from the server's cache when the store has not changed."""
    access: StoreAccess = request.app.state.access
    found, body = access.peek(key)
    if not found:
        body = await run_in_threadpool(access.cached, key, lambda s: _json(fn(s)))
    return Response(body, media_type="application/json")


def _points_answer(store: Store, filters: EventFilter) -> dict[str, Any]:
    found = points(store.con, filters, MAX_POINTS)
    note = None
    if found.total > len(found.rows):
        note = (f"the map shows the newest {len(found.rows):,} of {found.total:,} located "
                "events; narrow the filters to see them all")
    return {"columns": ["event_id", "lat", "lon", "cameo_root", "quad_class"],
            "points": found.rows, "total": found.total, "capped": note is not None,
            "note": note}


@router.get("/points", summary="Every located event matching the filters, for a map")
async def list_points(request: Request, filters: _Filters) -> Response:
    """``{columns, points: [[event_id, lat, lon, cameo_root, quad_class]], total, capped,
    note}``: all located events, newest first, at most ``MAX_POINTS`` (then ``note`` says
    how many were left out)."""
    return await _cached(request, ("points", astuple(filters)),
                         lambda s: _points_answer(s, filters))


@router.get("/stats/goldstein", summary="Events and mean Goldstein score per period")
async def goldstein(
    request: Request, filters: _Filters, interval: Literal["day", "month"] = "month",
) -> Response:
    """``{interval, series: [{period, events, goldstein}]}`` for the matching events."""

    def answer(store: Store) -> dict[str, Any]:
        return {"interval": interval,
                "series": goldstein_series(store.con, filters, interval)}

    return await _cached(request, ("goldstein", astuple(filters), interval), answer)


@lru_cache(maxsize=1)
def _cameo_names() -> bytes:
    ontology = load_ontology()
    return _json({"names": {code: ontology.info(code).name for code in ontology.codes()}})


@router.get("/codes/cameo", summary="The name of every CAMEO event code")
def cameo_names() -> Response:
    """``{names: {code: name}}`` from the shipped CAMEO table, for labels next to codes."""
    return Response(_cameo_names(), media_type="application/json",
                    headers={"cache-control": "max-age=3600"})
