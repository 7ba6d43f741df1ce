"""The ``parse`` stage: spaCy over the clean text, in batches.

It sets ``doc.spacy`` (the spaCy ``Doc``, used by later stages and never serialised) and
``doc.sentences``. Parsing is by far the most expensive step, so it is the one stage that
implements ``pipe``: texts go to spaCy's ``nlp.pipe`` in batches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Annotated, Any

from eventwire.config import Config, section
from eventwire.errors import Errors
from eventwire.model import Document, Sentence
from eventwire.nlp.headlines import repair_headlines
from eventwire.nlp.model import components_tuple, load_model
from eventwire.pipeline import register_stage
from eventwire.settings import AtLeast, ModelSettings, from_mapping

NAME = "parse"


@dataclass(frozen=True)
class ParseSettings:
    """``stages.parse``: spaCy's batch size, the longest text, components switched off,
    and whether headlines whose verb the tagger read as a noun are parsed again
    (:mod:`eventwire.nlp.headlines`)."""

    batch_size: Annotated[int, AtLeast(1)] = 32
    max_chars: Annotated[int, AtLeast(1)] = 1_000_000  # spaCy's own limit
    disable: list[str] = field(default_factory=list)
    headlines: bool = True  # parse again a headline whose verb was read as a noun


class ParseStage:
    """Parse documents with a spaCy pipeline loaded once per process."""

    name = NAME

    def __init__(self, settings: ParseSettings | Mapping[str, Any], config: Config) -> None:
        self.settings = from_mapping(ParseSettings, settings, f"stages.{NAME}")
        model = section(config, "model", ModelSettings)
        self.nlp = load_model(
            model.name,
            model.version,
            components_tuple(model.components),
            components_tuple(self.settings.disable),
        )
        self.batch_size = self.settings.batch_size
        self.max_chars = self.settings.max_chars

    def _check(self, doc: Document) -> None:
        if len(doc.text) > self.max_chars:
            doc.error = Errors.E110.error(
                chars=len(doc.text), max_chars=self.max_chars, doc_id=doc.doc_id, stage=NAME,
                source=doc.source,
            )

    @staticmethod
    def _attach(doc: Document, sdoc: Any) -> None:
        doc.spacy = sdoc
        doc.sentences = [Sentence(s.start_char, s.end_char) for s in sdoc.sents]

    def _parse_again(self, texts: list[str]) -> Iterable[Any]:
        return self.nlp.pipe(texts, batch_size=self.batch_size)

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
            parsed = list(self.nlp.pipe([d.text for d in todo], batch_size=self.batch_size))
            if self.settings.headlines:
                repair_headlines(parsed, self._parse_again)
            for doc, sdoc in zip(todo, parsed, strict=True):
                self._attach(doc, sdoc)
            yield from batch


@register_stage(NAME, requires=["doc.text"], assigns=["doc.spacy", "doc.sentences"],
                settings=ParseSettings)
def make_parse(settings: ParseSettings, config: Config) -> ParseStage:
    return ParseStage(settings, config)
