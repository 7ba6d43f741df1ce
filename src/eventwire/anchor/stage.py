"""The ``anchor`` stage: each event's own date, place and size, from the text.

It runs after ``events``. The ``times``, ``places`` and ``quantities`` stages find and
normalise what the text mentions; this package decides which of those mentions belong to
each event (:mod:`eventwire.anchor.date`, :mod:`eventwire.anchor.place`,
:mod:`eventwire.anchor.size`), from the event's trigger in the parse
(:mod:`eventwire.anchor.trigger`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from eventwire.actors.dated import recode_event
from eventwire.anchor.date import date_event
from eventwire.anchor.place import locate_event, story_focus
from eventwire.anchor.retold import drop_retold
from eventwire.anchor.size import size_event
from eventwire.config import Config
from eventwire.model import Document
from eventwire.pipeline import register_stage
from eventwire.places.gazetteer import DEFAULT_DATASET, Place, load_gazetteer
from eventwire.settings import from_mapping


@dataclass(frozen=True)
class AnchorSettings:
    """``stages.anchor``: the CAMEO roots (or codes) whose target, when it is a place, is
    where the event happened ("rebels shelled Kandahar", "visited Tehran"): force
    postures, coercion, assaults, fights, mass violence and visits act on the place; a
    statement about a country ("accused India") does not happen there.
    ``place_country``: an act the text names no place for is placed in a country, as a
    careful coder places it (docs/places.md); ``target_country_codes``: the roots or codes
    placed in the target's country then (a strike, a fight, a visit), the others in the
    doer's. ``keep_retold``: keep an act the story tells again, with the same code, dyad,
    date and place, as an event of its own (:mod:`eventwire.anchor.retold`)."""

    target_place_roots: list[str] = field(
        default_factory=lambda: ["15", "17", "18", "19", "20", "042"])
    place_country: bool = True
    target_country_codes: list[str] = field(default_factory=lambda: ["18", "19", "20", "042"])
    keep_retold: bool = False


class AnchorStage:
    name = "anchor"

    def __init__(self, settings: AnchorSettings | Mapping[str, Any], config: Config) -> None:
        self.settings = from_mapping(AnchorSettings, settings, "stages.anchor")
        places = (config.get("stages") or {}).get("places") or {}
        self.dataset = str(places.get("gazetteer") or DEFAULT_DATASET)

    @cached_property
    def countries(self) -> Mapping[str, Place]:
        """The gazetteer's countries, read on first use (the places stage has read it)."""
        return load_gazetteer(self.dataset).countries if self.settings.place_country else {}

    def __call__(self, doc: Document) -> Document:
        focus = story_focus(doc) if doc.events else None
        for event in doc.events:
            event.date, event.date_precision, event.date_source = date_event(doc, event)
            recode_event(doc, event)  # a named actor's office on the event's own day
            placed = locate_event(doc, event, focus, self.settings.target_place_roots,
                                  self.countries, self.settings.target_country_codes)
            event.location = placed.location
            event.location_source, event.location_precision = placed.source, placed.precision
            event.size = size_event(doc, event)
        if not self.settings.keep_retold:
            doc.events = drop_retold(doc.doc_id, doc.events)
        return doc


@register_stage(
    "anchor",
    requires=["doc.events", "doc.times", "doc.places", "doc.quantities"],
    assigns=["doc.events"],
    settings=AnchorSettings,
)
def make_anchor(settings: AnchorSettings, config: Config) -> AnchorStage:
    return AnchorStage(settings, config)
