from __future__ import annotations

from eventwire.api import code_text


def _q(doc):
    return [(m.text, m.value, m.unit, m.qualifier) for m in doc.quantities]


def test_example_story_quantities(pipeline, example_text):
    doc = code_text(example_text, pipeline=pipeline)
    found = _q(doc)
    assert ("Five North Koreans", 5, "people", None) in found
    assert ("More than 312 North Korean defectors", 312, "people", "more than") in found
    assert ("583", 583, "people", None) in found
    assert ("As many as seven million Koreans", 7_000_000, "people", "up to") in found


def test_coordinated_people_are_summed(parsed):
    doc = parsed("Police nabbed two men, two women and a toddler.")
    assert _q(doc) == [("two men, two women and a toddler", 5, "people", None)]


def test_qualifiers_and_units(parsed):
    doc = parsed("At least 12 people were killed and dozens of cars burned.")
    assert _q(doc) == [("At least 12 people", 12, "people", "at least"),
                       ("dozens of cars", 24, "car", "fuzzy")]


def test_bare_count_of_a_harm_verb_counts_people(parsed):
    doc = parsed("At least 12 killed in the blast.")
    assert _q(doc) == [("At least 12", 12, "people", "at least")]


def test_dates_money_and_percentages_are_not_counts(parsed):
    doc = parsed("On May 8, 2002, prices rose 5 percent to $3 million.")
    assert doc.quantities == []


def test_bad_numbers_do_not_crash_or_invent(parsed):
    doc = parsed("The file listed 1234567890123456789012345678901234567890 names "
                 "and 3.5 million dollars, a million bees and twenty-one men.")
    found = {m.text: m.value for m in doc.quantities}
    assert found["1234567890123456789012345678901234567890 names"] is None
    assert found["a million bees"] == 1_000_000
    assert found["twenty-one men"] == 21


def test_person_nouns_by_ending(parsed):
    doc = parsed("Three servicemen and four activists were hurt.")
    assert {m.unit for m in doc.quantities} == {"people"}


def test_unparsed_document_is_left_alone(pipeline):
    from eventwire.model import Document

    doc = Document(doc_id="t", source="test", text="five men")
    assert pipeline.get_stage("quantities")(doc).quantities == []


def test_fractions_and_groups_are_not_counts_of_people(parsed):
    doc = parsed("One third of the rebels left, and two aid groups stayed.")
    found = {m.text: m.unit for m in doc.quantities}
    assert "One third" not in found
    assert found.get("two aid groups") == "group"
