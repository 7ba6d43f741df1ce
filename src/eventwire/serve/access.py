"""The server's way into the store: shared reads, one writer, a lazily built pipeline.

DuckDB allows one writing process per file, and a connection is not meant to be driven by
several threads at once. The server therefore keeps one :class:`~eventwire.store.Store`
and lets one thread use it at a time (reads are short); writes are serialised by their own
lock so that coding a document with the NLP pipeline (slow) never blocks the readers, only
the moment its rows are added.

Every write has a time budget (``serve.max_coding_seconds``), waiting for the writer
included: a client is answered within it, never kept waiting behind a long queue of
posts. Coding is checked after each document, and a write past its budget stores nothing.

A DuckDB failure while answering (a damaged file) becomes a :class:`StoreError`, which the
server answers with 503 and the error's code, never with a traceback.

Answers to reads are kept in a small LRU cache. While the server runs it is the only
writer of the file (DuckDB locks it), so the cache is exact: every write starts a new
generation and older answers are never served again. Concurrent identical requests wait
for the first one and share its answer instead of each scanning a million rows.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from eventwire.api import check_dct, load_pipeline
from eventwire.config import Config
from eventwire.engines.base import Outcome, process_batch
from eventwire.errors import StoreError
from eventwire.ingest.readers import content_id
from eventwire.model import Document
from eventwire.pipeline import Pipeline
from eventwire.serve.errors import ApiError
from eventwire.store import Store

__all__ = ["StoreAccess", "NewDocument"]

T = TypeVar("T")


class NewDocument:
    """A text posted to the API, with what the client knows about it."""

    def __init__(
        self, text: str, *, doc_id: str | None = None, title: str | None = None,
        date: str | None = None,
    ) -> None:
        self.text = text
        self.doc_id = doc_id or content_id(text)
        self.title = title
        self.date = check_dct(date)

    def to_document(self) -> Document:
        doc = Document(doc_id=self.doc_id, source="api", raw=self.text, fmt="text")
        doc.title = self.title
        doc.dct = self.date
        return doc


class StoreAccess:
    """Reads and writes of one store, safe to call from the server's worker threads."""

    def __init__(
        self, db_path: str | Path, config: Config | None = None,
        pipeline: Pipeline | None = None, *, cache_entries: int = 0,
    ) -> None:
        self.db_path = Path(db_path)
        self._cache: OrderedDict[tuple[int, Hashable], Any] = OrderedDict()
        self._cache_entries = cache_entries
        self._cache_lock = threading.Lock()
        self._generation = 0
        self._config = config
        self._store = Store(self.db_path, config=config)
        self._store_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._pipeline = pipeline
        self._pipeline_lock = threading.Lock()

    def read(self, fn: Callable[[Store], T]) -> T:
        """Run ``fn`` with the store, one thread at a time."""
        with self._store_lock:
            return _guarded(fn, self._store)

    def cached(self, key: Hashable, fn: Callable[[Store], T]) -> T:
        """``read(fn)``, answered from the cache when the same ``key`` was asked since the
        last write. ``fn``'s answer must not be changed by the caller."""
        if self._cache_entries <= 0:
            return self.read(fn)
        found, value = self._lookup(key)
        if found:
            return value  # type: ignore[no-any-return]
        with self._store_lock:
            found, value = self._lookup(key)  # answered while this thread waited
            if not found:
                generation = self._generation
                value = _guarded(fn, self._store)
                self._remember((generation, key), value)
        return value  # type: ignore[no-any-return]

    def peek(self, key: Hashable) -> tuple[bool, Any]:
        """(True, answer) when ``key`` is cached for the current generation; never waits
        for the store, so the event loop may call it."""
        if self._cache_entries <= 0:
            return False, None
        return self._lookup(key)

    def _lookup(self, key: Hashable) -> tuple[bool, Any]:
        with self._cache_lock:
            full = (self._generation, key)
            if full in self._cache:
                self._cache.move_to_end(full)
                return True, self._cache[full]
        return False, None

    def _remember(self, key: tuple[int, Hashable], value: Any) -> None:
        with self._cache_lock:
            self._cache[key] = value
            while len(self._cache) > self._cache_entries:
                self._cache.popitem(last=False)

    def _new_generation(self) -> None:
        with self._cache_lock:
            self._generation += 1
            self._cache.clear()

    def pipeline(self) -> Pipeline:
        """The NLP pipeline, built on first use (loading spaCy takes seconds)."""
        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = load_pipeline(self._config)
            return self._pipeline

    def add_documents(
        self, docs: list[NewDocument], *, seconds: float
    ) -> tuple[list[Outcome], Any]:
        """Code ``docs`` and store the records that coded, one writer at a time, within
        ``seconds`` (waiting for the writer included) or not at all (E618)."""
        started = time.monotonic()
        if not self._write_lock.acquire(timeout=seconds):
            raise _over_budget(seconds, "another write held the store for the whole budget")
        try:
            waited = time.monotonic() - started
            pipeline = self.pipeline()  # built on the first write; loading is not coding
            deadline = time.monotonic() + seconds - waited
            outcomes = _code_within(pipeline, docs, deadline, seconds)
            records = [o.record for o in outcomes if o.record is not None]
            with self._store_lock:  # no read sees the new rows under the old generation
                stats = _guarded(lambda s: s.add_records(records), self._store) \
                    if records else None
                self._new_generation()
        finally:
            self._write_lock.release()
        return outcomes, _plain(stats)

    def close(self) -> None:
        with self._store_lock:
            self._store.close()


def _code_within(
    pipeline: Pipeline, docs: list[NewDocument], deadline: float, seconds: float
) -> list[Outcome]:
    """Outcomes of ``docs`` coded one by one (each in its own memory zone, so the server's
    memory stays flat), or E618 as soon as the budget is spent."""
    outcomes: list[Outcome] = []
    for doc in docs:
        outcomes += process_batch(pipeline, [doc.to_document()])
        if time.monotonic() > deadline:
            raise _over_budget(seconds, f"{len(outcomes)} of {len(docs)} document(s) coded")
    return outcomes


def _over_budget(seconds: float, what: str) -> ApiError:
    return ApiError(503, f"the write did not finish within {seconds:g} s: {what}; "
                    "nothing was stored", code="E618",
                    detail={"max_coding_seconds": seconds,
                            "hint": "send fewer or shorter documents per request, retry "
                                    "later, or raise serve.max_coding_seconds"})


def _guarded(fn: Callable[[Store], T], store: Store) -> T:
    """``fn(store)``, with a failure of DuckDB itself turned into a coded StoreError."""
    try:
        return fn(store)
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
        raise StoreError(
            f"the store failed to answer: {first}", code="E400", stage="serve",
            hint="if the file is damaged, stop the server, then restore the file from a "
                 "copy or code the documents again into a new store with eventwire ingest "
                 "--db NEW.duckdb FILES") from exc


def _plain(stats: Any) -> Any:
    """Ingest statistics as JSON-ready data, whatever their class."""
    if stats is None or isinstance(stats, dict | int | str):
        return stats
    if is_dataclass(stats) and not isinstance(stats, type):
        return asdict(stats)
    return str(stats)
