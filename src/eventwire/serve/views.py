"""The JSON API: thin views over :class:`~eventwire.store.Store`.

Each view checks its parameters (``params``), asks the store one question and returns the
answer as JSON. Store queries run in FastAPI's thread pool, so a slow query never blocks
the event loop; answers already in the cache are sent from the loop directly.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import astuple
from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from eventwire.serve.access import StoreAccess
from eventwire.serve.bodies import REQUEST_BODY_DOC, parse_documents
from eventwire.serve.errors import ApiError, ErrorBody
from eventwire.serve.params import Page, bounded_limit, event_filter, page
from eventwire.serve.security import check_query_params, require_write_access
from eventwire.serve.shapes import document_view, event_view, ingest_view, sentence_starts
from eventwire.store import EventFilter, Store

__all__ = ["router"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 404, 413, 422, 500, 503)
}
router = APIRouter(prefix="/api", dependencies=[Depends(check_query_params)], responses=_ERRORS)

#: Ids are content hashes or given ids; event ids are ``<doc_id>/<id>``, hence ``/``.
_Id = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:\-/]{1,256}$")]
_Filters = Annotated[EventFilter, Depends(event_filter)]


class EventList(BaseModel):
    """A page of events, newest first; ``next_cursor`` is None on the last page."""

    events: list[dict[str, Any]]
    next_cursor: str | None


def _render(content: Any) -> bytes:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"),
                      default=str).encode("utf-8")


class FastJSON(JSONResponse):
    """JSON without FastAPI's re-validation of large lists of rows."""

    def render(self, content: Any) -> bytes:
        return _render(content)


async def _cached_json(
    request: Request, key: Hashable, fn: Callable[[Store], Any]
) -> Response:
    """The JSON of ``fn``'s answer, rendered once per store generation (see ``access``).

    A cached answer is sent from the event loop; only a miss goes to a worker thread to
    query the store.
    """
    access = _access(request)
    found, body = access.peek(key)
    if not found:
        body = await run_in_threadpool(access.cached, key, lambda s: _render(fn(s)))
    return Response(body, media_type="application/json")


def _event_page(store: Store, event_id: str) -> dict[str, Any] | None:
    event = store.get_event(event_id)
    return None if event is None else event_view(event, sentence_starts(store, event))


def _access(request: Request) -> StoreAccess:
    access: StoreAccess = request.app.state.access
    return access


@router.get("/events", response_model=EventList, summary="Events matching the filters")
async def list_events(
    request: Request, filters: _Filters, paging: Annotated[Page, Depends(page)]
) -> Response:
    """Events, newest first, one page at a time (follow ``next_cursor``)."""

    def answer(store: Store) -> dict[str, Any]:
        result = store.query_events(filters, limit=paging.limit, cursor=paging.cursor)
        return {"events": result.rows, "next_cursor": result.next_cursor}

    key = ("events", astuple(filters), paging.limit, paging.cursor)
    return await _cached_json(request, key, answer)


@router.get("/events/{event_id:path}", summary="One event with its full evidence")
def get_event(request: Request, event_id: _Id) -> FastJSON:
    """The event, every mention of it (document, sentence, offsets) and spans to highlight."""
    view = _access(request).read(lambda s: _event_page(s, event_id))
    if view is None:
        raise ApiError(404, f"no event {event_id!r}", code="E610")
    return FastJSON(view)


@router.get("/documents/{doc_id:path}", summary="One document with its mentions to highlight")
def get_document(request: Request, doc_id: _Id) -> FastJSON:
    """The record (text, mentions, events) and its spans, sorted by position."""
    record = _access(request).read(lambda s: s.get_document(doc_id))
    if record is None:
        raise ApiError(404, f"no document {doc_id!r}", code="E611")
    return FastJSON(document_view(record))


@router.get("/actors", summary="Event counts per actor code")
async def list_actors(
    request: Request, filters: _Filters,
    limit: Annotated[int | None, Query(description="most active first")] = None,
) -> Response:
    """``[{code, as_source, as_target, events}]`` for the events matching the filters."""
    n = bounded_limit(request, limit)
    return await _cached_json(request, ("actors", astuple(filters), n),
                              lambda s: {"actors": s.actor_counts(filters, limit=n)})


@router.get("/stats/timeline", summary="Event counts per period and QuadClass or root code")
async def timeline(
    request: Request, filters: _Filters,
    interval: Literal["day", "month"] = "day",
    by: Literal["quad_class", "cameo_root"] = "quad_class",
) -> Response:
    """``[{period, key, count}]`` for the events matching the filters."""

    def answer(store: Store) -> dict[str, Any]:
        series = store.timeline(filters, interval=interval, by=by)
        return {"interval": interval, "by": by, "series": series}

    return await _cached_json(request, ("timeline", astuple(filters), interval, by), answer)


@router.get("/network", summary="Actor-to-actor edges weighted by events")
async def network(
    request: Request, filters: _Filters,
    limit: Annotated[int | None, Query(description="heaviest edges first")] = None,
) -> Response:
    """``[{source, target, events}]``: who acts on whom, for the matching events."""
    n = bounded_limit(request, limit)
    return await _cached_json(request, ("network", astuple(filters), n),
                              lambda s: {"edges": s.network(filters, limit=n)})


@router.post("/documents", status_code=201, summary="Code and store new documents",
             dependencies=[Depends(require_write_access)], openapi_extra=REQUEST_BODY_DOC,
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        415: {"model": ErrorBody}, 503: {"model": ErrorBody}})
async def post_documents(request: Request) -> FastJSON:
    """Code texts (JSON ``{text, id?, title?, date?}`` or a list, or ``text/plain``)."""
    body = await request.body()
    settings = request.app.state.settings
    docs = parse_documents(request.headers.get("content-type", ""), body,
                           settings.max_documents, settings.max_chars)
    outcomes, stats = await run_in_threadpool(
        partial(_access(request).add_documents, docs, seconds=settings.max_coding_seconds))
    view = ingest_view(outcomes, stats)
    if not view["coded"]:
        raise ApiError(422, "no document could be coded", code="E614", detail=view)
    return FastJSON(view, status_code=201)
