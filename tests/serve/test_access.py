"""Store access: the answer cache is exact (a write starts a new generation) and bounded."""

from __future__ import annotations

import threading
from pathlib import Path

from eventwire.serve.access import StoreAccess
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
