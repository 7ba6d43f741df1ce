"""The actor stage on the example story and on general patterns of news."""

from __future__ import annotations

import pytest

from eventwire.model import Document
from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors, codes


@pytest.fixture(scope="module")
def story(pipeline: Pipeline, example_text: str) -> dict[str, str | None]:
    doc = Document(doc_id="example", source="example", raw=example_text)
    for name in ("clean", "parse", "actors"):
        doc = pipeline.get_stage(name)(doc)
    return codes(doc)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Chinese police", "CHNCOP"),
        ("Five North Koreans", "PRKREF"),
        ("the five", "PRKREF"),
        ("the Chinese", "CHN"),
        ("Beijing", "CHNGOV"),
        ("its police", "CHNCOP"),
        ("the Chinese ambassador", "CHNGOV"),
        ("the Japanese Consulate", "JPNGOV"),
        (
            "members of the U.S. House of Representatives International Relations Committee",
            "USALEG",
        ),
        ("Police", "CHNCOP"),
        ("the two men", "PRKREF"),
        ("a toddler", "PRKREF"),
        ("Their", "PRKREF"),
    ],
)
def test_example_story_actors(story: dict[str, str | None], text: str, code: str) -> None:
    assert story[text] == code


def test_example_story_japan_is_an_actor(story: dict[str, str | None]) -> None:
    assert story["Japan"] == "JPN"


def test_capital_as_place_is_not_an_actor(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Talks were held in Moscow on Monday.")
    assert doc.actors == []


def test_capital_as_subject_is_government(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Tehran rejected the proposal on Monday.")
    assert codes(doc) == {"Tehran": "IRNGOV"}


def test_possessive_country_and_role(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Japan's foreign ministry summoned the envoy.")
    assert codes(doc)["Japan's foreign ministry"] == "JPNGOV"


def test_role_of_country(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "The president of Armenia met reporters.")
    assert codes(doc)["The president of Armenia"] == "ARMGOV"


def test_ambassador_in_capital_keeps_no_host_country(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Protesters marched to the ambassador in Washington.")
    assert all(m.country != "USA" for m in doc.actors)


def test_titled_person_gets_country_and_role(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Russian President Vladimir Putin arrived in Tokyo.")
    assert codes(doc)["Russian President Vladimir Putin"] == "RUSGOV"


def test_organisations(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "NATO and the U.N. Security Council condemned the attack.")
    found = codes(doc)
    assert found["NATO"] == "IGONAT"
    assert found["the U.N. Security Council"] == "IGOUNOGOV"


def test_compound_demonym_role(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "North Korean defectors arrived in Seoul.")
    assert codes(doc) == {"North Korean defectors": "PRKREF"}


def test_ministry_refers_back_to_government(pipeline: Pipeline) -> None:
    text = "The Egyptian government protested. The ministry said it would act."
    assert codes(code_actors(pipeline, text))["The ministry"] == "EGYGOV"


def test_mentions_carry_head_and_rule(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Chinese police arrested them.")
    mention = doc.actors[0]
    assert doc.text[mention.head : mention.head + 6] == "police"
    assert mention.rule and "CHN" in mention.rule


def test_capital_with_modifiers_is_a_place(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Rebels shelled the regional capital Nairobi on Monday.")
    assert all(m.country != "KEN" for m in doc.actors)


def test_anti_country_is_not_that_country(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "An anti-Syria newspaper editor was attacked on Monday.")
    assert all(m.country != "SYR" for m in doc.actors)


def test_coordinated_country_adjectives(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Greek and Turkish warships held exercises on Monday.")
    assert sorted(m.code or "" for m in doc.actors) == ["GRCMIL", "TURMIL"]


def test_country_word_owning_a_noun(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Pakistan rejected an Indian proposal on water sharing.")
    assert codes(doc) == {"Pakistan": "PAK", "an Indian proposal": "IND"}


def test_names_inside_person_names_and_pronouns(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Jordan Henderson told us that the match was over.")
    assert doc.actors == []


def test_country_the_tagger_calls_a_person(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Sri Lanka opened talks with Iran on Monday.")
    assert codes(doc)["Sri Lanka"] == "LKA"


def test_counted_demonyms_are_civilians(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Thousands of Nigerians marched in Lagos on Thursday.")
    assert codes(doc) == {"Nigerians": "NGACVL"}


def test_surname_refers_back_to_titled_person(pipeline: Pipeline) -> None:
    text = "Russian President Vladimir Putin arrived on Monday. Putin met reporters."
    assert codes(code_actors(pipeline, text))["Putin"] == "RUSGOV"


def test_it_does_not_refer_to_a_person(pipeline: Pipeline) -> None:
    text = "The Kenyan lawmaker spoke on Monday. It was raining and it rained again."
    doc = code_actors(pipeline, text)
    assert [m.text for m in doc.actors] == ["The Kenyan lawmaker"]


def test_name_with_lower_case_article(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Reports from the Philippines say the talks failed.")
    assert [m.code for m in doc.actors] == ["PHL"]


def test_religion_and_former_leaders(pipeline: Pipeline) -> None:
    text = "Ousted President Joseph Kabila met Moslem forces in the east."
    found = codes(code_actors(pipeline, text))
    # The title gives ELI; the knowledge base, the country.
    assert found["Ousted President Joseph Kabila"] == "CODELI"
    assert found["Moslem forces"] == "MILMOS"


def test_a_country_word_inside_a_title_keeps_it_former(pipeline: Pipeline) -> None:
    text = "Former Peruvian President Alberto Fujimori was taken to hospital."
    assert codes(code_actors(pipeline, text))[
        "Former Peruvian President Alberto Fujimori"] == "PERELI"


def test_country_named_as_a_place_is_marked(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Serbia lifted a curfew in Montenegro on Monday.")
    place = next(m for m in doc.actors if m.text == "Montenegro")
    assert place.code == "MNE" and (place.rule or "").endswith(":place")


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Three officers were hurt when the crowd threw stones.", "Three officers", "COP"),
        ("Army officers detained the president at dawn.", "Army officers", "MIL"),
        ("Catholic officers joined the patrol.", "Catholic officers", "COPCHR"),
        ("Gunmen abducted a woman on the highway.", "a woman", "CVL"),
        ("Reservists reported to their barracks.", "Reservists", "MIL"),
        ("Rioters torched the town hall.", "Rioters", "OPP"),
        ("The regulator fined the bank.", "The regulator", "GOV"),
        ("Her lawyer appealed the verdict.", "Her lawyer", "JUD"),
        ("Rights groups condemned the raid.", "Rights groups", "NGO"),
        ("Protest leaders called off the strike.", "Protest leaders", "OPP"),
        ("The sheriff arrested two men.", "The sheriff", "COP"),
        ("Mercenaries attacked the convoy.", "Mercenaries", "UAF"),
        ("Looters ransacked the shops.", "Looters", "REB"),
        ("Peasants occupied the estate.", "Peasants", "AGR"),
        ("Several politicians denounced the decree.", "Several politicians", "PTY"),
    ],
)
def test_role_words_of_the_codebook(pipeline: Pipeline, text: str, mention: str,
                                    code: str) -> None:
    assert codes(code_actors(pipeline, text)).get(mention) == code


def test_supporters_stand_for_whom_they_support(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Supporters of the Kenyan opposition marched in Nairobi.")
    assert codes(doc).get("Supporters of the Kenyan opposition") == "KENOPP", codes(doc)


@pytest.mark.parametrize(
    ("text", "mention"),
    [("Thousands marched through the capital on Sunday.", "Thousands"),
     ("Police detained hundreds after the rally.", "hundreds")],
)
def test_a_plural_number_alone_is_a_crowd(pipeline: Pipeline, text: str, mention: str) -> None:
    assert codes(code_actors(pipeline, text)).get(mention) == "CVL"


@pytest.mark.parametrize(
    "text", ["Shelling destroyed hundreds of homes in the town.", "The repairs cost thousands."]
)
def test_a_number_of_things_or_money_is_nobody(pipeline: Pipeline, text: str) -> None:
    assert code_actors(pipeline, text).actors == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("He owes child support and faces a child endangerment charge.", {}),
     ("The rebels recruited child soldiers.", {"The rebels": "REB", "child soldiers": "MIL"})],
)
def test_a_people_noun_modifying_another_noun_is_no_actor(
    pipeline: Pipeline, text: str, expected: dict[str, str]
) -> None:
    assert codes(code_actors(pipeline, text)) == expected
