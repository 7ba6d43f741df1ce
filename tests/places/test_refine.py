"""Refining the toponyms found: the story's places named again, names widened over the
words the tagger cut off, and what is no toponym after all."""

from __future__ import annotations

from eventwire.places.gazetteer import load_gazetteer
from eventwire.places.toponyms import find_toponyms
from tests.places.helpers import found_in, tagged


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
    found = tagged(nlp, text, [("Dublin", "GPE"), ("Ohio", "GPE"),
                                ("The Dublin Historical Society", "ORG")])
    assert found.count("Dublin") == 2


def test_a_name_that_is_also_a_persons_is_not_repeated_as_a_place(nlp):
    text = "Fans in Tupelo, Miss., cheered Ann Tupelo on Monday. Tupelo waved."
    found = tagged(nlp, text, [("Tupelo", "GPE"), ("Miss.", "GPE"),
                                ("Ann Tupelo", "PERSON")])
    assert found.count("Tupelo") == 1
    alone = tagged(nlp, text.replace("Ann Tupelo", "the crowd"), [("Tupelo", "GPE"),
                                                                  ("Miss.", "GPE")])
    assert alone.count("Tupelo") == 2


def test_a_country_leading_an_organisation_name_stays_context(nlp):
    text = "Floods hit Kenya on Monday. The Kenya Red Cross Society sent tents."
    found = tagged(nlp, text, [("Kenya", "GPE"), ("The Kenya Red Cross Society", "ORG")])
    assert found == ["Kenya"]


def test_a_toponym_is_widened_over_the_name_words_the_tagger_cut_off(nlp):
    text = "The zoning change goes before the DeKalb County Commission next month."
    assert tagged(nlp, text, [("DeKalb", "GPE")]) == ["DeKalb County"]
    text = "Volunteers painted the library in New Concord on Saturday."
    assert tagged(nlp, text, [("Concord", "GPE")]) == ["New Concord"]
    text = "He grew up in Sault Ste. Marie, Ontario."
    assert tagged(nlp, text, [("Marie", "GPE"), ("Ontario", "GPE")])[0] == "Sault Ste. Marie"


def test_a_widened_toponym_takes_in_no_article_and_no_institution_word(nlp):
    text = "The Athens Police Department asked the Texas State Demographer for figures."
    found = tagged(nlp, text, [("Athens", "GPE"), ("Texas", "GPE")])
    assert found == ["Athens", "Texas"]


def test_a_lone_abbreviation_is_no_toponym(nlp):
    assert tagged(nlp, "Roads near Ste were closed.", [("Ste", "GPE")]) == []


def test_a_toponym_is_widened_over_a_names_particle(nlp):
    text = "Farmers in Rio Grande do Sul and Tocantins lost their harvest."
    assert tagged(nlp, text, [("Rio Grande", "GPE"), ("Tocantins", "GPE")])[0] == (
        "Rio Grande do Sul")


def test_compass_words_alone_are_a_region_or_no_place(nlp):
    text = "Prices in the South rose while the North held steady."
    assert tagged(nlp, text, [("South", "LOC"), ("North", "LOC")]) == []
    text = "Storms crossed the Midwest on Monday."
    assert tagged(nlp, text, [("Midwest", "LOC")]) == ["Midwest"]


def test_a_disease_named_after_a_place_is_no_toponym(nlp):
    text = "Doctors in Uganda tested for West Nile virus and Marburg virus."
    found = tagged(nlp, text, [("West Nile", "LOC"), ("Marburg", "GPE"), ("Uganda", "GPE")])
    assert found == ["Uganda"]


def test_a_disease_named_after_a_place_stands_alone_too(nlp):
    text = "Nine people died from Ebola in Congo."
    assert tagged(nlp, text, [("Ebola", "GPE"), ("Congo", "GPE")]) == ["Congo"]


def test_an_acronym_is_not_a_town_spelled_like_it(nlp):
    text = "The UN and the EU sent aid to Haiti."
    found = tagged(nlp, text, [("UN", "ORG"), ("EU", "GPE"), ("Haiti", "GPE")])
    assert found == ["Haiti"]
    assert "L.A." in tagged(nlp, "Smog covered L.A. on Monday.", [("L.A.", "GPE")])


def test_a_dotted_acronym_is_not_a_small_town_either(nlp):
    text = "The U.N. and the FAO sent aid to Haiti."
    found = tagged(nlp, text, [("U.N.", "GPE"), ("FAO", "GPE"), ("Haiti", "GPE")])
    assert found == ["Haiti"]


def test_a_place_entity_without_a_capital_is_no_toponym(nlp):
    text = "The recalled items included cilantro and cheddar cheese."
    assert tagged(nlp, text, [("cheddar", "GPE")]) == []


def test_an_unknown_name_with_digits_is_no_toponym(nlp):
    assert tagged(nlp, "The H5N1 strain spread.", [("H5N1", "GPE")]) == []


def test_an_unknown_place_that_is_a_persons_name_is_the_person(nlp):
    text = "Coach Jim Farrin praised the team. Farrin said the season went well."
    doc = nlp(text)
    second = text.rindex("Farrin")
    doc.ents = [doc.char_span(text.index("Jim"), text.index("Jim") + 10, "PERSON"),
                doc.char_span(second, second + 6, "GPE")]
    assert find_toponyms(doc, load_gazetteer(), 100000) == []


def test_a_states_dotted_short_form_without_its_dot_is_no_state(nlp):
    text = "The choir sang twice. Miss Halloran said the pupils had rehearsed for weeks."
    assert tagged(nlp, text, []) == []
    assert "Miss." in found_in(nlp, "The storm hit Jackson, Miss., on Sunday.")
