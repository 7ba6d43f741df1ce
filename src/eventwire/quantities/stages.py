"""The ``quantities`` stage: counts of people and things, from the parse."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventwire.config import Config
from eventwire.model import Document
from eventwire.pipeline import register_stage
from eventwire.quantities.extract import find_quantities
from eventwire.quantities.numbers import load_lexicon
from eventwire.settings import NoSettings, from_mapping

__all__ = ["QuantitiesStage", "make"]


class QuantitiesStage:
    """Fills ``doc.quantities`` from ``doc.spacy``."""

    name = "quantities"

    def __init__(self, settings: NoSettings | Mapping[str, Any], config: Config) -> None:
        self.settings = from_mapping(NoSettings, settings, "stages.quantities")

    def __call__(self, doc: Document) -> Document:
        if doc.spacy is not None:
            doc.quantities = find_quantities(doc.spacy, load_lexicon())
        return doc


@register_stage("quantities", requires=["doc.spacy"], assigns=["doc.quantities"],
                settings=NoSettings)
def make(settings: NoSettings, config: Config) -> QuantitiesStage:
    return QuantitiesStage(settings, config)
