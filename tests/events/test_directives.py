"""An order is the act it orders, done by whoever gave it (events/directives.py). Every
sentence here is invented for the test."""

from __future__ import annotations

import pytest

from tests.events.conftest import Coder, triples


@pytest.mark.parametrize(("text", "cameo", "source", "target"), [
    ("Kenya's president ordered the arrest of three Ugandan journalists.", "173", "KEN", "UGA"),
    ("A Kenyan court ordered the release of two Ugandan opposition activists.", "0841",
     "KEN", "UGA"),
    ("The Zambian government ordered the closure of two Malawian newspapers.", "1721",
     "ZMB", "MWI"),
    ("Nepal's interior minister ordered police to disperse the Indian protesters.", "175",
     "NPL", "IND"),
    ("Ghana ordered a dusk-to-dawn curfew in the northern region on Monday.", "1723",
     "GHA", None),
    ("Tanzania ordered the Kenyan aid agency out of the country.", "166", "TZA", "KEN"),
    ("The Ugandan journalists were ordered out of the country by Kenya's interior ministry.", "174",
     "KEN", "UGA"),
    ("Bolivia's president ordered troops to the Chilean border on Friday.", "154",
     "BOL", None),
    ("Malawi ordered its troops out of Mozambique on Friday.", "0872", "MWI", None),
])
def test_an_order_is_coded_as_the_act_it_orders(code: Coder, text: str, cameo: str,
                                                source: str, target: str | None) -> None:
    """CAMEO codes military orders to go on alert as the alert (152), police patrols
    ordered as the show of force (153), an order to leave as the expulsion (161, 174)."""
    doc = code(text)
    found = [(e.cameo, e.source.country, e.target.country, e.trigger, e.rule)
             for e in doc.events]
    assert any(c == cameo and s == source and (target is None or t == target)
               and trig == "ordered" and rule.startswith("order:")
               for c, s, t, trig, rule in found), found


def test_an_order_that_names_no_act_stays_a_demand(code: Coder) -> None:
    doc = code("The court ordered Kenya to pay compensation to Uganda.")
    assert any(r == "10" and t == "KEN" for r, _, t in triples(doc)), triples(doc)


@pytest.mark.parametrize("text", [
    "The Kenyan army chief ordered his troops to stand down on Friday.",
    "Kenyan police commanders ordered officers to wear body cameras on patrol.",
])
def test_an_order_to_one_s_own_that_names_no_act_is_no_event(code: Coder,
                                                              text: str) -> None:
    """A demand is made of another actor: an order to one's own forces or staff that
    names no act the lexicon knows is no event between two."""
    doc = code(text)
    assert "10" not in {r for r, _, _ in triples(doc)}, triples(doc)


def test_ordering_a_crowd_away_is_no_expulsion(code: Coder) -> None:
    doc = code("Kenyan police ordered the demonstrators to leave the square.")
    roots = {r for r, _, _ in triples(doc)}
    assert "10" in roots and not roots & {"16", "17"}, triples(doc)


def test_the_ordered_act_is_not_coded_twice(code: Coder) -> None:
    """The complement ("to disperse") is content of the order: only the order's reading
    is an event."""
    doc = code("Nepal's interior minister ordered police to disperse the Indian protesters.")
    assert len([e for e in doc.events if e.cameo_root == "17"]) == 1, triples(doc)


def test_what_the_one_ordered_says_or_agrees_is_theirs(code: Coder) -> None:
    """Only acts an order sets in motion (``ordered_roots``) are the orderer's: a meeting
    or an agreement is done by whoever was told to meet or agree."""
    doc = code("The Kenyan minister instructed his deputy to meet Ugandan officials.")
    assert not [e for e in doc.events if e.rule.startswith("order:")], triples(doc)
