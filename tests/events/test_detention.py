"""Detention as news writes it beyond "arrested": held on charges, rounded up (CAMEO 173).
Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from tests.events.conftest import Coder


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Kenyan journalist has been held since May on charges of spying.", None, "KEN"),
    ("Ugandan police rounded up dozens of Kenyan traders in Kampala.", "UGA", "KEN"),
])
def test_held_on_charges_and_rounded_up_are_detentions(
    code: Coder, text: str, source: str | None, target: str
) -> None:
    found = [(e.cameo, e.source.country, e.target.country) for e in code(text).events]
    assert found == [("173", source, target)]


def test_rounding_up_figures_is_no_arrest(code: Coder) -> None:
    assert code("Analysts rounded up the figures for the year.").events == []


@pytest.mark.parametrize("text, cameo", [
    ("The Chilean navy intercepted a Peruvian fishing boat on Monday.", "1711"),
    ("The Chilean navy intercepted 40 Peruvian migrants off the coast.", "170"),
])
def test_what_is_intercepted_decides_the_act(code: Coder, text: str, cameo: str) -> None:
    """PETRARCH-2's INTERCEPT: a vessel or weapons seized (1711), migrants coerced (170)."""
    doc = code(text)
    assert [e.cameo for e in doc.events] == [cameo], [(e.cameo, e.rule) for e in doc.events]


def test_an_intercepted_call_is_no_seizure(code: Coder) -> None:
    doc = code("Chilean officials intercepted a phone call between the two ministers.")
    assert not [e for e in doc.events if e.cameo_root == "17"], [e.cameo for e in doc.events]
