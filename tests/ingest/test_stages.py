"""The clean and dating stages through the real readers and the real pipeline."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from eventwire.api import code_text, make_config
from eventwire.engines.base import Outcome, code_documents
from eventwire.ingest.readers import read_inputs
from eventwire.pipeline import Pipeline, build_pipeline

from ..conftest import EXAMPLE
from .test_html import PAGE


def _run(pipeline: Pipeline, paths: list[Path], max_bytes: int = 10_000_000) -> list[Outcome]:
    return list(code_documents(pipeline, read_inputs(paths, max_bytes)))


def test_example_is_cleaned_and_redated(pipeline: Pipeline) -> None:
    (outcome,) = _run(pipeline, [EXAMPLE])
    rec = outcome.record
    assert rec is not None
    assert rec["title"] == "China-Japan End Standoff Over North Korean Defectors"
    assert rec["byline"] == "Patrick Goodenough"
    assert rec["stated_date"] == "2008-07-07" and rec["meta"]["stated_time"] == "20:11 EDT"
    assert rec["date"] in ("2002-05-21", "2002-05-22", "2002-05-23")
    assert len(rec["date_warnings"]) == 1 and "2008-07-07" in rec["date_warnings"][0]
    assert rec["meta"]["bureau"] == "Pacific Rim Bureau"
    assert [r["date"] for r in rec["meta"]["related_stories"]] == ["2002-05-16", "2002-05-10"]
    for line in ("See earlier stories", "E-mail a news tip", "Letter to the Editor", "Fellow"):
        assert line not in rec["text"]
    assert rec["text"].startswith("Five North Koreans") and "\\b" not in rec["text"]
    assert rec["text"].endswith("dividing the peninsula.")


def test_dct_overrides_stated_and_inferred_dates(pipeline: Pipeline) -> None:
    doc = code_text(EXAMPLE.read_text("utf-8"), pipeline=pipeline, dct="2002-05-24")
    assert doc.date == "2002-05-24" and doc.stated_date == "2008-07-07"
    assert doc.date_warnings == []


def test_bad_inputs_fail_alone_and_the_run_goes_on(pipeline: Pipeline, tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text("Police arrested five men in Shenyang on May 8, 2002.")
    (tmp_path / "b-empty.txt").write_text("   \n")
    (tmp_path / "c-binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "d-truncated.txt.gz").write_bytes(gzip.compress(b"story " * 5000)[:40])
    (tmp_path / "e-latin1.txt").write_bytes(
        "Le président a rencontré les délégués à Genève.".encode("latin-1")
    )
    (tmp_path / "f-huge.txt").write_bytes(b"word " * 10_000_000)  # 50 MB
    (tmp_path / "g-menu.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    (tmp_path / "h-page.html").write_text(PAGE)
    outcomes = {Path(o.source).name: o for o in _run(pipeline, [tmp_path])}
    codes = {name: o.error.code for name, o in outcomes.items() if o.error is not None}
    assert codes == {
        "b-empty.txt": "E108",
        "c-binary.txt": "E107",
        "d-truncated.txt.gz": "E101",
        "f-huge.txt": "E103",
        "g-menu.html": "E111",
    }
    assert "Shenyang" in outcomes["a-good.txt"].record["text"]  # type: ignore[index]
    assert "Genève" in outcomes["e-latin1.txt"].record["text"]  # type: ignore[index]
    page = outcomes["h-page.html"].record
    assert page is not None and page["stated_date"] == "2011-03-15" and page["date"] == "2011-03-15"
    assert page["meta"]["related_stories"] == [
        {"title": "Army shells rebel positions", "date": "2011-03-12"}
    ]
    assert "READ MORE" not in page["text"]
    assert outcomes["g-menu.html"].error.stage == "clean"  # type: ignore[union-attr]


def test_invalid_utf8_is_decoded_best_effort(pipeline: Pipeline, tmp_path: Path) -> None:
    good = b"Troops entered the town on Monday, residents said. "
    (tmp_path / "mixed.txt").write_bytes(good + b"Caf\xe9 owners fled \xff\xfe." + good)
    (outcome,) = _run(pipeline, [tmp_path / "mixed.txt"])
    assert outcome.record is not None and "Troops entered the town" in outcome.record["text"]


def test_jsonl_records_keep_text_title_date_and_url(pipeline: Pipeline, tmp_path: Path) -> None:
    rec = {
        "maintext": "  Police arrested five people on Monday.\x07\n",
        "title": "Arrests",
        "date_publish": "2002-05-23 10:00:00",
        "url": "https://example.org/a",
    }
    (tmp_path / "in.jsonl").write_text(json.dumps(rec) + "\n")
    (outcome,) = _run(pipeline, [tmp_path / "in.jsonl"])
    out = outcome.record
    assert out is not None
    assert out["text"] == "Police arrested five people on Monday."
    assert out["title"] == "Arrests" and out["stated_date"] == "2002-05-23"
    assert out["date"] == "2002-05-23" and out["meta"]["url"] == "https://example.org/a"
    assert out["meta"]["stated_time"] == "10:00"


def test_verbatim_keeps_the_input_exactly() -> None:
    config = make_config(overrides=["stages.clean.verbatim=true"])
    config["pipeline"] = ["clean", "dating"]
    text = "Headline\n\nBy Ann Lee | May 8, 2002\n\n  SEOUL (AP) - Police moved in.\x08\r\n"
    doc = code_text(text, pipeline=build_pipeline(config))
    assert doc.error is None and doc.text == text
    assert doc.text[doc.text.index("Police") :].startswith("Police moved in.")


def test_verbatim_still_reads_an_opening_dateline() -> None:
    config = make_config(overrides=["stages.clean.verbatim=true"])
    config["pipeline"] = ["clean", "dating"]
    text = "KANO, Nigeria (Reuters) - Soldiers sealed off the market on Friday."
    doc = code_text(text, pipeline=build_pipeline(config))
    assert doc.error is None and doc.text == text
    assert doc.meta["dateline_place"] == "KANO, Nigeria" and doc.meta["agency"] == "Reuters"


def test_no_date_gives_null_and_a_warning(pipeline: Pipeline) -> None:
    doc = code_text("Rebels attacked a convoy on Monday, officials said.", pipeline=pipeline)
    assert doc.error is None and doc.date is None
    assert doc.date_warnings and "no date" in doc.date_warnings[0]


def test_gzip_of_each_kind_is_read(pipeline: Pipeline, tmp_path: Path) -> None:
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    rec = {"text": "Troops entered the town on Monday.", "id": "r1", "date": "2011-03-14"}
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(json.dumps(rec).encode("utf-8")))
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"Police arrested five men on May 8."))
    outcomes = _run(pipeline, [tmp_path])
    assert [o.error for o in outcomes] == [None, None, None]
    page, record, text = (o.record for o in outcomes)
    assert page is not None and page["title"] == "Rebels seize border town"
    assert record is not None and record["doc_id"] == "r1" and record["date"] == "2011-03-14"
    assert text is not None and text["text"] == "Police arrested five men on May 8."


def test_unreadable_record_date_is_reported(pipeline: Pipeline, tmp_path: Path) -> None:
    rec = {"text": "Troops entered the town on Monday.", "date": "sometime last spring"}
    (tmp_path / "in.jsonl").write_text(json.dumps(rec) + "\n")
    (outcome,) = _run(pipeline, [tmp_path / "in.jsonl"])
    out = outcome.record
    assert out is not None and out["stated_date"] is None and out["date"] is None
    assert "'sometime last spring' could not be read" in out["date_warnings"][0]
