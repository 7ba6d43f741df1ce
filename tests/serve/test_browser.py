"""The explorer in a real headless Chromium: every panel shows the stored events.

A live uvicorn server on a free loopback port serves a copy of a store; Playwright drives
Debian's ``chromium``. Each test keeps a screenshot of what it checked in ``artifacts/``.
No test lets the page fetch anything from another origin or log an error.
"""

from __future__ import annotations

import csv
import io
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import uvicorn

from eventwire.events.ontology import load_ontology
from eventwire.pipeline import Pipeline
from eventwire.serve import ServeSettings, create_app
from eventwire.store import Store

from ..conftest import ROOT
from .wide import URL, actors_of, wide_record

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "artifacts"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]

Record = dict[str, Any]


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
def wide(hand: Record) -> Record:
    return wide_record(hand)


@pytest.fixture(scope="module")
def wide_server(wide: Record, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser-wide")
    with Store(folder / "wide.duckdb") as store:
        assert store.add_records([wide]).added == 1
    with _serving(folder / "wide.duckdb", folder) as url:
        yield url


@pytest.fixture(scope="module")
def writable_server(story_db: Path, pipeline: Pipeline,
                    tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of its own for the test that adds a story (the others count events)."""
    with _serving(story_db, tmp_path_factory.mktemp("browser-post"), pipeline=pipeline) as url:
        yield url


def _watch(pg: Any, base: str) -> Any:
    """Record requests to other origins and errors of the page on ``pg``."""
    pg.outside, pg.errors = [], []
    pg.on("request", lambda r: None if r.url.startswith(base) else pg.outside.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    return pg


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    pg = browser.new_page(viewport={"width": 1280, "height": 1400})
    yield pg
    pg.close()


def _load(page: Any, url: str) -> None:
    if not hasattr(page, "errors"):
        _watch(page, "/".join(url.split("/")[:3]))
    page.goto(url)
    _ready(page)


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    assert page.locator("#error").is_hidden(), page.locator("#error").text_content()


def _until(page: Any, script: str, seconds: float = 20) -> None:
    """Wait until ``script`` is true in the page (polled from here: the page's CSP forbids
    the string evaluation of ``wait_for_function``)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script):
        assert time.monotonic() < deadline, script
        time.sleep(0.05)


def _navigating(page: Any, act: Any) -> None:
    """Do ``act`` (which changes the selection) and wait until the page has redrawn.

    Why: the page redraws on ``hashchange``, which fires after ``act`` returns; marking the
    page not ready first keeps the wait from seeing the previous drawing as done."""
    page.evaluate("document.body.dataset.ready = '0'")
    act()
    _ready(page)


def _clean(page: Any) -> None:
    assert page.outside == [] and page.errors == []


def _shot(page: Any, name: str, panel: str | None = None) -> None:
    """Keep a screenshot of the page (or of one panel) in ``artifacts/``."""
    ARTIFACTS.mkdir(exist_ok=True)
    if panel:
        page.locator(panel).screenshot(path=str(ARTIFACTS / name))
    else:
        page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _hash_params(page: Any) -> dict[str, list[str]]:
    fragment = urlsplit(page.url).fragment
    return parse_qs(fragment.split("?", 1)[1]) if "?" in fragment else {}


def test_explorer_renders_every_panel_of_the_story(
    page: Any, server: str, story: tuple[Record, bool]
) -> None:
    events = story[0]["events"]
    _load(page, server + "/")
    assert page.locator("#events tbody tr").count() == len(events)
    assert page.locator("#total").text_content() == f"{len(events)} events match"
    bars = page.locator("#timeline rect.bar").all()
    drawn = sum(int(b.get_attribute("data-count")) for b in bars)
    assert drawn == sum(1 for e in events if e["date"])
    assert page.locator("#goldstein circle.gs").count() >= 1
    pairs = {(e["source"]["code"], e["target"]["code"]) for e in events
             if e["source"]["code"] and e["target"]["code"]}
    assert page.locator("#network line.edge").count() == len({p for p in pairs if p[0] != p[1]})
    assert page.locator("#network g.node").count() == len({a for p in pairs for a in p})
    assert page.locator("#network text.node-label:not(.hover-only)").count() == len(
        {a for p in pairs for a in p})  # a few actors: every one labelled
    located = [e for e in events if e["location"] and e["location"]["lat"] is not None]
    assert page.locator("#map").get_attribute("data-points") == str(len(located))
    assert page.locator("#map path.country").count() > 200
    _shot(page, "explorer.png")
    _clean(page)


def test_time_axis_spaces_periods_by_the_time_between_them(
    page: Any, hand_server: str, hand: Record
) -> None:
    _load(page, hand_server + "/")
    starts: dict[str, float] = {}
    for bar in page.locator("#timeline rect.bar").all():
        starts[bar.get_attribute("data-start")] = float(bar.get_attribute("x"))
    days = sorted(starts)
    assert len(days) >= 3
    first, second, third = (date.fromisoformat(d) for d in days[:3])
    ratio = (starts[days[2]] - starts[days[1]]) / (starts[days[1]] - starts[days[0]])
    assert ratio == pytest.approx((third - second).days / (second - first).days, rel=0.05)
    _clean(page)


def _bar_box(page: Any, day: str) -> Any:
    return page.locator(f"#timeline rect.bar[data-start='{day}']").first.bounding_box()


def test_brushing_the_time_axis_sets_since_and_until_in_the_url(
    page: Any, hand_server: str, hand: Record
) -> None:
    _load(page, hand_server + "/")
    days = sorted({b.get_attribute("data-start") for b in page.locator("#timeline rect.bar").all()})
    a, b = _bar_box(page, days[0]), _bar_box(page, days[1])
    y = a["y"] + a["height"] - 2
    page.mouse.move(a["x"] + 0.5, y)
    page.mouse.down()
    page.mouse.move(b["x"] + b["width"] - 0.5, y, steps=5)
    _navigating(page, page.mouse.up)
    assert "since=" in page.url
    params = _hash_params(page)
    assert params["since"] == [days[0]] and params["until"] == [days[1]]
    chosen = [e for e in hand["events"] if days[0] <= e["date"] <= days[1]]
    assert page.locator("#events tbody tr").count() == len(chosen) < len(hand["events"])
    assert page.locator("#filters input[name=since]").input_value() == days[0]
    _shot(page, "explorer-brush.png")
    _navigating(page, page.reload)
    assert page.locator("#events tbody tr").count() == len(chosen)
    _navigating(page, page.go_back)
    assert page.locator("#events tbody tr").count() == len(hand["events"])
    assert page.locator("#filters input[name=since]").input_value() == ""
    _navigating(page, page.go_forward)
    assert page.locator("#events tbody tr").count() == len(chosen)
    _clean(page)


def _point(page: Any, lat: float, lon: float) -> Any:
    """The element drawn at a place of the map (the map's own projection)."""
    return page.evaluate("""([lat, lon]) => {
        const map = window.explorer.map, box = map.getContainer().getBoundingClientRect();
        const p = map.latLngToContainerPoint([lat, lon]);
        const el = document.elementFromPoint(box.left + p.x, box.top + p.y);
        return el ? el.getAttribute('class') || el.tagName : null; }""", [lat, lon])


def test_map_zooms_and_clusters_every_located_event(
    page: Any, hand_server: str, hand: Record
) -> None:
    _load(page, hand_server + "/")
    located = [e["location"] for e in hand["events"] if e["location"]]
    assert page.locator("#map").get_attribute("data-points") == str(len(located))
    plotted = page.evaluate("window.explorer.cluster.getLayers().map(m => "
                            "[m.getLatLng().lat, m.getLatLng().lng])")
    assert sorted((round(a, 4), round(b, 4)) for a, b in plotted) == sorted(
        (round(p["lat"], 4), round(p["lon"], 4)) for p in located)
    clusters = [int(t) for t in page.locator("#map .marker-cluster span").all_text_contents()]
    singles = page.locator("#map .leaflet-marker-icon.dot").count()
    assert clusters and sum(clusters) + singles == len(located)
    zoom = float(page.locator("#map").get_attribute("data-zoom"))
    page.click("#map .leaflet-control-zoom-in")
    _until(page, f"Number(document.querySelector('#map').dataset.zoom) > {zoom}")
    _shot(page, "explorer-map.png", "#panel-map")
    _clean(page)


def test_country_outlines_draw_no_band_across_the_180th_meridian(
    page: Any, hand_server: str
) -> None:
    _load(page, hand_server + "/")
    page.evaluate("window.explorer.map.setView([20, 0], 1.5, {animate: false})")
    assert "country" in (_point(page, 48.85, 2.35) or "")  # Paris is land
    # Open sea on the latitudes of Russia's, Fiji's and Antarctica's meridian crossings.
    for lat, lon in [(68.5, -20.0), (70.5, -165.0), (-17.0, -100.0), (-17.0, 60.0),
                     (-65.0, -40.0)]:
        assert "country" not in (_point(page, lat, lon) or ""), (lat, lon)
    _shot(page, "explorer-world.png", "#panel-map")
    _clean(page)


def test_network_labels_do_not_overlap_past_thirty_actors(
    page: Any, wide_server: str, wide: Record
) -> None:
    _load(page, wide_server + "/")
    actors = actors_of(wide)
    assert len(actors) > 30
    assert page.locator("#network g.node").count() == len(actors)
    boxes = page.locator("#network text.node-label:not(.hover-only)").evaluate_all(
        "ts => ts.map(t => { const r = t.getBoundingClientRect();"
        " return {x: r.x, y: r.y, width: r.width, height: r.height}; })")
    assert len(boxes) >= 10
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                     or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
            assert apart, (a, b)
    label = page.locator("#network text.hover-only").first
    actor = label.get_attribute("data-actor")
    assert label.is_hidden()
    page.locator(f"#network g.node[data-actor='{actor}'] circle").hover()
    assert page.locator(f"#network text.node-label[data-actor='{actor}']").is_visible()
    _shot(page, "explorer-network.png", "#panel-network")
    _clean(page)


def test_facets_and_totals_describe_the_selection_and_filter_on_a_click(
    page: Any, server: str, story: tuple[Record, bool]
) -> None:
    events = story[0]["events"]
    _load(page, server + "/")
    sources = page.locator("#facets [data-facet=sources] li")
    counts = {li.get_attribute("data-value"): int(li.get_attribute("data-count"))
              for li in sources.all()}
    for code, n in counts.items():
        assert n == sum(1 for e in events if e["source"]["code"] == code)
    code = max(counts, key=lambda c: counts[c])
    _navigating(page, page.locator(f"#facets [data-facet=sources] li[data-value='{code}']").click)
    assert _hash_params(page)["source"] == [code]
    assert page.locator("#events tbody tr").count() == counts[code]
    assert page.locator("#total").text_content().startswith(f"{counts[code]} event")
    _shot(page, "explorer-facets.png", "#view-main")
    _clean(page)


def test_downloads_carry_the_filters_of_the_page(
    page: Any, server: str, story: tuple[Record, bool]
) -> None:
    events = story[0]["events"]
    code = events[0]["source"]["code"]
    _load(page, server + f"/#/?actor={code}")
    rows = page.locator("#events tbody tr").count()
    for fmt in ("csv", "gdelt"):
        href = page.locator(f"#download-{fmt}").get_attribute("href")
        query = parse_qs(urlsplit(href).query)
        assert urlsplit(href).path == "/api/export"
        assert query["format"] == [fmt] and query["actor"] == [code]
        response = page.request.get(server + href)
        assert response.status == 200, response.text()
        if fmt == "csv":
            assert len(list(csv.DictReader(io.StringIO(response.text())))) == rows
        else:  # GDELT: tab-separated, one line per event, no header
            assert len(response.text().splitlines()) == rows
    _clean(page)


def test_codes_are_shown_with_their_cameo_and_plover_names(
    page: Any, server: str, story: tuple[Record, bool]
) -> None:
    ontology = load_ontology()
    _load(page, server + "/")
    for row in page.locator("#events tbody tr").all():
        event = next(e for e in story[0]["events"] if row.get_attribute("data-event").endswith(
            "/" + e["id"]))
        cell = row.locator("td").nth(2).text_content()
        assert cell.startswith(f"{event['cameo']} {ontology.info(event['cameo']).name}")
        if event["plover"]["event_type"]:
            assert event["plover"]["event_type"] in cell
    _clean(page)


def test_event_page_highlights_trigger_source_and_target(
    page: Any, server: str, story: tuple[Record, bool]
) -> None:
    events = {e["id"]: e for e in story[0]["events"]}
    _load(page, server + "/")
    row = page.locator("#events tbody tr").first
    event = events[row.get_attribute("data-event").rsplit("/", 1)[1]]
    row.click()
    page.wait_for_selector("#evidence .sentence", timeout=20_000)
    _ready(page)
    sentence = page.locator("#evidence .sentence").first
    assert sentence.locator("mark.hl-trigger").text_content() == event["trigger"]
    for role in ("source", "target"):
        if event[role]["text"]:
            assert sentence.locator(f"mark.hl-{role}").text_content() == event[role]["text"]
    assert f"{event['cameo']} {load_ontology().info(event['cameo']).name}" in \
        page.locator("#event-facts").text_content()
    _shot(page, "explorer-event.png")
    _clean(page)


def test_event_and_document_pages_link_to_the_source_article(
    page: Any, wide_server: str, wide: Record
) -> None:
    _load(page, wide_server + "/")
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#evidence .sentence")
    _ready(page)
    link = page.locator("#evidence a.source-link").first
    assert link.get_attribute("href") == URL
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.locator("#evidence a[data-doc]").first.click()
    page.wait_for_selector("#view-document:not([hidden])")
    _ready(page)
    assert page.locator("#doc-source a.source-link").get_attribute("href") == URL
    _shot(page, "explorer-document.png")
    _clean(page)


def test_the_explorer_adds_a_story_with_the_secret_of_its_page(page: Any,
                                                               writable_server: str) -> None:
    text = ("Police in the port city arrested forty dockworkers on Tuesday, the labour "
            "ministry said. The union condemned the arrests.")
    _load(page, writable_server + "/")
    before = page.locator("#events tbody tr").count()
    assert page.locator("#panel-add").is_visible()
    page.fill("#add textarea", text)
    page.click("#add button[type=submit]")
    page.wait_for_selector("body[data-posted='1']", timeout=60_000)
    _ready(page)
    result = page.locator("#add-result").text_content()
    assert "event(s) found; stored" in result, result
    assert page.locator("#events tbody tr").count() > before
    _clean(page)


def _side(actor: Record | None, code: str) -> bool:
    actor = actor or {}
    return str(actor.get("code") or "").startswith(code) or actor.get("country") == code


def test_dyad_plover_mode_context_and_confidence_filters_are_kept_in_the_url(
    page: Any, server: str, story: tuple[Record, bool]
) -> None:
    events = [e for e in story[0]["events"] if (e.get("source") or {}).get("code")
              and (e.get("target") or {}).get("code")]
    first = events[0]
    a, b = first["target"]["code"], first["source"]["code"]  # reversed: needs undirected
    floor = first.get("confidence") or 0.0
    expected = [e for e in events
                if ((_side(e["source"], a) and _side(e["target"], b))
                    or (_side(e["source"], b) and _side(e["target"], a)))
                and (e.get("confidence") or 0.0) >= floor]
    _load(page, server + "/")
    page.fill("#filters input[name=dyad]", f"{a},{b}")
    page.check("#filters input[name=undirected]")
    page.fill("#filters input[name=min_confidence]", str(floor))
    _navigating(page, lambda: page.click("#filters button[type=submit]"))
    params = _hash_params(page)
    assert params["dyad"] == [f"{a},{b}"] and params["undirected"] == ["true"]
    assert float(params["min_confidence"][0]) == floor
    assert page.locator("#events tbody tr").count() == len(expected) >= 1
    _shot(page, "explorer-dyad-filters.png", "header")
    _navigating(page, page.reload)  # the URL alone restores the form
    assert page.locator("#filters input[name=dyad]").input_value() == f"{a},{b}"
    assert page.locator("#filters input[name=undirected]").is_checked()
    assert page.locator("#events tbody tr").count() == len(expected)
    context = "political_institutions"
    _load(page, server + f"/#/?plover=PROTEST&plover_mode=demo&plover_context={context}")
    assert page.locator("#filters input[name=plover_mode]").input_value() == "demo"
    assert page.locator("#filters input[name=plover_context]").input_value() == context
    assert _hash_params(page)["plover_context"] == [context]
    _clean(page)
