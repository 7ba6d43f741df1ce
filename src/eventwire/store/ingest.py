"""Code input files into a store: skip what is stored, code the rest, write in batches.

Why documents are filtered before coding: coding costs about a hundred times more than
reading, so a resumed or repeated run reads its inputs again, asks the store which ids it
holds (in chunks, through the primary-key index) and hands only new documents to the
engine. Outcomes come back in input order and are written a batch per transaction, so a
run killed at any moment resumes where the last committed batch ended.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from eventwire.api import check_dct, with_dct
from eventwire.config import Config
from eventwire.engines import Outcome, make_engine
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.stages import input_limit
from eventwire.model import Document
from eventwire.pipeline import check_stages
from eventwire.store.store import IngestStats, Store

__all__ = ["ingest_paths", "new_documents", "count_inputs"]

Advance = Callable[[int], None]
_CHECK_CHUNK = 512


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def new_documents(
    store: Store, docs: Iterable[Document], stats: IngestStats, advance: Advance
) -> Iterator[Document]:
    """The documents to code: neither stored nor seen earlier in this run, and readable.

    Documents the reader could not read are written to ``failures`` on the way, so that
    a run with nothing left to code never loads the NLP model.
    """
    seen: set[str] = set()
    for chunk in _chunks(docs, _CHECK_CHUNK):
        stored = store.stored_ids(d.doc_id for d in chunk)
        for doc in chunk:
            if doc.doc_id in stored or doc.doc_id in seen:
                stats.skipped += 1
                advance(1)
                continue
            seen.add(doc.doc_id)
            if doc.error is not None:  # unreadable: nothing to code, record it now
                stats += store.write_batch([Outcome(doc.doc_id, doc.source, None, doc.error)])
                advance(1)
                continue
            yield doc


def count_inputs(paths: Iterable[str | Path], max_bytes: int) -> int | None:
    """How many documents the inputs hold (for the ETA); None when reading stdin."""
    paths = list(paths)
    if any(str(p) == "-" for p in paths):
        return None
    return sum(1 for _ in read_inputs(paths, max_bytes))


class _SpeedColumn(ProgressColumn):
    """Documents per second over the whole run (rich's own speed is too jumpy)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} docs/s")


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        _SpeedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def _write_all(
    store: Store, outcomes: Iterable[Outcome], stats: IngestStats, advance: Advance
) -> None:
    batch: list[Outcome] = []
    for outcome in outcomes:
        batch.append(outcome)
        if len(batch) >= store.batch_size:
            stats += store.write_batch(batch)
            advance(len(batch))
            batch = []
    if batch:
        stats += store.write_batch(batch)
        advance(len(batch))


def _run(
    store: Store, paths: list[str | Path], config: Config, dct: str | None, advance: Advance
) -> IngestStats:
    max_bytes = input_limit(config)
    stats = IngestStats()
    fresh = new_documents(store, read_inputs(paths, max_bytes), stats, advance)
    first = next(fresh, None)
    if first is None:
        return stats
    fresh = chain([first], fresh)
    engine = make_engine(config)
    try:
        _write_all(store, engine.run(with_dct(fresh, check_dct(dct))), stats, advance)
    finally:
        engine.close()
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

    ``progress`` None shows a bar only when standard error is a terminal.
    """
    paths = list(paths)
    check_dct(dct)
    check_stages(config)  # here, before any worker process builds a pipeline
    show = sys.stderr.isatty() if progress is None else progress
    start = time.perf_counter()
    if not show:
        stats = _run(store, paths, config, dct, lambda n: None)
        return stats, time.perf_counter() - start
    max_bytes = input_limit(config)
    total = count_inputs(paths, max_bytes)
    with _progress(Console(stderr=True)) as bar:
        task = bar.add_task("ingest", total=total)
        stats = _run(store, paths, config, dct, lambda n: bar.advance(task, n))
    return stats, time.perf_counter() - start
