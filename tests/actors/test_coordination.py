"""Coordinated country words on one noun give one actor per country."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Chilean and Peruvian fishing crews met at sea.", {"CHL", "PER"}),
        ("Greek and Cypriot military officers signed the plan.", {"GRC", "CYP"}),
        ("Danish and Norwegian bombers flew a joint patrol.", {"DNK", "NOR"}),
    ],
)
def test_each_country_word_owns_the_noun(
    pipeline: Pipeline, text: str, countries: set[str]
) -> None:
    doc = code_actors(pipeline, text)
    assert {m.country for m in doc.actors} >= countries, [(m.text, m.code) for m in doc.actors]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Norway, Sweden agree on border patrols", {"NOR", "SWE"}),
        ("Ghana, Togo leaders meet in Lome", {"GHA", "TGO"}),
        ("Nairobi, Kampala agree to end island row", {"KEN", "UGA"}),
    ],
)
def test_a_headline_s_comma_list_names_each_actor(
    pipeline: Pipeline, text: str, countries: set[str]
) -> None:
    doc = code_actors(pipeline, text)
    assert {m.country for m in doc.actors} >= countries, [(m.text, m.code) for m in doc.actors]


def test_a_compass_word_before_a_name_stands_for_a_second_country(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "North and South Korea reopened the liaison office.")
    assert sorted(m.code for m in doc.actors) == ["KOR", "PRK"]
    doc = code_actors(pipeline, "North and South Korean officials met at the border.")
    assert sorted(m.code for m in doc.actors) == ["KORGOV", "PRKGOV"]
    doc = code_actors(pipeline, "South Korea and Japan reopened the liaison office.")
    assert sorted(m.code for m in doc.actors) == ["JPN", "KOR"]


def test_a_country_the_tagger_reads_as_a_person_before_a_possessive(
    pipeline: Pipeline,
) -> None:
    doc = code_actors(pipeline, "Sri Lanka's president Maithri Perera promised to resign.")
    assert [m.code for m in doc.actors] == ["LKAGOV"]


def test_a_person_s_name_before_and_is_an_actor_of_its_own(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Rouhani and British Prime Minister David Cameron held talks.",
                      "2014-06-01")
    assert [(m.text, m.code) for m in doc.actors] == [
        ("Rouhani", "IRNGOV"), ("British Prime Minister David Cameron", "GBRGOV")]


@pytest.mark.parametrize(
    ("text", "half", "code"),
    [
        ("Seoul accused the North of jamming its radio signals.", "the North", "PRK"),
        ("Pyongyang said the South had fired first across the river.", "the South", "KOR"),
        ("North Korea fired two missiles, and the South put its navy on alert.",
         "the South", "KOR"),
        ("Seoul protests after the North's drone crosses the border", "the North's drone",
         "PRKMIL"),
    ],
)
def test_the_north_and_the_south_of_a_divided_country_the_story_names(
    pipeline: Pipeline, text: str, half: str, code: str
) -> None:
    found = {m.text: m.code for m in code_actors(pipeline, text).actors}
    assert found.get(half) == code, found


@pytest.mark.parametrize(
    "text",
    [
        "Storms battered the South on Tuesday, cutting power to thousands.",
        "Fishing boats from Seoul crossed the South China Sea on Monday.",
    ],
)
def test_a_compass_word_is_no_country_without_its_halves_or_before_a_noun(
    pipeline: Pipeline, text: str
) -> None:
    doc = code_actors(pipeline, text)
    assert not any(m.text.startswith(("the South", "South")) and m.country in ("KOR", "PRK")
                   for m in doc.actors), [(m.text, m.code) for m in doc.actors]


def test_capitals_listed_inside_a_sentence_are_places(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Talks were held in Lima, Quito and Bogota last month.")
    assert not [m for m in doc.actors if m.text in ("Lima", "Quito", "Bogota")], \
        [(m.text, m.code) for m in doc.actors]


@pytest.mark.parametrize(
    "text",
    [
        "TALLINN, Estonia -- Estonian police arrested two men on Sunday.",
        "Guards were put on alert. TALLINN, Estonia -- Estonian police arrested two men.",
    ],
)
def test_a_dateline_s_place_is_no_actor(pipeline: Pipeline, text: str) -> None:
    doc = code_actors(pipeline, text)
    assert [(m.text, m.code) for m in doc.actors
            if m.text in ("TALLINN", "Estonia")] == [], [(m.text, m.code) for m in doc.actors]
    assert "EST" in {m.country for m in doc.actors if m.text.startswith("Estonian police")}


def test_an_organisation_before_a_colon_is_still_an_actor(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "NATO: Russia must pull back its troops")
    assert "IGONAT" in {m.code for m in doc.actors}, [(m.text, m.code) for m in doc.actors]


@pytest.mark.parametrize(
    ("text", "listed", "country"),
    [
        ("Syrian jets and helicopters pounded the villages.", "helicopters", "SYR"),
        ("Kenyan soldiers and troops patrolled the border.", "troops", "KEN"),
    ],
)
def test_a_bare_noun_listed_after_a_country_word_of_its_kind_shares_it(
    pipeline: Pipeline, text: str, listed: str, country: str
) -> None:
    doc = code_actors(pipeline, text)
    found = {m.text: m.country for m in doc.actors}
    assert found.get(listed) == country, found


def test_a_listed_noun_of_another_kind_takes_no_country_from_the_word(
    pipeline: Pipeline,
) -> None:
    doc = code_actors(pipeline, "Israeli troops and protesters clashed near the fence.")
    found = {m.text: m.country for m in doc.actors}
    assert found.get("protesters") is None, found


@pytest.mark.parametrize("text", [
    "Kenyan patrol boats entered the South China Sea on Monday.",
    "A Kenyan tanker was seized in the Gulf of Oman.",
    "Kenyan and Somali ships met in the Sea of Japan.",
])
def test_a_country_in_the_name_of_a_sea_is_no_actor(pipeline: Pipeline, text: str) -> None:
    doc = code_actors(pipeline, text)
    assert {m.country for m in doc.actors} <= {"KEN", "SOM"}, [(m.text, m.code) for m in doc.actors]


def test_a_role_of_listed_countries_is_one_actor_per_country(pipeline: Pipeline) -> None:
    """"The presidents of France, Chile and Peru": the role of each country listed."""
    doc = code_actors(pipeline, "The presidents of France, Chile and Peru met in Lima.")
    head = [m.code for m in doc.actors if m.text.startswith("The presidents")]
    assert sorted(c or "" for c in head) == ["CHLGOV", "FRAGOV", "PERGOV"], head
