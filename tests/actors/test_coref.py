"""Coreference: "it" before a control adjective is a reference, not an empty subject; people
nouns that refer back to no one are civilians."""

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


def test_people_nouns_that_refer_to_no_one_are_civilians(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "A man stabbed a girl and her father at a bus stop in Bremen.")
    found = {m.text: m.code for m in doc.actors}
    assert found.get("A man") == "CVL" and found.get("a girl") == "CVL", found


def test_people_nouns_adding_up_to_an_earlier_count_stay_that_actor(pipeline: Pipeline) -> None:
    text = ("Four Eritrean asylum seekers entered the Italian embassy in Khartoum. "
            "The three men and a woman asked for protection.")
    found = {m.text: m.code for m in code_actors(pipeline, text).actors}
    assert found.get("The three men") == "ERIREF", found


def _codes_of(pipeline: Pipeline, text: str, word: str) -> list[str | None]:
    return [m.code for m in code_actors(pipeline, text, "2023-05-01").actors
            if m.text.lower() == word]


def test_a_quoted_we_is_the_speaker_s_side(pipeline: Pipeline) -> None:
    text = '"We will reopen the border next week," the Malian foreign minister said.'
    assert _codes_of(pipeline, text, "we") == ["MLIGOV"]


def test_a_quoted_i_is_the_speaker(pipeline: Pipeline) -> None:
    text = 'The Peruvian interior minister told reporters: "I will not resign."'
    assert _codes_of(pipeline, text, "i") == ["PERGOV"]


def test_we_in_words_no_one_is_quoted_as_saying_is_no_one(pipeline: Pipeline) -> None:
    assert _codes_of(pipeline, "We condemn the attack on Mali, the statement read.", "we") \
        == []


def test_they_after_a_coordinated_subject_is_each_of_them(pipeline: Pipeline) -> None:
    """"Kenya and Uganda said they would ...": "they" is both countries."""
    doc = code_actors(pipeline, "Kenya and Uganda said they would send troops to Somalia.")
    assert sorted(m.code or "" for m in doc.actors if m.text == "they") == ["KEN", "UGA"]


def test_they_across_an_adverbial_clause_is_not_the_coordinated_subject(
        pipeline: Pipeline) -> None:
    text = "Rebels said Kenya and Uganda must agree before they disarm."
    doc = code_actors(pipeline, text)
    assert len([m for m in doc.actors if m.text == "they"]) <= 1
