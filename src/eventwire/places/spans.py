"""What the places package knows of a span of the parse: the gazetteer entries its text
may denote, and where it stands in spaCy's entity (leading it, the whole of it, inside a
university's name). Shared by finding toponyms (:mod:`~eventwire.places.toponyms`) and
refining them (:mod:`~eventwire.places.refine`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.places.gazetteer import Gazetteer, Place, normalise
from eventwire.places.util import context_words

__all__ = ["Candidate", "academic", "leads_entity", "senses", "whole_entity"]


@dataclass
class Candidate:
    """A toponym found in the text, with the gazetteer entries its name may denote."""

    start: int
    end: int
    text: str
    label: str
    places: list[Place]
    root: Any  # the spaCy token heading the span


def senses(span: Any, gaz: Gazetteer) -> list[Place]:
    """The entries a span may denote. "X City" that is no town's own name ("Mexico City" is) is
    also any town X: "Dublin City Council" in an Ohio story is Dublin, Ohio's, though only
    Ireland files a "Dublin City" (a district)."""
    text = span.text  # spaCy joins the span's tokens for each read
    places = gaz.lookup(text)
    if len(span) < 2 or span[-1].lower_ != "city":
        return places
    key = normalise(text)
    if not any(p.feature in ("PPL", "PPLC") and normalise(p.name) == key for p in places):
        known = set(places)
        places = places + [p for p in gaz.lookup(span[:-1].text)
                           if p.feature in ("PPL", "PPLC") and p not in known]
    return places


def leads_entity(span: Any) -> bool:
    """Whether a span starts its entity, an article aside ("the Douglas County Hospital")."""
    if span[0].ent_iob_ == "B":
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.ent_iob_ == "B" and before.lower_ == "the"


def whole_entity(span: Any) -> bool:
    """Whether a span reaches the end of its entity."""
    end = span.end
    doc = span.doc
    return end >= len(doc) or doc[end].ent_iob_ != "I"


def academic(span: Any) -> bool:
    """Whether the entity a place name leads is a university or college ("Kansas State
    University"): named after a region, not located by it, and not a toponym of the story."""
    doc = span.doc
    end = span.end
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.lower_ in context_words("academic_words") for t in doc[span.end : end])
