"""Relative references news writes without a date: "the day before", "overnight",
"today (Tuesday)"."""

from eventwire.pipeline import Pipeline

from .helpers import times

WEDNESDAY = "2024-03-13"


def test_the_day_before_counts_from_the_last_date(pipeline: Pipeline) -> None:
    found = times(pipeline, "Rebels seized the town on Monday. The army had left it the day "
                  "before.", WEDNESDAY)
    assert found["the day before"] == ("DATE", "2024-03-10")


def test_the_day_before_without_a_date_is_the_day_before_the_report(
        pipeline: Pipeline) -> None:
    found = times(pipeline, "The ministry condemned the raid, which took place the day "
                  "before.", WEDNESDAY)
    assert found["the day before"] == ("DATE", "2024-03-12")


def test_the_day_before_an_event_is_not_a_date_alone(pipeline: Pipeline) -> None:
    found = times(pipeline, "The day before the vote, the army arrested 30 people.", WEDNESDAY)
    assert "The day before" not in found


def test_overnight_is_the_night_before_the_report(pipeline: Pipeline) -> None:
    found = times(pipeline, "Gunmen attacked a checkpoint overnight.", WEDNESDAY)
    assert found["overnight"] == ("TIME", "2024-03-12TNI")
    ahead = times(pipeline, "Troops will patrol the streets overnight.", WEDNESDAY)
    assert ahead["overnight"] == ("TIME", "2024-03-13TNI")


def test_overnight_as_an_adjective_is_not_a_time(pipeline: Pipeline) -> None:
    assert times(pipeline, "An overnight curfew was imposed in the port.", WEDNESDAY) == {}


def test_a_weekday_in_brackets_says_which_day_today_is(pipeline: Pipeline) -> None:
    # Filed on Tuesday, dated Wednesday: the named weekday wins over the document date.
    found = times(pipeline, "The minister said today (Tuesday) that talks would go on.",
                  WEDNESDAY)
    assert found["today"] == ("DATE", "2024-03-12")
    assert found["Tuesday"] == ("DATE", "2024-03-12")
    early = times(pipeline, "Police said yesterday (Thursday) that two men were held.",
                  WEDNESDAY)
    assert early["yesterday"] == ("DATE", "2024-03-14")
