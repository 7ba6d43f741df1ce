"""The JSON API: thin views over :class:`~eventwire.store.Store`.

Each view checks its parameters (``params``), asks the store one question and returns the
answer as JSON. Store queries run in FastAPI's thread pool, so a slow query never blocks
the event loop; answers already in the cache are sent from the loop directly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Hashable, Iterator
from dataclasses import astuple
from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from eventwire.errors import Errors
from eventwire.export.gdelt import gdelt_lines
from eventwire.export.tables import csv_cell, csv_header, event_rows
from eventwire.serve.access import StoreAccess
from eventwire.serve.bodies import REQUEST_BODY_DOC, parse_documents
from eventwire.serve.errors import ErrorBody
from eventwire.serve.params import Page, bounded_limit, event_filter, page
from eventwire.serve.security import check_query_params, require_write_access
from eventwire.serve.shapes import document_view, event_view, ingest_view, sentence_starts
from eventwire.store import EventFilter, Store

__all__ = ["router"]

#: Downloads: media type and file suffix per format.
_EXPORTS = {"csv": ("text/csv; charset=utf-8", "csv"),
            "gdelt": ("text/tab-separated-values; charset=utf-8", "tsv")}

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 404, 413, 422, 500, 503)
}
router = APIRouter(prefix="/api", dependencies=[Depends(check_query_params)], responses=_ERRORS)

#: Ids are content hashes or given ids; event ids are ``<doc_id>/<id>``, hence ``/``.
_Id = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:\-/]{1,256}$")]
_Filters = Annotated[EventFilter, Depends(event_filter)]


class EventList(BaseModel):
    """A page of events, newest first, with the number matching in all; ``next`` is the
    cursor of the next page (None on the last; ``next_cursor`` is the same, kept for older
    clients); ``notes`` say what a filter was read as, or why nothing can match."""

    events: list[dict[str, Any]]
    total: int
    next: str | None
    next_cursor: str | None
    notes: list[str]


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
        result = store.query_events(filters, limit=paging.limit, cursor=paging.cursor,
                                    total=True)
        return {"events": result.rows, "total": result.total, "next": result.next_cursor,
                "next_cursor": result.next_cursor, "notes": result.notes}

    key = ("events", astuple(filters), paging.limit, paging.cursor)
    return await _cached_json(request, key, answer)


@router.get("/events/{event_id:path}", summary="One event with its full evidence")
def get_event(request: Request, event_id: _Id) -> FastJSON:
    """The event, every mention of it (document, sentence, offsets) and spans to highlight."""
    view = _access(request).read(lambda s: _event_page(s, event_id))
    if view is None:
        raise Errors.E610.error(event_id=event_id)
    return FastJSON(view)


@router.get("/documents/{doc_id:path}", summary="One document with its mentions to highlight")
def get_document(request: Request, doc_id: _Id) -> FastJSON:
    """The record (text, mentions, events) and its spans, sorted by position."""
    record = _access(request).read(lambda s: s.get_document(doc_id))
    if record is None:
        raise Errors.E611.error(document=doc_id)
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


@router.get("/facets", summary="Top actors, types, roots, places and QuadClasses")
async def list_facets(
    request: Request, filters: _Filters,
    limit: Annotated[int, Query(ge=1, le=100, description="values per facet")] = 10,
) -> Response:
    """``{total, facets: {sources, targets, plover_types, cameo_roots, location_countries,
    quad_classes: [{value, count}]}, notes}`` for the events matching the filters."""

    def answer(store: Store) -> dict[str, Any]:
        return {"total": store.count_events(filters),
                "facets": store.facets(filters, limit=limit), "notes": list(filters.notes)}

    return await _cached_json(request, ("facets", astuple(filters), limit), answer)


@router.get("/export", summary="Download every matching event (CSV or GDELT)",
            response_class=StreamingResponse)
def export(
    request: Request, filters: _Filters,
    format: Annotated[Literal["csv", "gdelt"], Query(description="file format")] = "csv",
) -> StreamingResponse:
    """A streamed file of every event matching the filters: ``csv`` (one row per event
    mention, with a header) or ``gdelt`` (the GDELT 2.0 event table). Rows are read from
    the store in chunks on a cursor of their own, never all at once."""
    cursor = _access(request).read(lambda s: s.con.cursor())
    media, suffix = _EXPORTS[format]
    return StreamingResponse(
        _stream(cursor, format, filters), media_type=media,
        headers={"content-disposition": f'attachment; filename="events.{suffix}"'})


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
        raise Errors.E614.error(detail=view)
    return FastJSON(view, status_code=201)


class _Chunks(io.StringIO):
    """A text sink the export writers write to, emptied after every chunk of rows."""

    def take(self) -> bytes:
        data = self.getvalue().encode("utf-8")
        self.seek(0)
        self.truncate()
        return data


def _stream(cursor: Any, fmt: str, filters: EventFilter) -> Iterator[bytes]:
    """The export's bytes, a few thousand lines at a time, from its own DuckDB cursor."""
    sink = _Chunks()
    try:
        if fmt == "csv":
            writer = csv.DictWriter(sink, fieldnames=csv_header(cursor), lineterminator="\n")
            writer.writeheader()
            rows: Iterator[Any] = (writer.writerow({k: csv_cell(v) for k, v in r.items()})
                                   for r in event_rows(cursor, filters=filters))
        else:
            rows = (sink.write(line + "\n") for line in gdelt_lines(cursor, filters=filters))
        for i, _ in enumerate(rows, 1):
            if i % 2000 == 0:
                yield sink.take()
        yield sink.take()
    finally:
        cursor.close()
