"""What a normaliser knows while reading one document: the anchor, the tense, the story.

``Context`` carries the document creation date (an :class:`Anchor`, possibly None), a
function that tells the tense of the clause around a span, and the last explicit date
read so far (the reference time of "the following day" and "two days later").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventwire.time.calendar import Anchor, fmt_day, fmt_month, value_precision
from eventwire.time.lexicon import lexicon

__all__ = ["Norm", "Context", "resolve_month_year", "resolve_day"]

TenseFn = Callable[[int, int], str | None]
VerbFn = Callable[[int, int], Any]
_PREV = re.compile(r"(\w+)\W*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s*$")


def _no_tense(start: int, end: int) -> str | None:
    return None


def _no_verb(start: int, end: int) -> Any:
    return None


@dataclass(frozen=True, slots=True)
class Norm:
    """A normalised time expression: TIMEX3 type, value, precision, and whether vague."""

    type: str
    value: str | None
    fuzzy: bool = False

    @property
    def precision(self) -> str | None:
        """The granularity of the value (None for durations, sets and vague values)."""
        if self.type in ("DURATION", "SET"):
            return None
        return value_precision(self.value)


@dataclass
class Context:
    """The state of normalisation across one document, in text order."""

    dct: Anchor | None
    tense: TenseFn = _no_tense
    verb: VerbFn = _no_verb
    ref: Anchor | None = None
    ref_end: int = -1
    span: tuple[int, int] = field(default=(0, 0))

    text: str = ""

    def tense_here(self) -> str | None:
        """"past" or "future" for the expression being normalised, None when unclear,
        "present" for a plan in the simple present (callers that do not ask for it read
        it as unclear).

        The clause's tense decides, except that "until"/"by" before the expression
        points forward unless the clause is in the simple past ("has been postponed
        until Saturday").
        """
        tense = self.tense(*self.span)
        before = _PREV.search(self.text[max(0, self.span[0] - 12):self.span[0]])
        if before and before.group(1).lower() in lexicon().forward_preps and tense != "past":
            return "future"
        if tense in ("past", "perfect"):
            return "past"
        if tense == "present" and self._scheduled():
            return "present"
        return "future" if tense == "future" else None

    def _scheduled(self) -> bool:
        """True for the simple present of a plan ("they play at Norwich on Tuesday",
        "the change takes effect on Friday"): news reports what happened in the past
        tense, so a named day in the simple present is a coming one. Reporting verbs
        ("says") and a headline's present ("Rovers win derby") are left out."""
        verb = self.verb(*self.span)
        return verb is not None and verb.lemma_.lower() not in lexicon().reporting_verbs \
            and not self._in_headline()

    def _in_headline(self) -> bool:
        """True inside a first line without a full stop that a line break ends."""
        first, brk, _ = self.text.partition("\n")
        return bool(brk) and self.span[0] < len(first) and not _SENTENCE_END.search(first)

    def note(self, norm: Norm, end: int) -> None:
        """Remember an explicit date as the reference time of later anaphoric ones."""
        if norm.type in ("DATE", "TIME") and not norm.fuzzy and norm.value:
            anchor = Anchor.parse(norm.value)
            if anchor is not None and norm.precision in ("day", "time", "month", "year"):
                self.ref, self.ref_end = anchor, end

    @property
    def dct_date(self) -> date | None:
        return self.dct.date if self.dct else None


def resolve_month_year(month: int, ctx: Context) -> int | None:
    """The year of a month named without one, from the anchor and the clause's tense.

    Past tense takes the latest such month on or before the anchor, future the earliest
    on or after; without a tense the anchor's own year.
    """
    dct = ctx.dct
    if dct is None:
        return None
    if dct.month is None:
        return dct.year
    tense = ctx.tense_here()
    if tense == "past" and month > dct.month:
        return dct.year - 1
    if tense == "future" and month < dct.month:
        return dct.year + 1
    return dct.year


def resolve_day(month: int, day: int, ctx: Context) -> str | None:
    """``YYYY-MM-DD`` of a day named without a year; ``XXXX-MM-DD`` without an anchor.

    A day that does not exist (February 30) is lowered to its month.
    """
    year = _year_of_day(month, day, ctx)
    if year is None:
        valid = fmt_day(2000, month, day) is not None  # 2000 is a leap year
        return f"XXXX-{month:02d}-{day:02d}" if valid else f"XXXX-{month:02d}"
    return fmt_day(year, month, day) or fmt_month(year, month)


def _year_of_day(month: int, day: int, ctx: Context) -> int | None:
    dct = ctx.dct
    if dct is None:
        return None
    if dct.month is None or dct.day is None:
        return resolve_month_year(month, ctx)
    tense = ctx.tense_here()
    key, ref = (month, day), (dct.month, dct.day)
    if tense == "past" and key > ref:
        return dct.year - 1
    if tense == "future" and key < ref:
        return dct.year + 1
    return dct.year
