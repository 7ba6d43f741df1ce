"""Each event's own date: its clause first, then its sentence, the story, the document."""

from eventwire.anchor import date_event
from eventwire.anchor.date import story_frame
from eventwire.pipeline import Pipeline
from tests.anchor.helpers import event_at
from tests.time.helpers import code

DCT = "2002-05-22"


def test_each_clause_takes_its_own_date(pipeline: Pipeline) -> None:
    doc = code(pipeline, "Police arrested the five men on May 8 and released them on May 20.",
               DCT)
    assert date_event(doc, event_at(doc, "arrested")) == ("2002-05-08", "day", "clause")
    assert date_event(doc, event_at(doc, "released")) == ("2002-05-20", "day", "clause")


def test_month_precision_is_kept(pipeline: Pipeline) -> None:
    doc = code(pipeline, "Earlier this month, lawmakers sent a letter urging Beijing to act.",
               DCT)
    assert date_event(doc, event_at(doc, "sent")) == ("2002-05", "month", "clause")
    assert date_event(doc, event_at(doc, "urging")) == ("2002-05", "month", "sentence")


def test_a_date_of_a_noun_does_not_date_the_event(pipeline: Pipeline) -> None:
    doc = code(pipeline, "Troops fired on protesters in Seoul. Critics compared the shooting "
               "to the 1980 massacre in Gwangju.", DCT)
    assert date_event(doc, event_at(doc, "compared")) == ("2002-05-22", "day", "document")


def test_durations_and_vague_times_do_not_date(pipeline: Pipeline) -> None:
    doc = code(pipeline, "Rebels recently besieged the town for three days.", DCT)
    assert date_event(doc, event_at(doc, "besieged")) == ("2002-05-22", "day", "document")


def test_before_a_date_is_not_on_that_date(pipeline: Pipeline) -> None:
    doc = code(pipeline, "The army withdrew before May 8.", DCT)
    assert date_event(doc, event_at(doc, "withdrew")) == ("2002-05-22", "day", "document")


def test_story_frame_dates_undated_sentences(pipeline: Pipeline) -> None:
    doc = code(
        pipeline,
        "Rebels seized the northern town of Kato on Monday, officials said. "
        "The government condemned the attack. Aid groups appealed for calm.",
        DCT,
    )
    assert story_frame(doc) == ("2002-05-20", "day")
    assert date_event(doc, event_at(doc, "condemned")) == ("2002-05-20", "day", "story")


def test_a_where_clause_is_in_the_story_frame_and_a_participle_clause_is_not(
        pipeline: Pipeline) -> None:
    """"visited Kato, where he met ..." tells what happened there and then; "men
    arrested by police" tells what happened before."""
    doc = code(
        pipeline,
        "Rebels seized the northern town of Kato on Monday, officials said. "
        "The minister later flew to Kato, where he met local leaders. "
        "Two men arrested by police were freed.",
        DCT,
    )
    assert date_event(doc, event_at(doc, "met", "040")) == ("2002-05-20", "day", "story")
    assert date_event(doc, event_at(doc, "arrested"))[2] == "document"


def test_without_any_date_the_document_date_is_said(pipeline: Pipeline) -> None:
    doc = code(pipeline, "The government condemned the attack.", DCT)
    assert date_event(doc, event_at(doc, "condemned")) == ("2002-05-22", "day", "document")
    undated = code(pipeline, "The government condemned the attack.", None)
    assert date_event(undated, event_at(undated, "condemned")) == (None, None, None)


def test_an_event_without_a_trigger_offset_uses_its_sentence(pipeline: Pipeline) -> None:
    doc = code(pipeline, "The talks collapsed. On May 8 the army attacked the town.", DCT)
    event = event_at(doc, "attacked")
    event.trigger_start = event.trigger_end = None
    assert date_event(doc, event) == ("2002-05-08", "day", "sentence")


def test_an_unresolved_time_of_the_clause_is_not_replaced_by_the_story(
        pipeline: Pipeline) -> None:
    doc = code(pipeline, "Rebels seized the town on Monday, officials said. The following day "
               "the army retook it.", DCT)
    # "the following day" counts from Monday: the army retook it on Tuesday.
    assert date_event(doc, event_at(doc, "retook")) == ("2002-05-21", "day", "clause")
    undated = code(pipeline, "The following day the army retook the town.", DCT)
    assert date_event(undated, event_at(undated, "retook")) == ("2002-05-22", "day",
                                                                 "document")


def test_a_background_year_in_the_lead_is_not_the_story_frame(pipeline: Pipeline) -> None:
    doc = code(pipeline, "The letter was written to Abraham Lincoln in 1848. This year the "
               "museum showed it. Police made 13 arrests.", DCT)
    assert story_frame(doc) is None
    assert date_event(doc, event_at(doc, "arrests")) == ("2002-05-22", "day", "document")


def test_a_distant_day_in_the_lead_is_not_the_story_frame(pipeline: Pipeline) -> None:
    doc = code(pipeline, "The mob shot two men on July 25, 1946. Officials reopened the "
               "case. Police made 13 arrests.", DCT)
    assert story_frame(doc) is None


def test_a_past_perfect_is_before_the_story_on_no_given_day(pipeline: Pipeline) -> None:
    doc = code(pipeline, "Police released the three students, who had been arrested at "
               "a rally. The students had fled the city.", DCT)
    assert date_event(doc, event_at(doc, "arrested")) == (None, None, "tense")
    assert date_event(doc, event_at(doc, "fled")) == (None, None, "tense")
    assert date_event(doc, event_at(doc, "released"))[2] == "document"


def test_a_plan_in_the_lead_is_not_the_story_frame(pipeline: Pipeline) -> None:
    doc = code(pipeline, "Gunmen attacked the embassy. Talks will resume next Monday, the "
               "minister said.", DCT)
    assert story_frame(doc) is None
    assert date_event(doc, event_at(doc, "attacked")) == ("2002-05-22", "day", "document")


def test_a_relative_clause_date_belongs_to_its_own_event(pipeline: Pipeline) -> None:
    doc = code(pipeline, "The ministry condemned the raid, which took place on Monday.", DCT)
    assert date_event(doc, event_at(doc, "condemned")) == ("2002-05-22", "day", "document")
    assert date_event(doc, event_at(doc, "took")) == ("2002-05-20", "day", "clause")


def test_overnight_dates_the_event_the_night_before(pipeline: Pipeline) -> None:
    doc = code(pipeline, "Gunmen attacked a police post overnight.", DCT)
    assert date_event(doc, event_at(doc, "attacked")) == ("2002-05-21", "day", "clause")
