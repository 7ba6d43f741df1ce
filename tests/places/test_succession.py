"""The state that held a place on a date: a successor's territory was its predecessor's."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.places import succession
from eventwire.places.succession import load_successions, state_on


@pytest.mark.parametrize(
    ("country", "date", "held"),
    [
        ("SSD", "1995-04-02", "SDN"),
        ("SSD", "2011-07-08", "SDN"),
        ("SSD", "2011-07-09", "SSD"),
        ("UKR", "1989-11-30", "RUS"),
        ("UKR", "2014-03-01", "UKR"),
        ("SVK", "1992-12-31", "CZE"),
        ("FRA", "1950-01-01", "FRA"),
    ],
)
def test_a_territory_is_its_predecessor_s_before_independence(
    country: str, date: str, held: str
) -> None:
    assert state_on(country, date) == held


def test_without_a_date_or_a_country_nothing_changes() -> None:
    assert state_on("SSD", None) == "SSD"
    assert state_on(None, "1995-01-01") is None


def test_a_date_with_a_time_is_read_by_its_day() -> None:
    assert state_on("ERI", "1993-04-26T23:00:00") == "ETH"


def test_every_predecessor_is_a_state_of_its_own() -> None:
    table = load_successions()
    assert all(s.before not in table or table[s.before].since < s.since
               for s in table.values())


def test_an_unreadable_file_is_a_coded_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "successions.yaml").write_text("successions: [{state: SSD}]\n", "utf-8")
    monkeypatch.setattr(succession, "DATA", tmp_path)
    load_successions.cache_clear()
    try:
        with pytest.raises(DictionaryError) as info:
            load_successions()
        assert info.value.code == "E256"
        assert "successions.yaml" in str(info.value)
    finally:
        load_successions.cache_clear()
