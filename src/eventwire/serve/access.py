"""The server's way into the store: pooled reads, one writer, a lazily built pipeline.

DuckDB runs several queries of one database at once, but a connection must not be driven
by several threads at the same time: each thread needs a cursor of its own (DuckDB's
"multiple Python threads" guide). The server therefore keeps one
:class:`~eventwire.store.Store` for writes and a pool of ``serve.readers`` read-only
copies of it over cursors of the same database; a read borrows one for the time of its
query. Why a fixed pool and not a cursor per request: opening a cursor costs more than a
small query, and a bound on concurrent queries keeps a burst of requests from
multiplying DuckDB's memory. Readers are lent first come, first served, each handed to the
longest waiting read: with a plain queue a read that arrives just as a reader is given back
takes it before those already waiting, and under 20 concurrent clients some requests
waited many turns (p99 345 ms against 188 ms first come, first served, at the same
throughput; see ``docs/serve.md``).

Writes are exclusive: a write takes every reader out of the pool (waiting for the reads
in progress), adds its rows, starts a new cache generation and gives the readers back.
Coding a document with the NLP pipeline (slow) happens before, under the writer's own
lock, so it never blocks the readers, only the moment its rows are added.

Every write has a time budget (``serve.max_coding_seconds``), waiting for the writer
included: a client is answered within it, never kept waiting behind a long queue of
posts. Coding is checked after each document, and a write past its budget stores nothing.

A DuckDB failure while answering (a damaged file) becomes a :class:`StoreError`, which the
server answers with 503 and the error's code, never with a traceback.

Answers to reads are kept in a small LRU cache. While the server runs it is the only
writer of the file (DuckDB locks it), so the cache is exact: every write starts a new
generation, older answers are never served again, and an answer computed across a write
is not kept. Concurrent identical requests wait for the first one and share its answer
instead of each scanning a million rows.
"""

from __future__ import annotations

import collections
import copy
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from eventwire.app import check_dct, code_batch, load_pipeline, text_document
from eventwire.config import Config
from eventwire.errors import Errors
from eventwire.ingest.readers import content_id
from eventwire.model import Document, Outcome
from eventwire.pipeline import Pipeline
from eventwire.serve.errors import ApiError
from eventwire.store import Store

__all__ = ["StoreAccess", "NewDocument", "ReaderPool"]

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
        return text_document(self.text, source="api", doc_id=self.doc_id, title=self.title,
                             dct=self.date)


class ReaderPool:
    """``size`` read-only stores over cursors of one connection, each lent to one thread
    at a time, first come first served; :meth:`exclusive` takes them all, so nothing
    reads while a write runs."""

    def __init__(self, store: Store, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._free: list[Store] = [_reader(store) for _ in range(size)]
        self._waiting: collections.deque[_Handoff] = collections.deque()

    @property
    def waiting(self) -> int:
        """How many reads wait for a reader."""
        with self._lock:
            return len(self._waiting)

    def _get(self) -> Store:
        with self._lock:
            if self._free and not self._waiting:
                return self._free.pop()
            handoff = _Handoff()
            self._waiting.append(handoff)
        handoff.ready.wait()
        assert handoff.reader is not None
        return handoff.reader

    def _put(self, reader: Store) -> None:
        with self._lock:
            if self._waiting:
                handoff = self._waiting.popleft()
                handoff.reader = reader
                handoff.ready.set()
            else:
                self._free.append(reader)

    @contextmanager
    def one(self) -> Iterator[Store]:
        """A reader for one query; waits while all are lent."""
        reader = self._get()
        try:
            yield reader
        finally:
            self._put(reader)

    @contextmanager
    def exclusive(self) -> Iterator[list[Store]]:
        """Every reader at once (the reads in progress end first). Only the writer, one
        at a time, may ask: two callers each holding part of the pool would wait forever."""
        held = [self._get() for _ in range(self.size)]
        try:
            yield held
        finally:
            for reader in held:
                self._put(reader)

    def close(self) -> None:
        """Close every reader once the reads in progress end."""
        with self.exclusive() as readers:
            for reader in readers:
                reader.close()


class _Handoff:
    """A thread waiting for a reader, and the reader handed to it."""

    def __init__(self) -> None:
        self.ready = threading.Event()
        self.reader: Store | None = None


def _reader(store: Store) -> Store:
    """A read-only copy of ``store`` over a cursor of its connection.

    Why a copy and not a new ``Store``: opening one checks and migrates the file, which the
    writer's store has done; a cursor is a connection of the same database, so it sees
    every committed write, and ``read_only`` makes a write through it an error (E408).
    """
    reader = copy.copy(store)
    reader.con = store.con.cursor()
    reader.read_only = True
    return reader


class StoreAccess:
    """Reads and writes of one store, safe to call from the server's worker threads."""

    def __init__(
        self, db_path: str | Path, config: Config | None = None,
        pipeline: Pipeline | None = None, *, cache_entries: int = 0, readers: int = 4,
    ) -> None:
        self.db_path = Path(db_path)
        self._cache: OrderedDict[tuple[int, Hashable], Any] = OrderedDict()
        self._cache_entries = cache_entries
        self._cache_lock = threading.Lock()
        self._pending: dict[tuple[int, Hashable], threading.Event] = {}
        self._generation = 0
        self._config = config
        self._store = Store(self.db_path, config=config)
        self._readers = ReaderPool(self._store, max(1, readers))
        self._write_lock = threading.Lock()
        self._pipeline = pipeline
        self._pipeline_lock = threading.Lock()

    def read(self, fn: Callable[[Store], T]) -> T:
        """Run ``fn`` with a reader of the pool (up to ``readers`` at once)."""
        with self._readers.one() as store:
            return _guarded(fn, store)

    def cached(self, key: Hashable, fn: Callable[[Store], T]) -> T:
        """``read(fn)``, answered from the cache when the same ``key`` was asked since the
        last write. ``fn``'s answer must not be changed by the caller."""
        if self._cache_entries <= 0:
            return self.read(fn)
        while True:
            found, value = self._lookup(key)
            if found:
                return value  # type: ignore[no-any-return]
            full, first = self._claim(key)
            if first is None:
                break
            first.wait()  # the same question is being answered: share its answer
        try:
            value = self.read(fn)
            self._remember(full, value)
        finally:
            with self._cache_lock:
                self._pending.pop(full).set()
        return value

    def _claim(self, key: Hashable) -> tuple[tuple[int, Hashable], threading.Event | None]:
        """(generation, key) and the event of a thread already answering it, or None when
        this thread is now the one to answer."""
        with self._cache_lock:
            full = (self._generation, key)
            first = self._pending.get(full)
            if first is None:
                self._pending[full] = threading.Event()
            return full, first

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
        """Keep an answer, unless a write started a new generation since it was asked."""
        with self._cache_lock:
            if key[0] != self._generation:
                return
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
            with self._readers.exclusive():  # no read sees the new rows under the old generation
                stats = _guarded(lambda s: s.add_records(records), self._store) \
                    if records else None
                self._new_generation()
        finally:
            self._write_lock.release()
        return outcomes, _plain(stats)

    def close(self) -> None:
        self._readers.close()
        self._store.close()


def _code_within(
    pipeline: Pipeline, docs: list[NewDocument], deadline: float, seconds: float
) -> list[Outcome]:
    """Outcomes of ``docs`` coded one by one (each in its own memory zone, so the server's
    memory stays flat), or E618 as soon as the budget is spent."""
    outcomes: list[Outcome] = []
    for doc in docs:
        outcomes += code_batch(pipeline, [doc.to_document()])
        if time.monotonic() > deadline:
            raise _over_budget(seconds, f"{len(outcomes)} of {len(docs)} document(s) coded")
    return outcomes


def _over_budget(seconds: float, what: str) -> ApiError:
    return Errors.E618.error(seconds=seconds, what=what, detail={"max_coding_seconds": seconds})


def _guarded(fn: Callable[[Store], T], store: Store) -> T:
    """``fn(store)``, with a failure of DuckDB itself turned into a coded StoreError."""
    try:
        return fn(store)
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
        raise Errors.E400.error(reason=first, stage="serve") from exc


def _plain(stats: Any) -> Any:
    """Ingest statistics as JSON-ready data, whatever their class."""
    if stats is None or isinstance(stats, dict | int | str):
        return stats
    if is_dataclass(stats) and not isinstance(stats, type):
        return asdict(stats)
    return str(stats)
