"""Highlight spans: mentions and triggers of a record, trigger and actors of evidence."""

from __future__ import annotations

from eventwire.serve.spans import document_spans, evidence_spans, sentence_offset


def _record() -> dict:
    text = "Police arrested two men. Police later freed them."
    return {
        "text": text,
        "mentions": {
            "actors": [{"start": 0, "end": 6, "text": "Police", "code": "COP"},
                       {"start": 25, "end": 31, "text": "Police", "code": "COP"},
                       {"start": 40, "end": 99, "text": "bad", "code": None}],
            "quantities": [{"start": 16, "end": 19, "text": "two", "value": 2}],
        },
        "events": [{"id": "e1", "trigger": "arrested", "trigger_start": 7, "trigger_end": 15,
                    "cameo": "173"}],
    }


def test_document_spans_are_sorted_and_valid() -> None:
    spans = document_spans(_record())
    assert [(s["start"], s["kind"]) for s in spans] == [
        (0, "actor"), (7, "trigger"), (16, "quantity"), (25, "actor")]
    assert spans[1]["event_id"] == "e1" and spans[2]["label"] == "2"


def test_sentence_offset_skips_a_trigger_word_outside_the_event_span() -> None:
    sentence = "Rebels freed him, then the army freed them."
    # The event span starts at "the army" (23), the trigger is the second "freed" (32).
    mention = {"trigger": "freed", "trigger_start": 132, "char_start": 123, "char_end": 142}
    assert sentence_offset(sentence, mention) == 100
    assert sentence_offset(sentence, {"trigger": "nothing", "trigger_start": 3}) is None
    assert sentence_offset(sentence, {"trigger": "freed"}) is None


def test_evidence_spans_find_actors_around_the_trigger() -> None:
    sentence = "Police arrested Police officers."
    event = {"trigger": "arrested", "trigger_start": 107, "trigger_end": 115,
             "source": {"text": "Police", "code": "COP"},
             "target": {"text": "Police officers", "code": "COP"}}
    spans = evidence_spans(sentence, 100, event)
    got = [(s["kind"], sentence[s["start"]:s["end"]]) for s in spans]
    assert got == [("source", "Police"), ("trigger", "arrested"), ("target", "Police officers")]


def test_evidence_spans_never_overlap() -> None:
    sentence = "Police arrested police."
    event = {"trigger": "arrested", "trigger_start": 7, "trigger_end": 15,
             "source": {"text": "Police"}, "target": {"text": "Police"}}
    spans = evidence_spans(sentence, 0, event)
    assert [s["kind"] for s in spans] == ["source", "trigger"]
