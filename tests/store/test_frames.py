"""``eventwire.events_frame``: filtered events as pandas, polars or Arrow, codes as text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import polars as pl
import pytest

import eventwire
from eventwire.errors import StoreError
from eventwire.store import Store

from .factory import event, record


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("frames") / "events.duckdb"
    with Store(path) as st:
        st.add_records([
            record("a", [event(1, source="USAGOV", target="CHNGOV", cameo="070", plover="AID")]),
            record("b", [event(1, source="IRQMIL", target="IRQREB", cameo="190",
                               plover="ASSAULT", date="2003-04-09")]),
        ])
    return path


def test_pandas_keeps_codes_as_strings_and_types_dates(db: Path) -> None:
    frame = eventwire.events_frame(db)
    assert isinstance(frame, pd.DataFrame) and len(frame) == 2
    assert list(frame["cameo"]) == ["190", "070"]  # newest first
    assert str(frame["cameo"].dtype) == "string"
    assert pd.api.types.is_datetime64_any_dtype(frame["day"])
    assert frame["num_articles"].tolist() == [1, 1]


def test_filters_are_those_of_events(db: Path) -> None:
    frame = eventwire.events_frame(db, dyad="USA,CHN", since="2002-05")
    assert frame["event_id"].tolist() == ["a/e1"]
    with pytest.raises(StoreError) as info:
        eventwire.events_frame(db, country="US")
    assert info.value.code == "E415" and "USA" in str(info.value)
    with pytest.raises(StoreError) as info:
        eventwire.events_frame(db, colour="red")
    assert info.value.code == "E407"


def test_polars_and_arrow(db: Path) -> None:
    frame = eventwire.events_frame(db, kind="polars", plover="ASSAULT")
    assert isinstance(frame, pl.DataFrame) and frame["cameo"].to_list() == ["190"]
    assert frame.schema["day"] == pl.Date
    table = eventwire.events_frame(db, kind="arrow")
    assert table.num_rows == 2 and str(table.schema.field("cameo").type) == "string"
    with pytest.raises(StoreError) as info:
        eventwire.events_frame(db, kind="excel")
    assert info.value.code == "E416"
