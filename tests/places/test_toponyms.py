"""Finding toponyms in a parse, where the tagger's entity is not the place's own name."""

from __future__ import annotations

from spacy.tokens import Span

from eventwire.places.gazetteer import load_gazetteer
from eventwire.places.toponyms import find_toponyms
from tests.places.helpers import found_in, tagged


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


def test_an_unknown_x_city_is_the_town_x(nlp):
    text = "The budget is late, Rock Hill City Manager Dana Price told the board."
    doc = nlp(text)
    start = text.index("Rock Hill City")
    doc.ents = [doc.char_span(start, start + len("Rock Hill City"), "PERSON"),
                doc.char_span(text.index("Dana"), text.index("Dana") + 10, "PERSON")]
    found = find_toponyms(doc, load_gazetteer(), 100000)
    assert [c.text for c in found] == ["Rock Hill City"]
    assert any(p.name == "Rock Hill" and p.admin1 == "SC" for p in found[0].places)


def test_a_sentence_opening_word_the_story_writes_in_lower_case_is_no_place(nlp):
    # Man is a city of Ivory Coast; here it is the word "man".
    text = "Man accused of threats. Police said the man called twice."
    assert "Man" not in found_in(nlp, text)
    assert "Paris" in found_in(nlp, "Paris hosted the talks. Officials said they went well.")


def test_a_small_towns_name_as_a_whole_organisation_is_no_toponym(nlp):
    # Campbell, California, has 40,000 people; here it is a man.
    text = "Defence lawyers argued that Campbell had misread the contract."
    assert tagged(nlp, text, [("Campbell", "ORG")]) == []
    text = "Officials said that Houston approved the plan."
    assert tagged(nlp, text, [("Houston", "ORG")]) == ["Houston"]


def test_an_organisation_named_like_an_alternate_name_is_no_place(nlp):
    # GeoNames files "White House" among Casablanca's names (Casa Blanca).
    text = "The senator's request was turned down by the White House last week."
    assert tagged(nlp, text, [("the White House", "ORG")]) == []
