"""Exports take the filters of ``eventwire events``; new formats (GDELT mentions,
POLECAT-style TSV) and the geography GDELT expects (FIPS, ADM1)."""

from __future__ import annotations

import csv
import io
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from eventwire.export import MENTION_COLUMNS, POLECAT_COLUMNS, export_store
from eventwire.export.gdelt import GDELT_COLUMNS, gdelt_lines
from eventwire.export.geo import action_geo, fips_of
from eventwire.export.mentions import mention_lines
from eventwire.export.polecat import write_polecat
from eventwire.export.tables import event_rows
from eventwire.store import EventFilter, Store

from ..store.factory import event, record

# Sacramento, California (GeoNames 5389489); Baghdad (GeoNames 98182).
SACRAMENTO = (38.58157, -121.4944)
BAGHDAD = (33.34058, 44.40088)


def _placed(i: int, place: tuple[float, float], country: str, geonameid: int,
            **kw: object) -> dict:
    ev = event(i, place=place, country=country, **kw)  # type: ignore[arg-type]
    ev["location"]["geonameid"] = geonameid
    return ev


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("filtered") / "events.duckdb"
    with Store(path) as st:
        st.add_records([
            record("a", [_placed(1, SACRAMENTO, "USA", 5389489, source="USAGOV",
                                 target="CHNGOV", cameo="070", plover="AID")]),
            record("b", [_placed(1, BAGHDAD, "IRQ", 98182, source="IRQMIL", target="IRQREB",
                                 cameo="190", plover="ASSAULT", date="2003-04-09")]),
        ])
        yield st


def test_fips_and_adm1_come_from_geonames() -> None:
    assert (fips_of("GBR"), fips_of("IRQ"), fips_of("USA")) == ("UK", "IZ", "US")
    geo = action_geo(98182, "Baghdad", "IRQ", 33.3)
    assert (geo.type, geo.country_fips, geo.adm1) == (4, "IZ", "IZ07")
    assert action_geo(None, "California", "USA", 36.0).adm1 == "USCA"
    assert action_geo(None, "California", "USA", 36.0).type == 2
    assert action_geo(None, None, "SDN", None).type == 1


def test_gdelt_geo_columns_are_fips_with_adm1(store: Store) -> None:
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
            for line in gdelt_lines(store.con)]
    us = rows[0]
    assert (us["ActionGeo_Type"], us["ActionGeo_CountryCode"], us["ActionGeo_ADM1Code"]) == (
        "3", "US", "USCA")
    assert us["Actor1CountryCode"] == "USA"  # actors keep CAMEO's country codes
    assert rows[1]["ActionGeo_ADM1Code"] == "IZ07"


def test_every_format_is_filtered_by_the_same_vocabulary(store: Store, tmp_path: Path) -> None:
    chosen = EventFilter(dyad="USA,CHN", quad=4)
    for fmt, header in (("gdelt", 0), ("gdelt-mentions", 0), ("plover", 0), ("polecat", 1),
                        ("jsonl", 0), ("csv", 1)):
        out = tmp_path / f"out.{fmt}"
        assert export_store(store, fmt, out, chosen) == 1, fmt
        assert len(out.read_text().splitlines()) == 1 + header, fmt
    assert export_store(store, "parquet", tmp_path / "o.parquet", chosen) == 1
    assert export_store(store, "jsonl", tmp_path / "none", EventFilter(plover="AGREE")) == 0


def test_csv_has_a_header_even_without_rows_and_keeps_codes_as_text(
        store: Store, tmp_path: Path) -> None:
    out = tmp_path / "none.csv"
    assert export_store(store, "csv", out, EventFilter(cameo="17")) == 0
    assert out.read_text().startswith("event_id,doc_id,")
    export_store(store, "csv", tmp_path / "all.csv")
    frame = pd.read_csv(tmp_path / "all.csv", dtype={"cameo": "string", "cameo_root": "string"})
    assert "070" in set(frame["cameo"])


def test_mentions_have_the_16_columns_and_offsets(store: Store) -> None:
    assert len(MENTION_COLUMNS) == 16
    rows = [dict(zip(MENTION_COLUMNS, line.split("\t"), strict=True))
            for line in mention_lines(store.con, filters=EventFilter(source="IRQ"))]
    assert len(rows) == 1
    row = rows[0]
    assert row["SentenceID"] == "1" and row["MentionType"] == "1"
    assert row["Actor1CharOffset"] == "0"  # "Police" opens the sentence
    assert row["Actor2CharOffset"] == "21" and row["ActionCharOffset"] == "7"
    assert row["MentionIdentifier"] == "https://www.example.org/b"
    assert row["EventTimeDate"] == "20020509000000"  # first reported: the document's day


def test_polecat_has_its_header_and_named_columns(store: Store) -> None:
    out = io.StringIO()
    assert write_polecat(store.con, out, EventFilter(plover="ASSAULT")) == 1
    table = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert list(table[0]) == list(POLECAT_COLUMNS)
    row = table[0]
    assert (row["Event Type"], row["Quad Code"], row["Actor Country"]) == (
        "ASSAULT", "MATERIAL CONFLICT", "IRQ")
    assert row["Province"] == "IZ07" and row["CAMEO Code"] == "190"


def test_a_large_export_streams_in_chunks(tmp_path: Path) -> None:
    """Rows come in chunks: the memory an export takes does not grow with its rows."""
    with Store(tmp_path / "big.duckdb") as st:
        st.add_records([record(f"d{i}", [event(1), event(2, sentence=1)])
                        for i in range(3000)])
        tracemalloc.start()
        count = sum(1 for _ in event_rows(st.con, chunk=500))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert count == 6000
    assert peak < 4_000_000, peak
