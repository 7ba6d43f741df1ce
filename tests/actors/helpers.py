"""Run the parse and actor stages of the session pipeline on a short text."""

from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import Pipeline, Stage


def code_actors(
    pipeline: Pipeline, text: str, date: str | None = None, stage: Stage | None = None
) -> Document:
    """A document parsed by ``pipeline`` and coded by its actor stage (or ``stage``)."""
    doc = Document(doc_id="test", source="<test>", text=text)
    doc.date = date
    doc = pipeline.get_stage("parse")(doc)
    return (stage or pipeline.get_stage("actors"))(doc)


def codes(doc: Document) -> dict[str, str | None]:
    """Mention text -> code."""
    return {m.text: m.code for m in doc.actors}
