"""Support as news writes it: recognising a government "as" such (CAMEO 054), standing by
or speaking up for another actor (052). Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from tests.events.conftest import Coder


@pytest.mark.parametrize(("text", "cameo", "pairs"), [
    ("Nicaragua recognised Beijing as the sole government of China.", "054",
     {("NIC", "CHN")}),
    ("China and Pakistan stood by Sri Lanka at the UN rights council.", "052",
     {("CHN", "LKA"), ("PAK", "LKA")}),
    ("Brazil spoke up for Venezuela at the summit.", "052", {("BRA", "VEN")}),
])
def test_support_for_another_actor(code: Coder, text: str, cameo: str,
                                   pairs: set[tuple[str, str]]) -> None:
    found = {(e.source.country, e.target.country) for e in code(text).events
             if e.cameo == cameo}
    assert found == pairs


def test_standing_by_a_place_is_no_support(code: Coder) -> None:
    assert code("The soldiers stood by the roadside.").events == []


def test_an_act_done_as_something_keeps_its_object(code: Coder) -> None:
    """What an act is done "as" is no object of it: freed as a gift is still freed."""
    doc = code("Ghana freed two Togolese fishermen as a New Year gift.")
    assert [(e.cameo, e.source.country, e.target.country) for e in doc.events] == [
        ("0841", "GHA", "TGO")]
