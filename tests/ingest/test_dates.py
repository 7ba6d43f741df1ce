from eventwire.ingest.dates import find_dates, find_time, find_weekdays, find_years, parse_date


def test_find_dates_reads_common_news_forms() -> None:
    text = "On Wednesday, May 22, police came; on 16 May 2002 and Sept. 3; see 2002-05-23."
    found = [(d.year, d.month, d.day, d.weekday) for d in find_dates(text)]
    assert found == [(None, 5, 22, 2), (2002, 5, 16, None), (None, 9, 3, None), (2002, 5, 23, None)]


def test_modal_may_is_not_a_month() -> None:
    assert find_dates("Talks may 8 hours last; it may rain.") == []


def test_year_ranges_are_not_years() -> None:
    years = [y for _, _, y in find_years("the 1950-53 Korean War; in 2001, 583 people")]
    assert years == [2001]


def test_weekday_names_and_clock_times() -> None:
    assert [w for _, _, w in find_weekdays("on Wednesday and Sunday")] == [2, 6]
    assert find_time("July 7, 2008 | 8:11 PM EDT") == "20:11 EDT"
    assert find_time("14:32 GMT, Monday") == "14:32 GMT"


def test_parse_date_of_header_strings() -> None:
    assert parse_date("Wed, 22 May 2002 14:03:00 GMT") == "2002-05-22"
    assert parse_date("2002-05-23T10:00:00+02:00") == "2002-05-23"
    assert parse_date("Last updated: 17/03/2012 10:15") == "2012-03-17"
    assert parse_date("05/06/2012") is None  # day-first and month-first both possible
    assert parse_date("March 2010") == "2010-03"
    assert parse_date("no date here") is None
