"""Pages of events: every plan of ``read_page`` (words from the index, one scan for the
total and the keys, a top-N and a count) gives the rows, order, cursors and totals of a
plain query that joins the clusters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.store import EventFilter, Store
from eventwire.store.filters import where_sql
from eventwire.store.query import _rows
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


def test_rows_moved_since_their_keys_were_read_are_found_by_event_id(db_path: Path) -> None:
    """Row ids change when an update of an indexed column rewrites a row; a page whose
    row ids went stale is read again through the event ids, not returned short."""
    with Store(db_path) as st:
        st.add_records(_records())
        expected = _reference(st, EventFilter())[:3]
        keys = [r["order_key"] for r in expected]
        stale = [0, 1, 2]  # the oldest rows, none of which has these keys
        assert [jsonable(r) for r in _rows(st.con, keys, stale)] == expected
