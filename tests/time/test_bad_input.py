"""Bad input: impossible dates, far years, year ranges, huge numbers, no document date.

Nothing crashes, and nothing is more certain than the text allows.
"""

import re
from datetime import date

from eventwire.pipeline import Pipeline
from eventwire.time.recognize import find_times

from .helpers import code, times

DCT = "2002-05-22"
HUGE = "1" * 40


def test_february_30_is_lowered_to_its_month(pipeline: Pipeline) -> None:
    found = times(pipeline, "The accord was signed on February 30, 2001.", DCT)
    assert found["February 30, 2001"] == ("DATE", "2001-02")
    no_year = times(pipeline, "The accord was signed on February 30.", DCT)
    assert no_year["February 30"] == ("DATE", "2002-02")


def test_year_10000_is_not_a_date(pipeline: Pipeline) -> None:
    doc = code(pipeline, "In the year 10000 the treaty will expire. By 12000 BC it was ice.", DCT)
    assert all(m.value is None or "10000" not in m.value for m in doc.times)
    assert not [m for m in doc.times if m.text in ("10000", "12000")]


def test_year_range_with_two_digit_end(pipeline: Pipeline) -> None:
    doc = code(pipeline, "The highest since the 1950-53 Korean War.", DCT)
    assert [(m.text, m.value, m.precision) for m in doc.times] == [
        ("1950", "1950", "year"),
        ("53", "1953", "year"),
    ]


def test_forty_digit_numbers_near_date_words(pipeline: Pipeline) -> None:
    text = (f"On May {HUGE} the rebels came. They stayed {HUGE} days, since {HUGE}, "
            f"and {HUGE} years ago. In {HUGE} 2001 it ended on {HUGE}/5/2002.")
    doc = code(pipeline, text, DCT)
    assert doc.times, "the date words around the numbers are still read"
    for m in doc.times:
        assert m.value is None or not re.search(r"\d{10}", m.value)
        if HUGE in m.text:  # a count too large to trust stays unknown
            assert m.value is None or "X" in m.value or m.value.endswith("_REF")


def test_huge_durations_get_no_number(pipeline: Pipeline) -> None:
    found = times(pipeline, "The prison term was 999999999 years.", DCT)
    assert found["999999999 years"] == ("DURATION", "PXY")


def test_without_a_document_date_relative_expressions_stay_open(pipeline: Pipeline) -> None:
    doc = code(
        pipeline,
        "Yesterday police arrested five men. On Wednesday they were freed. Last year "
        "the law changed. On May 8 the talks began. In 2001 the war ended.",
        None,
    )
    assert doc.date is None
    found = {m.text: m.value for m in doc.times}
    assert found["Yesterday"] is None
    assert found["Wednesday"] == "XXXX-WXX-3"
    assert found["Last year"] is None
    assert found["May 8"] == "XXXX-05-08"
    assert found["2001"] == "2001"
    today = date.today().isoformat()
    assert all(today not in (m.value or "") for m in doc.times)


def test_find_times_without_a_parse() -> None:
    found = find_times("On May 8, 2002 and last week, for three days.", "2002-05-22", None)
    assert [(m.text, m.value) for m in found] == [
        ("May 8, 2002", "2002-05-08"),
        ("last week", "2002-W20"),
        ("three days", "P3D"),
    ]


def test_junk_text_does_not_crash() -> None:
    junk = "\x00 :: 99/99/9999 31/31/31 00:00:00 29 February 2001 May May May ' s 0s " * 50
    for mention in find_times(junk, "2002-05-22", None):
        assert mention.start < mention.end


def test_an_expression_does_not_run_across_lines() -> None:
    found = find_times("Published in May\n8 people died. On May 8 police came.", "2002-05-22")
    assert [(m.text, m.value) for m in found] == [("May", "2002-05"), ("May 8", "2002-05-08")]
