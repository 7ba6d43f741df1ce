"""A blank line ends a sentence, whatever the parser would make of it.

Why: spaCy's parser decides sentence boundaries from the words alone, and a line with no
final stop (a headline, a subheading, a byline, a dateline on its own line) runs on into the
next paragraph's first sentence: "Key facts\\n\\nPolice arrested two men." becomes one
sentence whose verb hangs from "facts", and its events, times and actors are read in the
wrong clause. Writers end a sentence before a blank line, so a token after one starts a
sentence; the parser respects boundaries set before it runs.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

__all__ = ["PARAGRAPHS", "add_paragraphs"]

#: The name of the component in the spaCy pipeline.
PARAGRAPHS = "eventwire_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Any) -> Any:
    """Mark the token after a whitespace token holding a blank line as a sentence start."""
    for tok in doc[:-1]:
        if tok.is_space and "\n\n" in tok.text.replace("\r", ""):
            doc[tok.i + 1].is_sent_start = True
    return doc


def add_paragraphs(nlp: Any) -> None:
    """Put :func:`paragraph_starts` before the parser of ``nlp`` (once; nothing without a
    parser, whose sentences it shapes)."""
    if PARAGRAPHS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
