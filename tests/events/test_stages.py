"""The events stage on real parses: voice, coordination, complements, mood, provenance."""

from __future__ import annotations

from tests.events.conftest import Coder, triples


def test_active_voice_subject_acts_on_object(code: Coder) -> None:
    doc = code("Chinese police arrested five North Korean refugees on Monday.")
    assert ("17", "CHN", "PRK") in triples(doc)
    (ev,) = [e for e in doc.events if e.cameo_root == "17"]
    assert (ev.cameo, ev.plover.event_type, ev.plover.mode, ev.rule) == ("173", "COERCE",
                                                                         "arrest", "arrest")


def test_passive_agent_is_the_source(code: Coder) -> None:
    doc = code("Five North Korean refugees were arrested by Chinese police on Monday.")
    assert ("17", "CHN", "PRK") in triples(doc)


def test_participle_modifier_makes_the_noun_the_target(code: Coder) -> None:
    doc = code("Five North Koreans arrested by Chinese police have been freed.")
    assert ("17", "CHN", "PRK") in triples(doc)


def test_negated_act_is_not_an_event(code: Coder) -> None:
    doc = code("Russia did not attack Georgia on Sunday.")
    assert not [e for e in doc.events if e.cameo_root == "19"]


def test_negated_act_is_kept_and_marked_when_asked(code: Coder) -> None:
    doc = code("Russia did not attack Georgia on Sunday.", keep_negated=True)
    assert [e.negated for e in doc.events if e.cameo_root == "19"] == [True]


def test_appeal_not_to_act_is_an_appeal_only(code: Coder) -> None:
    doc = code("Japan sent a letter to the Chinese ambassador urging Beijing not to "
               "repatriate the refugees.")
    assert ("02", "JPN", "CHN") in triples(doc)
    assert not [e for e in doc.events if e.cameo_root == "17"]


def test_demand_with_clausal_complement(code: Coder) -> None:
    doc = code("Japan accused China of violating the treaty and demanded the refugees be "
               "handed over.")
    found = triples(doc)
    assert ("11", "JPN", "CHN") in found and ("10", "JPN", "CHN") in found
    assert not [e for e in doc.events if e.cameo_root in {"08", "12"}]


def test_generic_claim_is_not_an_event(code: Coder) -> None:
    doc = code("Refugees say those who are sent back are usually executed.")
    assert doc.events == []


def test_conditional_is_not_an_event(code: Coder) -> None:
    doc = code("If Russia attacks Georgia, NATO will respond.")
    assert not [e for e in doc.events if e.cameo_root == "19"]


def test_modal_act_is_not_an_event(code: Coder) -> None:
    doc = code("Russia could attack Georgia next week.")
    assert doc.events == []


def test_announced_conflictual_act_is_a_threat(code: Coder) -> None:
    doc = code("Iran said it would impose sanctions on Iraq.")
    assert [(e.cameo_root, e.plover.event_type, e.rule) for e in doc.events] == [
        ("13", "THREATEN", "impose_sanctions:threat")
    ]


def test_promised_cooperation_is_intent(code: Coder) -> None:
    doc = code("Japan agreed to provide aid to Indonesia.")
    assert [(e.cameo, e.source.country, e.target.country) for e in doc.events] == [
        ("033", "JPN", "IDN")
    ]


def test_coordinated_actors_give_one_event_per_pair(code: Coder) -> None:
    doc = code("Japan and South Korea condemned China and Russia.")
    assert {(s, t) for r, s, t in triples(doc) if r == "11"} == {
        ("JPN", "CHN"), ("JPN", "RUS"), ("KOR", "CHN"), ("KOR", "RUS")
    }


def test_reported_speech_keeps_the_reported_event(code: Coder) -> None:
    doc = code("Officials said China attacked Japan.")
    assert ("19", "CHN", "JPN") in triples(doc)


def test_light_verb_carries_its_noun(code: Coder) -> None:
    doc = code("Russia launched an attack on Georgia.")
    assert [(e.cameo, e.rule, e.trigger) for e in doc.events] == [("190", "attack_noun",
                                                                    "attack")]
    assert ("19", "RUS", "GEO") in triples(doc)


def test_held_talks_is_a_consultation(code: Coder) -> None:
    doc = code("India held talks with Pakistan in Delhi.")
    assert ("04", "IND", "PAK") in triples(doc)


def test_allow_to_leave_is_a_release(code: Coder) -> None:
    doc = code("China allowed the North Korean refugees to leave for Seoul.")
    assert [(e.cameo, e.source.country, e.target.country) for e in doc.events] == [
        ("0841", "CHN", "PRK")
    ]


def test_provenance_points_into_the_text(code: Coder) -> None:
    doc = code("Some news first. Then Chinese police arrested five North Korean refugees.")
    (ev,) = doc.events
    assert doc.text[ev.trigger_start : ev.trigger_end] == ev.trigger == "arrested"
    assert ev.start <= ev.trigger_start < ev.trigger_end <= ev.end
    assert ev.sentence_index == 1 and ev.id == "t-0"


def test_refusal_to_accept_is_a_rejection(code: Coder) -> None:
    doc = code("Syria will not accept the peace plan proposed by Israel.")
    assert [(e.cameo_root, e.rule, e.negated) for e in doc.events] == [
        ("12", "accept_proposal:negated", False)
    ]


def test_stated_obligation_is_a_request_by_the_speaker(code: Coder) -> None:
    doc = code("Britain said Libya must hand over the two suspects.")
    assert [(e.cameo, e.source.country, e.target.country, e.rule) for e in doc.events] == [
        ("100", "GBR", "LBY", "obligation")
    ]


def test_act_announced_on_a_condition_is_a_threat(code: Coder) -> None:
    doc = code("Nigeria will withdraw its troops from Chad unless the rebels agree to a truce.")
    assert {(e.plover.event_type, e.source.country) for e in doc.events} == {
        ("THREATEN", "NGA")
    }
