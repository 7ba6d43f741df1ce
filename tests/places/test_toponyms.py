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
