"""The Store contract on a real DuckDB file: writes, idempotence, queries, evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.store import EventFilter, IngestStats, Store

from .factory import event, record

RECORDS = [
    record("a", [event(1, date="2002-05-08", place=(39.9, 116.4), country="CHN")],
           site="ap.org"),
    record("b", [event(1, date="2002-05-09", place=(40.0, 116.5), country="CHN"),
                 event(2, source="USAGOV", target="CHNGOV", cameo="111", date="2002-05-10",
                       plover="ACCUSE", sentence=1)], site="reuters.com"),
    record("c", [event(1, source="ISRMIL", target="PSEREB", cameo="190", date="2003-01-02",
                       place=(31.5, 34.45), country="PSE", plover="ASSAULT")], site="bbc.co.uk"),
]


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_records(RECORDS)
    return store


def test_add_records_counts_and_is_idempotent(store: Store) -> None:
    assert store.add_records(RECORDS) == IngestStats(added=3, skipped=0, failed=0, events=4)
    before = store.counts()
    assert store.add_records(RECORDS) == IngestStats(added=0, skipped=3, failed=0, events=0)
    assert store.counts() == before
    assert store.has_document("b") and not store.has_document("zzz")


def test_get_document_gives_back_the_record(filled: Store) -> None:
    for rec in RECORDS:
        assert filled.get_document(rec["doc_id"]) == rec
    assert filled.get_document("missing") is None


def test_query_is_newest_first_with_cluster_counts(filled: Store) -> None:
    rows = filled.query_events(EventFilter()).rows
    assert [r["event_id"] for r in rows] == ["c/e1", "b/e2", "b/e1", "a/e1"]
    b1 = rows[2]
    assert b1["num_mentions"] == 2 and b1["num_articles"] == 2 and b1["num_sources"] == 2


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(actor="CHN"), {"a/e1", "b/e1", "b/e2"}),
        (EventFilter(actor="chngov"), {"b/e2"}),
        (EventFilter(country="PSE"), {"c/e1"}),
        (EventFilter(cameo="17"), {"a/e1", "b/e1"}),
        (EventFilter(cameo="111"), {"b/e2"}),
        (EventFilter(plover="assault"), {"c/e1"}),
        (EventFilter(since="2002-05-09", until="2002-05-10"), {"b/e1", "b/e2"}),
        (EventFilter(near=(39.95, 116.45, 20.0)), {"a/e1", "b/e1"}),
        (EventFilter(near=(31.5, 34.5, 10.0), cameo="19"), {"c/e1"}),
        (EventFilter(text="POLICE capital"), {"a/e1", "b/e1", "c/e1"}),
        (EventFilter(text="government denied"), {"b/e2"}),
        (EventFilter(actor="CHN", since="2003-01-01"), set()),
    ],
)
def test_filters(filled: Store, filters: EventFilter, expected: set[str]) -> None:
    assert {r["event_id"] for r in filled.query_events(filters).rows} == expected


def test_filter_values_are_data_not_sql(filled: Store) -> None:
    with pytest.raises(StoreError) as info:
        EventFilter(actor="'; DROP TABLE events; --")
    assert info.value.code == "E407"
    assert filled.query_events(EventFilter(text="' OR 1=1 --")).rows == []
    assert filled.counts()["events"] == 4


def test_bad_filter_values_are_clear_errors(filled: Store) -> None:
    for bad in ({"since": "yesterday"}, {"near": (95.0, 0.0, 1.0)}):
        with pytest.raises(StoreError) as info:
            filled.query_events(EventFilter(**bad))
        assert info.value.code == "E407"


def test_cursor_pages_through_everything_once(filled: Store) -> None:
    seen, cursor = [], None
    while True:
        page = filled.query_events(EventFilter(), limit=1, cursor=cursor)
        seen += [r["event_id"] for r in page.rows]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ["c/e1", "b/e2", "b/e1", "a/e1"]
    with pytest.raises(StoreError):
        filled.query_events(EventFilter(), cursor="not-a-cursor")


def test_get_event_has_every_mention_of_its_cluster(filled: Store) -> None:
    ev = filled.get_event("b/e1")
    assert ev is not None and ev["cluster_id"] == "a/e1"
    assert ev["cluster"]["num_mentions"] == 2
    assert [(m["doc_id"], m["char_start"], m["trigger"]) for m in ev["mentions"]] == [
        ("a", 0, "arrested"), ("b", 0, "arrested")]
    assert ev["mentions"][0]["sentence"] == "Police arrested five protesters in the capital."
    assert filled.get_event("nope") is None


def test_aggregates(filled: Store) -> None:
    counts = {r["code"]: r for r in filled.actor_counts(EventFilter())}
    assert counts["CHNCOP"] == {"code": "CHNCOP", "as_source": 2, "as_target": 0, "events": 2}
    assert counts["CHNGOV"]["as_target"] == 1
    assert filled.timeline(EventFilter(), interval="month", by="cameo_root") == [
        {"period": "2002-05", "key": "11", "count": 1},
        {"period": "2002-05", "key": "17", "count": 2},
        {"period": "2003-01", "key": "19", "count": 1},
    ]
    assert filled.timeline(EventFilter(country="PSE")) == [
        {"period": "2003-01-02", "key": "4", "count": 1}]
    assert filled.network(EventFilter(), limit=1) == [
        {"source": "CHNCOP", "target": "PRKREF", "events": 2}]
    with pytest.raises(StoreError):
        filled.timeline(EventFilter(), interval="week")


def test_malformed_record_becomes_a_failure_and_others_go_in(store: Store) -> None:
    bad = record("bad", [dict(event(1), sentence_index="x")])
    stats = store.add_records([RECORDS[0], bad])
    assert (stats.added, stats.failed) == (1, 1)
    [failure] = store.failures()
    assert failure["doc_id"] == "bad" and failure["code"] == "E406"
    assert store.get_document("bad") is None and store.counts()["events"] == 1


def test_strict_add_records_writes_nothing_on_a_bad_record(store: Store) -> None:
    bad = record("bad", [dict(event(1), goldstein="x")])
    with pytest.raises(StoreError):
        store.add_records([RECORDS[0], bad], strict=True)
    assert store.counts()["documents"] == 0


def test_read_only_store_refuses_writes(db_path: Path) -> None:
    Store(db_path).close()
    with Store(db_path, read_only=True) as ro:
        with pytest.raises(StoreError) as info:
            ro.add_records(RECORDS)
        assert info.value.code == "E408"


def test_out_of_range_number_is_refused_before_writing() -> None:
    from eventwire.store import record_to_rows

    rec = record("big", [event(1, place=(1.0, 1.0))])
    rec["events"][0]["location"]["geonameid"] = 2**70
    with pytest.raises(StoreError):
        record_to_rows(rec)


def test_row_duckdb_refuses_fails_alone_and_the_batch_goes_in(store: Store) -> None:
    bad = record("bad", [event(1)])
    bad["title"] = "broken \ud800 surrogate"  # not encodable: refused on the way in
    stats = store.add_records([RECORDS[0], bad, RECORDS[1]])
    assert (stats.added, stats.failed) == (2, 1)
    assert [f["doc_id"] for f in store.failures()] == ["bad"]
    assert store.counts()["documents"] == 2 and store.get_document("bad") is None
    assert {r[0] for r in store.con.execute("SELECT doc_id FROM events").fetchall()} == {
        "a", "b"}


def test_add_outcomes_stores_records_and_failures_once(store: Store) -> None:
    from eventwire.engines import Outcome
    from eventwire.errors import StageError

    boom = StageError("parser exploded", code="E301", stage="parse")
    outcomes = [Outcome("a", "a.txt", RECORDS[0], None), Outcome("x", "x.txt", None, boom),
                Outcome("x", "x.txt", None, boom)]
    stats = store.add_outcomes(outcomes)
    assert (stats.added, stats.failed, stats.skipped) == (1, 1, 1)
    [failure] = store.failures()
    assert (failure["doc_id"], failure["doc_source"], failure["stage"], failure["code"]) == (
        "x", "x.txt", "parse", "E301")
    store.add_outcomes([Outcome("x", "x.txt", record("x", []), None)])  # retried, now fine
    assert store.failures() == [] and store.has_document("x")
