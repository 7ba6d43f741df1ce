"""The fast scanner finds exactly what the master pattern finds, and stays fast."""

import time

from eventwire.time.patterns import patterns
from eventwire.time.recognize import find_times

TEXT = (
    "On Friday, March 22, 2013 at 8:30 a.m. EDT, officials said the 1990s and the '80s, "
    "mid-2012, FY2013, early this year, the past two years, two or three days, "
    "the following day, a decade ago, every week, each season, daily, recently, now, "
    "the future, Christmas Day 2001, the first quarter of 2013, 3:07:35, 5/22/2002, "
    "2002-05-22, 1950-53, for years, minutes before, New Year's Eve, last summer, "
    "Theresa May, the fall of Rome, 2000 people, and in May they met. "
)


def test_scan_equals_finditer() -> None:
    pats = patterns()
    text = TEXT * 3
    slow = [(m.start(), m.end(), m.lastgroup) for m in pats.master.finditer(text)
            if m.end() > m.start()]
    fast = [(m.start(), m.end(), m.lastgroup) for m in pats.scan(text)]
    assert fast == slow
    assert len(fast) > 30


def test_function_words_are_not_whole_expressions() -> None:
    pats = patterns()
    assert {"the", "a", "an", "of", "in"}.isdisjoint(pats.whole_words)
    assert {"now", "may", "friday", "daily"} <= pats.whole_words


def test_scanning_a_long_text_is_fast() -> None:
    text = TEXT * 200  # about 90,000 characters
    began = time.perf_counter()
    found = find_times(text, "2013-03-22", None)
    elapsed = time.perf_counter() - began
    assert len(found) >= 30 * 200
    assert elapsed < 5.0, f"{elapsed:.2f}s for {len(text):,} characters"
