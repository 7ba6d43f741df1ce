from eventwire.api import code_text
from eventwire.pipeline import Pipeline


def test_parse_sets_sentences_covering_text(pipeline: Pipeline) -> None:
    doc = code_text("Police arrested five men. They were released on Monday.", pipeline=pipeline)
    assert doc.error is None
    assert len(doc.sentences) == 2
    assert doc.text[doc.sentences[1].start : doc.sentences[1].end].startswith("They")
    assert doc.spacy is not None


def test_text_over_limit_is_refused_without_stopping(pipeline: Pipeline) -> None:
    stage = pipeline.get_stage("parse")
    old = stage.max_chars  # type: ignore[attr-defined]
    stage.max_chars = 10  # type: ignore[attr-defined]
    try:
        doc = code_text("This text is longer than ten characters.", pipeline=pipeline)
    finally:
        stage.max_chars = old  # type: ignore[attr-defined]
    assert doc.error is not None and doc.error.code == "E110"
