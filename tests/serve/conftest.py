"""Fixtures of the server tests: the example story in a temporary store, and a client
that calls the application in process (no live server)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from eventwire.pipeline import Pipeline
from eventwire.serve import ServeSettings, create_app
from eventwire.store import Store

from .story import hand_record, story_record


@pytest.fixture(scope="session")
def story(pipeline: Pipeline) -> tuple[dict[str, Any], bool]:
    """(record of the example story, whether it carries hand-written events)."""
    return story_record(pipeline)


@pytest.fixture(scope="session")
def hand(pipeline: Pipeline) -> dict[str, Any]:
    """The story's text with hand-written, located events."""
    return hand_record(pipeline)


def _store_of(records: list[dict[str, Any]], folder: Path) -> Path:
    path = folder / "store.duckdb"
    with Store(path) as store:
        stats = store.add_records(records)
    assert stats.added == len(records)
    return path


@pytest.fixture(scope="session")
def story_db(story: tuple[dict[str, Any], bool], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the coded example story (tests that write use a copy)."""
    return _store_of([story[0]], tmp_path_factory.mktemp("story"))


@pytest.fixture(scope="session")
def hand_db(hand: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the story with the hand-written events."""
    return _store_of([hand], tmp_path_factory.mktemp("hand"))


SECRET = re.compile(r'<meta name="eventwire-write" content="([^"]*)">')


class Client:
    """A synchronous face over ``httpx.AsyncClient`` with the ASGI transport.

    With ``secret``, the client reads the write secret from the explorer's page, as the
    page's own script does, and sends it with every request.
    """

    def __init__(self, app: FastAPI, *, secret: bool = True) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(app=app)
        self.http = httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000")
        if secret and (found := self.page_secret()):
            self.http.headers["x-eventwire-token"] = found

    def page_secret(self) -> str:
        """The write secret in the page at ``/`` ("" when the page carries none)."""
        match = SECRET.search(self.get("/").text)
        return match.group(1) if match else ""

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.loop.run_until_complete(self.http.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        self.loop.run_until_complete(self.http.aclose())
        self.app.state.access.close()
        self.loop.close()


def make_client(db: Path, *, secret: bool = True, **kwargs: Any) -> Client:
    return Client(create_app(db, **kwargs), secret=secret)


@pytest.fixture
def client(story_db: Path) -> Iterator[Client]:
    """A client of an app over the story store (read-mostly tests share the file)."""
    c = make_client(story_db, settings=ServeSettings())
    yield c
    c.close()


@pytest.fixture
def empty_client(tmp_path: Path) -> Iterator[Client]:
    c = make_client(tmp_path / "empty.duckdb", settings=ServeSettings(), create=True)
    yield c
    c.close()


@pytest.fixture
def hand_client(hand_db: Path) -> Iterator[Client]:
    """A client of an app over the story with hand-written, located events."""
    c = make_client(hand_db, settings=ServeSettings())
    yield c
    c.close()
