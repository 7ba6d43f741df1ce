"""Store access: reads through a pool of cursors at once, writes exclusive, and an answer
cache that is exact (a write starts a new generation) and bounded."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.serve.access import ReaderPool, StoreAccess
from eventwire.store import EventFilter, Store


def test_cached_answers_last_until_the_next_write(story_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(story_db.read_bytes())
    access = StoreAccess(db, cache_entries=2)
    calls: list[str] = []

    def count(store: Store) -> int:
        calls.append("q")
        return len(store.query_events(EventFilter(), limit=500).rows)

    try:
        first = access.cached("all", count)
        assert access.cached("all", count) == first and len(calls) == 1
        access._new_generation()
        assert access.cached("all", count) == first and len(calls) == 2
        for key in ("a", "b", "c"):  # the oldest entry leaves a full cache
            access.cached(key, count)
        access.cached("all", count)
        assert len(calls) == 6
    finally:
        access.close()


def test_concurrent_identical_reads_share_one_query(story_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(story_db.read_bytes())
    access = StoreAccess(db, cache_entries=8)
    calls: list[int] = []

    def query(store: Store) -> int:
        calls.append(1)
        return len(store.query_events(EventFilter(), limit=500).rows)

    try:
        threads = [threading.Thread(target=access.cached, args=("same", query))
                   for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert calls == [1]
    finally:
        access.close()


def test_without_cache_every_read_queries(story_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(story_db.read_bytes())
    access = StoreAccess(db, cache_entries=0)
    calls: list[int] = []
    try:
        for _ in range(3):
            access.cached("k", lambda s: calls.append(1))
        assert len(calls) == 3
    finally:
        access.close()


def test_reads_run_at_once_up_to_the_pool_size(story_db: Path, tmp_path: Path) -> None:
    """Three reads meet inside the store at the same time: none waits for another."""
    db = tmp_path / "copy.duckdb"
    db.write_bytes(story_db.read_bytes())
    access = StoreAccess(db, readers=3)
    meet = threading.Barrier(3, timeout=10)
    answers: list[int] = []

    def query(store: Store) -> int:
        meet.wait()  # broken (an error) unless three reads are inside together
        return len(store.query_events(EventFilter(), limit=500).rows)

    try:
        threads = [threading.Thread(target=lambda: answers.append(access.read(query)))
                   for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert len(answers) == 3 and len(set(answers)) == 1 and answers[0] > 0
    finally:
        access.close()


def test_a_write_waits_for_the_reads_and_holds_them_off(story_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(story_db.read_bytes())
    pool = ReaderPool(Store(db), 2)
    order: list[str] = []
    with pool.one():
        writer = threading.Thread(target=lambda: _exclusive(pool, order))
        writer.start()
        writer.join(0.3)
        assert writer.is_alive() and order == []  # the read in progress holds the write off
        order.append("read ends")
    writer.join(10)
    with pool.one():
        order.append("next read")
    assert order == ["read ends", "write", "next read"]
    pool.close()


def test_readers_are_lent_first_come_first_served(story_db: Path, tmp_path: Path) -> None:
    """A read that asks while others wait queues behind them, even when a reader is just
    given back: under load, no request waits for many turns while later ones pass it."""
    db = tmp_path / "copy.duckdb"
    db.write_bytes(story_db.read_bytes())
    pool = ReaderPool(Store(db), 1)
    order: list[str] = []

    def read(name: str) -> None:
        with pool.one():
            order.append(name)

    with pool.one():
        waiting = threading.Thread(target=read, args=("waiting",))
        waiting.start()
        for _ in range(100):
            if pool.waiting:
                break
            waiting.join(0.01)
        assert pool.waiting == 1
    read("later")  # asks at once after giving the reader back: still second
    waiting.join(10)
    assert order == ["waiting", "later"]
    pool.close()


def test_closing_the_pool_closes_its_readers(story_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(story_db.read_bytes())
    store = Store(db)
    pool = ReaderPool(store, 2)
    with pool.exclusive() as readers:
        pass
    pool.close()
    for reader in readers:
        with pytest.raises(duckdb.Error):
            reader.con.execute("SELECT 1")
    assert store.con.execute("SELECT 1").fetchall() == [(1,)]  # the writer's stays open
    store.close()


def _exclusive(pool: ReaderPool, order: list[str]) -> None:
    with pool.exclusive():
        order.append("write")


def test_readers_cannot_write(story_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(story_db.read_bytes())
    access = StoreAccess(db, readers=2)
    try:
        with pytest.raises(StoreError) as err:
            access.read(lambda s: s.add_records([]))
        assert err.value.code == "E408"
    finally:
        access.close()


def test_an_answer_asked_before_a_write_is_not_kept(story_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(story_db.read_bytes())
    access = StoreAccess(db, cache_entries=8, readers=2)
    calls: list[int] = []

    def query(store: Store) -> int:
        calls.append(1)
        access._new_generation()  # a write ends while this answer is computed
        return len(calls)

    try:
        assert access.cached("k", query) == 1
        assert access.peek("k") == (False, None) and not access._cache  # kept nowhere
    finally:
        access.close()
