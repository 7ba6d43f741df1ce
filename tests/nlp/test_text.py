"""A parsed Doc's text is read once and kept with the Doc."""

from eventwire.api import code_text
from eventwire.nlp.text import doc_text
from eventwire.pipeline import Pipeline


def test_doc_text_is_the_docs_text_and_is_kept(pipeline: Pipeline) -> None:
    doc = code_text("Rebels shelled the port. Talks resumed on Monday.", pipeline=pipeline)
    sdoc = doc.spacy
    assert sdoc is not None
    sdoc.user_data.clear()
    assert doc_text(sdoc) == sdoc.text == doc.text
    assert list(sdoc.user_data.values()) == [sdoc.text]
