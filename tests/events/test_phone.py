"""CAMEO 041, "discuss by telephone", as news writes it: a verb of speaking by phone or
video, or a call named as a noun with its partner. Every sentence here is invented."""

from __future__ import annotations

import pytest

from tests.events.conftest import Coder


def _calls(code: Coder, text: str) -> set[tuple[str | None, str | None]]:
    return {(e.source.country, e.target.country) for e in code(text).events
            if e.cameo == "041"}


@pytest.mark.parametrize(("text", "pairs"), [
    ("The Kenyan president spoke by phone with his Ugandan counterpart on Sunday.",
     {("KEN", "UGA"), ("UGA", "KEN")}),
    ("The Chilean president talked to his Peruvian counterpart by telephone on Monday.",
     {("CHL", "PER"), ("PER", "CHL")}),
    ("Ghana's president held a video call with the Nigerian president on Friday.",
     {("GHA", "NGA"), ("NGA", "GHA")}),
])
def test_a_call_is_discussing_by_telephone_both_ways(code: Coder, text: str,
                                                     pairs: set[tuple[str, str]]) -> None:
    assert _calls(code, text) == pairs


@pytest.mark.parametrize("text", [
    "The Kenyan president's call for calm went unheeded.",  # an appeal, not a call with
    "The Ugandan minister spoke by the river to a crowd of farmers.",  # not by phone
])
def test_no_call_without_a_partner_or_a_phone(code: Coder, text: str) -> None:
    assert _calls(code, text) == set()
