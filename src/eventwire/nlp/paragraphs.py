"""A blank line ends a sentence, and so does a dateline, whatever the parser would make
of them.

Why: spaCy's parser decides sentence boundaries from the words alone. A line with no final
stop (a headline, a subheading, a byline on its own line) runs on into the next
paragraph's first sentence: "Key facts\\n\\nPolice arrested two men." becomes one sentence
whose verb hangs from "facts". A dateline is read as the subject of the story's first
sentence: in "VILNIUS, Lithuania -- Lithuanian border guards detained 30 migrants", the
guards become an apposition of "VILNIUS". Writers end a sentence before a blank line, and
a dateline is no part of the sentence after it; the parser respects boundaries set
before it runs.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from eventwire.ingest.plaintext import dateline_length

__all__ = ["PARAGRAPHS", "add_paragraphs", "paragraph_starts"]

#: The name of the component in the spaCy pipeline.
PARAGRAPHS = "eventwire_paragraphs"
_STOPS = frozenset({".", "!", "?"})


def _may_start(doc: Any) -> list[int]:
    """Mark the token after a blank line as a sentence start, and list the tokens that
    may open a sentence: the first, one after a blank line or after a final stop."""
    out = [0]
    for tok in doc[:-1]:
        if tok.is_space and "\n\n" in tok.text.replace("\r", ""):
            doc[tok.i + 1].is_sent_start = True
            out.append(tok.i + 1)
        elif tok.text in _STOPS:
            out.append(tok.i + 1)
    return out


def _after_dateline(doc: Any, text: str, i: int) -> int | None:
    """The token after a dateline that opens ``text`` (the doc's) at token ``i``, if any."""
    start = doc[i].idx
    end = start + dateline_length(text, start)
    if end == start:
        return None
    return next((t.i for t in doc[i:] if t.idx >= end and not t.is_space), None)


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Any) -> Any:
    """Mark the token after a blank line, and the first after a dateline, as sentence
    starts.

    ``doc.text`` is built anew from the tokens at every read, so it is read once here.
    """
    text = doc.text
    for i in _may_start(doc):
        if i < len(doc) and doc[i].text[:1].isupper():
            after = _after_dateline(doc, text, i)
            if after is not None:
                doc[after].is_sent_start = True
    return doc


def add_paragraphs(nlp: Any) -> None:
    """Put :func:`paragraph_starts` before the parser of ``nlp`` (once; nothing without a
    parser, whose sentences it shapes)."""
    if PARAGRAPHS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
