"""The ``parse`` stage: spaCy over the clean text, in batches.

It sets ``doc.spacy`` (the spaCy ``Doc``, used by later stages and never serialised) and
``doc.sentences``. Parsing is by far the most expensive step, so it is the one stage that
implements ``pipe``: texts go to spaCy's ``nlp.pipe`` in batches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from eventwire.config import Config
from eventwire.errors import InputError
from eventwire.model import Document, Sentence
from eventwire.nlp.model import components_tuple, load_model
from eventwire.pipeline import register_stage

NAME = "parse"


class ParseStage:
    """Parse documents with a spaCy pipeline loaded once per process."""

    name = NAME

    def __init__(self, settings: dict[str, Any], config: Config) -> None:
        model = config["model"]
        self.nlp = load_model(
            model["name"],
            model.get("version"),
            components_tuple(model.get("components")),
            components_tuple(settings.get("disable")),
        )
        self.batch_size = int(settings.get("batch_size", 32))
        self.max_chars = int(settings.get("max_chars", 1_000_000))

    def _check(self, doc: Document) -> None:
        if len(doc.text) > self.max_chars:
            doc.error = InputError(
                f"text has {len(doc.text):,} characters, more than stages.parse.max_chars "
                f"({self.max_chars:,})",
                code="E110",
                doc_id=doc.doc_id,
                stage=NAME,
                source=doc.source,
                hint="split the document, or raise stages.parse.max_chars",
            )

    @staticmethod
    def _attach(doc: Document, sdoc: Any) -> None:
        doc.spacy = sdoc
        doc.sentences = [Sentence(s.start_char, s.end_char) for s in sdoc.sents]

    def memory_zone(self) -> Any:
        """spaCy's memory zone: strings first seen inside it are freed when it ends."""
        return self.nlp.memory_zone()

    def __call__(self, doc: Document) -> Document:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        it = iter(docs)
        while batch := list(islice(it, self.batch_size)):
            for doc in batch:
                if doc.error is None:
                    self._check(doc)
            todo = [d for d in batch if d.error is None]
            parsed = self.nlp.pipe([d.text for d in todo], batch_size=self.batch_size)
            for doc, sdoc in zip(todo, parsed, strict=True):
                self._attach(doc, sdoc)
            yield from batch


@register_stage(NAME, requires=["doc.text"], assigns=["doc.spacy", "doc.sentences"])
def make_parse(settings: dict[str, Any], config: Config) -> ParseStage:
    return ParseStage(settings, config)
