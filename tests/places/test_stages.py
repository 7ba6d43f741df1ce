from __future__ import annotations

import pytest

from eventwire.api import code_text
from eventwire.errors import ConfigError
from eventwire.pipeline import Pipeline
from eventwire.places.resolve import haversine_km
from eventwire.places.stages import PlacesStage
from tests.places.helpers import by_text, tagged


def test_example_story_places(pipeline, example_text):
    doc = code_text(example_text, pipeline=pipeline)
    places = by_text(doc)
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
    places = by_text(doc)
    assert places["Paris"].country == "USA"
    assert places["Springfield"].name == "Springfield"
    assert haversine_km(places["Springfield"].lat, places["Springfield"].lon, 39.8, -89.64) < 30


def test_a_province_abbreviation_qualifies_a_town(parsed):
    doc = parsed("Crews fought the fire near Kelowna, B.C., on Tuesday.")
    places = by_text(doc)
    assert places["B.C."].name == "British Columbia"
    assert places["Kelowna"].country == "CAN"


def test_bare_paris_is_the_french_capital(parsed):
    assert by_text(parsed("She moved to Paris last year."))["Paris"].country == "FRA"


def test_washington_by_context(parsed):
    capital = parsed("Lawmakers in Washington said Congress would vote on the bill.")
    assert by_text(capital)["Washington"].feature == "PPLC"
    state = parsed("Wildfires spread across the state of Washington on Monday.")
    assert by_text(state)["Washington"].feature == "ADM1"


def test_demonyms_are_not_places(parsed):
    doc = parsed("Chinese police detained North Korean refugees.")
    assert not [m for m in doc.places if m.text in ("Chinese", "North Korean")]


def test_country_resolves_to_its_centre_point(parsed):
    kenya = by_text(parsed("Floods hit Kenya in May."))["Kenya"]
    assert kenya.feature == "PCLI" and kenya.country == "KEN"
    assert haversine_km(kenya.lat, kenya.lon, 1.0, 38.0) < 50


def test_ambiguous_town_is_left_unresolved(parsed):
    # several Springfields of similar size, far apart, and no state in the story
    doc = parsed("Officials in Springfield announced the plan.")
    springfield = by_text(doc)["Springfield"]
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
    samarra = by_text(doc)["Samarra"]
    assert samarra.country == "IRQ"


def test_possessive_and_article_are_not_part_of_the_toponym(parsed):
    doc = parsed("The United Kingdom's health agency issued a warning.")
    assert by_text(doc)["United Kingdom"].country == "GBR"


def test_unparsed_document_is_left_alone(pipeline):
    from eventwire.model import Document

    doc = Document(doc_id="t", source="test", text="Paris")
    assert pipeline.get_stage("places")(doc).places == []


def test_two_ambiguous_names_settle_each_other(parsed):
    # Several Parises and ten Henry Counties; only Tennessee has both, 3 km apart.
    doc = parsed("Paris and Henry County are rich in history, and the Henry County "
                 "Courthouse in Paris is an example.")
    for m in doc.places:
        assert (m.country, haversine_km(m.lat, m.lon, 36.30, -88.33) < 20) == ("USA", True), m


def test_neighbouring_towns_outweigh_a_bigger_namesake(parsed):
    doc = parsed("Police in Alexandria said the suspect was arrested near Pineville in "
                 "Rapides Parish.")
    alexandria = by_text(doc)["Alexandria"]
    assert alexandria.country == "USA"
    assert haversine_km(alexandria.lat, alexandria.lon, 31.31, -92.45) < 20


def test_abbreviated_saint_and_mount_find_the_full_name(parsed):
    doc = parsed("The band from Mt. Pleasant won the state jazz championship in Iowa City.")
    mount = by_text(doc)["Mt. Pleasant"]
    assert mount.name == "Mount Pleasant"
    assert haversine_km(mount.lat, mount.lon, 40.96, -91.56) < 20


def test_city_name_leading_an_organisation_is_the_city(parsed):
    doc = parsed("Kansas City Power & Light restored service to most homes by Tuesday.")
    assert [(m.text, m.feature) for m in doc.places] == [("Kansas City", "PPL")]


def test_a_state_inside_an_organisation_name_is_context_not_a_toponym(parsed):
    text = ("Hail fell on Manhattan overnight, said a researcher at the Kansas State "
            "University Agronomy Farm.")
    doc = parsed(text)
    assert [m.text for m in doc.places] == ["Manhattan"]
    manhattan = doc.places[0]
    assert haversine_km(manhattan.lat, manhattan.lon, 39.18, -96.57) < 20
    alone = parsed("Hail fell on Manhattan overnight, said a researcher.")
    assert haversine_km(alone.places[0].lat, alone.places[0].lon, 40.78, -73.97) < 20


def test_a_place_leading_a_hospital_name_after_the_article_is_a_toponym(parsed):
    doc = parsed("The driver, 41, of Alexandria, was treated at the Douglas County Hospital and "
                 "then flown to St. Cloud Hospital.")
    places = by_text(doc)
    assert {"Alexandria", "Douglas County", "St. Cloud"} <= places.keys()
    for name in ("Alexandria", "St. Cloud"):  # Minnesota, where the county and the city are
        assert haversine_km(places[name].lat, places[name].lon, 45.7, -94.9) < 100, name


def test_a_local_spelling_counts_in_a_country_the_story_names(parsed):
    # GeoNames files the West Bank town as "Janīn"; "Jenin" alone is a Polish village.
    doc = parsed("Israeli troops entered Jenin on Monday, witnesses in Ramallah said.")
    jenin = by_text(doc)["Jenin"]
    assert jenin.country == "PSE"
    assert haversine_km(jenin.lat, jenin.lon, 32.46, 35.30) < 10


def test_an_alternate_name_does_not_beat_a_town_that_bears_the_name(parsed):
    # GeoNames files "Pittsburgh" as an alternate name of Pittsburg, California.
    doc = parsed("Fans in Oakland and San Jose, California, cheered as the team beat "
                 "Pittsburgh on Sunday.")
    pittsburgh = by_text(doc)["Pittsburgh"]
    assert haversine_km(pittsburgh.lat, pittsburgh.lon, 40.44, -80.0) < 10


def test_a_list_of_countries_is_no_qualifier(parsed):
    # "China, Japan" inside a list is not the Japanese village of China.
    doc = parsed("Officials in Mexico, China, Japan, Ukraine and Brazil also report cases.")
    assert by_text(doc)["China"].country == "CHN"
    with_article = parsed("Several governments, including China, Japan, and the United "
                          "Kingdom, sent experts.")
    assert by_text(with_article)["China"].country == "CHN"
    qualified = parsed("The storm hit Paris, Texas, and Springfield, Ill., on Monday.")
    assert by_text(qualified)["Paris"].country == "USA"


def test_a_known_place_inside_an_unknown_place_entity_is_the_toponym(parsed):
    # The small model tags the whole organisation name as a place.
    doc = parsed("Donations went to the United Way of America last year.")
    assert [(m.text, m.country) for m in doc.places] == [("America", "USA")]


def test_the_words_of_an_unknown_place_are_not_taken_for_towns(parsed):
    doc = parsed("Floods rose in the West Nile sub-region and the Catawba River valley.")
    assert sorted(m.text for m in doc.places) == ["Catawba River", "West Nile"]
    assert all(m.lat is None for m in doc.places)


def test_a_town_near_a_state_the_story_names_is_preferred(parsed):
    # No Hanover in Vermont; Hanover, New Hampshire lies across the river from it.
    doc = parsed("Hanover police said the couple, from Bethel, Vt., were found on Monday in "
                 "Hanover.")
    hanover = by_text(doc)["Hanover"]
    assert haversine_km(hanover.lat, hanover.lon, 43.70, -72.29) < 10


def test_x_city_council_is_the_council_of_a_town_x(parsed):
    doc = parsed("Dublin City Council approved the memorial on Monday. Work will start in "
                 "Columbus and Hilliard next year.")
    dublin = by_text(doc)["Dublin City"]
    assert haversine_km(dublin.lat, dublin.lon, 40.10, -83.11) < 10  # Dublin, Ohio
    capital = parsed("Mexico City officials met in Washington.")
    assert by_text(capital)["Mexico City"].country == "MEX"


def test_a_list_of_counties_names_each_county(parsed):
    doc = parsed("Rain fell on Clay, Becker and Douglas counties on Monday.")
    places = by_text(doc)
    assert [(m.text, m.feature) for m in doc.places] == [
        ("Clay", "ADM2"), ("Becker", "ADM2"), ("Douglas", "ADM2")]
    for name in ("Clay", "Douglas"):  # the Minnesota ones, beside Becker County
        assert haversine_km(places[name].lat, places[name].lon, 46.5, -95.8) < 150, name
    parishes = parsed("Jefferson and Orleans parishes flooded.")
    assert {m.name for m in parishes.places} == {"Jefferson Parish", "Orleans Parish"}


def test_a_place_that_is_only_a_county_name_is_the_county(parsed):
    doc = parsed("Voters in Vanderburgh and Warrick approved the levy, officials in "
                 "Evansville said.")
    places = by_text(doc)
    assert places["Vanderburgh"].name == "Vanderburgh County"
    assert places["Warrick"].name == "Warrick County"


def test_a_place_name_inside_a_lake_or_street_name_is_not_that_place(parsed):
    doc = parsed("Fishermen on Lake Ontario reported the spill. The family lives on East "
                 "Washington Street.")
    assert all(m.name not in ("Ontario", "Washington") for m in doc.places)
    assert all(m.lat is None for m in doc.places)


def test_county_and_its_seat_agree(parsed):
    doc = parsed("The Walker County sheriff said Huntsville roads were closed.")
    for m in doc.places:
        assert haversine_km(m.lat, m.lon, 30.7, -95.55) < 30, m


def test_a_county_or_parish_name_is_a_place_whatever_the_tagger_says(nlp):
    # A tagger may take "X Parish" for a person; its own last word makes it a place.
    text = "Deputies from Lafourche Parish searched the marsh on Sunday."
    assert tagged(nlp, text, [("Lafourche Parish", "PERSON")]) == ["Lafourche Parish"]
    assert tagged(nlp, "Officers questioned Marion Price.", [("Marion Price", "PERSON")]) == []


def test_a_word_inside_a_name_announces_no_place(parsed):
    # "City" in "The City Council" is part of a name: "Council" (Idaho) is no toponym.
    doc = parsed("The City Council met on Tuesday to discuss the parking plan.")
    assert doc.places == []
    town = parsed("The town of Samarra was quiet on Friday.")
    assert [m.text for m in town.places] == ["Samarra"]


def test_sentence_of_a_toponym_is_its_tokens_sentence(pipeline: Pipeline) -> None:
    """The sentence text a toponym is resolved against, found by bisection, is spaCy's
    own sentence of its head token, for every token."""
    from eventwire.places.spans import Candidate
    from eventwire.places.stages import _Sentences

    doc = code_text("Floods hit Dhaka. Aid arrived in Chittagong on Monday.\n\n"
                    "Officials in Dhaka said more rain was due.", pipeline=pipeline)
    sdoc = doc.spacy
    assert sdoc is not None
    sentences = _Sentences([Candidate(0, 1, "x", "GPE", [], sdoc[0])])
    assert len(sentences.texts) >= 3
    assert all(sentences.of(tok) == tok.sent.text for tok in sdoc)
