"""The one calendar table and date grammar that the dating stage and the times stage share."""

import re
from importlib import resources

import pytest

from eventwire.config import load_yaml
from eventwire.errors import DictionaryError
from eventwire.ingest.dates import find_dates
from eventwire.ingest.patterns import month_number, patterns, weekday_number
from eventwire.time import grammar
from eventwire.time.grammar import DatePieces, calendar_names, date_orders
from eventwire.time.lexicon import lexicon
from eventwire.time.recognize import find_times


def test_ingest_keeps_no_month_or_weekday_names_of_its_own() -> None:
    assert "months" not in patterns()
    assert "weekdays" not in patterns()
    text = resources.files("eventwire").joinpath("data/time/lexicon.yaml").read_text("utf-8")
    data = load_yaml(text)
    assert "months" not in data and "weekdays" not in data


def test_both_readers_number_every_form_of_the_table_alike() -> None:
    names = calendar_names()
    for form, number in names.months.items():
        assert month_number(form.upper() + ".") == number
        assert lexicon().month(form) == number
    for form, number in names.weekdays.items():
        assert weekday_number(form.lower()) == number - 1  # dating counts from Monday = 0
    assert lexicon().weekdays == names.full_weekdays


def test_the_same_written_date_is_read_by_both_stages() -> None:
    text = "The ferry sank on Tuesday, Sept. 14, 2021, off the coast."
    [dated] = find_dates(text)
    [timed] = [m for m in find_times(text, "2021-09-20") if m.type == "DATE"]
    assert (dated.start, dated.end) == (timed.start, timed.end)
    assert (dated.year, dated.month, dated.day) == (2021, 9, 14)
    assert timed.value == "2021-09-14"


def test_the_orders_keep_their_parts_apart_when_asked() -> None:
    orders = date_orders(DatePieces(month="(?:Jan|March)", weekday="(?:Friday)",
                                    year=r"\d{4}", named=True))
    m = re.fullmatch(orders["dmy"], "Friday, the 8th of March 2024")
    assert m is not None and m.group("day", "mon", "year", "wd") == (
        "8", "March", "2024", "Friday")
    assert re.fullmatch(orders["mdy"], "March 8:30") is None  # a clock time, not a day


def test_a_broken_calendar_file_is_a_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grammar, "CALENDAR_PATH", "data/time/no-such-calendar.yaml")
    calendar_names.cache_clear()
    try:
        with pytest.raises(DictionaryError) as caught:
            calendar_names()
        assert caught.value.code == "E239"
    finally:
        monkeypatch.undo()
        calendar_names.cache_clear()
