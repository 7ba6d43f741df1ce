"""Helpers shared by the places and quantities tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span

from eventwire.model import Document, PlaceMention
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
