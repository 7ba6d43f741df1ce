"""Fixtures: the real parser with the times, places and quantities stages on a short text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="session")
def parsed(pipeline: Pipeline) -> Callable[[str], Document]:
    """text -> Document after the real parse, places and quantities stages."""
    stages = [pipeline.get_stage(n) for n in ("parse", "places", "quantities")]

    def run(text: str) -> Document:
        doc = Document(doc_id="t", source="test", text=text)
        for stage in stages:
            doc = stage(doc)
        return doc

    return run
