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


@pytest.mark.parametrize("text", [
    "Paris defeated Sulphur Springs 35-7 on Friday. The Texas school plays Longview next.",
    "Paris police arrested two men after a chase on Friday. The Texas officers said the men "
    "fled toward Longview.",
])
def test_an_actor_named_after_a_town_does_not_choose_the_towns_sense(
    pipeline: Pipeline, text: str
) -> None:
    # The actor's country ("Paris" or "Paris police": France) is the actors stage's guess
    # of the town's name; fed back, it outvoted the story's own state.
    doc = code_text(text, pipeline=pipeline, dct="2024-03-12")
    assert {m.country for m in doc.places if m.text == "Paris"} == {"USA"}


def test_an_actor_named_after_its_country_still_chooses_the_sense(pipeline: Pipeline) -> None:
    doc = code_text("Police in Georgia's capital detained 30 protesters.", pipeline=pipeline,
                    dct="2024-03-12")
    assert [m.country for m in doc.places if m.text == "Georgia"] == ["GEO"]
