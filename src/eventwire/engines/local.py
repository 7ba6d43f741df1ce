"""Local engines: in this process, or a pool of worker processes.

Why a hand-made window rather than ``Pool.imap``: ``imap`` reads its whole input ahead,
so a 1 GB JSON Lines file would sit in memory. Here at most ``workers * max_in_flight``
batches are queued at once (back-pressure), each worker builds the pipeline once (model
loaded once per worker), and results come back in input order.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Any

from eventwire.config import Config, section
from eventwire.engines.base import Outcome, process_batch
from eventwire.errors import ConfigError
from eventwire.model import Document
from eventwire.pipeline import Pipeline, build_pipeline
from eventwire.settings import EngineSettings

__all__ = ["InProcessEngine", "ProcessPoolEngine", "make_engine", "resolve_workers"]


class InProcessEngine:
    """Run the pipeline in the calling process (one worker)."""

    def __init__(self, config: Config, pipeline: Pipeline | None = None) -> None:
        self.config = config
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = build_pipeline(self.config)
        return self._pipeline

    def run(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        size = section(self.config, "engine", EngineSettings).batch_size
        for batch in _batches(docs, size):
            yield from process_batch(self.pipeline, batch)

    def close(self) -> None:
        self._pipeline = None


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(config: Config) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = build_pipeline(config)


def _run_batch(docs: list[Document]) -> list[Outcome]:
    assert _WORKER_PIPELINE is not None, "worker not initialised"
    return process_batch(_WORKER_PIPELINE, docs)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


class ProcessPoolEngine:
    """Run one pipeline per worker process, with bounded in-flight batches."""

    def __init__(self, config: Config, workers: int) -> None:
        engine = section(config, "engine", EngineSettings)
        self.config = config
        self.workers = workers
        self.batch_size = engine.batch_size
        self.max_in_flight = engine.max_in_flight * workers
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=mp.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.config,),
            )
        return self._pool

    def run(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        pending: deque[Future[list[Outcome]]] = deque()
        for batch in _batches(docs, self.batch_size):
            pending.append(self._executor().submit(_run_batch, batch))
            while len(pending) >= self.max_in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class AutoEngine:
    """Start in this process; move to a pool only when the input is large enough.

    Why: spawning workers costs a model load each (seconds), which is wasted on one
    story. The first ``threshold`` documents are looked at before choosing.
    """

    def __init__(self, config: Config, workers: int, threshold: int) -> None:
        self.config = config
        self.workers = workers
        self.threshold = threshold
        self._engine: InProcessEngine | ProcessPoolEngine | None = None

    def run(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        it = iter(docs)
        head = list(islice(it, self.threshold))
        if len(head) < self.threshold:
            self._engine = InProcessEngine(self.config)
            yield from self._engine.run(head)
            return
        self._engine = ProcessPoolEngine(self.config, self.workers)
        yield from self._engine.run(chain(head, it))

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()


def resolve_workers(value: Any) -> int:
    """``auto`` means every core; otherwise a positive integer."""
    if value in (None, "auto", 0):
        return max(1, os.cpu_count() or 1)
    try:
        workers = int(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"engine.workers must be 'auto' or an integer, got {value!r}", code="E215"
        ) from exc
    if workers < 1:
        raise ConfigError(f"engine.workers must be at least 1, got {workers}", code="E215")
    return workers


def make_engine(config: Config) -> InProcessEngine | ProcessPoolEngine | AutoEngine:
    """The engine the configuration asks for."""
    engine = section(config, "engine", EngineSettings)
    workers = resolve_workers(engine.workers)
    if workers == 1:
        return InProcessEngine(config)
    if engine.workers == "auto":
        threshold = engine.batch_size * workers
        return AutoEngine(config, workers, threshold)
    return ProcessPoolEngine(config, workers)
