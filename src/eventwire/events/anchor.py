"""The ``anchor`` stage: each event's own date, place and size (minimal until built)."""

from __future__ import annotations

from typing import Any

from eventwire.config import Config
from eventwire.model import Document
from eventwire.pipeline import register_stage


class AnchorStage:
    name = "anchor"

    def __init__(self, settings: dict[str, Any], config: Config) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage("anchor", requires=["doc.events"], assigns=["doc.events"])
def make_anchor(settings: dict[str, Any], config: Config) -> AnchorStage:
    return AnchorStage(settings, config)
