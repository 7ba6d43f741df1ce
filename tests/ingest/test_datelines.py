"""Datelines leave the text of every input kind the same way, and are never actors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.api import make_config
from eventwire.engines.base import code_documents
from eventwire.ingest.plaintext import dateline_length, take_dateline, trim_web_text
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.stages import CleanStage
from eventwire.model import Document
from eventwire.pipeline import Pipeline

# An invented wire lede: the dateline names a country that plays no part in the story.
STORY = (
    "KANDAHAR, Afghanistan, May 3 (Reuters) - A raid by NATO-led troops killed four "
    "civilians near the town on Friday, a provincial official said.\n\n"
    "The alliance said it was looking into the report."
)
BODY = STORY.split(" - ", 1)[1]


def test_take_dateline_moves_the_opening_dateline_to_meta() -> None:
    meta: dict[str, Any] = {}
    text = take_dateline(STORY, meta)
    assert text == BODY
    assert meta["dateline"] == "KANDAHAR, Afghanistan, May 3 (Reuters) -"
    assert meta["dateline_place"] == "KANDAHAR, Afghanistan"
    assert meta["dateline_date"] == "May 3" and meta["agency"] == "Reuters"


def test_take_dateline_leaves_a_text_without_one_alone() -> None:
    meta: dict[str, Any] = {}
    text = "Kandahar, a city of the south, was quiet on Friday - residents said."
    assert take_dateline(text, meta) == text and meta == {}


def test_web_text_loses_its_dateline_too() -> None:
    parsed = trim_web_text("Raid kills four\n" + STORY, "Raid kills four")
    assert parsed.text == BODY
    assert parsed.meta["dateline_place"] == "KANDAHAR, Afghanistan"


def _outcome_records(pipeline: Pipeline, path: Path) -> list[dict[str, Any]]:
    out = []
    for outcome in code_documents(pipeline, read_inputs([path], 10_000_000)):
        assert outcome.error is None, outcome.error
        assert outcome.record is not None
        out.append(outcome.record)
    return out


def _coding(record: dict[str, Any]) -> tuple[Any, ...]:
    actors = [(m["text"], m["code"]) for m in record["mentions"]["actors"]]
    events = [
        (e["cameo"], e["trigger"], e["source"]["code"], e["target"]["code"])
        for e in record["events"]
    ]
    return record["text"], record["meta"].get("dateline"), actors, events


def test_text_file_and_json_record_give_the_same_actors_and_events(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    (tmp_path / "story.txt").write_text(STORY, "utf-8")
    (tmp_path / "story.jsonl").write_text(
        json.dumps({"id": "s1", "text": STORY}) + "\n", "utf-8"
    )
    (txt,) = _outcome_records(pipeline, tmp_path / "story.txt")
    (rec,) = _outcome_records(pipeline, tmp_path / "story.jsonl")
    assert rec["text"] == BODY and rec["meta"]["dateline"].startswith("KANDAHAR")
    assert _coding(txt) == _coding(rec)
    codes = [m["code"] or "" for m in rec["mentions"]["actors"]]
    assert not any(code.startswith("AFG") for code in codes), codes
    assert rec["events"] and all(
        not (e["source"]["code"] or "").startswith("AFG") for e in rec["events"]
    )


def test_an_html_article_loses_its_dateline_in_the_clean_stage() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n"))
    page = (f"<html><head><title>Raid kills four</title></head><body><article>"
            f"<h1>Raid kills four</h1>{paragraphs}</article></body></html>")
    config = make_config()
    doc = CleanStage(config["stages"]["clean"], config)(
        Document(doc_id="p", source="p.html", raw=page, fmt="html"))
    assert doc.text.startswith("A raid by NATO-led troops")
    assert doc.meta["dateline_place"] == "KANDAHAR, Afghanistan"


def test_dateline_length_is_what_a_dateline_opening_a_text_takes() -> None:
    assert STORY[:dateline_length(STORY)] == STORY[: len(STORY) - len(BODY)]
    assert dateline_length(BODY) == 0
    assert dateline_length("NEW YORK -- Police said on Monday.") == len("NEW YORK -- ")
