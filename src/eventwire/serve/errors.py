"""One JSON error shape for every error the server returns.

Every failure, whether raised by a view, by request validation, by routing (404, 405), by
the body limit (413) or by a bug (500), reaches the client as::

    {"error": {"status": 422, "code": "E601", "message": "...", "detail": ...}}

so that a client needs one code path for errors. Unexpected exceptions are logged on the
server with their traceback and answered with a bare E600: no stack trace leaves the process.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.errors import ApiError, Errors, EventwireError, InputError, StoreError

__all__ = [
    "ApiError", "ErrorBody", "api_response", "error_response", "install_error_handlers", "CatchAll",
]

log = logging.getLogger("eventwire.serve")

#: The catalogue's entries for the HTTP statuses that routing raises by itself.
_STATUS_ERRORS = {
    400: Errors.E606_http, 404: Errors.E603, 405: Errors.E604, 413: Errors.E605_http,
    415: Errors.E607_http,
}


class ErrorInfo(BaseModel):
    """The inside of the error body (documented in the OpenAPI schema)."""

    status: int
    code: str
    message: str
    detail: Any = None


class ErrorBody(BaseModel):
    """The one error shape: ``{"error": {...}}``."""

    error: ErrorInfo


def error_response(status: int, code: str, message: str, detail: Any = None) -> JSONResponse:
    """The JSON response of one error, in the one shape."""
    body = {"error": {"status": status, "code": code, "message": message, "detail": detail}}
    return JSONResponse(body, status_code=status)


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only location, message and type: pydantic's "input" and "ctx" may hold the whole
    # request body or objects that are not JSON.
    return [
        {"loc": [str(p) for p in err.get("loc", ())], "msg": str(err.get("msg", "")),
         "type": str(err.get("type", ""))}
        for err in exc.errors()
    ]


def api_response(exc: ApiError) -> JSONResponse:
    """The JSON response of one :class:`ApiError`, in the one shape."""
    return error_response(exc.status, exc.code, exc.message, exc.detail)


async def _on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return api_response(exc)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return api_response(Errors.E601.error(detail=_validation_detail(exc)))


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    entry = _STATUS_ERRORS.get(status, Errors.E600_http if status >= 500 else Errors.E606_http)
    error = entry.error(status=status, reason=exc.detail, detail={"path": request.url.path})
    response = api_response(error)
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


async def _on_eventwire(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, EventwireError)
    if isinstance(exc, InputError):
        return error_response(400, exc.code, exc.message)
    if isinstance(exc, StoreError) and exc.code == Errors.E407.code:
        # The store refused a query's values (a forged cursor, a limit): the client's input.
        return api_response(Errors.E612.error(reason=exc.message))
    if isinstance(exc, StoreError):
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(503, exc.code, exc.message,
                              {"hint": exc.hint} if exc.hint else None)
    log.exception("eventwire error on %s", request.url.path, exc_info=exc)
    return api_response(Errors.E600.error())


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of error to the one shape."""
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(EventwireError, _on_eventwire)


class CatchAll:
    """ASGI middleware: an unexpected exception becomes a 500 in the one shape.

    Starlette's own last-resort handler re-raises after answering; this one logs the
    traceback and stops there, so the server stays up and the client sees no trace.
    A client that goes away before its body is read is no bug: one line, no traceback,
    and no answer (there is no one to read it).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except ClientDisconnect:
            log.info("client disconnected during %s %s", scope.get("method"), scope.get("path"))
        except Exception:
            log.exception("unhandled error on %s", scope.get("path"))
            if not started:
                await api_response(Errors.E600.error())(scope, receive, send)
