"""The ``anchor`` stage: each event's own date, place and size, from the text.

It runs after ``events``. The ``times``, ``places`` and ``quantities`` stages find and
normalise what the text mentions; this package decides which of those mentions belong to
each event (:mod:`eventwire.anchor.date`, :mod:`eventwire.anchor.place`,
:mod:`eventwire.anchor.size`), from the event's trigger in the parse
(:mod:`eventwire.anchor.trigger`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventwire.actors.dated import recode_event
from eventwire.anchor.date import date_event
from eventwire.anchor.place import locate_event
from eventwire.anchor.size import size_event
from eventwire.config import Config
from eventwire.model import Document
from eventwire.pipeline import register_stage
from eventwire.settings import NoSettings, from_mapping


class AnchorStage:
    name = "anchor"

    def __init__(self, settings: NoSettings | Mapping[str, Any], config: Config) -> None:
        self.settings = from_mapping(NoSettings, settings, "stages.anchor")

    def __call__(self, doc: Document) -> Document:
        for event in doc.events:
            event.date, event.date_precision, event.date_source = date_event(doc, event)
            recode_event(doc, event)  # a named actor's office on the event's own day
            event.location = locate_event(doc, event)
            event.size = size_event(doc, event)
        return doc


@register_stage(
    "anchor",
    requires=["doc.events", "doc.times", "doc.places", "doc.quantities"],
    assigns=["doc.events"],
    settings=NoSettings,
)
def make_anchor(settings: NoSettings, config: Config) -> AnchorStage:
    return AnchorStage(settings, config)
