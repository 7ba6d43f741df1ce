"""The hybrid coder: the rules' reading stands wherever a rule fires, and the shipped model
adds the confident acts at words no rule reads.

Every sentence here is invented for the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import ModelError
from eventwire.events.coder import rule_candidates
from eventwire.events.hybrid import merge
from eventwire.events.stages import EventsStage
from tests.events.conftest import Coder
from tests.events.test_learned import BAD

_RULED = "Kenyan police arrested two opposition leaders in Nairobi on Monday."
# "evacuated" is in no lexicon entry; the shipped model codes it (0.8 confidence or more).
_UNRULED = "French troops evacuated diplomats from the Sudanese capital."


def _read(doc: object) -> list[tuple[str, str, str | None, str | None, str]]:
    return [(e.cameo, e.trigger, e.source.code, e.target.code, e.rule)
            for e in doc.events]  # type: ignore[attr-defined]


def test_where_a_rule_fires_its_reading_stands(code: Coder) -> None:
    rules = _read(code(_RULED, coder="rules"))
    assert rules, "the rules code the arrest"
    assert _read(code(_RULED, coder="hybrid")) == rules


def test_the_model_adds_an_act_no_rule_reads(code: Coder) -> None:
    assert _read(code(_UNRULED, coder="rules")) == []
    doc = code(_UNRULED, coder="hybrid")
    assert [(e.trigger, e.source.country) for e in doc.events] == [("evacuated", "FRA")]
    event = doc.events[0]
    assert event.rule.startswith("learned:evacuate:")
    assert event.confidence is not None and event.confidence >= 0.6


def test_learned_min_decides_what_the_model_may_add(code: Coder) -> None:
    assert code(_UNRULED, coder="hybrid", learned_min=1.0).events == []
    assert code(_UNRULED, coder="hybrid", learned_min=0.0).events


def test_an_open_complement_of_a_ruled_act_is_the_same_act(code: Coder) -> None:
    """"agreed to cooperate" is one act: the rules code the intent to cooperate, and the
    model's reading of "agreed" is not added beside it."""
    text = "Iran and Iraq agreed to cooperate closely on border security."
    rules = code(text, coder="rules")
    assert {e.trigger for e in rules.events} == {"cooperate"}
    assert _read(code(text, coder="hybrid", learned_min=0.0)) == _read(rules)


def test_merge_keeps_sentences_the_model_did_not_read(code: Coder) -> None:
    """A sentence the model leaves out (it reads only those with an actor mention) keeps
    the rules' candidates, and one it read gets its confident acts."""
    doc = code(f"{_RULED} {_UNRULED}")
    stage = EventsStage({"coder": "hybrid"}, {})
    assert stage.learned is not None
    rules = rule_candidates(doc, stage.matchers, stage.settings)
    learned = stage.learned.sentence_candidates(doc, with_actors=True)
    assert merge(rules, [], 0.0) == rules
    merged = merge(rules, learned, 0.6)
    assert [[c.trigger.text for c in cands] for _, _, cands in merged] == \
        [["arrested"], ["evacuated"]]


def test_a_missing_model_is_an_error_not_the_rules(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as info:
        EventsStage({"coder": "hybrid", "model": str(tmp_path / "nowhere")}, {})
    assert "E241" in str(info.value) or "nowhere" in str(info.value)


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_gives_no_events_and_no_crash(code: Coder, kind: str) -> None:
    """A 500-word sentence, an all-caps business headline, German text and a list of
    names and numbers: the hybrid coder, like each of its coders, codes nothing."""
    doc = code(BAD[kind], coder="hybrid", learned_min=0.0)
    assert doc.error is None
    assert doc.events == [], [(e.cameo, e.trigger) for e in doc.events]
