from eventwire.ingest.dating import estimate_date, parse_stated

BODY = (
    "Their flight to Seoul on Wednesday ends a diplomatic row. Police arrested the five "
    "on May 8. More than 300 people arrived so far this year, already more than in the "
    "whole of 2000. In 2001, the number was 583."
)
RELATED = {"related_stories": [{"title": "Row drags on", "date": "2002-05-16"}]}


def test_evidence_against_a_wrong_header_replaces_it_with_a_warning() -> None:
    result = estimate_date(BODY, RELATED, "2008-07-07")
    assert result.date == "2002-05-22"  # the first Wednesday after the latest related story
    (warning,) = result.warnings
    assert "states 2008-07-07" in warning and "2002-05-22" in warning
    assert "so far this year" in warning and "related story" in warning


def test_stated_date_consistent_with_the_evidence_is_kept() -> None:
    result = estimate_date(BODY, RELATED, "2002-05-23")
    assert result.date == "2002-05-23" and result.warnings == []


def test_historical_years_do_not_move_a_right_header() -> None:
    text = (
        "Veterans met on Friday to mark the start of the 1950-53 war. On June 25, 1950, "
        "troops crossed the border. A peace deal signed in 1999 collapsed."
    )
    assert estimate_date(text, {}, "2010-06-25").date == "2010-06-25"


def test_no_date_and_no_evidence_gives_null_and_a_warning() -> None:
    result = estimate_date("Rebels attacked a convoy on Monday, officials said.", {}, None)
    assert result.date is None
    assert "no date" in result.warnings[0]


def test_a_year_only_estimate_stays_a_year() -> None:
    text = "Arrivals so far this year exceed all of 2013. In 2012, about 13,000 came."
    result = estimate_date(text, {}, "2019-12-01")
    assert result.date == "2014" and result.warnings


def test_threshold_keeps_a_header_a_few_days_off() -> None:
    meta = {"dateline_date": "Nov 8"}  # "NEW YORK, Nov 8 (Reuters) -"
    text = "Protesters marched in several cities, police said."
    assert estimate_date(text, meta, "2016-11-12").date == "2016-11-12"
    assert estimate_date(text, meta, "2016-11-12", {"max_gap_days": 1}).date == "2016-11-08"


def test_weights_are_configurable() -> None:
    heavy = {"weights": {"stated": 50.0}}
    assert estimate_date(BODY, RELATED, "2008-07-07", heavy).date == "2008-07-07"


def test_stated_precision_is_read() -> None:
    stated = parse_stated("2010-03")
    assert stated is not None and stated.precision == "month"
    assert parse_stated("not a date") is None


def test_a_year_named_as_the_current_one_wins_over_counting_on() -> None:
    text = "Sales fell from 493 in 2008 to 309 this year. Prices fell so far in 2009."
    assert estimate_date(text, {}, "2009-03-20").date == "2009-03-20"
    assert estimate_date(text, {}, None).date == "2009"


def test_a_calendar_of_coming_events_does_not_move_the_date() -> None:
    text = (
        "Registration closes March 31. The fair opens April 20, the parade is April 27 "
        "and the concert April 29. Tickets go on sale April 20 at the town hall."
    )
    result = estimate_date(text, {}, "2009-03-24")
    assert result.date == "2009-03-24" and result.warnings == []
