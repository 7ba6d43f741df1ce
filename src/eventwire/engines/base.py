"""The engine interface and the unit of work every engine runs: one batch of documents.

:class:`~eventwire.model.Outcome` lives in :mod:`eventwire.model` (the store and the API
read it too); it is exported here as well, where engine code looks for it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from typing import Protocol

from eventwire.model import Document, Outcome, to_record
from eventwire.pipeline import Pipeline

__all__ = ["Outcome", "Engine", "process_batch", "code_documents", "keep_for_life"]


class Engine(Protocol):
    """Run the pipeline over raw documents, yielding outcomes in input order."""

    def run(self, docs: Iterable[Document]) -> Iterator[Outcome]: ...

    def close(self) -> None: ...


def keep_for_life() -> None:
    """Take every object alive now out of the cyclic collector's scans.

    Called once a worker process has built the pipeline it keeps until it ends; not in
    a caller's process, whose other objects may yet become garbage. Why: the gazetteer,
    the actor knowledge, the lexicons and the models are about a million long-lived
    objects, and each full collection walked them all again: about 2 ms an article on
    LGL. Objects made later (documents, records) are still collected as before.
    """
    gc.collect()
    gc.freeze()


def _outcome(doc: Document) -> Outcome:
    if doc.error is not None:
        return Outcome(doc.doc_id, doc.source, None, doc.error)
    return Outcome(doc.doc_id, doc.source, to_record(doc), None)


def code_documents(pipeline: Pipeline, docs: Iterable[Document]) -> Iterator[Outcome]:
    """Run ``pipeline`` over ``docs`` in this process; documents that failed early skip it."""
    for doc in pipeline.pipe(docs):
        yield _outcome(doc)


def process_batch(pipeline: Pipeline, docs: list[Document]) -> list[Outcome]:
    """One batch, fully: what a worker process or a Spark partition does.

    The batch runs inside the pipeline's memory zone, so a long-running worker keeps a
    flat memory: only records leave the block.
    """
    with pipeline.memory_zone():
        return list(code_documents(pipeline, docs))
