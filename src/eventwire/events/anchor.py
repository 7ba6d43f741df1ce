"""The ``anchor`` stage: each event's own date, place and size, from the text.

It runs after ``events`` and asks the time, places and quantities packages about each
event, so that those packages keep their own logic and this stage only wires them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventwire.actors.dated import recode_event
from eventwire.config import Config
from eventwire.model import Document
from eventwire.pipeline import register_stage
from eventwire.places import locate_event
from eventwire.quantities import size_event
from eventwire.settings import NoSettings, from_mapping
from eventwire.time import date_event


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
