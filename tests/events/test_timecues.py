"""Time features of a candidate: how long before the document date its sentence, and its
own clause, puts the act (background is not news).

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

from eventwire.api import code_text
from eventwire.events.features import trigger_features
from eventwire.events.lexicon import builtin_lexicon
from eventwire.events.stages import EventsStage
from eventwire.events.timecues import background, sentence_times, time_features
from eventwire.model import Document
from eventwire.pipeline import Pipeline


def _doc(pipeline: Pipeline, text: str, dct: str | None) -> Document:
    doc = code_text(text, pipeline=pipeline, dct=dct, doc_id="t")
    assert doc.error is None, doc.error
    return doc


def _features(doc: Document, trigger: str) -> list[str]:
    sent = next(iter(doc.spacy.sents))
    tok = next(t for t in sent if t.text == trigger)
    return time_features(tok, sentence_times(doc, sent))


def test_an_act_dated_decades_back_is_marked_long_ago(pipeline: Pipeline) -> None:
    doc = _doc(pipeline, "The two neighbours signed a border treaty in 1985.", "2021-06-01")
    assert "tx:own:long" in _features(doc, "signed")


def test_an_act_of_the_day_is_marked_now(pipeline: Pipeline) -> None:
    doc = _doc(pipeline, "Police arrested four protesters in the capital on Tuesday.",
               "2021-06-03")
    feats = _features(doc, "arrested")
    assert "tx:own:now" in feats
    assert not any(f.endswith(":long") for f in feats)


def test_a_date_of_another_clause_is_not_the_candidates_own(pipeline: Pipeline) -> None:
    """ "said on Monday that rebels had attacked the town in 1999": the saying is of the
    day, the attack is history; each clause keeps its own date."""
    doc = _doc(pipeline, "Officials said on Monday that rebels attacked the town in 1999.",
               "2021-06-08")
    said, attacked = _features(doc, "said"), _features(doc, "attacked")
    assert "tx:own:now" in said and "tx:own:long" not in said
    assert "tx:own:long" in attacked and "tx:own:now" not in attacked


@pytest.mark.parametrize("dct, age", [("1999-03-01", "now"), ("1999-12-01", "recent"),
                                      ("2002-01-10", "years"), ("1990-01-10", "after")])
def test_the_age_is_measured_from_the_document_date(pipeline: Pipeline, dct: str,
                                                    age: str) -> None:
    doc = _doc(pipeline, "Troops withdrew from the border in February 1999.", dct)
    assert f"tx:own:{age}" in _features(doc, "withdrew")


def test_a_document_without_a_date_gives_no_time_features(pipeline: Pipeline) -> None:
    doc = _doc(pipeline, "The two neighbours signed a border treaty in 1985.", None)
    assert doc.date is None
    assert _features(doc, "signed") == []


def test_the_trigger_features_carry_the_time_features(pipeline: Pipeline) -> None:
    doc = _doc(pipeline, "The two neighbours signed a border treaty in 1985.", "2021-06-01")
    sent = next(iter(doc.spacy.sents))
    tok = next(t for t in sent if t.text == "signed")
    feats = trigger_features(tok, builtin_lexicon(), sent=sent,
                             times=sentence_times(doc, sent))
    assert "tx:own:long" in feats
    assert not any(f.startswith("tx:") for f in trigger_features(tok, builtin_lexicon()))


@pytest.mark.parametrize("dct, age", [("2021-01-05", "now"), ("2022-03-01", "recent")])
def test_a_year_alone_is_as_precise_as_its_year(pipeline: Pipeline, dct: str, age: str) -> None:
    """"this year" in a January story is the news, not the future; "in 2021" seen from
    the next spring is the past year."""
    doc = _doc(pipeline, "The two neighbours signed a border treaty in 2021.", dct)
    assert f"tx:own:{age}" in _features(doc, "signed")


def _background(doc: Document, trigger: str) -> bool:
    sent = next(iter(doc.spacy.sents))
    tok = next(t for t in sent if t.text == trigger)
    return background(tok, sentence_times(doc, sent))


@pytest.mark.parametrize("text, trigger, dct, old", [
    ("Rebels seized the border town in 1998, the court found.", "seized", "2021-06-01", True),
    ("Rebels seized the border town in 2018, the court found.", "seized", "2021-06-01", True),
    ("Rebels seized the border town in March, the court found.", "seized", "2021-06-01",
     False),
    ("Officials said on Monday that rebels attacked the town in 1999.", "said", "2021-06-08",
     False),
    ("It was the first visit by a Swedish king since 1975.", "visit", "2021-06-01", False),
    ("Chile cut ties with Peru in 1994, after a diplomat was shot in Lima.", "shot",
     "2021-06-01", True),
    ("Chile cut ties with Peru on Monday, after a diplomat was shot in Lima.", "shot",
     "2021-06-08", False),
    ("The pact dates from 1994, when the two leaders signed a treaty in Lima.", "signed",
     "2021-06-01", True),
    ("Forty people died in the hotel siege a decade ago.", "siege", "2021-06-01", True),
    ("Chile reopened its embassy in Lima on Monday, weeks after Peru expelled its envoy.",
     "expelled", "2021-06-01", True),
    ("Chile recalled its envoy on Monday, a month after signing a treaty with Peru.",
     "signing", "2021-06-01", True),
    ("Chile recalled its envoy on Monday, two days after Peru expelled three diplomats.",
     "expelled", "2021-06-01", False),
])
def test_an_act_its_own_clause_dates_years_back_is_background(
        pipeline: Pipeline, text: str, trigger: str, dct: str, old: bool) -> None:
    """Only the act's own date counts, or that of the act or date whose time a clause
    tells ("after", "when"), or of the act that happened in it ("died in the siege");
    a date that bounds a span ("since 1975") is not the act's. What the news is timed
    against weeks or more away is background; days away, it is news."""
    assert _background(_doc(pipeline, text, dct), trigger) is old


def _coded(pipeline: Pipeline, text: str, dct: str, **settings: object) -> list[str]:
    doc = _doc(pipeline, text, dct)
    merged = dict(pipeline.config["stages"]["events"]) | settings
    EventsStage(merged, pipeline.config)(doc)
    return [e.trigger for e in doc.events]


def test_background_acts_are_not_events_unless_kept(pipeline: Pipeline) -> None:
    text = "Police arrested the opposition leader in 2009, and he was never charged."
    assert "arrested" not in _coded(pipeline, text, "2021-06-01")
    assert "arrested" in _coded(pipeline, text, "2021-06-01", keep_background=True)
    assert "arrested" in _coded(pipeline, text, "2009-11-20")
