"""One event per act in a story: a lede's act told again in the body is one event.

Every story here is invented for the test.
"""

from __future__ import annotations

from eventwire.api import code_text, make_config
from eventwire.model import Document
from eventwire.pipeline import Pipeline, build_pipeline

DCT = "2011-03-02"
_RETOLD = ("Kenyan police arrested two opposition leaders in Nairobi on Tuesday. The two "
           "men were held overnight. Police arrested the opposition leaders on Tuesday "
           "after a rally, a spokesman said.")


def _arrests(doc: Document) -> list[tuple[str, str | None, str | None]]:
    return [(e.trigger, e.date, e.location.name if e.location else None)
            for e in doc.events if e.cameo_root == "17"]


def test_an_act_told_again_is_one_event(pipeline: Pipeline) -> None:
    doc = code_text(_RETOLD, pipeline=pipeline, doc_id="r", dct=DCT)
    assert len(_arrests(doc)) == 1, _arrests(doc)
    assert [e.id for e in doc.events] == [f"r-{n}" for n in range(len(doc.events))]


def test_keep_retold_keeps_every_telling() -> None:
    keep = build_pipeline(make_config(overrides=["stages.anchor.keep_retold=true"]))
    doc = code_text(_RETOLD, pipeline=keep, doc_id="r", dct=DCT)
    assert len(_arrests(doc)) == 2, _arrests(doc)


def test_the_same_act_on_two_days_is_two_events(pipeline: Pipeline) -> None:
    text = ("Kenyan police arrested two opposition leaders on Tuesday. Police arrested "
            "the opposition leaders again on Thursday.")
    doc = code_text(text, pipeline=pipeline, doc_id="r", dct=DCT)
    assert len({date for _, date, _ in _arrests(doc)}) == 2, _arrests(doc)


def test_the_same_act_in_two_places_is_two_events(pipeline: Pipeline) -> None:
    text = ("Kenyan police arrested opposition leaders in Mombasa on Tuesday. Kenyan "
            "police arrested opposition leaders in Kisumu on Tuesday.")
    doc = code_text(text, pipeline=pipeline, doc_id="r", dct=DCT)
    assert len(_arrests(doc)) == 2, _arrests(doc)


def _expulsions(doc: Document) -> list[tuple[str | None, str | None]]:
    return [(e.source.country, e.target.country) for e in doc.events if e.cameo == "161"]


def test_an_act_told_again_without_its_doer_is_the_act_told_with_it(pipeline: Pipeline) -> None:
    text = ("Chad on Monday ordered four Sudanese diplomats to leave the country. The "
            "Chadian foreign ministry said the diplomats had been declared persona non "
            "grata.")
    doc = code_text(text, pipeline=pipeline, doc_id="r", dct=DCT)
    assert _expulsions(doc) == [("TCD", "SDN")], _expulsions(doc)


def test_keep_retold_keeps_the_telling_without_its_doer() -> None:
    keep = build_pipeline(make_config(overrides=["stages.anchor.keep_retold=true"]))
    text = ("Chad on Monday ordered four Sudanese diplomats to leave the country. The "
            "Chadian foreign ministry said the diplomats had been declared persona non "
            "grata.")
    doc = code_text(text, pipeline=keep, doc_id="r", dct=DCT)
    assert len(_expulsions(doc)) == 2, _expulsions(doc)
