"""Code input files into a store: skip what is stored, code the rest, write in batches.

The application's part of ``eventwire ingest``: the store only persists what it is
given (:meth:`~eventwire.store.Store.write_batch`); reading, choosing what to code and
running the engine are here.

Why documents are filtered before coding: coding costs about a hundred times more than
reading, so a resumed or repeated run reads its inputs again, asks the store which ids it
holds (in chunks, through the primary-key index) and hands only new documents to the
engine. Outcomes come back in input order and are written a batch per transaction, so a
run killed at any moment resumes where the last committed batch ended.

Ids: a document whose id is stored already, or given earlier in the same input, is
skipped only when its text is the same. A record that reuses an id for another text is
a failure (E113, with its source), never a silent "already stored": the stored document
is kept, and the run goes on. Ids hashed from the content cannot clash this way.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from itertools import chain, islice
from pathlib import Path

from eventwire.app.coding import code_documents
from eventwire.app.inputs import check_dct, count_inputs, read_documents
from eventwire.config import Config, load_config
from eventwire.errors import Errors, InputError
from eventwire.ingest.readers import content_id
from eventwire.ingest.stages import CleanStage, clean_settings, input_limit
from eventwire.model import Document, Outcome
from eventwire.pipeline import check_stages
from eventwire.progress import RunProgress
from eventwire.store import IngestStats, Store

__all__ = ["ingest_paths", "new_documents"]

Advance = Callable[[int], None]
_CHECK_CHUNK = 512


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _given_id(doc: Document) -> bool:
    """Whether the document's id came with it rather than from hashing its content."""
    return doc.raw is not None and doc.doc_id != content_id(doc.raw)


def _key(doc: Document) -> str:
    return content_id(doc.raw) if doc.raw is not None else ""


class _StoredText:
    """Compares a document with the stored one of the same id, by their clean text.

    Why the clean text: it is what the store keeps of a document. Only documents with
    their own ids are compared (a hashed id already is the content), and only when that
    id is stored, so a resumed run cleans again just the records it skips.
    """

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config
        self._clean: CleanStage | None = None

    def texts(self, chunk: list[Document], stored: set[str]) -> dict[str, str]:
        ids = [d.doc_id for d in chunk if d.doc_id in stored and _given_id(d)]
        if not ids:
            return {}
        rows = self.store.con.execute(
            "SELECT doc_id, text FROM documents WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))",
            [ids],
        ).fetchall()
        return {doc_id: content_id(text or "") for doc_id, text in rows}

    def key(self, doc: Document) -> str | None:
        """The content key of ``doc``'s clean text; None when it cannot be cleaned."""
        if self._clean is None:
            self._clean = CleanStage(clean_settings(self.config), self.config)
        try:
            return content_id(self._clean(Document(doc.doc_id, doc.source, raw=doc.raw,
                                                   fmt=doc.fmt)).text)
        except InputError:
            return None


def _clash(doc: Document, seen: dict[str, str], stored: dict[str, str],
           compare: _StoredText) -> Outcome | None:
    """A failure when ``doc`` reuses an id of this input or of the store for other text."""
    if doc.doc_id in seen:
        if seen[doc.doc_id] == _key(doc):
            return None
        where = "given earlier in this input to"
    elif doc.doc_id in stored:
        if compare.key(doc) == stored[doc.doc_id]:
            return None
        where = "already stored with"
    else:
        return None
    error = Errors.E113.error(id=doc.doc_id, where=where, doc_id=doc.source, source=doc.source,
                              stage="read")
    return Outcome(doc.source, doc.source, None, error)


def new_documents(
    store: Store, docs: Iterable[Document], stats: IngestStats, advance: Advance,
    config: Config | None = None,
) -> Iterator[Document]:
    """The documents to code: neither stored nor seen earlier in this run, and readable.

    Documents the reader could not read, and documents reusing an id for another text
    (E113), are written to ``failures`` on the way, so that a run with nothing left to
    code never loads the NLP model.
    """
    seen: dict[str, str] = {}
    compare = _StoredText(store, config if config is not None else load_config())
    for chunk in _chunks(docs, _CHECK_CHUNK):
        stored = store.stored_ids(d.doc_id for d in chunk)
        texts = compare.texts(chunk, stored)
        for doc in chunk:
            clash = _clash(doc, seen, texts, compare)
            if clash is not None:
                stats += store.write_batch([clash])
            elif doc.doc_id in stored or doc.doc_id in seen:
                stats.skipped += 1
            elif doc.error is not None:  # unreadable: nothing to code, record it now
                seen[doc.doc_id] = _key(doc)
                stats += store.write_batch([Outcome(doc.doc_id, doc.source, None, doc.error)])
            else:
                seen[doc.doc_id] = _key(doc)
                yield doc
                continue
            advance(1)


def _write_all(
    store: Store, outcomes: Iterable[Outcome], stats: IngestStats, advance: Advance
) -> None:
    """Write outcomes a batch per transaction; each counts as done when it is coded (so
    progress moves per document, not per stored batch)."""
    batch: list[Outcome] = []
    for outcome in outcomes:
        batch.append(outcome)
        advance(1)
        if len(batch) >= store.batch_size:
            stats += store.write_batch(batch)
            batch = []
    if batch:
        stats += store.write_batch(batch)


def _run(
    store: Store, paths: list[str | Path], config: Config, dct: str | None,
    progress: RunProgress,
) -> IngestStats:
    stats = IngestStats()

    def advance(n: int) -> None:
        for _ in range(n):
            progress.document()

    fresh = new_documents(store, read_documents(paths, config, dct=dct), stats, advance,
                          config)
    first = next(fresh, None)
    if first is None:
        return stats
    progress.loading()
    # closing(): a run stopped by an error or Ctrl-C stops its engine's workers now
    with closing(code_documents(chain([first], fresh), config)) as outcomes:
        _write_all(store, outcomes, stats, advance)
    return stats


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    config: Config,
    *,
    dct: str | None = None,
    progress: bool | None = None,
) -> tuple[IngestStats, float]:
    """Code and store ``paths``; returns what was added and the seconds it took.

    ``progress`` None shows a bar only when standard error is a terminal: a "loading
    model" step while the engine starts, then one step per document.
    """
    paths = list(paths)
    check_dct(dct)
    check_stages(config)  # here, before any worker process builds a pipeline
    show = sys.stderr.isatty() if progress is None else progress
    total = count_inputs(paths, input_limit(config)) if show else None
    with RunProgress("ingest", total=total, show=show) as bar:
        stats = _run(store, paths, config, dct, bar)
    return stats, bar.seconds
