"""What the views return: store rows reshaped for the page, with spans to highlight.

The store answers with its own rows; these functions only regroup them (the event, its
cluster, its evidence) and add the highlight spans of :mod:`eventwire.serve.spans`.
"""

from __future__ import annotations

from typing import Any

from eventwire.engines.base import Outcome
from eventwire.serve.spans import document_spans, evidence_spans, sentence_offset

__all__ = ["event_view", "document_view", "ingest_view"]

Row = dict[str, Any]


def _actor_texts(event: Row) -> Row:
    return {role: {"text": event.get(f"{role}_text"), "code": event.get(f"{role}_code")}
            for role in ("source", "target")}


def _evidence(mention: Row, actors: Row) -> Row:
    """One mention of the event with its sentence and the spans of trigger and actors."""
    sentence = mention.get("sentence") or ""
    offset = sentence_offset(sentence, mention)
    spans: list[Row] = []
    if offset is not None:
        spans = evidence_spans(sentence, offset, {**mention, **actors})
    return {**mention, "sentence_start": offset, "spans": spans}


def event_view(event: Row) -> Row:
    """``{event, cluster, evidence: [...]}`` for the event page.

    The evidence rows name the actors by code only, so the actor phrases of the event
    itself are looked for in every evidence sentence.
    """
    actors = _actor_texts(event)
    mentions = event.get("mentions") or [event]
    core = {k: v for k, v in event.items() if k not in ("mentions", "cluster")}
    return {
        "event": core,
        "cluster": event.get("cluster"),
        "evidence": [_evidence(m, actors) for m in mentions],
    }


def document_view(record: Row) -> Row:
    """The stored record with ``spans``: its mentions and triggers, sorted by position."""
    return {**record, "spans": document_spans(record)}


def ingest_view(outcomes: list[Outcome], stats: Any) -> Row:
    """Per document: coded or failed (with the error); and what the store added."""
    documents = []
    for o in outcomes:
        item: Row = {"doc_id": o.doc_id, "status": "coded" if o.ok else "failed"}
        if o.record is not None:
            item["events"] = len(o.record.get("events") or [])
        if o.error is not None:
            item["error"] = o.error.to_dict()
        documents.append(item)
    coded = sum(1 for o in outcomes if o.ok)
    return {"coded": coded, "failed": len(outcomes) - coded, "documents": documents,
            "store": stats}
