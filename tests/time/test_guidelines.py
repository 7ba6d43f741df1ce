"""Conventions of the TIMEX3 guidelines and of how news is written that a tagger fitted to
one corpus misses: plans in the simple present, "next Friday", weekends, parts of the
day, sets with a count, and a time and a day joined by a preposition."""

from eventwire.pipeline import Pipeline

from .helpers import times

WEDNESDAY = "2024-03-13"
MONDAY = "2024-03-11"


def test_a_named_day_in_the_simple_present_of_a_plan_is_a_coming_one(
        pipeline: Pipeline) -> None:
    found = times(pipeline, "The league was decided on Saturday.\nThe new rules take effect "
                  "on Friday.", WEDNESDAY)
    assert found["Friday"] == ("DATE", "2024-03-15")
    assert found["Saturday"] == ("DATE", "2024-03-09")


def test_a_reporting_verb_in_the_present_still_reports_the_past(pipeline: Pipeline) -> None:
    found = times(pipeline, "Storm hits coast\nThe coastguard says on Monday that two boats "
                  "sank.", WEDNESDAY)
    assert found["Monday"] == ("DATE", "2024-03-11")


def test_next_friday_is_in_the_week_after_the_story(pipeline: Pipeline) -> None:
    found = times(pipeline, "The committee meets again next Friday.", WEDNESDAY)
    assert found["next Friday"] == ("DATE", "2024-03-22")


def test_a_time_and_a_day_joined_by_on_are_two_expressions(pipeline: Pipeline) -> None:
    found = times(pipeline, "The polls will open at 7 a.m. on Thursday.", WEDNESDAY)
    assert found["7 a.m."] == ("TIME", "2024-03-14T07:00")
    assert found["Thursday"] == ("DATE", "2024-03-14")


def test_the_weekend_is_the_one_just_gone_or_the_one_coming(pipeline: Pipeline) -> None:
    gone = times(pipeline, "Three climbers were rescued over the weekend.", MONDAY)
    assert gone["the weekend"] == ("DATE", "2024-W10-WE")
    coming = times(pipeline, "The talks are expected to end before the weekend.", WEDNESDAY)
    assert coming["the weekend"] == ("DATE", "2024-W11-WE")


def test_parts_of_the_day_after_a_cue(pipeline: Pipeline) -> None:
    found = times(pipeline, "Firefighters worked through the night to save the depot.",
                  WEDNESDAY)
    assert found["the night"] == ("TIME", "2024-03-12TNI")
    later = times(pipeline, "Voting ends on Saturday morning, with a result expected by "
                  "the afternoon.", WEDNESDAY)
    assert later["the afternoon"] == ("TIME", "2024-03-16TAF")


def test_sets_with_a_count_and_plural_weekdays(pipeline: Pipeline) -> None:
    found = times(pipeline, "Trams run every 15 minutes on Sundays, and the market opens "
                  "every Friday evening. Checks are made every few hours.", WEDNESDAY)
    assert found["every 15 minutes"] == ("SET", "PT15M")
    assert found["Sundays"] == ("SET", "XXXX-WXX-7")
    assert found["every Friday evening"] == ("SET", "XXXX-WXX-5TEV")
    assert found["every few hours"] == ("SET", "PTXH")


def test_every_night_is_a_part_of_every_day(pipeline: Pipeline) -> None:
    found = times(pipeline, "Shelling resumed every night.", WEDNESDAY)
    assert found["every night"] == ("SET", "XXXX-XX-XXTNI")


def test_a_weekly_with_a_possessive_is_a_newspaper(pipeline: Pipeline) -> None:
    assert "weekly" not in times(pipeline, "Police searched the weekly's offices.", WEDNESDAY)


def test_a_named_zone_gives_its_utc_offset(pipeline: Pipeline) -> None:
    found = times(pipeline, "The storm made landfall at 6 p.m. EDT. Markets close at 1630 "
                  "GMT.", WEDNESDAY)
    assert found["6 p.m. EDT"] == ("TIME", "2024-03-13T18:00-04:00")
    assert found["1630 GMT"] == ("TIME", "2024-03-13T16:30Z")


def test_clock_times_in_brackets_take_the_day_after_them(pipeline: Pipeline) -> None:
    found = times(pipeline, "The quake struck at 3:05 a.m. (0005 GMT) on Monday.", WEDNESDAY)
    assert found["3:05 a.m."] == ("TIME", "2024-03-11T03:05")
    assert found["0005 GMT"] == ("TIME", "2024-03-11T00:05Z")


def test_the_year_before_counts_from_the_last_date(pipeline: Pipeline) -> None:
    found = times(pipeline, "The bridge reopened in 2003, after a flood the year before.",
                  WEDNESDAY)
    assert found["the year before"] == ("DATE", "2002")


def test_fiscal_periods_carry_the_fy_prefix(pipeline: Pipeline) -> None:
    found = times(pipeline, "Sales rose in the fiscal second quarter, and the firm expects "
                  "a profit in fiscal 2025.", WEDNESDAY)
    assert found["the fiscal second quarter"] == ("DATE", "FY2024-Q2")
    assert found["fiscal 2025"] == ("DATE", "FY2025")


def test_a_year_inside_a_name_is_not_a_date(pipeline: Pipeline) -> None:
    found = times(pipeline, "The council published its Vision 2040 plan in 2019.", WEDNESDAY)
    assert "2040" not in found and found["2019"] == ("DATE", "2019")


def test_rates_and_fractions_are_not_durations(pipeline: Pipeline) -> None:
    found = times(pipeline, "Traders moved $3 billion a day, and the bank cut its rate by a "
                  "quarter point. The strike lasted a day.", WEDNESDAY)
    assert "a quarter" not in found
    assert list(found.values()).count(("DURATION", "P1D")) == 1  # only 'a day' of the strike


def test_a_half_is_counted_in_the_finer_unit(pipeline: Pipeline) -> None:
    found = times(pipeline, "The trial lasted a year and a half.", WEDNESDAY)
    assert found["a year and a half"] == ("DURATION", "P18M")


def test_the_last_hour_is_a_duration(pipeline: Pipeline) -> None:
    found = times(pipeline, "Two more aftershocks struck in the last hour.", WEDNESDAY)
    assert found["the last hour"] == ("DURATION", "PT1H")


def test_parts_of_the_story_year(pipeline: Pipeline) -> None:
    found = times(pipeline, "The plant will reopen later in the year, and rates may rise in "
                  "the second half of the year.", WEDNESDAY)
    assert found["later in the year"] == ("DATE", "2024")
    assert found["the second half of the year"] == ("DATE", "2024-H2")


def test_results_of_a_quarter_not_yet_begun_are_last_year_s(pipeline: Pipeline) -> None:
    found = times(pipeline, "The bank posted third-quarter earnings on Tuesday.", WEDNESDAY)
    assert found["third-quarter"] == ("DATE", "2023-Q3")
    ahead = times(pipeline, "The plant opens in the third quarter.", WEDNESDAY)
    assert ahead["the third quarter"] == ("DATE", "2024-Q3")


def test_a_present_the_tagger_reads_as_a_base_form_is_still_a_plan(
        pipeline: Pipeline) -> None:
    found = times(pipeline, "The museum was closed last month.\nTickets go on sale at noon on "
                  "Monday.", WEDNESDAY)
    assert found["Monday"] == ("DATE", "2024-03-18")


def test_from_a_weekday_is_the_coming_one(pipeline: Pipeline) -> None:
    found = times(pipeline, "Nurses could strike from Friday, the union said.", WEDNESDAY)
    assert found["Friday"] == ("DATE", "2024-03-15")


def test_holidays_that_move_with_the_calendar(pipeline: Pipeline) -> None:
    found = times(pipeline, "Shops reported record sales on Black Friday 2023. Schools were "
                  "closed for Martin Luther King Jr. Day, and churches were full on Good "
                  "Friday.", WEDNESDAY)
    assert found["Black Friday 2023"] == ("DATE", "2023-11-24")
    assert found["Martin Luther King Jr. Day"] == ("DATE", "2024-01-15")
    assert found["Good Friday"] == ("DATE", "2023-04-07")  # 2024's is still to come


def test_a_holiday_word_at_the_head_of_a_name_is_not_a_date(pipeline: Pipeline) -> None:
    found = times(pipeline, "The ship reached Easter Island at Easter.", WEDNESDAY)
    assert list(found) == ["Easter"]


def test_a_duration_and_a_shorter_one_are_one_duration(pipeline: Pipeline) -> None:
    found = times(pipeline, "The final lasted two hours and 40 minutes.", WEDNESDAY)
    assert found["two hours and 40 minutes"] == ("DURATION", "PT2H40M")


def test_the_following_night_is_a_time(pipeline: Pipeline) -> None:
    found = times(pipeline, "The fire started on March 2, and crews returned the following "
                  "night.", WEDNESDAY)
    assert found["the following night"] == ("TIME", "2024-03-03TNI")
