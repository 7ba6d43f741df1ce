"""The ``actors`` stage (minimal until its capability is built)."""

from __future__ import annotations

from typing import Any

from eventwire.config import Config
from eventwire.model import Document
from eventwire.pipeline import register_stage


class Stage:
    name = "actors"

    def __init__(self, settings: dict[str, Any], config: Config) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage("actors", requires=["doc.spacy"], assigns=["doc.actors"])
def make(settings: dict[str, Any], config: Config) -> Stage:
    return Stage(settings, config)
