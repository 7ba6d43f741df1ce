"""The web application: the JSON API under ``/api`` and the explorer page at ``/``.

:func:`create_app` builds a FastAPI application over one store file; :func:`run_server`
serves it with uvicorn. Everything the page needs (HTML, JavaScript, CSS, the world
outline) is package data under ``static/``: the explorer works offline.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire import __version__
from eventwire.config import Config
from eventwire.errors import Errors
from eventwire.pipeline import Pipeline
from eventwire.serve.access import StoreAccess
from eventwire.serve.bodies import DocumentIn
from eventwire.serve.errors import CatchAll, install_error_handlers
from eventwire.serve.hosts import HostCheck
from eventwire.serve.overview import router as overview_router
from eventwire.serve.security import BodyLimit, write_credential
from eventwire.serve.settings import ServeSettings, is_loopback
from eventwire.serve.views import router

__all__ = ["create_app", "run_server", "static_dir"]

log = logging.getLogger("eventwire.serve")

#: Sent with every response: the page may load nothing from outside the server.
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


class HeadAsGet:
    """ASGI middleware: answer ``HEAD`` as ``GET`` without the body.

    Why: HTTP requires every GET resource to take HEAD (link checkers, ``curl -I`` and
    proxies use it), and FastAPI's routes only take the methods they declare.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


def static_dir() -> Path:
    """The folder of the explorer's assets, shipped inside the package."""
    return Path(str(resources.files("eventwire.serve").joinpath("static")))


#: The empty tag of ``index.html`` that receives the per-run write secret.
_SECRET_TAG = '<meta name="eventwire-write" content="">'


def _index_page(secret: str | None) -> Callable[[], HTMLResponse]:
    """The view of ``/``: the page, with the write secret of this run when there is one.

    ``no-store``: a page holding a secret must not stay in a cache after the server stops.
    """
    html = (static_dir() / "index.html").read_text("utf-8")
    if secret is not None:
        html = html.replace(_SECRET_TAG, f'<meta name="eventwire-write" content="{secret}">')

    def index() -> HTMLResponse:
        return HTMLResponse(html, headers={"cache-control": "no-store"})

    return index


def _check_store_path(db_path: str | Path, create: bool) -> None:
    """Refuse to serve a file that does not exist unless asked to create it.

    Why: a mistyped ``--db`` would otherwise serve a new, empty store without a word.
    """
    if not create and not Path(db_path).exists():
        raise Errors.E409_serve.error(path=db_path, stage="serve")


def _document_openapi(app: FastAPI) -> None:
    """Add the POST body's model to the schema (the view reads its body by hand)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            schema.setdefault("components", {}).setdefault("schemas", {})["DocumentIn"] = (
                DocumentIn.model_json_schema(ref_template="#/components/schemas/{model}"))
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    settings: ServeSettings | None = None,
    config: Config | None = None,
    pipeline: Pipeline | None = None,
    create: bool = False,
) -> FastAPI:
    """The application over the store at ``db_path`` (a new one only with ``create``).

    ``token`` protects writes (``POST``); without one, the token is read from the
    environment variable ``settings.token_env``, and without that, on loopback, writes
    need the secret that this app makes and puts in the explorer's page. ``config`` builds
    the NLP pipeline for posted documents (the shipped default when None), on first use
    only, unless an already loaded ``pipeline`` is given.
    """
    settings = settings or ServeSettings.from_config(config)
    _check_store_path(db_path, create)
    access = StoreAccess(db_path, config, pipeline, cache_entries=settings.cache_entries,
                          readers=settings.readers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  description="Coded political events (CAMEO, PLOVER) with their evidence.",
                  docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.token, app.state.page_secret = write_credential(
        token or settings.env_token(), settings)
    app.state.access = access
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(overview_router)
    app.add_api_route("/", _index_page(app.state.page_secret), methods=["GET"],
                      include_in_schema=False)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    _document_openapi(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(CatchAll)
    app.add_middleware(HeadAsGet)
    app.add_middleware(HostCheck, settings=settings)
    app.add_middleware(SecurityHeaders)
    return app


def run_server(
    db_path: str | Path,
    *,
    host: str | None = None,
    port: int | None = None,
    token: str | None = None,
    config: Config | None = None,
    allowed_hosts: tuple[str, ...] = (),
    create: bool = False,
) -> None:
    """Serve the store at ``db_path`` with uvicorn until interrupted."""
    import uvicorn

    settings = ServeSettings.from_config(config).with_host(host, port, allowed_hosts)
    settings.check()
    app = create_app(db_path, token=token, settings=settings, config=config, create=create)
    if app.state.token is None and settings.host and not is_loopback(settings.host):
        log.warning("listening on %s without a token: writes are disabled", settings.host)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info",
                log_config=_log_config(), server_header=False, proxy_headers=False)


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, with the server's own lines (store errors, disconnects) in it.

    Why: without a handler, Python prints only warnings and above, bare.
    """
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["eventwire"] = {"handlers": ["default"], "level": "INFO",
                                      "propagate": False}
    return config
