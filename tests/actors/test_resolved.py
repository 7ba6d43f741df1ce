"""A phrase that refers back keeps its text and gives the name it stands for."""

from __future__ import annotations

from eventwire.api import code_text
from eventwire.model import from_record, to_record
from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors

# Invented: "They" is the five refugees, detained by the police.
STORY = ("Five Sudanese refugees reached the embassy on Monday. "
         "They were detained by Egyptian police.")


def test_a_pronoun_resolves_to_its_antecedent_as_written(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, STORY)
    by_text = {m.text: m for m in doc.actors}
    assert by_text["They"].resolved == "Five Sudanese refugees"
    assert by_text["Egyptian police"].resolved is None  # names the actor itself


def test_a_chain_of_references_resolves_to_the_first_name(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "The Chinese foreign ministry protested. It said its "
                                "envoy would return.")
    resolved = {m.text: m.resolved for m in doc.actors}
    assert resolved.get("It") == "The Chinese foreign ministry", resolved


def test_events_and_records_carry_text_and_resolved_name(pipeline: Pipeline) -> None:
    rec = to_record(code_text(STORY, pipeline=pipeline, doc_id="story", dct="2011-05-03"))
    (detained,) = [e for e in rec["events"] if e["trigger"] == "detained"]
    assert detained["target"]["text"] == "They"
    assert detained["target"]["resolved"] == "Five Sudanese refugees"
    assert detained["source"]["resolved"] == detained["source"]["text"] == "Egyptian police"
    they = [m for m in rec["mentions"]["actors"] if m["text"] == "They"]
    assert they and they[0]["resolved"] == "Five Sudanese refugees"
    again = from_record(rec)
    assert again.events[0].target.resolved == "Five Sudanese refugees"
