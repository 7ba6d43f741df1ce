"""Rebuild JSON records and JSON-ready rows from the store's tables.

The inverse of :func:`~eventwire.store.rows.record_to_rows`: a stored document comes back
as the record ``eventwire code`` printed for it, so the API can serve it unchanged.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

__all__ = ["jsonable", "rows_to_record", "event_record"]

Row = dict[str, Any]


def jsonable(row: Row) -> Row:
    """Dates and timestamps as ISO strings; everything else is already JSON-ready."""
    out = {}
    for key, value in row.items():
        if isinstance(value, datetime | date):
            value = value.isoformat()
        out[key] = value
    return out


def _number(value: float | None) -> int | float | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def _mention(row: Row) -> Row:
    base = {"start": row["char_start"], "end": row["char_end"], "text": row["text"]}
    kind = row["kind"]
    if kind == "actors":
        base.update(code=row["code"], country=row["country"], sectors=list(row["sectors"] or []),
                    resolved=row.get("resolved") or row["text"])
    elif kind == "times":
        base.update(type=row["type"], value=row["value"])
    elif kind == "places":
        base.update(name=row["name"], country=row["country"], lat=row["lat"], lon=row["lon"],
                    geonameid=row["geonameid"])
    else:
        base.update(value=_number(row["number"]), unit=row["unit"], qualifier=row["qualifier"])
    return base


def _actor(row: Row, role: str) -> Row:
    return {
        "text": row[f"{role}_text"],
        "code": row[f"{role}_code"],
        "country": row[f"{role}_country"],
        "sectors": list(row[f"{role}_sectors"] or []),
        "resolved": row.get(f"{role}_resolved") or row[f"{role}_text"],
    }


def event_record(row: Row) -> Row:
    """An ``events`` row back in the record's nested event form."""
    location = None
    if row["has_location"]:
        location = {"name": row["location_name"], "country": row["location_country"],
                    "lat": row["lat"], "lon": row["lon"], "geonameid": row["geonameid"]}
    return {
        "id": row["id"], "sentence_index": row["sentence_index"], "start": row["char_start"],
        "end": row["char_end"], "trigger": row["trigger"], "source": _actor(row, "source"),
        "target": _actor(row, "target"), "cameo": row["cameo"], "cameo_root": row["cameo_root"],
        "quad_class": row["quad_class"], "goldstein": row["goldstein"],
        "plover": {"event_type": row["plover_type"], "mode": row["plover_mode"],
                   "context": list(row["plover_context"] or [])},
        "date": row["date"], "date_precision": row["date_precision"],
        "date_source": row["date_source"], "location": location,
        "location_source": row.get("location_source"),
        "location_precision": row.get("location_precision"),
        "size": {k: row[f"size_{k}"] for k in ("people", "killed", "injured", "arrested")},
        "negated": row["negated"], "hypothetical": row["hypothetical"], "rule": row["rule"],
        "trigger_start": row["trigger_start"], "trigger_end": row["trigger_end"],
        "confidence": row.get("confidence"),
    }


def rows_to_record(doc: Row, sentences: list[Row], mentions: list[Row], events: list[Row]) -> Row:
    """The JSON record of a stored document."""
    grouped: dict[str, list[Row]] = {"actors": [], "times": [], "places": [], "quantities": []}
    for m in sorted(mentions, key=lambda m: (m["kind"], m["idx"])):
        grouped.setdefault(m["kind"], []).append(_mention(m))
    return {
        "doc_id": doc["doc_id"],
        "source": doc["source"],
        "title": doc["title"],
        "byline": doc["byline"],
        "stated_date": doc["stated_date"],
        "date": doc["date"],
        "date_warnings": list(doc["date_warnings"] or []),
        "meta": json.loads(doc["meta"] or "{}"),
        "text": doc["text"],
        "sentences": [{"start": s["char_start"], "end": s["char_end"]}
                      for s in sorted(sentences, key=lambda s: s["idx"])],
        "mentions": grouped,
        "events": [event_record(e) for e in sorted(events, key=lambda e: e["idx"])],
    }
