"""Request guards: body size, write token, origin of writes, unknown query parameters.

Why each exists:

* the body limit stops a client from filling memory with one request (413 before the
  body is read when ``Content-Length`` says so, and while reading when it lies or is absent);
* writes code text with the NLP pipeline and change the store, so they always need a
  credential: the operator's token when one is set, otherwise (on loopback only) a secret
  made at each start and given to the explorer inside its page. A page of another site can
  neither read that page (same-origin policy; the ``Host`` check stops DNS rebinding) nor
  send the custom header without a CORS preflight, which this server never grants;
* a browser page from another site can send a "simple" ``text/plain`` POST to a server on
  loopback without a CORS preflight: writes whose ``Origin`` is another host are refused;
* a misspelt filter (``?actr=USA``) must not silently return every event.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.errors import Errors
from eventwire.serve.errors import ApiError, error_response
from eventwire.serve.settings import ServeSettings, is_loopback

__all__ = ["BodyLimit", "check_query_params", "require_write_access", "write_credential"]


class BodyLimit:
    """ASGI middleware: refuse request bodies larger than ``max_bytes`` with a 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._too_large()(scope, receive, send)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise self._error()
            return message

        await self.app(scope, counting_receive, send)

    def _error(self) -> ApiError:
        return Errors.E605.error(max_bytes=self.max_bytes, detail={"max_bytes": self.max_bytes})

    def _too_large(self) -> ASGIApp:
        err = self._error()
        return error_response(err.status, err.code, err.message, err.detail)


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def _allowed_params(route: APIRoute) -> frozenset[str]:
    cached: frozenset[str] | None = getattr(route, "_eventwire_params", None)
    if cached is None:
        cached = frozenset(_query_names(route.dependant))
        route._eventwire_params = cached  # type: ignore[attr-defined]
    return cached


#: Query parameters that may be given more than once (``quad=3&quad=4``).
REPEATABLE = frozenset({"quad"})


async def check_query_params(request: Request) -> None:
    """Refuse query parameters the route does not declare, and repeated ones (400)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    allowed = _allowed_params(route)
    unknown = sorted({k for k in request.query_params if k not in allowed})
    if unknown:
        raise Errors.E602_unknown.error(
            names=", ".join(unknown), detail={"unknown": unknown, "allowed": sorted(allowed)}
        )
    repeated = sorted({k for k in request.query_params
                       if k not in REPEATABLE and len(request.query_params.getlist(k)) > 1})
    if repeated:
        raise Errors.E602_repeated.error(names=", ".join(repeated))


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-eventwire-token")


def _check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin is None:
        return
    host = request.headers.get("host", "")
    if urlsplit(origin).netloc.lower() != host.lower():
        raise Errors.E615.error(detail={"origin": origin})


def write_credential(token: str | None, settings: ServeSettings) -> tuple[str | None, str | None]:
    """(token, page secret): what a write must carry, decided once when the app is built.

    With a token, only the token; without one, on loopback, a fresh per-run secret that the
    explorer's page carries; beyond loopback without a token, nothing opens writes.
    """
    if token is not None:
        return token, None
    if is_loopback(settings.host):
        return None, secrets.token_urlsafe(32)
    return None, None


async def require_write_access(request: Request) -> None:
    """Allow a write only with the token, or with the page's secret when there is no token."""
    settings: ServeSettings = request.app.state.settings
    expected: str | None = request.app.state.token or request.app.state.page_secret
    _check_origin(request)
    if expected is None:
        raise Errors.E609.error(token_env=settings.token_env)
    given = _bearer(request)
    if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Errors.E608.error(token_env=settings.token_env)
