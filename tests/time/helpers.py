"""Shared helpers of the time tests: code a text and read its time mentions."""

from __future__ import annotations

from eventwire.api import code_text
from eventwire.model import Document
from eventwire.pipeline import Pipeline


def code(pipeline: Pipeline, text: str, dct: str | None) -> Document:
    doc = code_text(text, pipeline=pipeline, dct=dct)
    assert doc.error is None, doc.error
    return doc


def times(pipeline: Pipeline, text: str, dct: str | None) -> dict[str, tuple[str, str | None]]:
    """{mention text: (type, value)} of a text coded with a document date."""
    return {m.text: (m.type, m.value) for m in code(pipeline, text, dct).times}
