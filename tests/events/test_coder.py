"""The rule-based coder's dyads: one event per source and target, and acts done with one
another (``mutual_codes`` of the lexicon) read both ways. Every sentence here is invented
for the test."""

from __future__ import annotations

import pytest

from tests.events.conftest import Coder, triples


def test_coordinated_sources_of_a_mutual_act_act_on_each_other(code: Coder) -> None:
    doc = code("Kenya and Ethiopia signed a border security pact on Friday.")
    signed = {(s, t) for r, s, t in triples(doc) if r == "05"}
    assert signed == {("KEN", "ETH"), ("ETH", "KEN")}, triples(doc)


def test_a_headline_list_of_a_mutual_act_reads_both_ways(code: Coder) -> None:
    doc = code("Kenya, Ethiopia sign border security pact")
    signed = {(s, t) for r, s, t in triples(doc) if r == "05"}
    assert signed == {("KEN", "ETH"), ("ETH", "KEN")}, triples(doc)


def test_coordinated_sources_of_a_one_sided_act_keep_its_target(code: Coder) -> None:
    doc = code("Kenya and Ethiopia sent food aid to Somalia on Friday.")
    aid = {(s, t) for r, s, t in triples(doc) if r == "07"}
    assert aid == {("KEN", "SOM"), ("ETH", "SOM")}, triples(doc)


def test_coordinated_sources_of_a_fight_do_not_fight_each_other(code: Coder) -> None:
    """A joint operation fights a third party, and the lexicon does not tell "clashed"
    from "attacked"."""
    doc = code("Kenyan police and army reservists launched a joint operation on Thursday.")
    sides = {"KENCOP", "KENMIL"}
    assert not [e for e in doc.events if {e.source.code, e.target.code} <= sides], \
        [(e.cameo, e.source.code, e.target.code) for e in doc.events]


@pytest.mark.parametrize("text", ["Qatar and Egypt mediated on Sunday.",
                                  "Qatar and Egypt praised the deal on Sunday."])
def test_coordinated_sources_of_an_act_done_to_others_stay_apart(code: Coder, text: str) -> None:
    doc = code(text)
    assert doc.events and all(e.target.country is None for e in doc.events), \
        [(e.cameo, e.source.code, e.target.code) for e in doc.events]
