"""The countries of a story's actors are context for the place resolver: a town named
in a story about one country's police or army is read in that country."""

from __future__ import annotations

import pytest

from eventwire.api import code_text
from eventwire.pipeline import Pipeline


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Venezuelan police detained 30 students in Valencia.", "Valencia", "VEN"),
    ("Argentine police arrested 12 people in Cordoba.", "Cordoba", "ARG"),
])
def test_actor_countries_choose_the_sense(pipeline: Pipeline, text: str, name: str,
                                          country: str) -> None:
    doc = code_text(text, pipeline=pipeline, dct="2024-03-12")
    found = [m for m in doc.places if m.text == name]
    assert found and found[0].country == country


def test_without_actors_the_hook_adds_nothing(pipeline: Pipeline) -> None:
    from eventwire.places.stages import actor_countries

    doc = code_text("Rain fell on the town.", pipeline=pipeline, dct="2024-03-12")
    assert actor_countries(doc, pipeline.get_stage("places").resolver) == []
