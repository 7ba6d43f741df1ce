"""Coding: a text in this process, a batch for a server, or inputs through the engine.

Every way into the pipeline goes through here, so that they all build it, check it and
turn documents into outcomes the same way; only the engine (chosen by ``engine.kind``)
and the sink the outcomes go to differ.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from pathlib import Path

from eventwire.app.engine import make_engine
from eventwire.app.inputs import read_documents, text_document
from eventwire.config import Config, load_config
from eventwire.engines.base import process_batch
from eventwire.model import Document, Outcome
from eventwire.pipeline import Pipeline, build_pipeline, check_stages

__all__ = ["load_pipeline", "code_text", "code_batch", "code_documents", "code_paths"]


def load_pipeline(config: Config | None = None) -> Pipeline:
    """Build the pipeline declared by ``config`` (the shipped default when None)."""
    return build_pipeline(config)


def code_text(
    text: str,
    *,
    pipeline: Pipeline | None = None,
    dct: str | None = None,
    title: str | None = None,
    doc_id: str | None = None,
    fmt: str = "text",
) -> Document:
    """Code one text in this process and return the filled Document.

    ``doc.error`` is set when a stage failed; nothing is raised for document problems.
    """
    pipeline = pipeline or load_pipeline()
    return pipeline(text_document(text, doc_id=doc_id, title=title, dct=dct, fmt=fmt))


def code_batch(pipeline: Pipeline, docs: list[Document]) -> list[Outcome]:
    """Code a few documents now, in this process, inside the pipeline's memory zone.

    Why not an engine: a server codes a posted document while a client waits, with the
    pipeline it keeps loaded; an engine would start its own.
    """
    return process_batch(pipeline, docs)


def code_documents(
    docs: Iterable[Document], config: Config
) -> Generator[Outcome, None, None]:
    """Code raw documents with the engine ``config`` asks for; one Outcome each, in order.

    The stages are checked here, before any worker process or Spark job builds a pipeline.
    """
    check_stages(config)
    engine = make_engine(config)
    try:
        yield from engine.run(docs)
    finally:
        engine.close()


def code_paths(
    paths: Iterable[str | Path], config: Config | None = None, *, dct: str | None = None
) -> Generator[Outcome, None, None]:
    """Read and code files, directories or ``-``; one Outcome per document, in input order."""
    config = config if config is not None else load_config()
    check_stages(config)  # before reading: a bad pipeline fails before a stream is consumed
    yield from code_documents(read_documents(paths, config, dct=dct), config)
