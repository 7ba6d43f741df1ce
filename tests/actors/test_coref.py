"""Coreference: "it" before a control adjective is a reference, not an empty subject."""

from __future__ import annotations

from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors


def _pronoun_codes(pipeline: Pipeline, text: str) -> list[str | None]:
    doc = code_actors(pipeline, text)
    return [m.code for m in doc.actors if m.text.lower() == "it"]


def test_it_is_willing_refers_to_the_country(pipeline: Pipeline) -> None:
    codes = _pronoun_codes(pipeline, "Vietnam says it is willing to pull out of Cambodia.")
    assert codes == ["VNM"]


def test_it_is_likely_is_empty(pipeline: Pipeline) -> None:
    codes = _pronoun_codes(pipeline, "Vietnam says it is likely that talks will resume.")
    assert codes == []
