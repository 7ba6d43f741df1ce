"""The ``times`` stage: TIMEX3 time expressions anchored on the document date.

The anchor is ``doc.date`` (the dating stage's best estimate, or ``--dct``), never the
day the text is processed: without a document date, relative expressions get no value
(or an ``XXXX`` one) instead of today's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventwire.config import Config
from eventwire.model import Document
from eventwire.pipeline import register_stage
from eventwire.settings import NoSettings, from_mapping
from eventwire.time.lexicon import lexicon
from eventwire.time.patterns import patterns
from eventwire.time.recognize import find_times

__all__ = ["TimesStage"]


class TimesStage:
    """Fill ``doc.times`` from the clean text and its parse."""

    name = "times"

    def __init__(self, settings: NoSettings | Mapping[str, Any], config: Config) -> None:
        self.settings = from_mapping(NoSettings, settings, "stages.times")
        lexicon()
        patterns()  # compile once, at build time, not on the first document

    def __call__(self, doc: Document) -> Document:
        doc.times = find_times(doc.text, doc.date, doc.spacy)
        return doc


@register_stage("times", requires=["doc.text", "doc.date", "doc.spacy"], assigns=["doc.times"],
                settings=NoSettings)
def make(settings: NoSettings, config: Config) -> TimesStage:
    return TimesStage(settings, config)
