"""Calendar arithmetic for TIMEX3 values: anchors, shifts, formatting and precision.

Every formatter returns None for a date that does not exist (February 30, year 10000)
so that callers lower the precision instead of inventing a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "Anchor",
    "fmt_day",
    "fmt_month",
    "fmt_year",
    "fmt_week",
    "shift_month",
    "weekday_near",
    "easter",
    "nth_weekday",
    "value_precision",
    "value_as_date",
]

_ANCHOR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_VALUE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}T"), "time"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^\d{4}-W\d{2}(-WE)?$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A reference date that may be known only to the month or the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a longer value keeps its prefix)."""
        if not value:
            return None
        m = _ANCHOR.match(value)
        if m is None:
            return None
        year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
        if month and not 1 <= month <= 12:
            return cls(year)
        if month and day and fmt_day(year, month, day) is None:
            return cls(year, month)
        return cls(year, month or None, day or None)

    @property
    def date(self) -> date | None:
        """The anchor as a ``date`` when it is known to the day."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


def fmt_year(year: int) -> str | None:
    """``YYYY``, or None outside the four-digit years TIMEX3 can write."""
    return f"{year:04d}" if 1 <= year <= 9999 else None


def fmt_month(year: int, month: int) -> str | None:
    """``YYYY-MM``, or None when the month does not exist."""
    if not 1 <= month <= 12 or fmt_year(year) is None:
        return None
    return f"{year:04d}-{month:02d}"


def fmt_day(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD``, or None when the day does not exist (February 30)."""
    if fmt_year(year) is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def fmt_week(day: date) -> str:
    """The ISO week of a day, ``YYYY-Www``."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    """The month ``n`` months after (or before, when negative) a month."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def weekday_near(ref: date, weekday: int, direction: str) -> date:
    """The day of ISO weekday ``weekday`` nearest ``ref`` in a direction.

    ``direction`` is "past" (on or before), "future" (on or after), "before" (strictly
    before), "after" (strictly after) or "week" (in the same ISO week).
    """
    delta = weekday - ref.isoweekday()
    if direction == "week":
        return ref + timedelta(days=delta)
    if direction in ("past", "before"):
        back = (-delta) % 7
        if back == 0 and direction == "before":
            back = 7
        return ref - timedelta(days=back)
    ahead = delta % 7
    if ahead == 0 and direction == "after":
        ahead = 7
    return ref + timedelta(days=ahead)


def value_precision(value: str | None) -> str | None:
    """The granularity of a TIMEX3 value ("day", "week", "month", ...), None if vague."""
    if not value:
        return None
    for pattern, name in _VALUE_FORMS:
        if pattern.match(value):
            return name
    return None


def _week_as_date(value: str) -> tuple[str, str] | None:
    year, week = int(value[:4]), int(value[6:8])
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}", "month"
    if monday.year == sunday.year:
        return f"{monday.year:04d}", "year"
    return None


def value_as_date(value: str | None) -> tuple[str, str] | None:
    """A TIMEX3 value as an event date (``YYYY[-MM[-DD]]``) and its precision.

    Finer granularities than a day collapse to the day; a week becomes its month (or
    year) when it lies within one; quarters and seasons become their year; vague values
    and decades do not date an event.
    """
    precision = value_precision(value)
    if value is None or precision is None:
        return None
    if precision in ("time", "day"):
        return value[:10], "day"
    if precision == "week":
        return _week_as_date(value)
    if precision == "month":
        return value, "month"
    if precision in ("quarter", "season", "year"):
        return value[:4], "year"
    return None


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    f = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * f) // 433
    month = (h + f - 7 * m + 90) // 25
    return date(year, month, (h + f - 7 * m + 33 * month + 19) % 32)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``th ISO ``weekday`` of a month (``n = -1``: the last one)."""
    if n < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
