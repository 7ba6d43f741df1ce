"""record_to_rows: the flat rows of a record, exactly the store's columns."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eventwire.errors import StoreError
from eventwire.store import TABLE_COLUMNS, record_to_rows
from eventwire.store.rows import date_interval, outlet_of

from .factory import event, record


def test_rows_have_exactly_the_table_columns() -> None:
    rows = record_to_rows(record("d1", [event(1, place=(39.9, 116.4), country="CHN")]))
    assert set(rows) == {"documents", "sentences", "mentions", "events"}
    for table, table_rows in rows.items():
        names = [name for name, _ in TABLE_COLUMNS[table]]
        assert table_rows, table
        for row in table_rows:
            assert list(row) == names


def test_event_row_is_flat_with_evidence() -> None:
    ev = record_to_rows(record("d1", [event(1, place=(39.9, 116.4), country="CHN")]))["events"][0]
    assert ev["event_id"] == "d1/e1"
    assert ev["source_code"] == "CHNCOP" and ev["target_country"] == "PRK"
    assert ev["lat"] == 39.9 and ev["location_country"] == "CHN"
    assert ev["sentence"] == "Police arrested five protesters in the capital."
    assert ev["day"] == date(2002, 5, 8) and ev["outlet"] == "example.org"
    assert ev["plover_type"] == "ARREST" and ev["size_arrested"] == 5


def test_document_row_keeps_meta_as_json() -> None:
    doc = record_to_rows(record("d1", []))["documents"][0]
    assert json.loads(doc["meta"]) == {"url": "https://www.example.org/d1"}
    assert doc["num_sentences"] == 2 and doc["num_events"] == 0


@pytest.mark.parametrize(
    "broken",
    [
        {"text": "no id"},
        "not a record",
        record("d1", [{"id": "e1"}]),
        record("d1", [dict(event(1), sentence_index="first")]),
        record("d1", [dict(event(1), goldstein="very bad")]),
    ],
)
def test_corrupt_record_is_a_store_error(broken: object) -> None:
    with pytest.raises(StoreError) as info:
        record_to_rows(broken)  # type: ignore[arg-type]
    assert info.value.code == "E406"


def test_date_interval_covers_the_precision() -> None:
    assert date_interval("2002-05-08") == (date(2002, 5, 8), date(2002, 5, 8))
    assert date_interval("2002-02") == (date(2002, 2, 1), date(2002, 2, 28))
    assert date_interval("2002") == (date(2002, 1, 1), date(2002, 12, 31))
    assert date_interval("soon") is None and date_interval(None) is None


def test_outlet_prefers_sitename_then_host_then_source() -> None:
    assert outlet_of({"meta": {"sitename": "Reuters", "url": "https://x.org/a"}}) == "reuters"
    assert outlet_of({"meta": {"url": "https://www.bbc.co.uk/news/1"}}) == "bbc.co.uk"
    assert outlet_of({"meta": {}, "source": "feed.jsonl:3"}) == "feed.jsonl"
