"""The example story as a stored record, for the API and browser tests.

The record is the example story coded by the real pipeline. While the event stage codes
no event in it, the record is completed with hand-written events (``HAND_EVENTS``): each
names its sentence by a phrase of the story, its trigger and its actors, and the offsets
are computed from the coded text, so the record passes the schema and the evidence
offsets are real. :func:`story_record` says which of the two a test run used;
:func:`hand_record` always gives the hand-written events (they all have a place, which
the map test needs whatever the place stage finds).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.model import Document, to_record
from eventwire.pipeline import Pipeline
from eventwire.schema import record_errors

from ..conftest import EXAMPLE


@dataclass(frozen=True)
class HandEvent:
    """One event read by hand: sentence phrase, trigger, actors, codes, date, place."""

    phrase: str
    trigger: str
    source: tuple[str, str, str]
    target: tuple[str, str, str]
    cameo: str
    quad_class: int
    goldstein: float
    plover: str
    date: str
    place: tuple[str, str, float, float, int]


HAND_EVENTS = [
    HandEvent("Police nabbed the two men", "nabbed", ("Police", "CHNCOP", "CHN"),
              ("two men", "PRKREF", "PRK"), "173", 4, -5.0, "COERCE", "2002-05-08",
              ("Shenyang", "CHN", 41.79222, 123.43278, 2034937)),
    HandEvent("Japan accused the Chinese", "accused", ("Japan", "JPN", "JPN"),
              ("the Chinese", "CHN", "CHN"), "112", 3, -2.0, "ACCUSE", "2002-05-09",
              ("Tokyo", "JPN", 35.6895, 139.69171, 1850147)),
    HandEvent("demanded the five be handed over", "demanded", ("Japan", "JPN", "JPN"),
              ("Beijing", "CHNGOV", "CHN"), "10", 3, -5.0, "REQUEST", "2002-05-09",
              ("Tokyo", "JPN", 35.6895, 139.69171, 1850147)),
    HandEvent("China has allowed them", "allowed", ("China", "CHN", "CHN"),
              ("them", "PRKREF", "PRK"), "08", 2, 5.0, "CONCEDE", "2002-05-22",
              ("Beijing", "CHN", 39.9075, 116.39723, 1816670)),
    HandEvent("sent a letter to the Chinese ambassador", "urging",
              ("members of the U.S. House of Representatives", "USALEG", "USA"),
              ("Beijing", "CHNGOV", "CHN"), "10", 3, -5.0, "REQUEST", "2002-06",
              ("Washington", "USA", 38.89511, -77.03637, 4140963)),
]


def _sentence_of(doc: Document, phrase: str) -> int:
    at = doc.text.index(phrase)
    index = doc.sentence_index_at(at)
    assert index is not None, phrase
    return index


def _event_record(doc: Document, n: int, hand: HandEvent) -> dict[str, Any]:
    i = _sentence_of(doc, hand.phrase)
    sent = doc.sentences[i]
    sentence = doc.text[sent.start:sent.end]
    trigger_at = sent.start + sentence.index(hand.trigger)
    place = dict(zip(("name", "country", "lat", "lon", "geonameid"), hand.place, strict=True))
    return {
        "id": f"{doc.doc_id}-h{n}", "sentence_index": i, "start": sent.start, "end": sent.end,
        "trigger": hand.trigger, "trigger_start": trigger_at,
        "trigger_end": trigger_at + len(hand.trigger),
        "source": dict(zip(("text", "code", "country"), hand.source, strict=True), sectors=[]),
        "target": dict(zip(("text", "code", "country"), hand.target, strict=True), sectors=[]),
        "cameo": hand.cameo, "cameo_root": hand.cameo[:2], "quad_class": hand.quad_class,
        "goldstein": hand.goldstein,
        "plover": {"event_type": hand.plover, "mode": None, "context": []},
        "date": hand.date, "date_precision": "day" if len(hand.date) == 10 else "month",
        "date_source": "text", "location": place,
        "size": {"people": None, "killed": None, "injured": None, "arrested": None},
        "negated": False, "hypothetical": False, "rule": "test:hand-written",
    }


def _coded(pipeline: Pipeline, doc_id: str) -> Document:
    raw = EXAMPLE.read_text("utf-8")
    doc = pipeline(Document(doc_id=doc_id, source=str(EXAMPLE), raw=raw))
    assert doc.error is None, doc.error
    return doc


def _checked(record: dict[str, Any]) -> dict[str, Any]:
    errors = record_errors(record)
    assert not errors, errors
    return record


def hand_record(pipeline: Pipeline) -> dict[str, Any]:
    """The story's coded text with the hand-written events only (all of them located)."""
    doc = _coded(pipeline, "defectors-2002-hand")
    record = to_record(doc)
    record["events"] = [_event_record(doc, n, h) for n, h in enumerate(HAND_EVENTS)]
    return _checked(record)


def story_record(pipeline: Pipeline) -> tuple[dict[str, Any], bool]:
    """The coded example story, and whether hand-written events had to replace none."""
    record = to_record(_coded(pipeline, "defectors-2002"))
    if record["events"]:
        return _checked(record), False
    return hand_record(pipeline), True
