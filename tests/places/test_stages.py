from __future__ import annotations

import pytest

from eventwire.api import code_text
from eventwire.errors import ConfigError
from eventwire.places.resolve import haversine_km
from eventwire.places.stages import PlacesStage


def _by_text(doc):
    return {m.text: m for m in doc.places}


def test_example_story_places(pipeline, example_text):
    doc = code_text(example_text, pipeline=pipeline)
    places = _by_text(doc)
    shenyang = places["Shenyang"]
    assert shenyang.country == "CHN"
    assert haversine_km(shenyang.lat, shenyang.lon, 41.79, 123.43) < 5
    assert places["Seoul"].country == "KOR"
    assert places["Philippines"].country == "PHL"
    washington = places["Washington"]
    assert washington.country == "USA"
    assert haversine_km(washington.lat, washington.lon, 38.9, -77.04) < 5


def test_qualified_city_follows_its_state(parsed):
    doc = parsed("The tornado hit Paris, Texas, and then Springfield, Ill.")
    places = _by_text(doc)
    assert places["Paris"].country == "USA"
    assert places["Springfield"].name == "Springfield"
    assert haversine_km(places["Springfield"].lat, places["Springfield"].lon, 39.8, -89.64) < 30


def test_bare_paris_is_the_french_capital(parsed):
    assert _by_text(parsed("She moved to Paris last year."))["Paris"].country == "FRA"


def test_washington_by_context(parsed):
    capital = parsed("Lawmakers in Washington said Congress would vote on the bill.")
    assert _by_text(capital)["Washington"].feature == "PPLC"
    state = parsed("Wildfires spread across the state of Washington on Monday.")
    assert _by_text(state)["Washington"].feature == "ADM1"


def test_demonyms_are_not_places(parsed):
    doc = parsed("Chinese police detained North Korean refugees.")
    assert not [m for m in doc.places if m.text in ("Chinese", "North Korean")]


def test_country_resolves_to_its_centre_point(parsed):
    kenya = _by_text(parsed("Floods hit Kenya in May."))["Kenya"]
    assert kenya.feature == "PCLI" and kenya.country == "KEN"
    assert haversine_km(kenya.lat, kenya.lon, 1.0, 38.0) < 50


def test_ambiguous_town_is_left_unresolved(parsed):
    # several Springfields of similar size, far apart, and no state in the story
    doc = parsed("Officials in Springfield announced the plan.")
    springfield = _by_text(doc)["Springfield"]
    assert springfield.lat is None and springfield.country is None


@pytest.mark.parametrize("settings", [{"gazetteer": "everything"},
                                      {"min_population_unlisted": "many"},
                                      {"min_population_unlisted": -1}])
def test_bad_places_settings_are_config_errors(settings):
    with pytest.raises(ConfigError) as info:
        PlacesStage(settings, {})
    assert info.value.code == "E251"


def test_a_name_the_text_calls_a_town_is_a_place(parsed):
    doc = parsed("A roadside bombing near the town of Samarra killed one soldier.")
    samarra = _by_text(doc)["Samarra"]
    assert samarra.country == "IRQ"


def test_possessive_and_article_are_not_part_of_the_toponym(parsed):
    doc = parsed("The United Kingdom's health agency issued a warning.")
    assert _by_text(doc)["United Kingdom"].country == "GBR"


def test_unparsed_document_is_left_alone(pipeline):
    from eventwire.model import Document

    doc = Document(doc_id="t", source="test", text="Paris")
    assert pipeline.get_stage("places")(doc).places == []
