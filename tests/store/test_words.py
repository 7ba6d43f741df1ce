"""The word index of event sentences: written with the events, built by migration, kept
ordered by word, and answering the ``text`` filter exactly as a scan of the sentences
does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.store import SCHEMA_VERSION, EventFilter, Store, words
from eventwire.store.query import read_page

from .factory import event, record

#: Invented sentences: case, punctuation, words inside words, tabs and other spacing.
_STORIES = {
    "s1": ("Riot police dispersed PROTESTERS near the border.",
           "Officials\tcalled for talks."),
    "s2": ("The U.S. envoy held talks with rebels.",
           "Refugees crossed the border at dawn."),
    "s3": ("A court in the capital jailed two protest leaders.",
           "Ministers met  for border talks, officials said."),
}

#: Filter words and word pairs whose answers the tests compare with a scan.
_QUERIES = ["talks", "Talks", "protest", "PROTESTERS", "u.s.", "talks,", "order", "s",
            "officials\u00a0", "border talks", "talks border", "police talks", "xyzzy", "ta"]


def _story(doc_id: str, first: str, second: str, date: str) -> dict[str, Any]:
    rec = record(doc_id, [event(1, date=date), event(2, sentence=1, date=date)], date=date)
    rec["text"] = f"{first} {second}"
    rec["sentences"] = [{"start": 0, "end": len(first)},
                        {"start": len(first) + 1, "end": len(first) + 1 + len(second)}]
    for ev in rec["events"]:
        span = rec["sentences"][ev["sentence_index"]]
        ev["start"], ev["end"] = span["start"], span["end"]
        ev["trigger_start"], ev["trigger_end"] = span["start"], span["start"] + 1
    return rec


def _stories() -> list[dict[str, Any]]:
    return [_story(doc_id, *sentences, date=f"2003-0{i}-1{i}")
            for i, (doc_id, sentences) in enumerate(_STORIES.items(), 1)]


def _scan(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """The events a full scan of the sentences keeps, newest first (the reference)."""
    where = " AND ".join(["contains(lower(sentence), ?)"] * len(text.split()))
    rows = con.execute(f"SELECT event_id FROM events WHERE {where} ORDER BY order_key DESC",
                       [w.lower() for w in text.split()]).fetchall()
    return [r[0] for r in rows]


def _answers(store: Store, text: str, **others: Any) -> tuple[list[str], int | None]:
    """The ids the store gives for ``text`` (every page, two at a time) and its total."""
    filters = EventFilter(text=text, **others)
    ids: list[str] = []
    cursor = None
    while True:
        page = read_page(store.con, filters, 2, cursor, total=True)
        ids += [r["event_id"] for r in page.rows]
        if page.next_cursor is None:
            return ids, page.total
        cursor = page.next_cursor


def _check_all(store: Store) -> None:
    for text in _QUERIES:
        expected = _scan(store.con, text)
        assert _answers(store, text) == (expected, len(expected)), text
        # the same words together with another filter go through the events table
        assert _answers(store, text, source="CHN")[0] == expected, text


def test_new_events_are_indexed_in_the_same_write(db_path: Path) -> None:
    with Store(db_path) as st:
        st.add_records(_stories())
        words = {w for (w,) in st.con.execute("SELECT word FROM words").fetchall()}
        assert {"protesters", "u.s.", "talks,", "talks.", "officials"} <= words
        assert "" not in words and not any(" " in w or "\t" in w for w in words)
        assert st.con.execute("SELECT count(DISTINCT order_key) FROM event_words"
                              ).fetchone() == (6,)
        _check_all(st)


def test_text_filter_matches_a_scan_across_writes(db_path: Path) -> None:
    stories = _stories()
    with Store(db_path) as st:
        for rec in stories:  # one write per story: new words get new ids each time
            st.add_records([rec])
        _check_all(st)
        ids = st.con.execute("SELECT word_id FROM words").fetchall()
        assert len(ids) == len(set(ids))


def test_a_skipped_duplicate_adds_nothing_to_the_index(db_path: Path) -> None:
    with Store(db_path) as st:
        st.add_records(_stories())
        before = st.con.execute("SELECT count(*) FROM event_words").fetchone()
        stats = st.add_records(_stories())
        assert stats.skipped == 3
        assert st.con.execute("SELECT count(*) FROM event_words").fetchone() == before
        st.rebuild_clusters()
        _check_all(st)


def test_a_store_of_schema_4_gets_the_index_by_migration(db_path: Path) -> None:
    with Store(db_path) as st:
        st.add_records(_stories())
    con = duckdb.connect(str(db_path))
    con.execute("DROP TABLE event_words")
    con.execute("DROP TABLE words")
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(Exception, match="E405"):
        Store(db_path, read_only=True)
    with Store(db_path) as st:
        assert st.version == SCHEMA_VERSION
        _check_all(st)
        st.add_records([_story("s4", "Talks resumed.", "Police left.", "2004-01-01")])
        _check_all(st)


def _in_word_order(con: duckdb.DuckDBPyConnection) -> bool:
    rows = con.execute("SELECT word_id, order_key FROM event_words ORDER BY rowid").fetchall()
    return rows == sorted(rows)


def test_postings_are_ordered_by_word_again_once_enough_are_appended(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Appended postings are ordered again once they are a tenth of the index, and the
    text filter answers as a scan before and after."""
    monkeypatch.setattr(words, "_UNSORTED_MIN", 0)
    stories = _stories()
    with Store(db_path) as st:
        st.add_records(stories[:1])
        assert _in_word_order(st.con)
        sorted_rows = st.con.execute("SELECT value FROM meta WHERE key = 'words_sorted'"
                                     ).fetchone()
        assert sorted_rows == st.con.execute("SELECT count(*)::VARCHAR FROM event_words"
                                             ).fetchone()
        monkeypatch.setattr(words, "_UNSORTED_MIN", 10_000)
        st.add_records(stories[1:])  # under the minimum: appended as they come
        assert not _in_word_order(st.con)
        _check_all(st)
        monkeypatch.setattr(words, "_UNSORTED_MIN", 0)
        st.add_records([_story("s4", "Talks resumed.", "Police left.", "2004-01-01")])
        assert _in_word_order(st.con)
        _check_all(st)


def test_a_store_of_schema_5_gets_its_postings_ordered_by_migration(db_path: Path) -> None:
    with Store(db_path) as st:
        st.add_records(_stories())
        assert not _in_word_order(st.con)  # a small store is not ordered as it grows
    con = duckdb.connect(str(db_path))
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()
    with Store(db_path) as st:
        assert st.version == SCHEMA_VERSION and _in_word_order(st.con)
        _check_all(st)
