"""Countries from the sentence, places as targets, owned objects, and retold lead acts."""

from __future__ import annotations

import pytest

from eventwire.api import code_text, make_config
from eventwire.events.context import place_target
from eventwire.pipeline import Pipeline, build_pipeline
from tests.events.conftest import Coder, triples


def test_titled_person_takes_the_country_of_domestic_actors(code: Coder) -> None:
    doc = code("President Paul Ekwalla has banned Cameroonian opposition parties from the vote.")
    assert ("17", "CMR", "CMR") in triples(doc)


def test_counterpart_of_the_same_kind_gives_no_country(code: Coder) -> None:
    doc = code("President Paul Ekwalla criticized the Nigerian president on Monday.")
    sources = {e.source.country for e in doc.events if e.cameo_root == "11"}
    assert sources == {None}


def test_place_of_the_clause_gives_the_country(code: Coder) -> None:
    doc = code("President Paul Ekwalla will extend the curfew in Douala.")
    assert ("13", "CMR", "CMR") in triples(doc)


def test_a_dateline_left_in_the_text_gives_the_next_sentence_its_country(
    code: Coder,
) -> None:
    doc = code("Judges return to work. NAIROBI, Kenya - The government agreed on Monday to "
               "reinstate the dismissed chief justice.")
    assert ("03", "KEN", "KEN") in triples(doc), triples(doc)


def test_destination_gives_no_country(code: Coder) -> None:
    doc = code("President Paul Ekwalla arrived in Paris and criticized the rebels.")
    assert all(e.source.country is None for e in doc.events)


@pytest.mark.parametrize(
    ("text", "verb", "country"),
    [
        ("The Kenyan foreign minister flew to Addis Ababa on Sunday.", "flew", "ETH"),
        ("Turkey sent two field hospitals into Aleppo.", "sent", "SYR"),
        ("The Kenyan foreign minister returned from Addis Ababa on Sunday.", "returned", None),
    ],
)
def test_where_an_act_goes_is_its_place_target(code: Coder, text: str, verb: str,
                                               country: str | None) -> None:
    doc = code(text)
    tok = next(t for t in doc.spacy if t.text == verb)
    assert place_target(doc, tok) is None
    found = place_target(doc, tok, destinations=True)
    assert (found.country if found else None) == country


def test_a_visit_targets_the_country_it_goes_to(code: Coder) -> None:
    doc = code("The Kenyan foreign minister arrived in Addis Ababa on Sunday.")
    assert ("04", "KEN", "ETH") in triples(doc)


def test_attack_on_a_place_targets_its_country(code: Coder) -> None:
    doc = code("Ugandan rebels shelled the town of Gulu on Sunday.")
    assert ("19", "UGA", "UGA") in triples(doc)


def test_own_forces_yield_to_the_place_they_leave(code: Coder) -> None:
    doc = code("Vietnam said it is willing to withdraw its troops from neighboring Cambodia.")
    assert ("03", "VNM", "KHM") in triples(doc)


def test_organisation_owner_of_the_object_beats_a_deeper_country(code: Coder) -> None:
    doc = code("Kenya rejected a United Nations plan for troops along its border with Somalia.")
    targets = {e.target.code for e in doc.events if e.cameo_root == "12"}
    assert targets and all((t or "").startswith("IGO") for t in targets)


def test_participle_in_the_lead_does_not_repeat_a_told_arrest(code: Coder) -> None:
    doc = code("Three Chadian students arrested by Sudanese police were freed on Friday. "
               "Sudanese police arrested the three Chadian students on May 2 in Khartoum.")
    arrests = [e for e in doc.events if e.cameo_root == "17"]
    assert [e.sentence_index for e in arrests] == [1]


def test_complaint_targets_what_it_is_about(code: Coder) -> None:
    doc = code("Chad complained to the African Union on Monday over Sudanese air raids.")
    assert ("11", "TCD", "SDN") in triples(doc)


def test_participle_parsed_as_subject_gives_its_own_subject(code: Coder) -> None:
    doc = code("The Red Cross operating in Sudan said Chadian forces must ensure security.")
    assert {e.source.code for e in doc.events if e.cameo_root == "10"} == {"NGOIRC"}


def test_country_named_as_an_actor_is_not_a_place(code: Coder) -> None:
    doc = code("The Bush administration declared that China must drop barriers to trade.")
    sources = {e.source.country for e in doc.events if e.cameo_root == "10"}
    assert sources and "CHN" not in sources


def test_a_sentence_without_a_country_takes_the_dateline_s(code: Coder) -> None:
    doc = code("MINSK (Reuters) - Riot police detained dozens of protesters on Sunday.")
    assert ("17", "BLR", "BLR") in triples(doc)


def test_a_sentence_s_own_country_outranks_the_dateline(code: Coder) -> None:
    doc = code("MINSK (Reuters) - Lithuanian police detained dozens of protesters on Sunday.")
    assert ("17", "LTU", "LTU") in triples(doc)


def test_a_sentence_about_another_country_by_name_leaves_the_dateline(code: Coder) -> None:
    """Filed from Vienna about Bolivia: the government accused is not Austria's, and the
    sentence does not say whose it is."""
    doc = code("VIENNA (Reuters) - A UN panel on Bolivia accused the government of abuses on "
               "Monday.")
    assert [e.target.country for e in doc.events if e.cameo_root == "11"] == [None]


def test_verbatim_text_takes_the_dateline_s_country_too() -> None:
    """The corpus is scored and trained on verbatim text: its datelines count as a user's."""
    config = make_config(overrides=["stages.clean.verbatim=true"])
    doc = code_text("MINSK (Reuters) - Riot police detained dozens of protesters on Sunday.",
                    pipeline=build_pipeline(config), doc_id="t")
    assert doc.text.startswith("MINSK (Reuters) - ")
    assert ("17", "BLR", "BLR") in triples(doc)


@pytest.mark.parametrize(("text", "source"), [
    ("Guangzhou police detained three labour activists on Tuesday.", "CHN"),
    ("Ohio lawmakers criticised the federal government over the rail spill.", "USA"),
])
def test_a_place_modifying_the_actor_gives_its_country(code: Coder, text: str,
                                                       source: str) -> None:
    """A city or province naming a domestic actor is its home, though the sentence names
    no country."""
    assert {e.source.country for e in code(text).events} == {source}


def test_a_seat_gives_no_country(code: Coder) -> None:
    """"Munich-based" says where an organisation sits, not whose it is."""
    doc = code("Munich-based prosecutors accused the Burmese army of war crimes.")
    sources = {e.source.country for e in doc.events if e.cameo_root == "11"}
    assert sources and "DEU" not in sources


@pytest.mark.parametrize(("dct", "country"), [("1996-02-10", "SDN"), ("2016-02-10", "SSD")])
def test_a_town_as_target_is_coded_by_the_state_that_held_it_then(
    pipeline: Pipeline, dct: str, country: str
) -> None:
    doc = code_text("Rebel fighters shelled Malakal overnight.", pipeline=pipeline,
                    doc_id="t", dct=dct)
    assert {(e.cameo_root, e.target.country) for e in doc.events} == {("19", country)}
    assert [p.country for p in doc.places] == ["SSD"]  # the map keeps today's country


def test_an_embassy_does_not_give_the_sentence_its_country(code: Coder) -> None:
    """An embassy is abroad: the protesters of a Lima story are Peruvian, not Chilean."""
    doc = code("LIMA, Peru (Reuters) - Protesters stormed the Chilean embassy on Tuesday.")
    assert [(e.source.country, e.target.country) for e in doc.events][:1] == [
        ("PER", "CHL")], [(e.cameo, e.source.code, e.target.code) for e in doc.events]
