"""Pages of events: every plan of ``read_page`` (words from the index, one scan for the
total and the keys, a top-N and a count) gives the rows, order, cursors and totals of a
plain query that joins the clusters, and rows read from their JSON (``event_json``) are
the rows of the events table, value for value."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.api import make_config
from eventwire.store import SCHEMA_VERSION, EventFilter, Store
from eventwire.store.filters import where_sql
from eventwire.store.records import jsonable

from .factory import event, record

_SOURCES = ["CHNCOP", "USAGOV", "RUSMIL", "CHNGOV"]
_PLACES = [(39.9, 116.4), (38.9, -77.0), (55.75, 37.6), None]


def _records() -> list[dict[str, Any]]:
    """Eleven stories of two or three events each, on varied days, codes and places;
    stories 5 and 9 repeat story 1's event, so their clusters have several mentions."""
    out = []
    for i in range(11):
        day = f"2005-{i % 12 + 1:02d}-{i % 27 + 1:02d}"
        events = [event(j + 1, source=_SOURCES[(i + j) % 4], date=day if j else None,
                         cameo=["173", "042", "112"][j], place=_PLACES[(i + j) % 4],
                         sentence=j % 2)
                  for j in range(2 + i % 2)]
        if i in (5, 9):
            events[0] = event(1, date="2005-01-01")
        out.append(record(f"p{i:02d}", events, date=day))
    return out


_REFERENCE = """
SELECT e.*, c.global_id, c.num_mentions, c.num_sources, c.num_articles
FROM events e LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id
WHERE {where} ORDER BY e.order_key DESC
"""


def _reference(store: Store, filters: EventFilter) -> list[dict[str, Any]]:
    where, params = where_sql(filters)
    cur = store.con.execute(_REFERENCE.format(where=where), params)
    names = [d[0] for d in cur.description or []]
    return [jsonable(dict(zip(names, r, strict=True))) for r in cur.fetchall()]


@pytest.mark.parametrize("options", [
    {}, {"source": "CHN"}, {"text": "police"}, {"text": "Protesters arrested"},
    {"text": "police", "quad": "4"}, {"near": "39.9,116.4,50"}, {"quad": "4"},
    {"since": "2005-06"}, {"dyad": "USA,PRK"}, {"cameo": "04", "source": "RUS"},
    {"text": "nowhere"}, {"since": "2006", "until": "2005"},
    {"text": "police", "since": "2005-06"}, {"text": "police", "until": "2005-06-15"},
    {"text": "Protesters", "since": "2005-03", "until": "2005-08"},
    {"text": "police", "since": "2005-04-04"},
])
def test_every_page_is_the_plain_query_cut_in_pieces(db_path: Path,
                                                     options: dict[str, Any]) -> None:
    with Store(db_path) as st:
        st.add_records(_records())
        filters = EventFilter(**options)
        expected = _reference(st, filters)
        rows: list[dict[str, Any]] = []
        cursor = None
        for _ in range(len(expected) + 1):
            page = st.query_events(filters, limit=3, cursor=cursor, total=True)
            assert page.total == len(expected)
            rows += page.rows
            cursor = page.next_cursor
            if cursor is None:
                break
        assert rows == expected
        assert st.query_events(filters, limit=3).total is None


def _pages(store: Store, filters: EventFilter) -> list[dict[str, Any]]:
    """Every page of ``filters``, three rows at a time, joined."""
    rows: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = store.query_events(filters, limit=3, cursor=cursor, total=True)
        rows += page.rows
        if page.next_cursor is None:
            return rows
        cursor = page.next_cursor


def _as_sent(rows: list[dict[str, Any]]) -> str:
    """The rows as the API renders them (NaN included, which ``==`` cannot compare)."""
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"), default=str)


def _odd_record() -> dict[str, Any]:
    """Values whose JSON could differ from the stored row: floats without a short form,
    NaN, negative zero, large integers, old dates, quotes, escapes and other scripts."""
    first, second = event(1, date="0999-03-04"), event(2, date="2005-02-03", sentence=1)
    first.update(goldstein=0.1 + 0.2, confidence=1 / 3, trigger='"so-called" \\ \u2028')
    first["size"]["people"] = 2 ** 62
    first["source"]["text"] = "Ministère d\u2019État 警察 \U0001f600\n\t"
    second.update(goldstein=float("nan"), location={"name": "Null Island", "country": None,
                                                     "lat": -0.0, "lon": 1e-300,
                                                     "geonameid": None})
    second["plover"]["context"] = []
    return record("odd", [first, second])


def test_page_values_are_the_stored_values_exactly(db_path: Path) -> None:
    with Store(db_path) as st:
        st.add_records([_odd_record(), *_records()])
        assert _as_sent(_pages(st, EventFilter())) == _as_sent(_reference(st, EventFilter()))


def test_events_without_their_json_are_read_from_their_rows(db_path: Path) -> None:
    """A page never comes back short: an event whose JSON is missing, or has another
    number of values than the table has columns, is read from the events table."""
    with Store(db_path) as st:
        st.add_records(_records())
        expected = _reference(st, EventFilter())
        st.con.execute("DELETE FROM event_json WHERE order_key = ?", [expected[0]["order_key"]])
        st.con.execute("UPDATE event_json SET value = '[1, 2]' WHERE order_key = ?",
                       [expected[4]["order_key"]])
        assert _pages(st, EventFilter()) == expected


def test_pages_follow_clusters_recomputed_in_place(db_path: Path) -> None:
    """Recomputing the clusters rewrites the events' ``cluster_id``; their JSON follows."""
    with Store(db_path) as st:
        st.add_records(_records())
    with Store(db_path, config=make_config(overrides=["store.dedup.enabled=false"])) as st:
        before = st.con.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchone()
        st.rebuild_clusters()
        after = st.con.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchone()
        assert before != after
        assert _pages(st, EventFilter()) == _reference(st, EventFilter())


def test_pages_follow_clusters_that_grow_in_a_later_batch(db_path: Path) -> None:
    """An event's JSON carries its cluster's counts: when a later batch adds a mention to
    the cluster, the stored event's page shows the new counts."""
    with Store(db_path) as st:
        st.add_records(_records()[:6])  # story 5's first event: a cluster of one
        assert max(r["num_mentions"] for r in _pages(st, EventFilter())) == 1
        st.add_records([record("again", [event(1, date="2005-01-01")], date="2005-01-01")])
        pages = _pages(st, EventFilter())
        assert pages == _reference(st, EventFilter())
        grown = {r["doc_id"] for r in pages if r["num_mentions"] == 2}
        assert grown == {"p05", "again"}


def test_a_store_of_schema_6_gets_cluster_counts_in_its_json(db_path: Path) -> None:
    with Store(db_path) as st:
        st.add_records(_records())
        names = [d[0] for d in st.con.execute("SELECT * FROM events LIMIT 0").description]
    con = duckdb.connect(str(db_path))
    values = ", ".join(f'"{name}"' for name in names)
    con.execute("DELETE FROM event_json")
    con.execute(f"INSERT INTO event_json SELECT order_key, json_array({values})::VARCHAR "
                "FROM events")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    con.close()
    with Store(db_path) as st:
        assert st.version == SCHEMA_VERSION
        lengths = st.con.execute("SELECT DISTINCT json_array_length(value) "
                                 "FROM event_json").fetchall()
        assert lengths == [(len(names) + 4,)]
        assert _pages(st, EventFilter()) == _reference(st, EventFilter())


def test_a_store_of_schema_5_gets_the_json_by_migration(db_path: Path) -> None:
    with Store(db_path) as st:
        st.add_records(_records())
    con = duckdb.connect(str(db_path))
    con.execute("DROP TABLE event_json")
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()
    with Store(db_path) as st:
        assert st.version == SCHEMA_VERSION
        assert st.con.execute("SELECT count(*) FROM event_json").fetchone() == (
            st.con.execute("SELECT count(*) FROM events").fetchone())
        st.add_records([_odd_record()])
        assert _as_sent(_pages(st, EventFilter())) == _as_sent(_reference(st, EventFilter()))


@pytest.mark.parametrize("options", [
    {"text": "police", "until": "2005-06"}, {"text": "police", "since": "0001-01-01"},
    {"text": "police", "since": "0001-01-01", "until": "0001-01-01"},
    {"text": "police", "since": "0001-01-02"},
])
def test_words_with_dates_keep_events_of_the_first_day_and_leave_undated_ones(
        db_path: Path, options: dict[str, Any]) -> None:
    """Words with dates are a range of ``order_key``, whose day 0 holds both the undated
    events and those dated 0001-01-01: the dated ones match a date filter, the others not."""
    first_day = record("p-first", [event(1, date="0001-01-01"), event(2, date=None)],
                       date="0001-01-01")
    with Store(db_path) as st:
        st.add_records([*_records(), first_day])
        filters = EventFilter(**options)
        assert _pages(st, filters) == _reference(st, filters)
