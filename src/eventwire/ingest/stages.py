"""The ``clean`` and ``dating`` stages."""

from __future__ import annotations

from typing import Any

from eventwire.config import Config
from eventwire.ingest.decode import decode, strip_controls
from eventwire.model import Document
from eventwire.pipeline import register_stage


class CleanStage:
    """Decode raw input and produce the clean text that every offset indexes."""

    name = "clean"

    def __init__(self, settings: dict[str, Any], config: Config) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        if doc.raw is None:
            return doc
        text = decode(doc.raw)
        doc.text = strip_controls(text).strip()
        doc.raw = None
        return doc


class DatingStage:
    """Set ``doc.date``: the --dct override, else the stated date."""

    name = "dating"

    def __init__(self, settings: dict[str, Any], config: Config) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        if doc.dct:
            doc.date = doc.dct
        else:
            doc.date = doc.stated_date
        if doc.date is None:
            doc.date_warnings.append("the document states no date and none was given")
        return doc


@register_stage("clean", requires=["doc.raw"], assigns=["doc.text", "doc.title", "doc.meta"])
def make_clean(settings: dict[str, Any], config: Config) -> CleanStage:
    return CleanStage(settings, config)


@register_stage("dating", requires=["doc.text"], assigns=["doc.date", "doc.date_warnings"])
def make_dating(settings: dict[str, Any], config: Config) -> DatingStage:
    return DatingStage(settings, config)
