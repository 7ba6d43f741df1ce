"""Local engines: in this process, or a pool of worker processes.

Why a hand-made window rather than ``Pool.imap``: ``imap`` reads its whole input ahead,
so a 1 GB JSON Lines file would sit in memory. Here at most ``workers * max_in_flight``
batches are queued at once (back-pressure), each worker builds the pipeline once (model
loaded once per worker), and results come back in input order.

Failures: the pipeline is built once in this process, while the workers start and before
any batch is sent, so a bad configuration is the same coded error (exit 2) whatever the
input size. A worker that
still cannot build it sends its coded error back; a worker that dies is an
:class:`EngineError`; a batch that fails unexpectedly fails its documents, and the run
goes on. Workers end with their parent (:mod:`eventwire.engines.lifeline`), and a run
stopped early (Ctrl-C, SIGTERM, an error) stops its workers at once.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any

from eventwire.config import Config, section
from eventwire.engines.base import Outcome, keep_for_life, process_batch
from eventwire.engines.lifeline import exit_with_parent
from eventwire.errors import (
    ConfigError,
    DictionaryError,
    EngineError,
    Errors,
    EventwireError,
    ModelError,
)
from eventwire.model import Document
from eventwire.pipeline import Pipeline, build_pipeline, warm_up
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
_WORKER_ERROR: EventwireError | None = None
#: Errors that concern the whole run, not one batch: raised, never turned into failures.
RUN_ERRORS = (ConfigError, ModelError, DictionaryError, EngineError)


def _init_worker(config: Config, parent: int, death_signal: bool) -> None:
    """Build the worker's pipeline; keep a failure to send back with the first batch.

    Why not raise: an initializer that raises breaks the whole pool, and the parent
    would only see ``BrokenProcessPool``, without the code or the reason.
    """
    global _WORKER_PIPELINE, _WORKER_ERROR
    exit_with_parent(parent, death_signal=death_signal)
    try:
        _WORKER_PIPELINE = build_pipeline(config)
        keep_for_life()
    except EventwireError as exc:
        _WORKER_ERROR = exc
    except Exception as exc:  # noqa: BLE001 - sent back as a coded error
        _WORKER_ERROR = Errors.E703.error(kind=type(exc).__name__, reason=exc, stage="engine")


def _started() -> None:
    """Nothing: submitted once per worker so that each starts (and builds its pipeline)
    at once; a worker's failure to build is reported with its first batch."""


def _run_batch(docs: list[Document]) -> list[Outcome]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    assert _WORKER_PIPELINE is not None, "worker not initialised"
    return process_batch(_WORKER_PIPELINE, docs)


def check_pipeline(config: Config) -> Pipeline:
    """Build the pipeline here, so that its errors are raised before any batch is coded.

    Not warmed up: the warm-up document only builds lazy lookups for coding (about two
    seconds), and each worker warms up its own pipeline.
    """
    return build_pipeline(config, warm=False)


def _release_caches() -> None:
    """Clear the per-process caches of eventwire's modules (model, lexicons, gazetteer).

    Why: the pipeline built for the check is not used once workers code, but the model
    and lexicons it loaded stay reachable through those caches; clearing them gives back
    most of its memory (about 410 MB down to 165 MB measured).
    """
    for name, module in list(sys.modules.items()):
        if not name.startswith("eventwire."):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and str(getattr(value, "__module__", "")) == name:
                clear()
    gc.collect()


def check_and_release(config: Config) -> None:
    """Check the pipeline in this process, keeping nothing of it for the run."""
    check_pipeline(config)
    _release_caches()


def _failed_batch(batch: list[tuple[str, str]], exc: BaseException) -> list[Outcome]:
    """Each document of a batch that failed as a whole, with the reason."""
    return [
        Outcome(doc_id, source, None, Errors.E705.error(
            kind=type(exc).__name__, reason=exc, doc_id=doc_id, source=source, stage="engine"))
        for doc_id, source in batch
    ]


def _result(future: Future[list[Outcome]], batch: list[tuple[str, str]]) -> list[Outcome]:
    try:
        return future.result()
    except RUN_ERRORS:
        raise
    except BrokenProcessPool as exc:
        raise Errors.E704.error(stage="engine") from exc
    except Exception as exc:  # noqa: BLE001 - the batch fails, the run goes on
        return _failed_batch(batch, exc)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


class ProcessPoolEngine:
    """Run one pipeline per worker process, with bounded in-flight batches."""

    def __init__(self, config: Config, workers: int, *, checked: bool = False) -> None:
        engine = section(config, "engine", EngineSettings)
        self.config = config
        self.workers = workers
        self.batch_size = engine.batch_size
        self.max_in_flight = engine.max_in_flight * workers
        self._checked = checked
        self._finished = True
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            main = threading.current_thread() is threading.main_thread()
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=mp.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.config, os.getpid(), main),
            )
            if not self._checked:
                self._check_while_workers_start()
        return self._pool

    def _check_while_workers_start(self) -> None:
        """Start every worker, then check the pipeline here while they build theirs: a
        bad configuration is still this process's coded error, raised before any batch,
        and the workers' start (seconds each) overlaps the check instead of following it."""
        assert self._pool is not None
        for _ in range(self.workers):
            self._pool.submit(_started)
        try:
            check_and_release(self.config)  # each worker loads its own model
        except BaseException:
            self._finished = False  # stop the starting workers, do not wait for them
            self.close()
            raise
        self._checked = True

    def run(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        pending: deque[tuple[Future[list[Outcome]], list[tuple[str, str]]]] = deque()
        self._finished = False
        for batch in _batches(docs, self.batch_size):
            ids = [(d.doc_id, d.source) for d in batch]
            pending.append((self._submit(batch), ids))
            while len(pending) >= self.max_in_flight:
                yield from _result(*pending.popleft())
        while pending:
            yield from _result(*pending.popleft())
        self._finished = True

    def _submit(self, batch: list[Document]) -> Future[list[Outcome]]:
        """Hand a batch to the pool; a pool a dead worker broke refuses it at once, before
        any pending result says so, and that is the same engine error (E704)."""
        try:
            return self._executor().submit(_run_batch, batch)
        except BrokenProcessPool as exc:
            raise Errors.E704.error(stage="engine") from exc

    def _stop_workers(self) -> None:
        """End the workers now: a run stopped early does not wait for their batches."""
        processes = getattr(self._pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()

    def close(self) -> None:
        if self._pool is not None:
            if not self._finished:
                self._stop_workers()
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
        if not head:
            return
        pipeline = check_pipeline(self.config)  # built here either way: errors come first
        if len(head) < self.threshold:
            warm_up(pipeline)
            self._engine = InProcessEngine(self.config, pipeline)
            yield from self._engine.run(head)
            return
        del pipeline
        _release_caches()
        self._engine = ProcessPoolEngine(self.config, self.workers, checked=True)
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
        raise Errors.E215_workers.error(value=value) from exc
    if workers < 1:
        raise Errors.E215_least.error(workers=workers)
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
