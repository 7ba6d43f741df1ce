"""Finding toponyms in a parse, where the tagger's entity is not the place's own name."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from eventwire.places.gazetteer import load_gazetteer
from eventwire.places.toponyms import find_toponyms


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.get_stage("parse").nlp


def _toponyms(nlp, text: str, entity: str, label: str = "LOC") -> list[str]:
    """The toponyms found when the tagger marks exactly ``entity`` as a place."""
    doc = nlp(text)
    start = text.index(entity)
    span = doc.char_span(start, start + len(entity), label=label)
    assert isinstance(span, Span)
    doc.ents = [span]
    return [c.text for c in find_toponyms(doc, load_gazetteer(), 100000)
            if c.start >= start]


def test_trailing_common_nouns_are_trimmed_from_a_place_entity(nlp):
    text = "Fishermen along the Indian Ocean coast were warned."
    assert _toponyms(nlp, text, "Indian Ocean coast") == ["Indian Ocean"]


def test_an_entity_cut_short_is_extended_over_the_rest_of_the_name(nlp):
    text = "An outbreak in Democratic Republic of the Congo killed 12."
    assert _toponyms(nlp, text, "Democratic Republic", "GPE") == [
        "Democratic Republic of the Congo"]


def test_an_entity_taken_in_by_an_extended_one_is_not_a_second_toponym(nlp):
    # The small model tags "Democratic Republic of" and "Congo" apart.
    doc = nlp("An outbreak in Democratic Republic of the Congo killed 12.")
    found = find_toponyms(doc, load_gazetteer(), 100000)
    assert [c.text for c in found] == ["Democratic Republic of the Congo"]


def test_a_name_word_the_tagger_left_out_stays_with_the_name(nlp):
    # The small model tags only "Tennessee"; the village is Tennessee Colony, Texas.
    doc = nlp("Inmates at the prison near Tennessee Colony were moved.")
    found = find_toponyms(doc, load_gazetteer(), 100000)
    assert [c.text for c in found] == ["Tennessee Colony"]


def _tagged(nlp, text: str, ents: list[tuple[str, str]]) -> list[str]:
    """The toponyms found when the tagger marks the first occurrence of each entity so."""
    doc = nlp(text)
    spans = []
    for entity, label in ents:
        start = text.index(entity)
        span = doc.char_span(start, start + len(entity), label=label)
        assert isinstance(span, Span)
        spans.append(span)
    doc.ents = spans
    return [c.text for c in find_toponyms(doc, load_gazetteer(), 100000)]


def test_a_story_place_named_again_as_a_person_is_a_place(nlp):
    text = "Sirens sounded in Gainesville, Ga., on Monday. Gainesville operates its own sirens."
    doc = nlp(text)
    second = text.rindex("Gainesville")
    spans = [doc.char_span(text.index("Gainesville"), text.index("Gainesville") + 11, "GPE"),
             doc.char_span(text.index("Ga."), text.index("Ga.") + 3, "GPE"),
             doc.char_span(second, second + 11, "PERSON")]
    doc.ents = spans
    found = find_toponyms(doc, load_gazetteer(), 100000)
    assert [c.start for c in found if c.text == "Gainesville"] == [text.index("Gainesville"),
                                                                    second]


def test_a_story_town_leading_an_organisation_name_is_a_place(nlp):
    text = ("Crowds gathered in Dublin, Ohio, on Friday. The Dublin Historical Society "
            "opened its doors.")
    found = _tagged(nlp, text, [("Dublin", "GPE"), ("Ohio", "GPE"),
                                ("The Dublin Historical Society", "ORG")])
    assert found.count("Dublin") == 2


def test_a_name_that_is_also_a_persons_is_not_repeated_as_a_place(nlp):
    text = "Fans in Tupelo, Miss., cheered Ann Tupelo on Monday. Tupelo waved."
    found = _tagged(nlp, text, [("Tupelo", "GPE"), ("Miss.", "GPE"),
                                ("Ann Tupelo", "PERSON")])
    assert found.count("Tupelo") == 1
    alone = _tagged(nlp, text.replace("Ann Tupelo", "the crowd"), [("Tupelo", "GPE"),
                                                                  ("Miss.", "GPE")])
    assert alone.count("Tupelo") == 2


def test_a_country_leading_an_organisation_name_stays_context(nlp):
    text = "Floods hit Kenya on Monday. The Kenya Red Cross Society sent tents."
    found = _tagged(nlp, text, [("Kenya", "GPE"), ("The Kenya Red Cross Society", "ORG")])
    assert found == ["Kenya"]


def _found(nlp, text: str) -> list[str]:
    return [c.text for c in find_toponyms(nlp(text), load_gazetteer(), 100000)]


def test_a_toponym_is_widened_over_the_name_words_the_tagger_cut_off(nlp):
    text = "The plan is unlikely to get approved Tuesday by the DeKalb County Commission."
    assert _tagged(nlp, text, [("DeKalb", "GPE")]) == ["DeKalb County"]
    text = "Muskies help clean New Concord reservoir."
    assert _tagged(nlp, text, [("Concord", "GPE")]) == ["New Concord"]
    text = "He grew up in Sault Ste. Marie, Ontario."
    assert _tagged(nlp, text, [("Marie", "GPE"), ("Ontario", "GPE")])[0] == "Sault Ste. Marie"


def test_a_widened_toponym_takes_in_no_article_and_no_institution_word(nlp):
    text = "The Athens Police Department said the Texas State Demographer agreed."
    found = _tagged(nlp, text, [("Athens", "GPE"), ("Texas", "GPE")])
    assert found == ["Athens", "Texas"]


def test_a_lone_abbreviation_is_no_toponym(nlp):
    assert _tagged(nlp, "Roads near Ste were closed.", [("Ste", "GPE")]) == []


def test_an_unknown_x_city_is_the_town_x(nlp):
    text = "It overshadows the rest, said Rock Hill City Manager Carey Smith."
    doc = nlp(text)
    start = text.index("Rock Hill City")
    doc.ents = [doc.char_span(start, start + len("Rock Hill City"), "PERSON"),
                doc.char_span(text.index("Carey"), text.index("Carey") + 11, "PERSON")]
    found = find_toponyms(doc, load_gazetteer(), 100000)
    assert [c.text for c in found] == ["Rock Hill City"]
    assert any(p.name == "Rock Hill" and p.admin1 == "SC" for p in found[0].places)


def test_a_sentence_opening_word_the_story_writes_in_lower_case_is_no_place(nlp):
    # Man is a city of Ivory Coast; here it is the word "man".
    text = "Man accused of threats. Police said the man called twice."
    assert "Man" not in _found(nlp, text)
    assert "Paris" in _found(nlp, "Paris hosted the talks. Officials said they went well.")


def test_a_letter_left_of_an_alternate_name_is_no_name():
    gaz = load_gazetteer()
    assert not any(p.name == "Detroit" for p in gaz.lookup("D"))  # from "The D"
    assert any(p.name == "Los Angeles" for p in gaz.lookup("L.A."))


def test_a_toponym_is_widened_over_a_names_particle(nlp):
    text = "Cases were reported in Rio Grande do Sul and Tocantins."
    assert _tagged(nlp, text, [("Rio Grande", "GPE"), ("Tocantins", "GPE")])[0] == (
        "Rio Grande do Sul")


def test_compass_words_alone_are_a_region_or_no_place(nlp):
    text = "Prices in the South rose while the North held steady."
    assert _tagged(nlp, text, [("South", "LOC"), ("North", "LOC")]) == []
    text = "Storms crossed the Midwest on Monday."
    assert _tagged(nlp, text, [("Midwest", "LOC")]) == ["Midwest"]


def test_a_disease_named_after_a_place_is_no_toponym(nlp):
    text = "Cases of West Nile virus and Marburg virus rose in Uganda."
    found = _tagged(nlp, text, [("West Nile", "LOC"), ("Marburg", "GPE"), ("Uganda", "GPE")])
    assert found == ["Uganda"]


def test_an_acronym_is_not_a_town_spelled_like_it(nlp):
    text = "The UN and the EU sent aid to Haiti."
    found = _tagged(nlp, text, [("UN", "ORG"), ("EU", "GPE"), ("Haiti", "GPE")])
    assert found == ["Haiti"]
    assert "L.A." in _tagged(nlp, "Smog covered L.A. on Monday.", [("L.A.", "GPE")])


def test_a_place_entity_without_a_capital_is_no_toponym(nlp):
    text = "The recalled items included cilantro and cheddar cheese."
    assert _tagged(nlp, text, [("cheddar", "GPE")]) == []


def test_a_disease_named_after_a_place_stands_alone_too(nlp):
    text = "Nine people died from Ebola in Congo."
    assert _tagged(nlp, text, [("Ebola", "GPE"), ("Congo", "GPE")]) == ["Congo"]


def test_a_dotted_acronym_is_not_a_small_town_either(nlp):
    text = "The U.N. and the FAO sent aid to Haiti."
    found = _tagged(nlp, text, [("U.N.", "GPE"), ("FAO", "GPE"), ("Haiti", "GPE")])
    assert found == ["Haiti"]


def test_an_unknown_name_with_digits_is_no_toponym(nlp):
    assert _tagged(nlp, "The H5N1 strain spread.", [("H5N1", "GPE")]) == []


def test_a_small_towns_name_as_a_whole_organisation_is_no_toponym(nlp):
    # Campbell, California, has 40,000 people; here it is a man.
    text = "Prosecutors said that Campbell yelled at the officers."
    assert _tagged(nlp, text, [("Campbell", "ORG")]) == []
    text = "Officials said that Houston approved the plan."
    assert _tagged(nlp, text, [("Houston", "ORG")]) == ["Houston"]


def test_an_unknown_place_that_is_a_persons_name_is_the_person(nlp):
    text = "Coach Jim Farrin praised the team. Farrin said the season went well."
    doc = nlp(text)
    second = text.rindex("Farrin")
    doc.ents = [doc.char_span(text.index("Jim"), text.index("Jim") + 10, "PERSON"),
                doc.char_span(second, second + 6, "GPE")]
    assert find_toponyms(doc, load_gazetteer(), 100000) == []


def test_a_states_dotted_short_form_without_its_dot_is_no_state(nlp):
    text = "We came here together. Miss Cordiner said she hoped to return."
    assert _tagged(nlp, text, []) == []
    assert "Miss." in _found(nlp, "The storm hit Jackson, Miss., on Sunday.")


def test_an_organisation_named_like_an_alternate_name_is_no_place(nlp):
    # GeoNames files "White House" among Casablanca's names (Casa Blanca).
    text = "He was twice rebuffed by the White House on Monday."
    assert _tagged(nlp, text, [("the White House", "ORG")]) == []
