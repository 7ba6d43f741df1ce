"""The API takes the one filter vocabulary: dyads, QuadClasses, PLOVER, partial dates;
unknown codes are a 422 with close matches; totals, facets and streamed downloads."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.export import GDELT_COLUMNS
from eventwire.serve import ServeSettings
from eventwire.store import Store

from ..store.factory import event, record
from .conftest import Client, make_client


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api-filters") / "events.duckdb"
    with Store(path) as st:
        st.add_records([
            record("a", [event(1, source="USAGOV", target="CHNGOV", cameo="070", plover="AID",
                               date="2009-03-04")]),
            record("b", [event(1, source="CHNMIL", target="USAMIL", cameo="190",
                               plover="ASSAULT", date="2009-03-20", country="SDN")]),
            record("c", [event(1, source="RUSGOV", target="UKRGOV", cameo="112",
                               plover="ACCUSE", date="2010-01-02")]),
        ])
    return path


@pytest.fixture
def api(db: Path) -> Iterator[Client]:
    c = make_client(db, settings=ServeSettings())
    yield c
    c.close()


def _ids(api: Client, query: str) -> set[str]:
    answer = api.get(f"/api/events?{query}")
    assert answer.status_code == 200, answer.text
    return {e["event_id"] for e in answer.json()["events"]}


@pytest.mark.parametrize(("query", "expected"), [
    ("dyad=USA,CHN", {"a/e1"}),
    ("dyad=USA,CHN&undirected=true", {"a/e1", "b/e1"}),
    ("source=CHNMIL", {"b/e1"}),
    ("target=usa", {"b/e1"}),
    ("quad=1&quad=3", set()),
    ("quad=4", {"a/e1", "b/e1", "c/e1"}),
    ("plover=ASSAULT", {"b/e1"}),
    ("location_country=SDN", {"b/e1"}),
    ("since=2009-03&until=2009-03", {"a/e1", "b/e1"}),
    ("since=2010", {"c/e1"}),
])
def test_every_filter_of_the_vocabulary(api: Client, query: str, expected: set[str]) -> None:
    assert _ids(api, query) == expected


def test_events_carry_total_next_and_notes(api: Client) -> None:
    body = api.get("/api/events?limit=1&plover=FIGHT").json()
    assert body["total"] == 1 and body["next"] is None
    assert any("ASSAULT" in n for n in body["notes"])
    body = api.get("/api/events?limit=1").json()
    assert body["total"] == 3 and body["next"] == body["next_cursor"] is not None


def test_contradictory_filters_give_nothing_and_say_why(api: Client) -> None:
    body = api.get("/api/events?since=2010&until=2009").json()
    assert body["events"] == [] and body["total"] == 0
    assert any("no event can match" in n for n in body["notes"])


@pytest.mark.parametrize(("query", "suggestion"), [
    ("country=USX", None), ("dyad=USA,CHX", "CHN"), ("plover=ASSUALT", "ASSAULT"),
    ("location_country=SUD", "SDN"), ("cameo=99", None)])
def test_an_unknown_code_is_a_422_with_close_matches(
        api: Client, query: str, suggestion: str | None) -> None:
    answer = api.get(f"/api/events?{query}")
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "E619"
    if suggestion:
        assert suggestion in str(error["detail"])


@pytest.mark.parametrize("query", [
    "source=USA'--", "dyad=USA;DROP", "text=%27%20OR%201=1", "since=2009-03-01%27",
    "quad=5", "plover_mode=x%27y", "near=1,2,3%20OR%201"])
def test_injection_attempts_are_refused_or_inert(api: Client, query: str) -> None:
    answer = api.get(f"/api/events?{query}")
    assert answer.status_code in (200, 422), answer.text
    if answer.status_code == 200:
        assert answer.json()["events"] == []
    assert _ids(api, "") == {"a/e1", "b/e1", "c/e1"}


def test_facets_count_the_selection(api: Client) -> None:
    body = api.get("/api/facets?since=2009").json()
    assert body["total"] == 3
    facets = body["facets"]
    assert {f["value"] for f in facets["sources"]} == {"USAGOV", "CHNMIL", "RUSGOV"}
    assert facets["quad_classes"] == [{"value": 4, "count": 3}]
    assert facets["location_countries"] == [{"value": "SDN", "count": 1}]
    assert api.get("/api/facets?dyad=USA,CHN").json()["total"] == 1


def test_timeline_and_network_take_the_vocabulary(api: Client) -> None:
    edges = api.get("/api/network?dyad=USA,CHN&undirected=true").json()["edges"]
    assert {(e["source"], e["target"]) for e in edges} == {("USAGOV", "CHNGOV"),
                                                           ("CHNMIL", "USAMIL")}
    series = api.get("/api/stats/timeline?interval=month&since=2009-03&until=2009-03").json()
    assert sum(p["count"] for p in series["series"]) == 2


def test_export_streams_csv_and_gdelt_of_the_filter(api: Client) -> None:
    answer = api.get("/api/export?format=csv&dyad=USA,CHN&undirected=true")
    assert answer.status_code == 200
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert {r["event_id"] for r in rows} == {"a/e1", "b/e1"}
    assert {r["cameo"] for r in rows} == {"070", "190"}
    lines = api.get("/api/export?format=gdelt&plover=ACCUSE").text.splitlines()
    assert len(lines) == 1 and len(lines[0].split("\t")) == len(GDELT_COLUMNS)
    assert api.get("/api/export?format=xml").status_code == 422
