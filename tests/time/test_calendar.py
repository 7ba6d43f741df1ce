"""Calendar arithmetic: impossible dates give None, weeks and values map to event dates."""

from datetime import date

from eventwire.time.calendar import (
    Anchor,
    fmt_day,
    fmt_month,
    fmt_week,
    fmt_year,
    shift_month,
    value_as_date,
    value_precision,
    weekday_near,
)


def test_impossible_dates_are_none() -> None:
    assert fmt_day(2002, 2, 30) is None
    assert fmt_day(2001, 2, 29) is None
    assert fmt_day(2000, 2, 29) == "2000-02-29"
    assert fmt_year(10000) is None
    assert fmt_month(2002, 13) is None


def test_anchor_keeps_what_is_known() -> None:
    assert Anchor.parse("2002-05-22") == Anchor(2002, 5, 22)
    assert Anchor.parse("2002-05") == Anchor(2002, 5)
    assert Anchor.parse("2002-02-30") == Anchor(2002, 2)
    assert Anchor.parse("2002-05-22T08:00:00") == Anchor(2002, 5, 22)
    assert Anchor.parse(None) is None
    assert Anchor.parse("May 2002") is None


def test_weekday_near_in_each_direction() -> None:
    wednesday = date(2002, 5, 22)
    assert weekday_near(wednesday, 3, "past") == wednesday
    assert weekday_near(wednesday, 3, "before") == date(2002, 5, 15)
    assert weekday_near(wednesday, 3, "after") == date(2002, 5, 29)
    assert weekday_near(wednesday, 5, "past") == date(2002, 5, 17)
    assert weekday_near(wednesday, 5, "future") == date(2002, 5, 24)
    assert weekday_near(wednesday, 1, "week") == date(2002, 5, 20)


def test_weeks_and_month_shifts() -> None:
    assert fmt_week(date(2002, 5, 22)) == "2002-W21"
    assert shift_month(2002, 1, -1) == (2001, 12)
    assert shift_month(2002, 12, 1) == (2003, 1)


def test_value_precision() -> None:
    assert value_precision("2002-05-08") == "day"
    assert value_precision("2002-05-08T20:11") == "time"
    assert value_precision("2002-W20") == "week"
    assert value_precision("2002-05") == "month"
    assert value_precision("2002-Q1") == "quarter"
    assert value_precision("2002") == "year"
    assert value_precision("199") == "decade"
    assert value_precision("PAST_REF") is None
    assert value_precision("XXXX-05-08") is None


def test_value_as_date_never_invents_a_day() -> None:
    assert value_as_date("2002-05-08T20:11") == ("2002-05-08", "day")
    assert value_as_date("2002-W20") == ("2002-05", "month")  # 13-19 May 2002
    assert value_as_date("2002-W22") == ("2002", "year")  # 27 May - 2 June
    assert value_as_date("2002-SU") == ("2002", "year")
    assert value_as_date("199") is None
    assert value_as_date("XXXX-05-08") is None
    assert value_as_date("P3D") is None
    assert value_as_date(None) is None
