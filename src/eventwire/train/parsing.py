"""Corpus sentences through eventwire's own front stages, so that training sees what coding sees.

Why the real pipeline: the model's features include the actor mentions and the parse the
pipeline computes at coding time; training on another parse or on the gold actor spans would
teach the model a world it never meets. Text is kept verbatim, so corpus offsets are offsets
into the parsed text, and each sentence's date is its document date (offices are dated).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator

from eventwire.api import make_config
from eventwire.config import Config
from eventwire.model import Document
from eventwire.pipeline import Pipeline, build_pipeline
from eventwire.train.corpus import CorpusSentence

__all__ = ["front_config", "full_config", "parse_sentences"]

FRONT = ["clean", "dating", "parse", "actors", "times"]


def _verbatim(config: Config) -> Config:
    config = copy.deepcopy(config)
    config.setdefault("stages", {}).setdefault("clean", {})["verbatim"] = True
    return config


def front_config(overrides: Iterable[str] = ()) -> Config:
    """The stages whose output the event features read (up to the time expressions), text
    kept verbatim."""
    config = _verbatim(make_config(overrides=list(overrides)))
    config["pipeline"] = list(FRONT)
    return config


def full_config(overrides: Iterable[str] = ()) -> Config:
    """The whole pipeline with the given ``--set`` overrides, text kept verbatim."""
    return _verbatim(make_config(overrides=list(overrides)))


def parse_sentences(
    sentences: Iterable[CorpusSentence], pipeline: Pipeline | None = None
) -> Iterator[tuple[CorpusSentence, Document]]:
    """Each sentence with its coded Document (``doc.spacy`` kept for feature extraction)."""
    pipeline = pipeline or build_pipeline(front_config())
    items = list(sentences)
    docs = (Document(doc_id=s.id, source=s.file or "corpus", raw=s.text, fmt="text",
                     dct=s.date) for s in items)
    yield from zip(items, pipeline.pipe(docs), strict=False)
