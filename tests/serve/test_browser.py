"""The explorer in a real headless Chromium: the page renders the story's events.

A live uvicorn server on a free loopback port serves the story store; Playwright drives
Debian's ``chromium``. A screenshot of the page is kept in ``artifacts/explorer.png``.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from eventwire.pipeline import Pipeline
from eventwire.serve import ServeSettings, create_app

from ..conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "artifacts"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serving(source_db: Path, folder: Path, **kwargs: Any) -> Iterator[str]:
    """A copy of ``source_db`` served by uvicorn in a thread; yields the base URL."""
    db = folder / "served.duckdb"
    shutil.copy(source_db, db)
    port = _free_port()
    app = create_app(db, settings=ServeSettings(port=port), **kwargs)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(story_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with _serving(story_db, tmp_path_factory.mktemp("browser")) as url:
        yield url


@pytest.fixture(scope="module")
def hand_server(hand_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with _serving(hand_db, tmp_path_factory.mktemp("browser-hand")) as url:
        yield url


@pytest.fixture(scope="module")
def writable_server(story_db: Path, pipeline: Pipeline,
                    tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of its own for the test that adds a story (the others count events)."""
    with _serving(story_db, tmp_path_factory.mktemp("browser-post"), pipeline=pipeline) as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 1400})
        outside: list[str] = []
        pg.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.outside, pg.errors = outside, errors  # type: ignore[attr-defined]
        yield pg
        browser.close()


def _load(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)


def test_explorer_renders_timeline_network_map_and_table(
    page: Any, server: str, story: tuple[dict[str, Any], bool]
) -> None:
    record = story[0]
    events = record["events"]
    _load(page, server + "/")
    assert page.locator("#error").is_hidden(), page.locator("#error").text_content()
    rows = page.locator("#events tbody tr")
    assert rows.count() == len(events)
    bars = page.locator("#timeline rect.bar")
    assert bars.count() >= 1
    drawn = sum(int(b.get_attribute("data-count")) for b in bars.all())
    assert drawn == sum(1 for e in events if e["date"])
    pairs = {(e["source"]["code"], e["target"]["code"]) for e in events
             if e["source"]["code"] and e["target"]["code"]}
    assert page.locator("#network line.edge").count() == len(pairs)
    assert page.locator("#network circle.node").count() == len({a for p in pairs for a in p})
    located = [e for e in events if e["location"] and e["location"]["lat"] is not None]
    assert page.locator("#map circle.dot").count() == len(located)
    assert page.locator("#map path.land").count() > 100
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "explorer.png"), full_page=True)
    assert page.outside == [] and page.errors == []  # type: ignore[attr-defined]


def test_event_page_highlights_trigger_source_and_target(
    page: Any, server: str, story: tuple[dict[str, Any], bool]
) -> None:
    events = {e["id"]: e for e in story[0]["events"]}
    _load(page, server + "/")
    row = page.locator("#events tbody tr").first
    event = events[row.get_attribute("data-event").rsplit("/", 1)[1]]
    row.click()
    page.wait_for_selector("#evidence .sentence", timeout=20_000)
    page.wait_for_selector("body[data-ready='1']")
    sentence = page.locator("#evidence .sentence").first
    assert sentence.locator("mark.hl-trigger").text_content() == event["trigger"]
    for role in ("source", "target"):
        if event[role]["text"]:
            assert sentence.locator(f"mark.hl-{role}").text_content() == event[role]["text"]
    page.screenshot(path=str(ARTIFACTS / "explorer-event.png"), full_page=True)


def test_filters_narrow_every_panel(page: Any, server: str,
                                    story: tuple[dict[str, Any], bool]) -> None:
    events = story[0]["events"]
    code = events[0]["source"]["code"]
    expected = [e for e in events if code in (e["source"]["code"], e["target"]["code"])
                or (e["source"]["code"] or "").startswith(code)
                or (e["target"]["code"] or "").startswith(code)]
    _load(page, server + "/")
    page.fill("#filters input[name=actor]", code)
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#events tbody tr").count() == len(expected) < len(events)


def test_map_places_located_events_on_the_world_outline(
    page: Any, hand_server: str, hand: dict[str, Any]
) -> None:
    _load(page, hand_server + "/")
    located = [e["location"] for e in hand["events"] if e["location"]]
    dots = page.locator("#map circle.dot").evaluate_all(
        "ds => ds.map(d => [Number(d.getAttribute('cx')), Number(d.getAttribute('cy'))])")
    assert len(dots) == len(located) > 0
    for loc in located:  # equirectangular on a 960 x 480 view box
        x, y = (loc["lon"] + 180) / 360 * 960, (90 - loc["lat"]) / 180 * 480
        assert any(abs(x - dx) < 1 and abs(y - dy) < 1 for dx, dy in dots), loc["name"]
    page.screenshot(path=str(ARTIFACTS / "explorer-map.png"), full_page=True)


def test_the_explorer_adds_a_story_with_the_secret_of_its_page(page: Any,
                                                               writable_server: str) -> None:
    text = ("Police in the port city arrested forty dockworkers on Tuesday, the labour "
            "ministry said. The union condemned the arrests.")
    pg = page.context.browser.new_page(viewport={"width": 1280, "height": 1400})
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        _load(pg, writable_server + "/")
        before = pg.locator("#events tbody tr").count()
        assert pg.locator("#panel-add").is_visible()
        pg.fill("#add textarea", text)
        pg.click("#add button[type=submit]")
        pg.wait_for_selector("body[data-posted='1']", timeout=60_000)
        pg.wait_for_selector("body[data-ready='1']")
        result = pg.locator("#add-result").text_content()
        assert "event(s) found; stored" in result, result
        assert pg.locator("#events tbody tr").count() > before
        assert errors == []
    finally:
        pg.close()
