"""Exports of a real store: GDELT 2.0 columns, PLOVER records, JSON Lines, CSV, Parquet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.export import FORMATS, GDELT_COLUMNS, export_store
from eventwire.export.gdelt import gdelt_lines
from eventwire.export.plover import plover_records
from eventwire.store import Store

from ..store.factory import event, record


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("export") / "events.duckdb"
    with Store(path) as st:
        st.add_records([
            record("a", [event(1, place=(39.9, 116.4), country="CHN")], site="ap.org"),
            record("b", [event(1), event(2, source="USAGOV", target=None, cameo="0231",
                                         plover="APPEAL", date="2002-05", sentence=1)],
                   site="bbc.co.uk"),
        ])
        yield st


def test_gdelt_has_the_61_columns_of_the_event_table() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[51:] == (
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
        "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL")


def test_gdelt_line_per_cluster_with_counts(store: Store) -> None:
    lines = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
             for line in gdelt_lines(store.con)]
    assert len(lines) == 2
    first = lines[0]
    assert (first["GlobalEventID"], first["Day"], first["MonthYear"], first["Year"]) == (
        "1", "20020508", "200205", "2002")
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "CHNCOP", "CHN", "COP")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "173", "173", "17")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("2", "2", "2")
    assert (first["ActionGeo_Type"], first["ActionGeo_CountryCode"]) == ("4", "CH")  # FIPS
    assert (first["ActionGeo_Lat"], first["ActionGeo_FeatureID"]) == ("39.9", "42")
    assert first["IsRootEvent"] == "1" and first["QuadClass"] == "4"
    assert first["SOURCEURL"] == "https://www.ap.org/a"
    assert first["DATEADDED"] == "20020509000000"
    second = lines[1]
    assert second["Actor2Code"] == "" and second["IsRootEvent"] == "0"
    assert second["EventBaseCode"] == "023" and second["ActionGeo_Type"] == "0"


def test_plover_records_have_the_gold_fields(store: Store) -> None:
    recs = list(plover_records(store.con))
    assert [r["id"] for r in recs] == ["a/e1", "b/e1", "b/e2"]
    first = recs[0]
    assert first["event"] == "ARREST" and first["date"] == "2002-05-08"
    assert first["source"] == [{"actorText": "Police", "actorResolved": "Police", "code": "CHN",
                                "cameoCode": "CHNCOP", "sector": "COP"}]
    assert first["text"] == "Police arrested five protesters in the capital."
    assert first["eventLoc"]["country code"] == "CN" and first["eventLoc"]["cc3"] == "CHN"
    assert first["eventLoc"]["latitude"] == 39.9 and "lat" not in first["eventLoc"]
    assert first["arrested"] == 5
    assert first["eventwire"]["cluster_id"] == "a/e1" and first["context"] == "political"
    assert recs[2]["target"] == [{"actorText": "protesters", "actorResolved": "protesters",
                                  "code": None, "cameoCode": None}]
    assert recs[2]["eventwire"]["cameo"] == "0231" and recs[2]["event"] == "APPEAL"


def test_jsonl_and_csv_have_one_row_per_mention(store: Store, tmp_path: Path) -> None:
    export_store(store, "jsonl", tmp_path / "e.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [r["event_id"] for r in rows] == ["a/e1", "b/e1", "b/e2"]
    assert rows[1]["num_articles"] == 2 and rows[1]["day"] == "2002-05-08"
    assert export_store(store, "csv", tmp_path / "e.csv") == 3
    table = list(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text())))
    assert table[0]["source_sectors"] == "COP" and table[2]["cameo"] == "0231"


def test_parquet_through_duckdb(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "it's here.parquet"
    assert export_store(store, "parquet", out) == 3
    con = duckdb.connect()
    got = con.execute("SELECT event_id, num_mentions FROM read_parquet(?) ORDER BY 1",
                      [str(out)]).fetchall()
    assert got == [("a/e1", 2), ("b/e1", 2), ("b/e2", 1)]


def test_bad_export_requests_are_clear(store: Store, tmp_path: Path) -> None:
    assert set(FORMATS) == {"gdelt", "gdelt-mentions", "plover", "polecat", "jsonl", "csv",
                            "parquet"}
    for fmt, out in (("xml", tmp_path / "x"), ("parquet", None),
                     ("csv", tmp_path / "no" / "such" / "dir.csv")):
        with pytest.raises(StoreError) as info:
            export_store(store, fmt, out)
        assert info.value.code == "E410"
