"""Helpers for the event tests: code a text with the shared pipeline and given settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.api import code_text
from eventwire.events.stages import EventsStage
from eventwire.model import Document
from eventwire.pipeline import Pipeline

PETRARCH_DIR = Path(__file__).resolve().parents[1] / "data" / "eval" / "petrarch"

Coder = Callable[..., Document]


@pytest.fixture(scope="session")
def code(pipeline: Pipeline) -> Coder:
    """Code a text with the default pipeline, re-running the events stage when settings or
    dictionaries are given (the parse and actors are shared)."""

    def run(text: str, dictionaries: list[str] | None = None, **settings: Any) -> Document:
        doc = code_text(text, pipeline=pipeline, doc_id="t")
        assert doc.error is None, doc.error
        if settings or dictionaries:
            merged = dict(pipeline.config["stages"]["events"]) | settings
            config = dict(pipeline.config) | {"dictionaries": dictionaries or []}
            EventsStage(merged, config)(doc)
        return doc

    return run


def triples(doc: Document) -> set[tuple[str, str | None, str | None]]:
    """(root, source country, target country) of every event."""
    return {(e.cameo_root, e.source.country, e.target.country) for e in doc.events}


def codes(doc: Document) -> list[tuple[str, str | None, str | None, str | None]]:
    """(code, source code, target code, rule) of every event: what a failed check shows."""
    return [(e.cameo, e.source.code, e.target.code, e.rule) for e in doc.events]
