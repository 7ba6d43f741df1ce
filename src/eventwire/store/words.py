"""The word index of event sentences, which answers the ``text`` filter without reading
every sentence.

``text`` keeps an event when each of its words occurs in the lower-cased sentence, as a
substring (``protest`` finds "protesters"). Scanning a million sentences for that costs
about 150 ms of CPU per query, so the store keeps, for every event, the distinct
whitespace-separated tokens of its lower-cased sentence (``event_words``), numbered in a
vocabulary (``words``). A filter word contains no whitespace (the filter splits on it), so
it is a substring of the sentence exactly when it is a substring of one of its tokens:
the vocabulary, far smaller than the sentences, is searched instead, and gives the events
through their ``order_key``. The answer is the same as the scan's.

The index is written in the same transaction as the events (:func:`add_words`), and a
store of an older schema gets it when it is migrated (:func:`build_words`).

The postings are kept ordered by word (:func:`sort_words`): a word's events are then a few
row groups that DuckDB's zone maps find, instead of a scan of all ten million postings
(a common word: 42 ms of CPU down to 12 ms). Postings of new events are appended in
ingestion order; once they are a tenth of the index, the whole index is ordered again,
within the same transaction (about 2 s for ten million postings, so a few ms per batch
on average).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from eventwire.store.bulk import run

__all__ = ["word_statements", "add_words", "build_words", "sort_words", "text_clause",
           "matches_sql"]

#: Tokens are the runs between ASCII whitespace (RE2's ``\s``: space, tab, CR, LF, FF),
#: all of which Python's ``str.split`` also splits the filter's words on; DuckDB's
#: ``lower`` is the one the scan used.
_TOKENS = r"regexp_split_to_array(lower({sentence}), '\s+')"


def word_statements() -> list[str]:
    """DDL of the index (idempotent)."""
    return [
        "CREATE TABLE IF NOT EXISTS words (word_id INTEGER, word VARCHAR)",
        "CREATE TABLE IF NOT EXISTS event_words (word_id INTEGER, order_key BIGINT)",
    ]


def _index(con: duckdb.DuckDBPyConnection, pairs: str, params: Sequence[Any]) -> None:
    """Index the events of ``pairs`` (a query of ``order_key, sentence``): new tokens
    join the vocabulary, then one row per distinct token of each event."""
    tokens = (f"SELECT DISTINCT t.order_key, t.word FROM (SELECT p.order_key, "
              f"unnest({_TOKENS.format(sentence='p.sentence')}) AS word FROM ({pairs}) p) t "
              "WHERE t.word <> ''")
    run(con, f"CREATE OR REPLACE TEMP TABLE new_words AS {tokens}", list(params))
    run(con, """
        INSERT INTO words
        SELECT (SELECT coalesce(max(word_id), 0) FROM words)
               + row_number() OVER (ORDER BY n.word), n.word
        FROM (SELECT DISTINCT word FROM new_words) n
        ANTI JOIN words w ON w.word = n.word
    """)
    run(con, """
        INSERT INTO event_words
        SELECT w.word_id, n.order_key FROM new_words n JOIN words w ON w.word = n.word
    """)
    run(con, "DROP TABLE new_words")


#: Postings appended in ingestion order, beyond which the index is ordered again: a share
#: of all postings, and at least so many (a small store is read whole in no time).
_UNSORTED_SHARE = 0.1
_UNSORTED_MIN = 200_000
_COUNT = "SELECT count(*) FROM event_words"


def add_words(con: duckdb.DuckDBPyConnection, events: Sequence[dict[str, Any]]) -> None:
    """Index newly stored events (rows with ``order_key`` and ``sentence``)."""
    rows = [(e["order_key"], e["sentence"]) for e in events if e.get("sentence")]
    if not rows:
        return
    pairs = "SELECT unnest(?::BIGINT[]) AS order_key, unnest(?::VARCHAR[]) AS sentence"
    _index(con, pairs, [[k for k, _ in rows], [s for _, s in rows]])
    [(total, ordered)] = con.execute(  # drained: the connection is free for the next
        f"SELECT ({_COUNT}), coalesce((SELECT value::BIGINT FROM meta "
        "WHERE key = 'words_sorted'), 0)").fetchall()
    if total - ordered > max(_UNSORTED_MIN, _UNSORTED_SHARE * total):
        sort_words(con)


def sort_words(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the postings ordered by word, and remember how many are in order.

    Why a new table and not an ``ORDER BY`` on insert: zone maps hold per row group, and
    a row group of appended postings spans every word; only one rewrite orders them all.
    """
    run(con, "CREATE TABLE event_words_sorted AS "
             "SELECT word_id, order_key FROM event_words ORDER BY word_id, order_key")
    run(con, "DROP TABLE event_words")
    run(con, "ALTER TABLE event_words_sorted RENAME TO event_words")
    run(con, f"INSERT OR REPLACE INTO meta VALUES ('words_sorted', ({_COUNT})::VARCHAR)")


def build_words(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the whole index from the stored events (the schema 5 migration)."""
    run(con, "SET enable_progress_bar = false")  # a migration prints its own messages
    for stmt in word_statements():
        run(con, stmt)
    run(con, "DELETE FROM event_words")
    run(con, "DELETE FROM words")
    _index(con, "SELECT order_key, sentence FROM events WHERE sentence IS NOT NULL", [])
    sort_words(con)


_POSTINGS = ("SELECT ew.order_key FROM event_words ew WHERE ew.word_id IN "
             "(SELECT w.word_id FROM words w WHERE contains(w.word, ?))")


def matches_sql(words: int) -> str:
    """A query of the distinct ``order_key`` of the events whose sentence contains each
    of ``words`` words (one parameter each), from the index alone.

    Why: when words are the only filter, the events table need not be read at all; its
    semi-join costs more than the index lookup itself.
    """
    if words == 1:
        return f"SELECT DISTINCT order_key FROM ({_POSTINGS})"
    return " INTERSECT ".join([_POSTINGS] * words)


def text_clause() -> str:
    """The condition (on alias ``e``, one parameter: the lower-cased word) that keeps the
    events whose sentence contains the word."""
    return f"e.order_key IN ({_POSTINGS})"
