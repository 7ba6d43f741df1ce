"""The example story: the events a careful human coder takes from it, and none of the
forbidden ones (the appeal's "not to repatriate", the generic "are usually executed")."""

from __future__ import annotations

from eventwire.api import code_text
from eventwire.pipeline import Pipeline
from tests.conftest import EXAMPLE

REQUIRED = [("17", "CHN", "PRK"), ("11", "JPN", "CHN"), ("10", "JPN", "CHN"),
            ("08", "CHN", "PRK"), ("02", "USA", "CHN")]


def test_required_events_are_found(pipeline: Pipeline) -> None:
    doc = code_text(EXAMPLE.read_text("utf-8"), pipeline=pipeline)
    found = {(e.cameo_root, e.source.country, e.target.country) for e in doc.events}
    assert [r for r in REQUIRED if r not in found] == []


def test_forbidden_events_are_absent(pipeline: Pipeline) -> None:
    doc = code_text(EXAMPLE.read_text("utf-8"), pipeline=pipeline)
    triggers = {(e.cameo_root, e.trigger) for e in doc.events}
    assert ("17", "repatriate") not in triggers and ("18", "executed") not in triggers
    assert all(e.start >= 0 and e.end <= len(doc.text) for e in doc.events)
    assert not [e for e in doc.events if "See earlier stories" in doc.text[e.start : e.end]]
