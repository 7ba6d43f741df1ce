"""The explorer's overview endpoints: every located point of a selection, the Goldstein
series and the CAMEO names answer what the stored records say."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.serve import overview

from .conftest import Client

Record = dict[str, Any]


def test_points_are_every_located_event_of_the_selection(hand_client: Client,
                                                         hand: Record) -> None:
    located = {e["id"]: e["location"] for e in hand["events"] if e["location"]}
    body = hand_client.get("/api/points").json()
    assert body["columns"] == ["event_id", "lat", "lon", "cameo_root", "quad_class"]
    assert body["total"] == len(body["points"]) == len(located) and body["capped"] is False
    for event_id, lat, lon, root, quad in body["points"]:
        place = located[event_id.rsplit("/", 1)[1]]
        assert (lat, lon) == (pytest.approx(place["lat"], abs=1e-5),
                              pytest.approx(place["lon"], abs=1e-5))
        assert root and quad in (1, 2, 3, 4)


def test_points_take_the_filters_of_the_events(hand_client: Client, hand: Record) -> None:
    tokyo = [e for e in hand["events"] if e["location"]["name"] == "Tokyo"]
    body = hand_client.get("/api/points?near=35.69,139.69,20").json()
    assert {p[0].rsplit("/", 1)[1] for p in body["points"]} == {e["id"] for e in tokyo}
    assert hand_client.get("/api/points?since=2100-01-01").json()["total"] == 0


def test_points_past_the_cap_say_how_many_were_left_out(
        hand_client: Client, hand: Record, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overview, "MAX_POINTS", 2)
    body = hand_client.get("/api/points").json()
    assert len(body["points"]) == 2 < body["total"] and body["capped"] is True
    assert f"newest 2 of {body['total']}" in body["note"]


def test_goldstein_series_averages_the_scores_of_each_month(hand_client: Client,
                                                            hand: Record) -> None:
    series = hand_client.get("/api/stats/goldstein?interval=month").json()["series"]
    months: dict[str, list[float]] = {}
    for e in hand["events"]:
        months.setdefault(e["date"][:7], []).append(e["goldstein"])
    assert {r["period"]: r["events"] for r in series} == {m: len(v) for m, v in months.items()}
    for row in series:
        scores = months[row["period"]]
        assert row["goldstein"] == pytest.approx(sum(scores) / len(scores), abs=1e-3)


def test_goldstein_refuses_an_interval_it_does_not_know(hand_client: Client) -> None:
    response = hand_client.get("/api/stats/goldstein?interval=week")
    assert response.status_code == 422 and response.json()["error"]["code"] == "E601"


def test_cameo_names_name_every_code_of_the_table(client: Client) -> None:
    names = client.get("/api/codes/cameo").json()["names"]
    assert len(names) > 250 and all(names.values())
    assert names["19"] and names["190"] and names["19"] != names["190"]
