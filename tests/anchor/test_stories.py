"""Short invented multi-event stories with the place and date each event should get
(``data/stories.jsonl``), coded by the whole pipeline; and bad input: contradictory
datelines, dates after the document's, places that are also people's names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.api import code_text
from eventwire.model import Document, Event
from eventwire.pipeline import Pipeline

STORIES = [json.loads(line) for line in
           (Path(__file__).parent / "data" / "stories.jsonl").read_text("utf-8").splitlines()]


def _event(doc: Document, trigger: str) -> Event:
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    return found[0]


def _check(event: Event, expect: dict[str, Any]) -> None:
    if "date" in expect:
        assert event.date == expect["date"]
    if "date_source" in expect:
        assert event.date_source == expect["date_source"]
    if "place" in expect:
        assert event.location is not None and event.location.name is not None
        assert event.location.name.replace("ó", "o") == expect["place"]
    if "location_source" in expect:
        assert event.location_source == expect["location_source"]
    if "precision" in expect:
        assert event.location_precision == expect["precision"]


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_story(pipeline: Pipeline, story: dict[str, Any]) -> None:
    doc = code_text(story["text"], pipeline=pipeline, dct=story["date"])
    for expect in story["expect"]:
        _check(_event(doc, expect["trigger"]), expect)
    for event in doc.events:  # every located event says where from and how precise
        assert (event.location is None) == (event.location_source is None)
        assert (event.location is None) == (event.location_precision is None)


def test_a_dateline_the_text_contradicts_is_not_believed(pipeline: Pipeline) -> None:
    doc = code_text("PARIS (Wire) - Police in Nairobi arrested 30 people on Sunday. Nairobi "
                    "residents said police fired tear gas in Nairobi.", pipeline=pipeline,
                    dct="2024-01-15")
    fired = _event(doc, "fired")
    assert fired.location is not None and fired.location.country == "KEN"


def test_a_date_after_the_document_is_a_plan_not_the_story(pipeline: Pipeline) -> None:
    doc = code_text("Rebels attacked the convoy. Talks will resume on March 30, the "
                    "minister said.", pipeline=pipeline, dct="2024-03-13")
    attacked = _event(doc, "attacked")
    assert (attacked.date, attacked.date_source) == ("2024-03-13", "document")


def test_a_place_name_that_is_a_person_does_not_place_the_event(pipeline: Pipeline) -> None:
    doc = code_text("Jordan Peterson criticised the minister. Police arrested Paris Jackson "
                    "in Amman on Monday.", pipeline=pipeline, dct="2024-03-13")
    arrested = _event(doc, "arrested")
    assert arrested.location is not None and arrested.location.name == "Amman"
    assert all(e.location is None or e.location.name not in ("Jordan", "Paris", "Jackson")
               for e in doc.events)
