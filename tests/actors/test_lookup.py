"""actor_for_token and expand_conjuncts: how the event coder reaches the actors."""

from __future__ import annotations

from eventwire.actors import actor_for_token, expand_conjuncts
from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors


def _token(doc, text: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc.spacy if t.text == text)


def test_actor_for_head_token(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Chinese police arrested five North Korean defectors.")
    assert actor_for_token(doc, _token(doc, "police")).code == "CHNCOP"
    assert actor_for_token(doc, _token(doc, "defectors")).code == "PRKREF"
    assert actor_for_token(doc, _token(doc, "arrested")) is None


def test_actor_for_pronoun(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Iraqi officials met on Monday. They rejected the plan.")
    assert actor_for_token(doc, _token(doc, "They")).code == "IRQGOV"


def test_expand_countries(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "The United States and Jordan signed a trade pact.")
    found = expand_conjuncts(doc, _token(doc, "States"))
    assert [m.code for m in found] == ["USA", "JOR"]


def test_expand_counted_people(pipeline: Pipeline) -> None:
    text = (
        "Five North Koreans seeking asylum were arrested. "
        "Police nabbed the two men, two women and a toddler."
    )
    doc = code_actors(pipeline, text)
    found = expand_conjuncts(doc, _token(doc, "men"))
    assert [m.code for m in found] == ["PRKREF"] * 3


def test_expand_coordinated_country_words(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Greek and Turkish warships held exercises on Monday.")
    found = expand_conjuncts(doc, _token(doc, "warships"))
    assert sorted(m.code or "" for m in found) == ["GRCMIL", "TURMIL"]


def test_actor_for_metonymy_subject_and_owner(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Tehran rejected a Russian proposal in Moscow.")
    assert actor_for_token(doc, _token(doc, "Tehran")).code == "IRNGOV"
    assert actor_for_token(doc, _token(doc, "proposal")).code == "RUS"
    assert actor_for_token(doc, _token(doc, "Moscow")) is None


def test_expand_a_headline_list_of_names(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Duterte, Xi discuss sea dispute over dinner", "2019-05-01")
    found = expand_conjuncts(doc, _token(doc, "Xi"))
    assert [m.code for m in found] == ["PHLGOV", "CHNGOV"]


def test_a_list_that_does_not_open_the_sentence_lists_no_one(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "After talks with Merkel, Macron flew to Rome.", "2019-05-01")
    found = expand_conjuncts(doc, _token(doc, "Macron"))
    assert [m.code for m in found] == ["FRAGOV"]


def test_a_list_ends_with_the_member_after_and(pipeline: Pipeline) -> None:
    """The parser hangs "Sierra Leone" on "Mali" as an apposition and "Guinea" on it: the
    list still ends with its last member."""
    doc = code_actors(pipeline, "Mali, Sierra Leone and Guinea left the regional bloc.")
    found = expand_conjuncts(doc, _token(doc, "Mali"))
    assert [m.code for m in found] == ["MLI", "SLE", "GIN"]
