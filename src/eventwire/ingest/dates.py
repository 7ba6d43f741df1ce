"""Finding calendar dates, years, weekdays and clock times in news text with regexes.

The clean and dating stages run before the parser, over every document, so they use fast
regular expressions rather than spaCy. Each finder returns matches with their offsets,
so that the dating stage can look at the words around a date (tense, "this year").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from eventwire.ingest.patterns import month_number, weekday_number
from eventwire.time.grammar import DatePieces, calendar_names, date_orders, name_alternation

__all__ = [
    "DateMatch",
    "find_dates",
    "find_years",
    "find_weekdays",
    "find_time",
    "parse_date",
    "to_date",
]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A calendar date found in text; ``year`` or ``day`` may be missing ("May 8", "May 2002")."""

    start: int
    end: int
    text: str
    month: int
    day: int | None = None
    year: int | None = None
    weekday: int | None = None


#: A year a story can be dated in: dating evidence outside 1800-2099 is a count or a name.
_NEWS_YEAR = r"(?:1[89]|20)\d{2}\b"


@cache
def _date_regexes() -> tuple[re.Pattern[str], ...]:
    """The ISO form and the three written orders of the shared date grammar, with named
    groups, upper-case wire forms ("MAY 8") and abbreviated weekdays ("Thurs., Oct. 9")."""
    names = calendar_names()
    pieces = DatePieces(
        month=rf"(?:{name_alternation(names.months, upper=True)})\b\.?",
        weekday=rf"(?:{name_alternation(names.weekdays, upper=True)})\.?",
        year=_NEWS_YEAR,
        gap=r"\s+",
        named=True,
        articles=False,
        day_end=r"\b(?!:)",
    )
    orders = date_orders(pieces)
    iso = r"\b(?P<year>(?:1[89]|20)\d{2})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?!\d)"
    sources = (iso, *(rf"\b{orders[k]}" for k in ("mdy", "dmy", "month_year")))
    return tuple(re.compile(s) for s in sources)


def _number(value: str | None) -> int | None:
    return int(value) if value else None


def _month_of(value: str) -> int | None:
    return int(value) if value.isdigit() else month_number(value)


def _match_to_date(m: re.Match[str]) -> DateMatch | None:
    groups = m.groupdict()
    month = _month_of(groups["mon"])
    day = _number(groups.get("day"))
    year = _number(groups.get("year"))
    weekday = weekday_number(groups["wd"]) if groups.get("wd") else None
    if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if year is not None and day is not None and to_date(year, month, day) is None:
        return None
    return DateMatch(m.start(), m.end(), m.group(0), month, day, year, weekday)


def find_dates(text: str) -> list[DateMatch]:
    """Every calendar date in ``text``, in order, without overlaps (the longest wins)."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for regex in _date_regexes():
        for m in regex.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            dm = _match_to_date(m)
            if dm is not None:
                found.append(dm)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


_YEAR = re.compile(r"(?<![\d/.,$£€-])\b(?P<year>(?:1[89]|20)\d{2})\b(?!\s*(?:[-–/]\s*\d)|[.,]\d|%)")
_RANGE = re.compile(r"\b(?:1[89]|20)\d{2}\s*[-–/]\s*\d{2,4}\b")


def find_years(text: str) -> list[tuple[int, int, int]]:
    """Years named on their own: (start, end, year); ranges like "1950-53" are left out."""
    ranges = [(m.start(), m.end()) for m in _RANGE.finditer(text)]
    out = []
    for m in _YEAR.finditer(text):
        if any(s <= m.start() < e for s, e in ranges):
            continue
        out.append((m.start(), m.end(), int(m.group("year"))))
    return out


@cache
def _weekday_regex() -> re.Pattern[str]:
    names = [n for n in calendar_names().weekdays if len(n) > 4]
    return re.compile(
        rf"\b(?P<wd>{name_alternation(names, upper=True)})\b(?!,?\s+(?:\d|the\s+\d))"
    )


def find_weekdays(text: str) -> list[tuple[int, int, int]]:
    """Weekday names not followed by a date ("on Wednesday"): (start, end, weekday 0-6)."""
    out = []
    for m in _weekday_regex().finditer(text):
        number = weekday_number(m.group("wd"))
        if number is not None:
            out.append((m.start(), m.end(), number))
    return out


_TIME = re.compile(
    r"\b(?P<h>[012]?\d)[:.](?P<m>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>(?i:[ap]\.?\s?m\b\.?))?"
    r"(?:\s*(?P<tz>\(?[A-Z]{2,5}\)?(?:[+-]\d{1,2})?))?",
)


def find_time(text: str) -> str | None:
    """A clock time as "HH:MM" plus its zone when given ("8:11 PM EDT" -> "20:11 EDT")."""
    m = _TIME.search(text)
    if m is None:
        return None
    hour, minute = int(m.group("h")), int(m.group("m"))
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    zone = (m.group("tz") or "").strip("()")
    return f"{hour:02d}:{minute:02d}" + (f" {zone}" if zone else "")


def to_date(year: int, month: int, day: int) -> date | None:
    """A ``date``, or None when the day does not exist (30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>(?:19|20)\d{2})\b"
)


def _numeric_date(text: str) -> str | None:
    """ "17/03/2012" (day first) or "03/17/2012" (month first), when only one reading exists.

    "05/06/2012" could be either; it is left unread rather than guessed.
    """
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        readings = {d for d in (to_date(year, b, a), to_date(year, a, b)) if d is not None}
        if len(readings) == 1:
            return readings.pop().isoformat()
    return None


def parse_date(text: str) -> str | None:
    """The first full date of a header or metadata string, as ISO (or "YYYY-MM"/"YYYY")."""
    numeric = _numeric_date(text)
    if numeric is not None and not any(d.day and d.year for d in find_dates(text)):
        return numeric
    for dm in find_dates(text):
        if dm.year is not None and dm.day is not None:
            return f"{dm.year:04d}-{dm.month:02d}-{dm.day:02d}"
    for dm in find_dates(text):
        if dm.year is not None:
            return f"{dm.year:04d}-{dm.month:02d}"
    years = find_years(text)
    if len(years) == 1 and text.strip() == text[years[0][0] : years[0][1]]:
        return str(years[0][2])
    return None
