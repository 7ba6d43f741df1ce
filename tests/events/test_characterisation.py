"""A characterisation is coded by what it calls its object: "called the ruling
unacceptable" is a criticism (111), "called the report baseless" a denial (016), and
"called the agreement a historic step" neither. Every sentence here is invented."""

from __future__ import annotations

import pytest

from tests.events.conftest import Coder


@pytest.mark.parametrize(("text", "cameo", "source"), [
    ("Kenya's foreign minister called the ruling unacceptable.", "111", "KEN"),
    ("Ghana's president called the remark an insult.", "111", "GHA"),
    ("Uganda called the closure of the border a provocation.", "111", "UGA"),
    ("Zambia's government called the report baseless.", "016", "ZMB"),
    ("Chile's president called the verdict a blow to justice.", "111", "CHL"),
    ("Nepal's prime minister called the blockade humiliating.", "111", "NPL"),
    # where the parser reads the predicate as an object
    ("Bolivia's president called the scheme theft.", "111", "BOL"),
])
def test_a_characterisation_is_coded_by_what_it_calls_the_object(
    code: Coder, text: str, cameo: str, source: str
) -> None:
    found = [(e.cameo, e.source.country) for e in code(text).events if e.trigger == "called"]
    assert found == [(cameo, source)]


def test_a_second_object_is_what_the_object_is_called(code: Coder) -> None:
    doc = code("Ghana's president branded the move a provocation.")
    assert [(e.cameo, e.source.country) for e in doc.events] == [("111", "GHA")]


@pytest.mark.parametrize(("text", "trigger", "cameo"), [
    ("Chad's government labelled the claims as false.", "labelled", "016"),
    ("Mali's junta described the sanctions as illegal.", "described", "111"),
])
def test_an_as_phrase_characterises_the_object(code: Coder, text: str, trigger: str,
                                              cameo: str) -> None:
    assert [e.cameo for e in code(text).events if e.trigger == trigger] == [cameo]


def test_praise_is_no_criticism_and_an_appeal_stays_an_appeal(code: Coder) -> None:
    assert code("Malawi's president called the agreement a historic step.").events == []
    assert [e.cameo for e in code("Peru called for calm in Lima.").events] == ["020"]


def test_an_act_a_speaker_calls_something_is_not_the_speaker_s(code: Coder) -> None:
    """"Call" is also a light verb ("called a strike"); with a predicate it characterises
    its object, and the attack so called is not the speaker's."""
    doc = code("Togo's interior minister called the attack on the border post a cowardly act.")
    assert [e.cameo_root for e in doc.events if e.source.country == "TGO"] == []
