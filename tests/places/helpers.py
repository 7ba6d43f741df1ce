"""Helpers shared by the places and quantities tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span

from eventwire.model import Document, Event, EventActor, PlaceMention
from eventwire.pipeline import Pipeline
from eventwire.places.gazetteer import load_gazetteer
from eventwire.places.toponyms import find_toponyms


def stage_runner(pipeline: Pipeline) -> Callable[[str], Document]:
    """A function: text -> Document after the real parse, places and quantities stages."""
    stages = [pipeline.get_stage(n) for n in ("parse", "places", "quantities")]

    def run(text: str) -> Document:
        doc = Document(doc_id="t", source="test", text=text)
        for stage in stages:
            doc = stage(doc)
        return doc

    return run


def event_at(doc: Document, trigger: str, cameo: str = "173") -> Event:
    """An event whose trigger is the first occurrence of ``trigger`` in the text."""
    start = doc.text.index(trigger)
    return Event(id="E1", sentence_index=0, start=0, end=len(doc.text), trigger=trigger,
                 source=EventActor(), target=EventActor(), cameo=cameo, cameo_root=cameo[:2],
                 quad_class=4, goldstein=-5.0, trigger_start=start,
                 trigger_end=start + len(trigger))


def by_text(doc: Document) -> dict[str, PlaceMention]:
    """The document's place mentions by their text (the last one of a repeated name)."""
    return {m.text: m for m in doc.places}


def tagged(nlp: Any, text: str, ents: list[tuple[str, str]]) -> list[str]:
    """The toponyms found when the tagger marks the first occurrence of each entity so."""
    doc = nlp(text)
    spans = []
    for entity, label in ents:
        start = text.index(entity)
        span = doc.char_span(start, start + len(entity), label=label)
        assert isinstance(span, Span)
        spans.append(span)
    doc.ents = spans
    return [c.text for c in find_toponyms(doc, load_gazetteer(), 100000)]


def found_in(nlp: Any, text: str) -> list[str]:
    """The toponyms found with the tagger's own entities."""
    return [c.text for c in find_toponyms(nlp(text), load_gazetteer(), 100000)]
