"""The JSON API over the example story: events, filters, pages, evidence, documents,
actors, timelines and networks answer what the stored record says."""

from __future__ import annotations

from typing import Any

from .conftest import Client

Record = dict[str, Any]


def _all_events(client: Client, query: str = "") -> list[Record]:
    return list(client.get("/api/events?limit=500&" + query).json()["events"])


def _involves(ev: Record, prefix: str) -> bool:
    return any((ev[r]["code"] or "").startswith(prefix) for r in ("source", "target"))


def test_events_are_the_stored_events_newest_first(client: Client,
                                                   story: tuple[Record, bool]) -> None:
    record = story[0]
    rows = _all_events(client)
    assert sorted(r["id"] for r in rows) == sorted(e["id"] for e in record["events"])
    days = [r["day"] or "" for r in rows]
    assert days == sorted(days, reverse=True)
    first = rows[0]
    for key in ("event_id", "doc_id", "trigger", "sentence", "source_code", "target_code",
                "cameo", "quad_class", "plover_type", "date", "lat", "lon"):
        assert key in first


def test_cursor_pages_cover_every_event_once(client: Client) -> None:
    everything = [r["event_id"] for r in _all_events(client)]
    seen: list[str] = []
    url = "/api/events?limit=2"
    while True:
        page = client.get(url).json()
        assert len(page["events"]) <= 2
        seen += [r["event_id"] for r in page["events"]]
        if page["next_cursor"] is None:
            break
        url = "/api/events?limit=2&cursor=" + page["next_cursor"]
    assert seen == everything and len(set(seen)) == len(seen) > 2


def test_filters_select_exactly_the_matching_events(client: Client,
                                                    story: tuple[Record, bool]) -> None:
    events = story[0]["events"]
    ev = events[0]
    actor = ev["source"]["code"][:3]
    want = {e["id"] for e in events if _involves(e, actor)}
    assert {r["id"] for r in _all_events(client, f"actor={actor.lower()}")} == want
    want = {e["id"] for e in events if e["cameo"].startswith(ev["cameo"][:2])}
    assert {r["id"] for r in _all_events(client, f"cameo={ev['cameo'][:2]}")} == want
    want = {e["id"] for e in events if e["plover"]["event_type"] == ev["plover"]["event_type"]}
    assert {r["id"] for r in _all_events(client, "plover=" + ev["plover"]["event_type"])} == want
    word = ev["trigger"]
    assert ev["id"] in {r["id"] for r in _all_events(client, "text=" + word)}
    assert _all_events(client, "text=zzzqqqxxx") == []
    assert _all_events(client, "since=2100-01-01") == []
    assert len(_all_events(client, "until=2100-01-01")) == len(events)


def test_near_finds_events_around_a_place(hand_client: Client, hand: Record) -> None:
    located = [e for e in hand["events"] if e["location"]]
    place = located[0]["location"]
    rows = _all_events(hand_client, f"near={place['lat']},{place['lon']},50")
    want = {e["id"] for e in located if e["location"]["name"] == place["name"]}
    assert {r["id"] for r in rows} == want
    assert _all_events(hand_client, "near=-45,-120,100") == []


def test_event_evidence_highlights_trigger_and_actors(client: Client) -> None:
    row = _all_events(client)[0]
    data = client.get("/api/events/" + row["event_id"]).json()
    assert data["event"]["event_id"] == row["event_id"]
    assert data["evidence"], data
    mine = next(m for m in data["evidence"] if m["event_id"] == row["event_id"])
    text = {s["kind"]: mine["sentence"][s["start"]:s["end"]] for s in mine["spans"]}
    assert text["trigger"] == row["trigger"]
    for role in ("source", "target"):
        if row[f"{role}_text"] and row[f"{role}_text"] in mine["sentence"]:
            assert text[role] == row[f"{role}_text"]


def test_document_spans_cut_out_the_mentions(client: Client, story: tuple[Record, bool]) -> None:
    record = story[0]
    data = client.get("/api/documents/" + record["doc_id"]).json()
    assert data["text"] == record["text"]
    assert len(data["events"]) == len(record["events"])
    texts = {m["text"] for ms in record["mentions"].values() for m in ms}
    spans = data["spans"]
    assert {data["text"][s["start"]:s["end"]] for s in spans if s["kind"] != "trigger"} == texts
    triggers = [data["text"][s["start"]:s["end"]] for s in spans if s["kind"] == "trigger"]
    assert sorted(triggers) == sorted(e["trigger"] for e in record["events"])
    assert [s["start"] for s in spans] == sorted(s["start"] for s in spans)


def test_aggregates_add_up_to_the_events(client: Client, story: tuple[Record, bool]) -> None:
    events = story[0]["events"]
    series = client.get("/api/stats/timeline?interval=month").json()["series"]
    assert sum(r["count"] for r in series) == sum(1 for e in events if e["date"])
    roots = client.get("/api/stats/timeline?by=cameo_root").json()["series"]
    assert {r["key"] for r in roots} == {e["cameo_root"] for e in events if e["date"]}
    edges = client.get("/api/network").json()["edges"]
    assert sum(e["events"] for e in edges) == sum(
        1 for e in events if e["source"]["code"] and e["target"]["code"])
    actors = {a["code"]: a for a in client.get("/api/actors").json()["actors"]}
    for code, counts in actors.items():
        assert counts["as_source"] == sum(1 for e in events if e["source"]["code"] == code)
    assert client.get("/api/actors?limit=1").json()["actors"][0]["events"] == max(
        a["events"] for a in actors.values())


def test_the_openapi_schema_documents_every_endpoint(client: Client) -> None:
    schema = client.get("/openapi.json").json()
    events = schema["paths"]["/api/events"]["get"]
    names = {p["name"] for p in events["parameters"]}
    assert names == {"source", "target", "dyad", "undirected", "actor", "country", "quad",
                     "cameo", "plover", "plover_mode", "plover_context", "location_country",
                     "near", "since", "until", "min_confidence", "text", "limit", "cursor"}
    assert {"/api/facets", "/api/export"} <= set(schema["paths"])
    post = schema["paths"]["/api/documents"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/json", "text/plain"}
    assert "DocumentIn" in schema["components"]["schemas"]
    assert "ErrorBody" in schema["components"]["schemas"]


def test_the_page_and_its_assets_are_served_by_the_package(client: Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<div id="timeline">' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    for asset in ("app.js", "api.js", "state.js", "labels.js", "timeline.js", "network.js",
                  "map.js", "world.js", "facets.js", "pages.js", "post.js", "svg.js", "app.css",
                  "plover-types.json", "favicon.svg"):
        response = client.get("/static/" + asset)
        assert response.status_code == 200, asset
        text = response.text.replace("http://www.w3.org/2000/svg", "")  # a name, not a fetch
        assert "http://" not in text and "https://" not in text, asset
