"""Normalisers of relative expressions: "yesterday", "last week", "two days ago",
"the following day", "the day before", "overnight", "on Wednesday", "8 p.m.".

Deictic expressions count from the document creation date; anaphoric ones ("the
following day", "two days later") from the last explicit date of the text, and get no
value when there is none rather than falling back on the creation date. "The day
before" is the exception: without an earlier date in the text, news uses it of the day
before the report ("the attack, which took place the day before"), so it counts from the
creation date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.time.calendar import (
    Anchor,
    fmt_month,
    fmt_week,
    fmt_year,
    shift_month,
    weekday_near,
)
from eventwire.time.context import Context, Norm
from eventwire.time.lexicon import Unit, lexicon
from eventwire.time.parts import count_of, day_part_of, unit_of, weekday_of

__all__ = ["RELATIVE", "shift"]

_DEICTIC_DAYS = (
    ("the day before yesterday", -2), ("the day after tomorrow", 2), ("yesterday", -1),
    ("last night", -1), ("tomorrow", 1), ("tonight", 0), ("today", 0), ("this", 0),
)
_FINER = {"year": ("month", 12), "week": ("day", 7), "day": ("hour", 24)}
_PER_DAY = {"H": 24, "M": 24 * 60, "S": 24 * 3600}
_CLOCK_REACH = 150
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"]|\n")
_CLOCK = re.compile(r"(?i)(\d{1,2})(?::?(\d{2}))?\s?(a\.m\.|p\.m\.|am|pm)?|(noon|midnight)")
_ZONE = re.compile(r"\b([A-Z]{2,4})\b")


def _shift_days(base: Anchor, days: int) -> date | None:
    day = base.date
    if day is None:
        return None
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def shift(base: Anchor | None, name: str, unit: Unit, n: int) -> str | None:
    """The TIMEX3 value ``n`` units away from ``base``, at the unit's granularity."""
    if base is None:
        return None
    code, years = unit.code, n * unit.mult
    if unit.time or code == "D":
        days = n if code == "D" else int(n / _PER_DAY[code])  # "36 hours ago": a day back
        day = _shift_days(base, days)
        return day.isoformat() if day else None
    if code in ("W", "WE"):
        day = _shift_days(base, 7 * n * unit.mult)
        return (fmt_week(day) + ("-WE" if code == "WE" else "")) if day else None
    if code == "M" and base.month is not None:
        return fmt_month(*shift_month(base.year, base.month, n))
    if code == "Q" and base.month is not None:
        y, m = shift_month(base.year, base.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}" if fmt_year(y) else None
    if code == "Y" and name == "decade" and n in (-1, 0, 1):
        return f"{(base.year // 10 + n):03d}"
    if code == "Y" and name == "century" and n in (-1, 0, 1):
        return f"{(base.year // 100 + n):02d}"
    if code == "Y":
        return fmt_year(base.year + years)
    return None


def ago(text: str, ctx: Context) -> Norm | None:
    """"two days ago", "a year earlier", "three weeks later", "a month from now"."""
    lowered = text.lower()
    forward = bool(re.search(r"\b(later|from now|hence)\b", lowered))
    found, count = unit_of(text), count_of(text)
    if found is None:
        return None
    if count is None:
        return Norm("DATE", "FUTURE_REF" if forward else "PAST_REF", fuzzy=True)
    anaphoric = bool(re.search(r"\b(later|earlier)\b", lowered))
    base = ctx.ref if anaphoric else ctx.dct
    name, unit = found
    if count != int(count) and name in _FINER:  # "a year and a half ago" is 18 months ago
        name, factor = _FINER[name]
        count, unit = count * factor, lexicon().units[name]
    n = round(count) * (1 if forward else -1)
    if name in ("decade", "century"):
        name, n, unit = "year", n * unit.mult, Unit("Y", 1, False)
    return Norm("DATE", shift(base, name, unit, n))


def _offset(lowered: str) -> tuple[int, bool] | None:
    """(offset, anaphoric) of "last/next/this/the following/the previous ..."."""
    table = (
        ("this past", -1, False), ("the same", 0, True), ("the following", 1, True),
        ("the previous", -1, True),
        ("the next day", 1, True), ("the last", -1, False), ("the next", 1, False),
        ("the current", 0, False), ("following", 1, True), ("previous", -1, True),
        ("last", -1, False), ("next", 1, False), ("this", 0, False), ("current", 0, False),
    )
    for phrase, offset, anaphoric in table:
        if re.search(rf"\b{phrase}\b", lowered):
            return offset, anaphoric
    return None


def rel_unit(text: str, ctx: Context) -> Norm | None:
    """"last week" -> 2002-W20, "earlier this month" -> 2002-05, "the past year" -> P1Y."""
    lowered = text.lower()
    found = unit_of(text)
    if found is None:
        return None
    name, unit = found
    extent = re.search(r"(?<!this )\b(past|coming)\b", lowered) or (
        name in ("decade", "century") and not re.search(r"\b(this|current)\b", lowered)) or (
        unit.time and re.search(r"\b(the last|the next)\b", lowered))  # "in the last hour"
    if extent and unit.time:
        return Norm("DURATION", f"PT{unit.mult}{unit.code}")
    if extent:
        return Norm("DURATION", f"P{unit.mult}{unit.code}" if not unit.time else None)
    offset = _offset(lowered)
    if offset is None:
        return None
    n, anaphoric = offset
    value = shift(ctx.ref if anaphoric else ctx.dct, name, unit, n)
    if name == "night":  # "the following night" is a time of that day
        return _with_part(value, "NI")
    return Norm("DATE", value)


def _with_part(day: str | None, part: str | None) -> Norm:
    if part is None:
        return Norm("DATE", day)
    return Norm("TIME", f"{day}T{part}" if day else None)


def deictic(text: str, ctx: Context) -> Norm | None:
    """"yesterday", "today", "tonight", "last night", "this morning"."""
    lowered = text.lower()
    offset = next((n for phrase, n in _DEICTIC_DAYS if lowered.startswith(phrase)), None)
    if offset is None:
        return None
    part = day_part_of(lowered) or ("NI" if "night" in lowered else None)
    base = ctx.dct
    day = _shift_days(base, offset) if base else None
    return _with_part(day.isoformat() if day else None, part)


def day_around(text: str, ctx: Context) -> Norm | None:
    """"the day before" / "the day after": a day from the last explicit date; "the day
    before" with none counts from the creation date (see the module's docstring). "The
    year before" (1995) is 1994, "the week after" a week: only from an explicit date."""
    before = text.lower().endswith("before")
    found = unit_of(text)
    if found is not None and found[0] != "day":
        name, unit = found
        return Norm("DATE", shift(ctx.ref, name, unit, -1 if before else 1))
    base = ctx.ref if ctx.ref is not None else (ctx.dct if before else None)
    day = _shift_days(base, -1 if before else 1) if base is not None else None
    return Norm("DATE", day.isoformat() if day else None)


def overnight(text: str, ctx: Context) -> Norm | None:
    """"overnight": the night that ended on the creation day ("gunmen attacked the post
    overnight"), or, in a future clause, the night that begins on it."""
    if ctx.dct is None:
        return Norm("TIME", None)
    day = _shift_days(ctx.dct, 0 if ctx.tense_here() == "future" else -1)
    return _with_part(day.isoformat() if day else None, "NI")


def in_the_unit(text: str, ctx: Context) -> Norm | None:
    """"later in the year", "the end of the month": the story's year or month; "the
    second half of the year": its half (``2010-H2``)."""
    dct, lowered = ctx.dct, text.lower()
    if dct is None:
        return Norm("DATE", None)
    half = re.search(r"\b(first|second) half\b", lowered)
    if half:
        return Norm("DATE", f"{dct.year:04d}-H{1 if half.group(1) == 'first' else 2}")
    if lowered.endswith("month") and dct.month is not None:
        return Norm("DATE", fmt_month(dct.year, dct.month))
    return Norm("DATE", fmt_year(dct.year))


def weekend(text: str, ctx: Context) -> Norm | None:
    """"over the weekend": the weekend just gone in a past clause said on a weekday,
    else the weekend of the story's own week ("will meet before the weekend")."""
    ref = ctx.dct_date
    if ref is None:
        return Norm("DATE", None)
    if ctx.tense_here() == "past" and ref.isoweekday() < 6:
        ref -= timedelta(days=7)
    return Norm("DATE", fmt_week(ref) + "-WE")


def day_part(text: str, ctx: Context) -> Norm | None:
    """"that night" (of the last date named), "through the night", "by the afternoon":
    the part of the day the sentence speaks of, else of the story's day. A night told
    in the past tense on the story's own day is the night before it ("the count ran
    through the night"), as a story cannot report its coming night as done."""
    part = day_part_of(text)
    if part is None:
        return None
    ref, dct = ctx.ref.date if ctx.ref else None, ctx.dct_date
    if ref is not None and (text.lower().startswith("that") or _same_sentence(ctx)):
        day: date | None = ref
    else:
        day = dct
    if day is not None and day == dct and part == "NI" and ctx.tense_here() == "past":
        day = dct - timedelta(days=1)
    return _with_part(day.isoformat() if day else None, part)


def _weekday_direction(lowered: str, ctx: Context) -> str:
    if re.search(r"\b(last|past)\b", lowered):
        return "before"
    if re.search(r"\bnext\b", lowered):
        return "next_week"
    if re.search(r"\bcoming\b", lowered):
        return "after"
    if re.search(r"\bthis\b", lowered):
        return "week"
    return "future" if ctx.tense_here() in ("future", "present") else "past"


def weekday(text: str, ctx: Context) -> Norm | None:
    """"on Wednesday": the latest one on or before the anchor, or the next one in a
    future-tense clause; "last Friday" strictly before; "next Friday" in the week after
    the anchor's (said on a Wednesday, nine days on: "this Friday" is the one in two)."""
    number = weekday_of(text)
    if number is None:
        return None
    part = day_part_of(text)
    ref = ctx.dct_date
    if ref is None:
        return _with_part(None, part) if part else Norm("DATE", f"XXXX-WXX-{number}")
    direction = _weekday_direction(text.lower(), ctx)
    if direction == "next_week":  # "next Friday": the Friday of the week after the story's
        day = weekday_near(ref + timedelta(days=7), number, "week")
    else:
        day = weekday_near(ref, number, direction)
    return _with_part(day.isoformat(), part)


def _same_sentence(ctx: Context) -> bool:
    """True when the last explicit date is close before the expression, in its sentence."""
    if ctx.ref is None or not 0 <= ctx.span[0] - ctx.ref_end <= _CLOCK_REACH:
        return False
    return not _SENTENCE_BREAK.search(ctx.text[ctx.ref_end:ctx.span[0]])


def _clock_day(text: str, ctx: Context) -> str:
    number = weekday_of(text)
    ref = ctx.dct_date
    if number is not None and ref is not None:
        return weekday_near(ref, number, _weekday_direction("", ctx)).isoformat()
    if _same_sentence(ctx) and ctx.ref is not None and ctx.ref.date is not None:
        return ctx.ref.date.isoformat()
    return ref.isoformat() if ref else "XXXX-XX-XX"


def clock(text: str, ctx: Context) -> Norm | None:
    """"8:11 PM EDT", "15:00 GMT Saturday", "0300 GMT", "noon": the day from a weekday in
    the phrase, a date just before it, or the anchor; a named zone adds its UTC offset
    ("T20:11-04:00")."""
    m = _CLOCK.match(text)
    if m is None:
        return None
    if m[4]:
        hour, minute = (12 if m[4].lower() == "noon" else 0), 0
    else:
        hour, minute = int(m[1]), int(m[2] or 0)
        marker = (m[3] or "").lower().replace(".", "")
        hour = hour % 12 + (12 if marker == "pm" else 0) if marker else hour
    if hour > 23 or minute > 59:
        return None
    zone = _ZONE.search(text[m.end():])
    offset = lexicon().zone_offsets.get(zone.group(1), "") if zone else ""
    return Norm("TIME", f"{_clock_day(text, ctx)}T{hour:02d}:{minute:02d}{offset}")


RELATIVE = {
    "ago": ago,
    "rel_unit": rel_unit,
    "deictic": deictic,
    "day_around": day_around,
    "overnight": overnight,
    "weekend": weekend,
    "in_the_unit": in_the_unit,
    "day_part": day_part,
    "weekday": weekday,
    "clock": clock,
}
