"""From annotated sentences to training rows: which token carries a gold trigger, and
which nouns become candidates of their own. The parse is the real pipeline's.

Every sentence here is invented for the test.
"""

from __future__ import annotations

from eventwire.api import code_text
from eventwire.model import Document
from eventwire.pipeline import Pipeline
from eventwire.train.corpus import CorpusEvent, CorpusSentence, Span
from eventwire.train.examples import noun_triggers, trigger_token


def _sentence(text: str, triggers: list[str]) -> CorpusSentence:
    events = tuple(
        CorpusEvent(Span(t, text.index(t), text.index(t) + len(t)), "190", "ASSAULT",
                    "asserted", None, None) for t in triggers)
    return CorpusSentence("s", "g", "body", "2020-01-01", text, events)


def _parsed(pipeline: Pipeline, text: str, triggers: list[str],
            ) -> tuple[CorpusSentence, Document]:
    return _sentence(text, triggers), code_text(text, pipeline=pipeline, doc_id="t")


def test_a_trigger_of_several_nouns_is_carried_by_its_head(pipeline: Pipeline) -> None:
    sentence, doc = _parsed(pipeline, "The police violence shocked the town.",
                            ["police violence"])
    assert doc.spacy is not None
    sent = next(iter(doc.spacy.sents))
    tok = trigger_token(sent, sentence.events[0])
    assert tok is not None and tok.text == "violence"


def test_a_noun_is_an_event_noun_only_when_it_is_often_a_trigger(pipeline: Pipeline) -> None:
    """"blockade" is a trigger each time it occurs; "harbour" once in eleven times (an
    annotator's slip here: the attack is the act)."""
    parsed = [_parsed(pipeline, "The navy lifted the blockade of the harbour.", ["blockade"])]
    parsed += [_parsed(pipeline, f"The harbour was quiet on day {n}.", []) for n in range(9)]
    parsed.append(_parsed(pipeline, "Fishermen said the harbour attack was brutal.",
                          ["harbour"]))
    nouns = noun_triggers(parsed)
    assert "blockade" in nouns
    assert "harbour" not in nouns
