"""The example story (examples/defectors-2002.txt): its time expressions and event dates.

The dating stage reads the story's true date (2002-05-22) from the text, although the
header says 2008; every relative expression must count from that date.
"""

import pytest

from eventwire.api import code_text
from eventwire.model import Document, Event
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def story(pipeline: Pipeline, example_text: str) -> Document:
    doc = code_text(example_text, pipeline=pipeline)
    assert doc.error is None, doc.error
    assert doc.date == "2002-05-22"
    return doc


def _time(doc: Document, text: str) -> tuple[str, str | None, str | None]:
    found = [m for m in doc.times if m.text == text]
    assert found, f"no time mention {text!r} in {[m.text for m in doc.times]}"
    return found[0].type, found[0].value, found[0].precision


def test_time_mentions(story: Document) -> None:
    assert _time(story, "May 8") == ("DATE", "2002-05-08", "day")
    assert _time(story, "Wednesday") == ("DATE", "2002-05-22", "day")
    assert _time(story, "Earlier this month") == ("DATE", "2002-05", "month")
    assert _time(story, "this year") == ("DATE", "2002", "year")
    assert _time(story, "2001") == ("DATE", "2001", "year")
    assert _time(story, "2000") == ("DATE", "2000", "year")


def test_korean_war_years_are_years_only(story: Document) -> None:
    war = story.text.index("1950-53")
    near = [m for m in story.times if war <= m.start < war + 7]
    assert [(m.value, m.precision) for m in near] == [("1950", "year"), ("1953", "year")]


def test_no_time_is_read_from_the_2008_header(story: Document) -> None:
    assert all(not (m.value or "").startswith("2008") for m in story.times)


def _events_in(doc: Document, sentence_start: str, cameo_root: str) -> list[Event]:
    out = []
    for ev in doc.events:
        sent = doc.sentences[ev.sentence_index]
        if doc.text[sent.start:sent.end].startswith(sentence_start) and \
                ev.cameo_root == cameo_root:
            out.append(ev)
    return out


def test_event_dates(story: Document) -> None:
    assert story.events, "the events stage produced no events for the example story"
    arrests = _events_in(story, "Police nabbed", "17")
    assert arrests, "no arrest event in the 'Police nabbed' sentence"
    assert {(e.date, e.date_precision, e.date_source) for e in arrests} == {
        ("2002-05-08", "day", "clause")}
    releases = [e for e in story.events if e.cameo_root == "08"]
    assert releases, "no release event"
    assert ("2002-05-22", "day", "story") in {
        (e.date, e.date_precision, e.date_source) for e in releases}
    letter = _events_in(story, "Earlier this month", "02") + \
        _events_in(story, "Earlier this month", "10")
    assert letter, "no appeal or demand in the lawmakers' letter sentence"
    assert {(e.date, e.date_precision) for e in letter} == {("2002-05", "month")}


def test_every_event_says_where_its_date_comes_from(story: Document) -> None:
    for ev in story.events:
        assert ev.date_source in ("clause", "sentence", "story", "tense", "document")
        if ev.date_source == "tense":  # a past perfect: before the story, on no given day
            assert ev.date is None and ev.date_precision is None
        else:
            assert ev.date_precision in ("day", "month", "year")
        if ev.date_source == "document":
            assert ev.date == story.date
