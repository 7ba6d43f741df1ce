"""One calendar vocabulary and one grammar of written dates, for every stage that reads dates.

The clean and dating stages (``eventwire.ingest.dates``) read dates before the parser,
to date a story; the ``times`` stage reads them in the parsed text, to normalise time
expressions. Both read the same month and weekday names (``data/time/calendar.yaml``)
and the same three orders of a written date, built here once:

- month-day-year: ``May 8``, ``Sept. 14, 2016``, ``Thursday, Oct. 9``, ``May the 8th``;
- day-month-year: ``8 May``, ``14th of September 2016``, ``Friday 8 May``;
- month-year: ``May 2002``, ``September, 2016``, ``May of 2002``.

The two readers differ only in what they plug in (:class:`DatePieces`), and say why
where they do: dating keeps named groups (it reads the parts back from one match),
accepts wire copy's upper-case names and abbreviated weekdays ("THURS., OCT. 9"), only
years a story can be dated in (1800-2099) and no day before a colon; the times stage
scans with one group-free master pattern, matches names with their capital only (the
modal "may" is not a month), any four-digit year, which its own checks then filter by the
words around it, and "the"/"of" inside a date ("the 8th of May").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from eventwire.config import load_yaml
from eventwire.errors import Errors

__all__ = [
    "CALENDAR_PATH",
    "CalendarNames",
    "DatePieces",
    "calendar_names",
    "name_alternation",
    "date_orders",
    "DAY",
    "DAY_NUMBER",
]

CALENDAR_PATH = "data/time/calendar.yaml"

#: A day of the month, 1-31, with an optional ordinal suffix; not the start of a longer
#: number or a clock time ("May 8" but not "May 80" or "May 8:30").
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
_ORDINAL = r"(?:st|nd|rd|th)?"
DAY = DAY_NUMBER + _ORDINAL + r"(?!\w|:\d)"


@dataclass(frozen=True)
class CalendarNames:
    """Month and weekday names as written (capitalised), with their numbers."""

    #: Every form of a month name ("January", "Jan", "Sept") -> 1-12.
    months: dict[str, int]
    #: Every form of a weekday name ("Thursday", "Thurs", "Thu") -> ISO 1-7.
    weekdays: dict[str, int]
    #: The full weekday names only ("Thursday") -> ISO 1-7: "Sun" and "Wed" alone are
    #: words far more often than days in running text.
    full_weekdays: dict[str, int]

    def month(self, word: str) -> int | None:
        """1-12 for a month name or abbreviation in any case ("Sept.", "MAY"), else None."""
        return self.months.get(word.rstrip(".").capitalize())

    def weekday(self, word: str) -> int | None:
        """ISO 1-7 for a weekday name or abbreviation in any case, else None."""
        return self.weekdays.get(word.rstrip(".").capitalize())


def _numbered(rows: object, what: str) -> tuple[dict[str, int], dict[str, int]]:
    """({every form: number}, {first form: number}) of a list of name lists."""
    if not isinstance(rows, list) or not all(isinstance(r, list) and r for r in rows):
        raise ValueError(f"{what} must be a list of name lists")
    every = {str(form): n for n, row in enumerate(rows, 1) for form in row}
    return every, {str(row[0]): n for n, row in enumerate(rows, 1)}


@lru_cache(maxsize=1)
def calendar_names() -> CalendarNames:
    """The shipped month and weekday names (read and checked once per process)."""
    try:
        text = resources.files("eventwire").joinpath(CALENDAR_PATH).read_text("utf-8")
        data = load_yaml(text)
        months, _ = _numbered(data["months"], "months")
        weekdays, full = _numbered(data["weekdays"], "weekdays")
        if len(set(months.values())) != 12 or len(full) != 7:
            raise ValueError("12 months and 7 weekdays are expected")
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise Errors.E239.error(path=CALENDAR_PATH, reason=exc) from exc
    return CalendarNames(months, weekdays, full)


def name_alternation(names: Iterable[str], *, upper: bool = False) -> str:
    """A regex alternation of names as written (capitalised), longest first; with
    ``upper``, their upper-case forms too ("MAY 8" in a wire header, never "may 8")."""
    forms = {n.capitalize() for n in names}
    if upper:
        forms |= {n.upper() for n in forms}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@dataclass(frozen=True)
class DatePieces:
    """What a reader plugs into the date orders.

    ``month`` and ``weekday`` are patterns of a name with any dot it may take; ``year``
    the years the reader accepts; ``gap`` the space between words; ``prefix`` what may
    stand before the month (the times stage's "early", "mid-"); ``named`` whether the
    parts are named groups (``mon``, ``day``, ``year``, ``wd``).
    """

    month: str
    weekday: str
    year: str
    gap: str = r"\s"
    prefix: str = ""
    named: bool = False
    #: "the" and "of" inside a date without a weekday ("May the 8th", "the 8th of May",
    #: "May of 2002"); without them, "the" is read only after a weekday ("Monday, the
    #: 8th"), as the dating stage always has.
    articles: bool = True
    #: What may not follow the day: the times stage takes "May 8:" before a quote; the
    #: dating stage leaves any day before a colon out ("NOVEMBER 05:" photo captions).
    day_end: str = r"(?!\w|:\d)"

    def group(self, name: str, pattern: str) -> str:
        return f"(?P<{name}>{pattern})" if self.named else f"(?:{pattern})"


def date_orders(p: DatePieces) -> dict[str, str]:
    """The three orders of a written date ("mdy", "dmy", "month_year") as regex sources."""
    month, year = p.group("mon", p.month), p.group("year", p.year)
    day = p.group("day", DAY_NUMBER) + _ORDINAL + p.day_end
    gap = p.gap
    the, of = rf"(?:the{gap})?", rf"(?:of{gap})?"
    inner_the, inner_of = (the, of) if p.articles else ("", "")
    lead = rf"(?:{p.group('wd', p.weekday)},?{gap}{'' if p.articles else the})?"
    year_tail = rf"(?:,?{gap}{year})?"
    return {
        "mdy": rf"{lead}{p.prefix}{month}{gap}{inner_the}{day}{year_tail}",
        "dmy": rf"{lead}{inner_the}{day}{gap}{of}{month}{year_tail}",
        "month_year": rf"{p.prefix}{month},?{gap}{inner_of}{year}",
    }
