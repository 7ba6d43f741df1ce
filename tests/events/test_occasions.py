"""Talks, meetings and summits named as the occasion of a clause ("agreed after talks with
X"): the clause's subject is one of their sides (events/matching.py, ``_occasion_of``).
Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from tests.events.conftest import Coder


def _talks(code: Coder, text: str) -> set[tuple[str | None, str | None]]:
    doc = code(text)
    return {(e.source.country, e.target.country) for e in doc.events
            if e.cameo_root == "04" and e.rule == "hold_talks"}


@pytest.mark.parametrize(("text", "pairs"), [
    ("Kenya and Tanzania reopened the border after talks in Nairobi on Monday.",
     {("KEN", "TZA"), ("TZA", "KEN")}),
    ("The Peruvian president said after a meeting with his Chilean counterpart that the "
     "dispute was over.", {("PER", "CHL"), ("CHL", "PER")}),
    ("Malawi and Zambia signed a border accord after three rounds of talks in Lusaka.",
     {("MWI", "ZMB"), ("ZMB", "MWI")}),
    ("Brazil and Paraguay agreed on a new power tariff at a summit in Asuncion.",
     {("BRA", "PRY"), ("PRY", "BRA")}),
    ("Uganda's government and Kenya's leaders agreed on Friday to a permanent cessation of "
     "hostilities after ten days of negotiations.",
     {("UGA", "KEN"), ("KEN", "UGA")}),  # the parse hangs "after" on the object
    ("The Kenyan foreign minister returned from talks with Ethiopian officials on Friday.",
     {("KEN", "ETH"), ("ETH", "KEN")}),  # came back from them: ``back_from_verbs``
])
def test_an_occasion_names_its_sides(code: Coder, text: str,
                                     pairs: set[tuple[str, str]]) -> None:
    assert _talks(code, text) == pairs


@pytest.mark.parametrize("text", [
    "The two sides will sign the accord after talks in Nairobi next week.",  # still to come
    "Kenya agreed to reopen the border after talks with Tanzania.",  # the parse's xcomp
    "Ghana's finance minister flew to Paris ahead of talks with creditors.",  # not after
    "Chile's president criticised Argentina at a summit in Santiago.",  # one side only
    "Chile joined the trade bloc after ten years of negotiations.",  # with no one named
    "The Chilean envoy withdrew from talks with Bolivia on Friday.",  # left them: 164
])
def test_no_occasion_without_both_sides_or_before_it_happened(code: Coder, text: str) -> None:
    assert _talks(code, text) == set()


def _fights(code: Coder, text: str) -> set[tuple[str | None, str | None]]:
    doc = code(text)
    return {(e.source.country, e.target.country) for e in doc.events if e.cameo_root == "19"}


@pytest.mark.parametrize(("text", "pairs"), [
    ("A battle between Kenyan troops and Somali militants lasted an hour.",
     {("KEN", "SOM"), ("SOM", "KEN")}),
    ("Georgian troops were engaged in a firefight with Russian soldiers on Monday.",
     {("GEO", "RUS")}),
    ("Two Indian soldiers died in clashes with Chinese troops in the Galwan valley.",
     {("IND", "CHN")}),
])
def test_a_fight_named_as_the_occasion_names_its_sides(code: Coder, text: str,
                                                       pairs: set[tuple[str, str]]) -> None:
    """A fight is done with one another (``mutual_entries``): "between" names both sides,
    and the subject of a clause it is the occasion of ("in", even in the passive) is one."""
    assert _fights(code, text) == pairs
