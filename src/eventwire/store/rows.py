"""Flatten a JSON record (``eventwire.model.to_record``) into the store's table rows.

Why flat rows: analysts filter events by actor, code, date and place; a nested record
would have to be unpacked on every query. Every row holds exactly the columns of
``TABLE_COLUMNS`` so that other writers (the Spark engine) produce the same layout.
A record that does not have the shape of ``record.schema.json`` raises a
:class:`~eventwire.errors.StoreError` (E406) before anything is written.
"""

from __future__ import annotations

import calendar
import functools
import json
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from eventwire.errors import Errors, EventwireError
from eventwire.store.schema import TABLE_COLUMNS

__all__ = ["record_to_rows", "date_interval", "outlet_of", "failure_row", "parse_day"]

Row = dict[str, Any]

_MENTION_KINDS = ("actors", "times", "places", "quantities")


@functools.lru_cache(maxsize=65536)
def _interval(value: str) -> tuple[date, date] | None:
    try:
        parts = [int(p) for p in str(value)[:10].split("-")]
        if len(parts) == 3:
            day = date(parts[0], parts[1], parts[2])
            return day, day
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except (ValueError, IndexError):
        return None


def date_interval(value: str | None) -> tuple[date, date] | None:
    """The days an ISO date of any precision covers: ``2002-05`` is May 1 to May 31."""
    return _interval(value) if value and isinstance(value, str) else None


def parse_day(value: str | None) -> date | None:
    """The first day an ISO date covers, or None when it is missing or not a date."""
    span = date_interval(value)
    return span[0] if span else None


def outlet_of(record: dict[str, Any]) -> str | None:
    """Who published a document: ``meta.sitename``, else the URL's host, else the source."""
    meta = record.get("meta") or {}
    site = meta.get("sitename")
    if isinstance(site, str) and site.strip():
        return site.strip().lower()
    url = meta.get("url")
    if isinstance(url, str) and url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    source = record.get("source")
    return str(source).split(":", 1)[0] if source else None


def _document_row(rec: dict[str, Any]) -> Row:
    meta = rec.get("meta") or {}
    return {
        "doc_id": str(rec["doc_id"]),
        "seq": None,
        "source": rec.get("source"),
        "title": rec.get("title"),
        "byline": rec.get("byline"),
        "stated_date": rec.get("stated_date"),
        "date": rec.get("date"),
        "day": parse_day(rec.get("date")),
        "date_warnings": [str(w) for w in rec.get("date_warnings") or []],
        "meta": json.dumps(meta, ensure_ascii=False, sort_keys=True),
        "url": meta.get("url"),
        "outlet": outlet_of(rec),
        "text": rec.get("text") or "",
        "num_sentences": len(rec.get("sentences") or []),
        "num_events": len(rec.get("events") or []),
    }


def _sentence_rows(doc_id: str, rec: dict[str, Any]) -> list[Row]:
    text = rec.get("text") or ""
    rows = []
    for i, s in enumerate(rec.get("sentences") or []):
        start, end = int(s["start"]), int(s["end"])
        rows.append(
            {"doc_id": doc_id, "idx": i, "char_start": start, "char_end": end,
             "text": text[start:end]}
        )
    return rows


_EMPTY_MENTION: Row = {name: None for name, _ in TABLE_COLUMNS["mentions"]}


def _mention_row(doc_id: str, kind: str, idx: int, m: dict[str, Any]) -> Row:
    row = dict(_EMPTY_MENTION)
    row.update(doc_id=doc_id, kind=kind, idx=idx, char_start=int(m["start"]),
               char_end=int(m["end"]), text=m.get("text"))
    for key in ("code", "country", "type", "name", "lat", "lon", "geonameid", "unit",
                "qualifier"):
        row[key] = m.get(key)
    if kind == "actors":
        row["sectors"] = list(m.get("sectors") or [])
        row["resolved"] = m.get("resolved")
    if kind == "times":
        row["value"] = m.get("value")
    if kind == "quantities":
        value = m.get("value")
        row["number"] = float(value) if value is not None else None
    return row


def _mention_rows(doc_id: str, rec: dict[str, Any]) -> list[Row]:
    mentions = rec.get("mentions") or {}
    rows = []
    for kind in _MENTION_KINDS:
        for i, m in enumerate(mentions.get(kind) or []):
            rows.append(_mention_row(doc_id, kind, i, m))
    return rows


def _actor_cols(prefix: str, actor: dict[str, Any] | None) -> Row:
    actor = actor or {}
    return {
        f"{prefix}_text": actor.get("text"),
        f"{prefix}_code": actor.get("code"),
        f"{prefix}_country": actor.get("country"),
        f"{prefix}_sectors": list(actor.get("sectors") or []),
    }


def _place_cols(loc: dict[str, Any] | None) -> Row:
    loc = loc or {}
    return {
        "has_location": bool(loc),
        "location_name": loc.get("name"),
        "location_country": loc.get("country"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "geonameid": loc.get("geonameid"),
    }


def _confidence(value: Any) -> float | None:
    """A record's confidence as stored: a number in [0, 1], or NULL when absent."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return min(max(float(value), 0.0), 1.0)


def _event_row(doc: Row, idx: int, ev: dict[str, Any], sentences: list[Row]) -> Row:
    sent_i = int(ev["sentence_index"])
    plover = ev.get("plover") or {}
    size = ev.get("size") or {}
    row: Row = {
        "event_id": f"{doc['doc_id']}/{ev['id']}",
        "doc_id": doc["doc_id"],
        "id": str(ev["id"]),
        "idx": idx,
        "sentence_index": sent_i,
        "char_start": int(ev["start"]),
        "char_end": int(ev["end"]),
        "trigger": ev.get("trigger"),
        "trigger_start": ev.get("trigger_start"),
        "trigger_end": ev.get("trigger_end"),
        "sentence": sentences[sent_i]["text"] if 0 <= sent_i < len(sentences) else None,
    }
    row.update(_actor_cols("source", ev.get("source")))
    row.update(_actor_cols("target", ev.get("target")))
    row.update(
        cameo=str(ev["cameo"]), cameo_root=str(ev.get("cameo_root") or str(ev["cameo"])[:2]),
        quad_class=ev.get("quad_class"), goldstein=ev.get("goldstein"),
        plover_type=plover.get("event_type"), plover_mode=plover.get("mode"),
        plover_context=list(plover.get("context") or []),
        date=ev.get("date"), date_precision=ev.get("date_precision"),
        date_source=ev.get("date_source"), day=parse_day(ev.get("date")),
    )
    row.update(_place_cols(ev.get("location")))
    row.update({f"size_{k}": size.get(k) for k in ("people", "killed", "injured", "arrested")})
    row.update(
        negated=bool(ev.get("negated")), hypothetical=bool(ev.get("hypothetical")),
        rule=ev.get("rule") or "", outlet=doc["outlet"], doc_day=doc["day"], cluster_id=None,
        seq=None, order_key=None, confidence=_confidence(ev.get("confidence")),
        location_source=ev.get("location_source"),
        location_precision=ev.get("location_precision"),
    )
    row.update(source_resolved=(ev.get("source") or {}).get("resolved"),
               target_resolved=(ev.get("target") or {}).get("resolved"))
    return row


def _rows(rec: dict[str, Any]) -> dict[str, list[Row]]:
    doc = _document_row(rec)
    sentences = _sentence_rows(doc["doc_id"], rec)
    events = [
        _event_row(doc, i, ev, sentences) for i, ev in enumerate(rec.get("events") or [])
    ]
    return {
        "documents": [doc],
        "sentences": sentences,
        "mentions": _mention_rows(doc["doc_id"], rec),
        "events": events,
    }


_CHECKS: dict[str, tuple[type, ...]] = {
    "VARCHAR": (str,),
    "INTEGER": (int,),
    "BIGINT": (int,),
    "DOUBLE": (int, float),
    "BOOLEAN": (bool,),
    "DATE": (date,),
}
_INT_BITS = {"INTEGER": 31, "BIGINT": 63}

#: Per table: (column, exact types allowed, integer bound or 0, is a list of strings).
_CHECKERS = {
    table: [(name, frozenset(_CHECKS.get(kind, ())), 2 ** _INT_BITS.get(kind, 0)
             if kind in _INT_BITS else 0, kind.endswith("[]")) for name, kind in cols]
    for table, cols in TABLE_COLUMNS.items()
}


def _check_types(table: str, row: Row) -> None:
    """Refuse a value of the wrong type now, rather than half-way through a transaction.

    Exact type checks (``bool`` is not an integer here); integers must fit their column.
    """
    for name, allowed, bound, is_list in _CHECKERS[table]:
        value = row[name]
        if value is None:
            continue
        if is_list:
            ok = type(value) is list and all(type(v) is str for v in value)
        else:
            ok = type(value) in allowed and (not bound or -bound <= value < bound)
        if not ok:
            raise TypeError(f"{table}.{name} has a value of the wrong type: {value!r}")


def record_to_rows(record: dict[str, Any]) -> dict[str, list[Row]]:
    """Table name -> rows (dicts with exactly the store's columns) for one JSON record."""
    if not isinstance(record, dict) or not record.get("doc_id"):
        raise Errors.E406_record.error(stage="store")
    try:
        tables = _rows(record)
        for table, rows in tables.items():
            for row in rows:
                _check_types(table, row)
        return tables
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise Errors.E406_shape.error(
            reason=exc, doc_id=str(record.get("doc_id")), stage="store"
        ) from exc


def failure_row(error: EventwireError, doc_id: str, source: str, when: datetime) -> Row:
    """The failures-table row for a document that could not be read or coded."""
    info = error.to_dict()
    return {
        "doc_id": doc_id,
        "doc_source": source,
        "code": info["code"],
        "type": info["type"],
        "stage": info["stage"],
        "message": info["message"],
        "hint": info["hint"],
        "time": when,
    }
