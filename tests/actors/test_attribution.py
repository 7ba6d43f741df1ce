"""Who acts in a phrase: the modifier of an act's noun, "X-led" and "X-backed" phrases."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors, codes


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("An Israeli air strike hit the camp overnight.", "Israeli", "ISRMIL"),
        ("The Russian bombardment of the port went on for a week.", "Russian", "RUSMIL"),
        ("A Chinese naval blockade of the island began on Monday.", "Chinese", "CHNMIL"),
        ("A government crackdown on students followed the vote.", "government", "GOV"),
        ("Turkish artillery shelling of the hills lasted all night.", "Turkish artillery",
         "TURMIL"),
    ],
)
def test_the_modifier_of_an_act_is_an_actor_of_its_own(
    pipeline: Pipeline, text: str, mention: str, code: str
) -> None:
    found = codes(code_actors(pipeline, text))
    assert found.get(mention) == code, found


def test_a_modifier_keeps_its_own_role_over_the_act_s(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "A rebel offensive on the town failed in March."))
    assert found.get("rebel") == "REB", found


def test_a_general_strike_is_not_military(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "A Greek general strike closed the ports."))
    assert "GRCMIL" not in found.values(), found


def test_a_noun_that_is_no_act_keeps_the_whole_phrase(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "An Indian proposal was tabled on Tuesday."))
    assert found == {"An Indian proposal": "IND"}


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Saudi-led coalition struck the harbour.", "The Saudi-led coalition", "SAUMIL"),
        ("NATO-led troops entered the valley.", "NATO-led troops", "IGONATMIL"),
        ("A French-led force patrolled the border.", "A French-led force", "FRAMIL"),
    ],
)
def test_x_led_phrases_are_the_leader_s_actors(
    pipeline: Pipeline, text: str, mention: str, code: str
) -> None:
    doc = code_actors(pipeline, text)
    found = {m.text: m for m in doc.actors}
    assert found[mention].code == code
    assert (found[mention].rule or "").startswith("led:")


def test_x_backed_phrases_are_not_the_backer_s(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "Iran-backed militias fired rockets at the base."))
    assert found.get("Iran-backed militias") == "REB", found


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("A Kenyan police crackdown on hawkers drew criticism.", "Kenyan police", "KENCOP"),
        ("A Malian army offensive retook the town.", "Malian army", "MLIMIL"),
    ],
)
def test_a_country_and_a_role_on_an_act_are_one_actor(
    pipeline: Pipeline, text: str, mention: str, code: str
) -> None:
    found = codes(code_actors(pipeline, text))
    assert found.get(mention) == code, found


def test_an_x_led_act_is_the_leader_s(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "The Ethiopian-led offensive pushed the rebels back."))
    assert found.get("The Ethiopian-led offensive") == "ETHMIL", found


@pytest.mark.parametrize("text, phrase, code", [
    ("Iran seized a British-flagged tanker on Friday.", "a British-flagged tanker", "GBR"),
    ("Rebels attacked a Chinese-owned mine in the east.", "a Chinese-owned mine", "CHN"),
])
def test_a_flag_or_an_owner_is_the_phrase_s_country(pipeline: Pipeline, text: str,
                                                     phrase: str, code: str) -> None:
    found = codes(code_actors(pipeline, text))
    assert found.get(phrase) == code, found


def test_a_maker_is_not_the_phrase_s_country(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "A Russian-made missile hit the market on Monday."))
    assert not any(c and c.startswith("RUS") for c in found.values()), found


def test_a_word_of_a_role_phrase_is_no_role_of_its_own(pipeline: Pipeline) -> None:
    """"fighter" in "fighter jet" is the jet's kind, not a rebel."""
    found = codes(code_actors(pipeline, "A French fighter jet intercepted the plane."))
    assert found["A French fighter jet"] == "FRAMIL"


def test_the_irish_head_of_government_is_government(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "The taoiseach spoke to reporters in Dublin."))
    assert found["The taoiseach"].endswith("GOV")


def test_his_country_is_the_country_of_whom_his_refers_to(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "Chile's president said his country would send "
                                        "aid to Bolivia."))
    assert found["his country"] == "CHL"


def test_a_secretary_general_is_no_general(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "The UN secretary-general called on both sides "
                                        "to exercise restraint."))
    assert found["The UN secretary-general"] == "IGOUNOGOV"
