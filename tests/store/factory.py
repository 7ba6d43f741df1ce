"""Hand-built JSON records of the shape of ``record.schema.json``, for store tests.

Why hand-built: the store's behaviour (deduplication, filters, exports) is about given
events; building them by hand pins exactly the codes, dates and places a test needs.
"""

from __future__ import annotations

from typing import Any

TEXT = "Police arrested five protesters in the capital. The government denied it."
SENTENCES = [{"start": 0, "end": 47}, {"start": 48, "end": 74}]


def event(
    i: int = 1,
    *,
    source: str | None = "CHNCOP",
    target: str | None = "PRKREF",
    cameo: str = "173",
    date: str | None = "2002-05-08",
    place: tuple[float, float] | None = None,
    country: str | None = None,
    sentence: int = 0,
    plover: str | None = "ARREST",
    negated: bool = False,
    confidence: float | None = 0.75,
) -> dict[str, Any]:
    """One event of a record; countries are the first three letters of the codes."""
    location = None
    if place is not None or country is not None:
        lat, lon = place if place is not None else (None, None)
        location = {"name": "Town", "country": country, "lat": lat, "lon": lon,
                    "geonameid": 42 if place else None}
    return {
        "id": f"e{i}", "sentence_index": sentence, "start": SENTENCES[sentence]["start"],
        "end": SENTENCES[sentence]["end"], "trigger": "arrested", "trigger_start": 7,
        "trigger_end": 15,
        "source": {"text": "Police", "code": source, "country": source[:3] if source else None,
                   "sectors": ["COP"], "resolved": "Police"},
        "target": {"text": "protesters", "code": target,
                   "country": target[:3] if target else None, "sectors": [],
                   "resolved": "protesters"},
        "cameo": cameo, "cameo_root": cameo[:2], "quad_class": 4, "goldstein": -5.0,
        "plover": {"event_type": plover, "mode": None, "context": ["political"]},
        "date": date, "date_precision": "day", "date_source": "text", "location": location,
        "location_source": "clause" if location else None,
        "location_precision": "city" if place else ("country" if location else None),
        "size": {"people": 5, "killed": None, "injured": None, "arrested": 5},
        "negated": negated, "hypothetical": False, "rule": "test.rule",
        "confidence": confidence,
    }


def record(
    doc_id: str, events: list[dict[str, Any]], *, site: str = "example.org",
    date: str | None = "2002-05-09",
) -> dict[str, Any]:
    """A coded document with the given events."""
    return {
        "doc_id": doc_id, "source": f"{doc_id}.txt", "title": f"Story {doc_id}",
        "byline": None, "stated_date": date, "date": date, "date_warnings": [],
        "meta": {"url": f"https://www.{site}/{doc_id}"}, "text": TEXT,
        "sentences": [dict(s) for s in SENTENCES],
        "mentions": {
            "actors": [{"start": 0, "end": 6, "text": "Police", "code": "CHNCOP",
                        "country": "CHN", "sectors": ["COP"], "resolved": "Police"}],
            "times": [{"start": 0, "end": 3, "text": "May", "type": "DATE",
                       "value": "2002-05"}],
            "places": [{"start": 39, "end": 46, "text": "capital", "name": "Beijing",
                        "country": "CHN", "lat": 39.9, "lon": 116.4, "geonameid": 1816670}],
            "quantities": [{"start": 16, "end": 20, "text": "five", "value": 5,
                            "unit": "people", "qualifier": None}],
        },
        "events": events,
    }
