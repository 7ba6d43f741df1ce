"""Spans to highlight: what the explorer colours in a document or an evidence sentence.

Kept apart from the views because it is the one piece of logic the API adds over the
store: turning mentions and events into flat, sorted ``{start, end, kind, label}`` spans
that a page can paint without knowing the record's structure.
"""

from __future__ import annotations

from typing import Any

__all__ = ["document_spans", "evidence_spans", "sentence_offset"]

_LABEL_KEYS = {"actors": "code", "times": "value", "places": "name", "quantities": "value"}
_KINDS = {"actors": "actor", "times": "time", "places": "place", "quantities": "quantity"}


def _span(start: Any, end: Any, kind: str, label: Any = None, **extra: Any) -> dict[str, Any]:
    return {"start": int(start), "end": int(end), "kind": kind,
            "label": None if label is None else str(label), **extra}


def _valid(start: Any, end: Any, length: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def document_spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every mention and event trigger of a record, as spans sorted by position."""
    length = len(record.get("text") or "")
    spans = []
    for group, mentions in (record.get("mentions") or {}).items():
        kind = _KINDS.get(group, group)
        for m in mentions or []:
            if _valid(m.get("start"), m.get("end"), length):
                spans.append(_span(m["start"], m["end"], kind, m.get(_LABEL_KEYS.get(group, ""))))
    for ev in record.get("events") or []:
        start, end = ev.get("trigger_start"), ev.get("trigger_end")
        if _valid(start, end, length):
            spans.append(_span(start, end, "trigger", ev.get("cameo"), event_id=ev.get("id")))
    return sorted(spans, key=lambda s: (s["start"], -s["end"]))


def _find(sentence: str, needle: str | None, taken: list[tuple[int, int]]) -> int | None:
    """The first occurrence of ``needle`` in ``sentence`` that overlaps no taken span."""
    if not needle:
        return None
    at = sentence.find(needle)
    while at != -1:
        if all(at + len(needle) <= s or at >= e for s, e in taken):
            return at
        at = sentence.find(needle, at + 1)
    return None


def evidence_spans(
    sentence: str, offset: int, event: dict[str, Any]
) -> list[dict[str, Any]]:
    """Trigger, source and target spans within one evidence sentence.

    ``offset`` is where the sentence starts in its document; the trigger has document
    offsets, the actors only their text, so they are looked up in the sentence itself.
    """
    spans: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    start, end = event.get("trigger_start"), event.get("trigger_end")
    if isinstance(start, int) and isinstance(end, int):
        rel = (start - offset, end - offset)
        if _valid(rel[0], rel[1], len(sentence)):
            spans.append(_span(rel[0], rel[1], "trigger", event.get("trigger")))
            taken.append(rel)
    for role in ("source", "target"):
        actor = event.get(role) or {}
        text = actor.get("text") if isinstance(actor, dict) else None
        at = _find(sentence, text, taken)
        if at is not None and text:
            spans.append(_span(at, at + len(text), role, actor.get("code")))
            taken.append((at, at + len(text)))
    return sorted(spans, key=lambda s: s["start"])


def sentence_offset(sentence: str, mention: dict[str, Any]) -> int | None:
    """Where ``sentence`` starts in its document, inferred from the trigger's offsets.

    Evidence rows carry the sentence text and the trigger's document offsets, not the
    sentence's own start: the start is the one that puts the trigger text at the trigger
    offsets with the whole event span inside the sentence.
    """
    trigger, start = mention.get("trigger"), mention.get("trigger_start")
    if not trigger or not isinstance(start, int):
        return None
    lo, hi = mention.get("char_start"), mention.get("char_end")
    at = sentence.find(trigger)
    while at != -1:
        offset = start - at
        if not (isinstance(lo, int) and isinstance(hi, int)):
            return offset
        if lo - offset >= 0 and hi - offset <= len(sentence):
            return offset
        at = sentence.find(trigger, at + 1)
    return None
