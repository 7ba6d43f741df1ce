"""The ``quantities`` stage: counts of people and things, from the parse."""

from __future__ import annotations

from typing import Any

from eventwire.config import Config
from eventwire.model import Document
from eventwire.pipeline import register_stage
from eventwire.quantities.extract import find_quantities
from eventwire.quantities.numbers import load_lexicon

__all__ = ["QuantitiesStage", "make"]


class QuantitiesStage:
    """Fills ``doc.quantities`` from ``doc.spacy``."""

    name = "quantities"

    def __init__(self, settings: dict[str, Any], config: Config) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        if doc.spacy is not None:
            doc.quantities = find_quantities(doc.spacy, load_lexicon())
        return doc


@register_stage("quantities", requires=["doc.spacy"], assigns=["doc.quantities"])
def make(settings: dict[str, Any], config: Config) -> QuantitiesStage:
    return QuantitiesStage(settings, config)
