"""Normalisers of calendar expressions: dates, months, years, decades, seasons, quarters.

Each takes the matched text and the :class:`Context` and returns a :class:`Norm`, or None
when the match is not a time expression after all. A named month or day without a year
takes its year from the anchor and the tense; without an anchor the year stays ``XXXX``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.time.calendar import easter, fmt_day, fmt_month, fmt_year, nth_weekday
from eventwire.time.context import Context, Norm, resolve_day, resolve_month_year
from eventwire.time.lexicon import lexicon
from eventwire.time.parts import (
    day_of,
    month_of,
    ordinal_of,
    season_of,
    year_of,
)

__all__ = ["ABSOLUTE"]

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")


def iso(text: str, ctx: Context) -> Norm | None:
    m = _ISO.match(text)
    if m is None:
        return None
    day = fmt_day(int(m[1]), int(m[2]), int(m[3]))
    if day is None:
        return Norm("DATE", fmt_month(int(m[1]), int(m[2])) or fmt_year(int(m[1])))
    if m[4] and int(m[4]) < 24 and int(m[5]) < 60:
        return Norm("TIME", f"{day}T{m[4]}:{m[5]}")
    return Norm("DATE", day)


def _two_digit_year(yy: int, ctx: Context) -> int:
    """A two-digit year in the century that puts it nearest the anchor (or before it)."""
    base = ctx.dct.year if ctx.dct else 2000
    year = base - base % 100 + yy
    return year - 100 if year > base + 10 else year


def numeric(text: str, ctx: Context) -> Norm | None:
    """``5/22/2002``: month first as in US news, day first when the first part is > 12."""
    m = _NUMERIC.match(text)
    if m is None:
        return None
    a, b, y = int(m[1]), int(m[2]), int(m[3])
    year = _two_digit_year(y, ctx) if len(m[3]) == 2 else y
    month, day = (b, a) if a > 12 >= b else (a, b)
    value = fmt_day(year, month, day) or fmt_month(year, month)
    return Norm("DATE", value) if value else None


def day_date(text: str, ctx: Context) -> Norm | None:
    """"May 8", "22 May 2002", "Friday, March 22, 2013"."""
    month, day, year = month_of(text), day_of(text), year_of(text)
    if month is None or day is None:
        return None
    if year is not None:
        value = fmt_day(year, month, day) or fmt_month(year, month)
    else:
        value = resolve_day(month, day, ctx)
    return Norm("DATE", value)


def month_year(text: str, ctx: Context) -> Norm | None:
    month, year = month_of(text), year_of(text)
    if month is None or year is None:
        return None
    return Norm("DATE", fmt_month(year, month))


def month(text: str, ctx: Context) -> Norm | None:
    """A month named alone: "in May", "last March" (the year from the tense and anchor)."""
    number = month_of(text)
    if number is None:
        return None
    lowered = text.lower()
    year = resolve_month_year(number, ctx)
    if year is not None and ctx.dct is not None and ctx.dct.month is not None:
        if re.search(r"\blast\b", lowered):
            year = ctx.dct.year - (1 if number >= ctx.dct.month else 0)
        elif re.search(r"\bnext\b", lowered):
            year = ctx.dct.year + (1 if number <= ctx.dct.month else 0)
    if year is None:
        return Norm("DATE", f"XXXX-{number:02d}")
    return Norm("DATE", fmt_month(year, number))


def holiday(text: str, ctx: Context) -> Norm | None:
    """"Christmas", "Thanksgiving", "Good Friday 2019": the day of the year the text
    names, else the occurrence the clause's tense points to from the anchor."""
    lex = lexicon()
    name = next((h for h in lex.holiday_names if text.startswith(h)), None)
    if name is None:
        return None
    year = year_of(text[len(name):])
    if name in lex.holidays:
        month_no, day = lex.holidays[name]
        value = fmt_day(year, month_no, day) if year else resolve_day(month_no, day, ctx)
        return Norm("DATE", value)
    if year is not None:
        found = _movable(name, year)
        return Norm("DATE", found.isoformat() if found else None)
    return Norm("DATE", _movable_near(name, ctx))


def _movable(name: str, year: int) -> date | None:
    """The day of a holiday that moves with the calendar, in one year."""
    lex = lexicon()
    if not 1583 <= year <= 9999:
        return None
    if name in lex.easter_holidays:
        return easter(year) + timedelta(days=lex.easter_holidays[name])
    month_no, weekday, n, after = lex.weekday_holidays[name]
    return nth_weekday(year, month_no, weekday, n) + timedelta(days=after)


def _movable_near(name: str, ctx: Context) -> str | None:
    """The occurrence around the anchor: the year before in a past clause when this
    year's is still to come, the year after in a future clause when it has passed."""
    anchor = ctx.dct.date if ctx.dct else None
    if anchor is None:
        return None
    found, tense = _movable(name, anchor.year), ctx.tense_here()
    if found is not None and tense == "past" and found > anchor:
        found = _movable(name, anchor.year - 1)
    elif found is not None and tense == "future" and found < anchor:
        found = _movable(name, anchor.year + 1)
    return found.isoformat() if found else None


_FISCAL = re.compile(r"(?i)\b(?:fiscal|FY)\b|\bFY(?=\d)")


def fiscal(text: str, value: str | None) -> str | None:
    """A fiscal period carries TIMEX3's ``FY`` prefix ("fiscal 2001" -> FY2001)."""
    return "FY" + value if value and _FISCAL.search(text) and value[0].isdigit() else value


def year(text: str, ctx: Context) -> Norm | None:
    found = year_of(text)
    return Norm("DATE", fiscal(text, fmt_year(found))) if found is not None else None


def decade(text: str, ctx: Context) -> Norm | None:
    """"the 1990s" -> 199, "the 1800s" -> 18 (a century), "the '90s" -> 199."""
    digits = re.search(r"(\d+)0'?s", text)
    if digits is None:
        return None
    head = digits.group(1)
    if len(head) == 3:
        # "the 1800s" is a century; "the 2000s" is usually the decade.
        is_century = head.endswith("0") and int(head) < 200 and "00" in text
        return Norm("DATE", head[:2] if is_century else head)
    if len(head) == 1:
        century = _two_digit_year(int(head) * 10, ctx) // 100
        return Norm("DATE", f"{century:02d}{head}")
    return None


def century(text: str, ctx: Context) -> Norm | None:
    """"the 20th century" -> 19."""
    number = ordinal_of(text)
    if number is None or not 1 <= number <= 99:
        return None
    return Norm("DATE", f"{number - 1:02d}")


def quarter(text: str, ctx: Context) -> Norm | None:
    """"the first quarter (of 2013)" -> 2013-Q1; the year from the text or the anchor."""
    number = ordinal_of(text)
    number = 4 if number is None or number > 4 else number
    year_no = year_of(text)
    if year_no is None and ctx.dct is not None:
        shift = -1 if re.search(r"(?i)\blast year\b", text) else 0
        shift = 1 if re.search(r"(?i)\bnext year\b", text) else shift
        shift = -1 if not shift and _reported_before_it(number, ctx) else shift
        year_no = ctx.dct.year + shift
    if year_no is None or fmt_year(year_no) is None:
        return Norm("DATE", f"XXXX-Q{number}")
    return Norm("DATE", fiscal(text, f"{year_no:04d}-Q{number}"))


def _reported_before_it(number: int, ctx: Context) -> bool:
    """A quarter's results reported before the quarter has begun in the story's year are
    those of the year before ("fourth-quarter earnings" in January)."""
    dct = ctx.dct
    if dct is None or dct.month is None or (number - 1) * 3 + 1 <= dct.month:
        return False
    after = re.match(r"[\s-]*([A-Za-z]+)", ctx.text[ctx.span[1]:ctx.span[1] + 30])
    return after is not None and after.group(1).lower() in lexicon().report_nouns


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_year(code: str, lowered: str, ctx: Context) -> int | None:
    """"last summer" is last year's; "the summer" in a past clause is the latest one."""
    dct = ctx.dct
    if dct is None:
        return None
    ended = dct.month is not None and _SEASON_START[code] + 3 <= dct.month
    if re.search(r"\blast\b", lowered):
        return dct.year if ended else dct.year - 1  # said in November, last summer is this year's
    if re.search(r"\bnext\b", lowered):
        return dct.year + 1
    if dct.month is None or re.search(r"\bthis\b", lowered):
        return dct.year
    tense = ctx.tense_here()
    if tense == "past" and _SEASON_START[code] > dct.month:
        return dct.year - 1
    return dct.year


def season(text: str, ctx: Context) -> Norm | None:
    """"last summer" -> 2012-SU; "the spring of 1999" -> 1999-SP."""
    code = season_of(text)
    if code is None:
        return None
    year_no = year_of(text)
    if year_no is None and ctx.dct is not None:
        year_no = _season_year(code, text.lower(), ctx)
    if year_no is None or fmt_year(year_no) is None:
        return Norm("DATE", f"XXXX-{code}")
    return Norm("DATE", f"{year_no:04d}-{code}")


ABSOLUTE = {
    "iso": iso,
    "numeric": numeric,
    "mdy": day_date,
    "dmy": day_date,
    "month_year": month_year,
    "month": month,
    "holiday": holiday,
    "year": year,
    "decade": decade,
    "century": century,
    "quarter": quarter,
    "season": season,
}
