"""Time expressions of news text: spans in TimeML form and values anchored on the DCT."""

from eventwire.pipeline import Pipeline

from .helpers import code, times

DCT = "2002-05-22"  # a Wednesday


def test_absolute_dates(pipeline: Pipeline) -> None:
    found = times(
        pipeline,
        "The treaty was signed on 22 May 1999. Talks began May 2001 and ended "
        "on June 3, 2001. Trade grew in 1998 and through the 1990s. The 20th century ended.",
        DCT,
    )
    assert found["22 May 1999"] == ("DATE", "1999-05-22")
    assert found["May 2001"] == ("DATE", "2001-05")
    assert found["June 3, 2001"] == ("DATE", "2001-06-03")
    assert found["1998"] == ("DATE", "1998")
    assert found["the 1990s"] == ("DATE", "199")
    assert found["The 20th century"] == ("DATE", "19")


def test_day_without_year_takes_the_tense(pipeline: Pipeline) -> None:
    found = times(pipeline, "Police arrested him on May 8. The court will rule on June 4.", DCT)
    assert found["May 8"] == ("DATE", "2002-05-08")
    assert found["June 4"] == ("DATE", "2002-06-04")
    past = times(pipeline, "The rebels attacked the town on December 30.", DCT)
    assert past["December 30"] == ("DATE", "2001-12-30")


def test_weekdays_follow_the_tense(pipeline: Pipeline) -> None:
    found = times(pipeline, "The minister resigned on Friday. Talks will resume Monday.", DCT)
    assert found["Friday"] == ("DATE", "2002-05-17")
    assert found["Monday"] == ("DATE", "2002-05-27")
    same_day = times(pipeline, "The five flew to Seoul on Wednesday.", DCT)
    assert same_day["Wednesday"] == ("DATE", "2002-05-22")


def test_relative_expressions(pipeline: Pipeline) -> None:
    found = times(
        pipeline,
        "Yesterday the army withdrew. Today it returned. Last week rebels fled. "
        "Earlier this month the talks failed. So far this year 300 people have crossed. "
        "Two days ago a bomb exploded. Last year the deal collapsed. Next month a vote "
        "is due. Three weeks ago the mayor quit.",
        DCT,
    )
    assert found["Yesterday"] == ("DATE", "2002-05-21")
    assert found["Today"] == ("DATE", "2002-05-22")
    assert found["Last week"] == ("DATE", "2002-W20")
    assert found["Earlier this month"] == ("DATE", "2002-05")
    assert found["this year"] == ("DATE", "2002")
    assert found["Two days ago"] == ("DATE", "2002-05-20")
    assert found["Last year"] == ("DATE", "2001")
    assert found["Next month"] == ("DATE", "2002-06")
    assert found["Three weeks ago"] == ("DATE", "2002-W18")


def test_anaphoric_expressions_count_from_the_last_date(pipeline: Pipeline) -> None:
    found = times(
        pipeline,
        "Troops entered the city on March 3, 2001. The following day they left. "
        "Two days later the rebels came back.",
        DCT,
    )
    assert found["The following day"] == ("DATE", "2001-03-04")
    assert found["Two days later"] == ("DATE", "2001-03-06")


def test_anaphoric_expression_without_a_date_gets_no_value(pipeline: Pipeline) -> None:
    found = times(pipeline, "The following day the rebels left.", DCT)
    assert found["The following day"] == ("DATE", None)


def test_times_of_day(pipeline: Pipeline) -> None:
    found = times(
        pipeline, "The blast came at 8:30 p.m. on Friday. This morning the road reopened.", DCT
    )
    # A time and a day joined by a preposition are two expressions (TIMEX3 guidelines).
    assert found["8:30 p.m."] == ("TIME", "2002-05-17T20:30")
    assert found["Friday"] == ("DATE", "2002-05-17")
    assert found["This morning"] == ("TIME", "2002-05-22TMO")


def test_durations_sets_and_vague_references(pipeline: Pipeline) -> None:
    found = times(
        pipeline,
        "The siege lasted three days. He served two years in jail and the past six months "
        "at home. Inspectors visit every week. The ministry meets daily. Recently the "
        "rebels regrouped. Now they hold the north. Peace may come in the future. "
        "The talks could take between two and four weeks.",
        DCT,
    )
    assert found["three days"] == ("DURATION", "P3D")
    assert found["two years"] == ("DURATION", "P2Y")
    assert found["the past six months"] == ("DURATION", "P6M")
    assert found["every week"] == ("SET", "P1W")
    assert found["daily"] == ("SET", "P1D")
    assert found["Recently"] == ("DATE", "PAST_REF")
    assert found["Now"] == ("DATE", "PRESENT_REF")
    assert found["the future"] == ("DATE", "FUTURE_REF")
    assert found["two"] == ("DURATION", "P2W")
    assert found["four weeks"] == ("DURATION", "P4W")
    bare = times(pipeline, "The siege went on for months. A ruling may take years.", DCT)
    assert bare == {"months": ("DURATION", "PXM"), "years": ("DURATION", "PXY")}


def test_spans_follow_timeml(pipeline: Pipeline) -> None:
    doc = code(pipeline, "Police said on Wednesday that the man died two days ago.", DCT)
    assert [m.text for m in doc.times] == ["Wednesday", "two days ago"]
    for m in doc.times:
        assert doc.text[m.start:m.end] == m.text


def test_false_friends_are_not_times(pipeline: Pipeline) -> None:
    found = times(
        pipeline,
        "Theresa May said the talks may fail. About 2000 people march in the capital. "
        "The fall of the regime was swift. He is a 52-year-old farmer.",
        DCT,
    )
    assert found == {}


def test_precision_and_fuzzy_fields(pipeline: Pipeline) -> None:
    doc = code(pipeline, "In May 2001 the war ended. Recently it flared again.", DCT)
    by_text = {m.text: m for m in doc.times}
    assert by_text["May 2001"].precision == "month"
    assert by_text["May 2001"].fuzzy is False
    assert by_text["Recently"].fuzzy is True
    assert by_text["Recently"].precision is None


def test_seasons_follow_the_anchor_and_tense(pipeline: Pipeline) -> None:
    found = times(
        pipeline,
        "Last summer the river flooded. This spring the dam will open. Throughout the "
        "autumn, cases were reported. The fall of the regime was swift.",
        "2009-03-16",
    )
    assert found["Last summer"] == ("DATE", "2008-SU")
    assert found["This spring"] == ("DATE", "2009-SP")
    assert found["the autumn"] == ("DATE", "2008-FA")
    assert "fall" not in " ".join(found)
    november = times(pipeline, "Last summer the river flooded.", "2009-11-16")
    assert november["Last summer"] == ("DATE", "2009-SU")


def test_addresses_and_counts_are_not_years(pipeline: Pipeline) -> None:
    found = times(pipeline, "She lives at 1935 Orchard St. in town. Some 1999 voters came. "
                  "April 14: a four-hour course.", "2009-03-16")
    assert "1935" not in found
    assert "1999" not in found
    assert found["April 14"] == ("DATE", "2009-04-14")


def test_clock_times_take_the_day_around_them(pipeline: Pipeline) -> None:
    found = times(
        pipeline,
        "The car left the road early Wednesday morning, around 5 a.m. A meeting will be "
        "held at 4 p.m. May 14 at the town hall.",
        "2009-03-15",
    )
    assert found["5 a.m."] == ("TIME", "2009-03-11T05:00")
    assert found["4 p.m."] == ("TIME", "2009-05-14T16:00")


def test_this_past_and_fiscal_years(pipeline: Pipeline) -> None:
    found = times(pipeline, "This past weekend the mayor spoke. Spending rose in fiscal year "
                  "2001 and over the past week.", DCT)
    assert found["This past weekend"] == ("DATE", "2002-W20-WE")
    assert found["fiscal year 2001"] == ("DATE", "FY2001")  # TIMEX3's fiscal prefix
    assert found["the past week"] == ("DURATION", "P1W")


def test_halves_and_articles(pipeline: Pipeline) -> None:
    found = times(pipeline, "A four-week course ran for an hour and a half. A year and a half "
                  "ago, late last July and last May, the town voted.", "2013-03-22")
    assert found["four-week"] == ("DURATION", "P4W")
    assert found["an hour and a half"] == ("DURATION", "PT1.5H")
    assert found["A year and a half ago"] == ("DATE", "2011-09")
    assert found["late last July"] == ("DATE", "2012-07")
    assert found["last May"] == ("DATE", "2012-05")
