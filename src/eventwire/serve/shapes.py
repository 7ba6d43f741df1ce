"""What the views return: store rows reshaped for the page, with spans to highlight.

The store answers with its own rows; these functions only regroup them (the event, its
cluster, its evidence) and add the highlight spans of :mod:`eventwire.serve.spans`.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import Outcome
from eventwire.serve.spans import document_spans, evidence_spans, sentence_offset
from eventwire.store import Store

__all__ = ["event_view", "document_view", "ingest_view", "sentence_starts"]

Row = dict[str, Any]


def _actor_texts(event: Row) -> Row:
    return {role: {"text": event.get(f"{role}_text"), "code": event.get(f"{role}_code")}
            for role in ("source", "target")}


#: Evidence documents whose sentence offsets are read exactly; beyond, they are inferred.
MAX_EXACT_DOCUMENTS = 20


def sentence_starts(store: Store, event: Row) -> dict[str, list[int]]:
    """Where each sentence starts, for the documents of an event's evidence (bounded)."""
    doc_ids = list(dict.fromkeys(m.get("doc_id") for m in event.get("mentions") or [event]))
    starts: dict[str, list[int]] = {}
    for doc_id in doc_ids[:MAX_EXACT_DOCUMENTS]:
        record = store.get_document(str(doc_id)) if doc_id else None
        if record is not None:
            starts[str(doc_id)] = [int(s["start"]) for s in record.get("sentences") or []]
    return starts


def _offset(mention: Row, starts: dict[str, list[int]]) -> int | None:
    index = mention.get("sentence_index")
    doc_starts = starts.get(str(mention.get("doc_id")))
    if doc_starts is not None and isinstance(index, int) and 0 <= index < len(doc_starts):
        return doc_starts[index]
    return sentence_offset(mention.get("sentence") or "", mention)


def _evidence(mention: Row, actors: Row, starts: dict[str, list[int]]) -> Row:
    """One mention of the event with its sentence and the spans of trigger and actors."""
    sentence = mention.get("sentence") or ""
    offset = _offset(mention, starts)
    spans: list[Row] = []
    if offset is not None:
        spans = evidence_spans(sentence, offset, {**mention, **actors})
    return {**mention, "sentence_start": offset, "spans": spans}


def event_view(event: Row, starts: dict[str, list[int]]) -> Row:
    """``{event, cluster, evidence: [...]}`` for the event page.

    ``starts`` gives the sentence offsets of the evidence documents (see
    :func:`sentence_starts`). The evidence rows name the actors by code only, so the actor
    phrases of the event itself are looked for in every evidence sentence.
    """
    actors = _actor_texts(event)
    mentions = event.get("mentions") or [event]
    core = {k: v for k, v in event.items() if k not in ("mentions", "cluster")}
    return {
        "event": core,
        "cluster": event.get("cluster"),
        "evidence": [_evidence(m, actors, starts) for m in mentions],
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
