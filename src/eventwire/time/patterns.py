"""The regular expressions of English time expressions, compiled once per process.

The recogniser scans a text once with one master pattern, an alternation of named
kinds ordered from the most specific to the least; then the matched kind's own pattern
re-reads the span to pull out its parts. Month and weekday names keep their capital
letter (the modal "may" is not a month); other words match in any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.time.lexicon import TimeLexicon, alternation, lexicon

__all__ = ["Patterns", "patterns", "KINDS"]

#: The kinds, in the order the master pattern tries them at one position.
KINDS = (
    "iso", "numeric", "mdy", "dmy", "month_year", "holiday", "quarter", "century",
    "decade", "year_range", "ago", "deictic", "rel_unit", "set", "weekday",
    "season", "stopwatch", "clock", "duration_range", "bare_plural", "duration", "fuzzy",
    "frequency", "year", "month",
)

_MOD = r"(?i:(?:(?:the\s)?(?:very\s)?(?:early|earlier|late|later|mid)(?:[\s-]|(?=\d)))" \
    r"|(?:the\s)?(?:end|beginning|start|middle|first\shalf|second\shalf)\sof\s)?"
_QUAL = (r"(?i:more\sthan|less\sthan|fewer\sthan|almost|nearly|about|around|over|"
         r"at\sleast|up\sto|some|roughly|a\smere|just|only|another|an\sadditional|"
         r"approximately|close\sto|under)")
_PREFIX = r"(?i:(?:the\s)?(?:past|last|next|coming|previous|following|first|final|" \
    r"recent|remaining|additional|same|other))"
_YEAR4 = r"(?:1\d|20|21)\d\d(?!\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"


@dataclass(frozen=True)
class Patterns:
    """The master scanner and one pattern per kind (for re-reading a matched span)."""

    master: re.Pattern[str]
    kinds: dict[str, re.Pattern[str]]


def _month(lex: TimeLexicon) -> str:
    full = [m for m in lex.months if len(m) > 4 or m in ("May", "June", "July")]
    short = [m for m in lex.months if m not in full]
    return rf"(?:{alternation(full)}|(?:{alternation(short)})\.?)"


def _number(lex: TimeLexicon) -> str:
    words = alternation(lex.numbers)
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    return rf"(?:{digits}|(?i:(?:{words})(?:[\s-](?:{words}))?))"


def _units(lex: TimeLexicon) -> tuple[str, str]:
    singular = alternation(lex.units)
    plural = r"(?:centuries|" + "|".join(f"{u}s" for u in lex.units if u != "century") + ")"
    return rf"(?i:{singular})", rf"(?i:{plural})"


def _kind_sources(lex: TimeLexicon) -> dict[str, str]:
    month, num = _month(lex), _number(lex)
    unit, units = _units(lex)
    wday = rf"(?:{alternation(lex.weekdays)})"
    part = rf"(?i:{alternation(lex.day_parts)})"
    season = rf"(?i:{alternation(lex.seasons)})"
    zone = rf"(?:{alternation(lex.zones)})"
    ordinal = rf"(?i:{alternation(lex.ordinals)})"
    vague = r"(?i:several|a\sfew|few|many|some|a\scouple\sof|couple\sof|numerous)"
    count = rf"(?:{num}|{vague})"
    lead_wday = rf"(?:{wday},?\s)?"
    clock = (r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?i:a\.m\.|p\.m\.|am\b|pm\b)"
             r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|(?i:noon|midnight))")
    return {
        "iso": r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?(?![\d-])",
        "numeric": r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])",
        "mdy": rf"{lead_wday}{_MOD}{month}\s(?:the\s)?{_DAYNUM}(?:,?\s{_YEAR4})?",
        "dmy": rf"{lead_wday}(?:the\s)?{_DAYNUM}\s(?:of\s)?{month}(?:,?\s{_YEAR4})?",
        "month_year": rf"{_MOD}{month},?\s(?:of\s)?{_YEAR4}",
        "holiday": rf"(?:{alternation(lex.holidays)})(?:\s{_YEAR4})?",
        "quarter": rf"(?i:(?:the\s)?(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
                   rf"[\s-]quarter)(?:\s(?i:of)\s(?:{_YEAR4}|(?i:this|last|next)\syear))?",
        "century": rf"(?i:the\s)?{_MOD}(?:\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[\s-](?i:century)",
        "decade": rf"(?i:the\s)?{_MOD}(?:\d{{3}}0|'\d0|\d0)(?:'s|s)",
        "year_range": rf"{_YEAR4}\s?[-–]\s?(?:{_YEAR4}|\d\d)(?![\d-])",
        "ago": rf"(?:{_QUAL}\s)?{count}[\s-](?i:and\sa\shalf\s)?(?:{units}|{unit})"
               r"\s(?i:ago|earlier|later)(?!\s+than\b)",
        "deictic": rf"(?i:(?:yesterday|today|tomorrow|tonight|last\snight|"
                   rf"the\sday\sbefore\syesterday|the\sday\safter\stomorrow)"
                   rf"(?:\s(?:{part}))?|this\s{part})",
        "rel_unit": rf"{_MOD}(?i:this|last|next|past|coming|previous|following|current|"
                    r"the\s(?:last|past|next|coming|previous|following|current|same))"
                    rf"\s(?i:fiscal\s|calendar\s|school\s)?{unit}(?!\w)",
        "set": rf"(?i:every|each|per)\s(?i:other\s)?(?:{unit}|{season}|{part}|{wday}|"
               r"(?i:season))"
               rf"|(?i:once|twice|{num}\stimes)\s(?i:a|per|every)\s{unit}",
        "clock": rf"{clock}(?:\s{zone})?(?:,?\s(?:(?i:on)\s)?{wday})?",
        "weekday": rf"(?i:(?:this|last|next|past|coming)\s)?{wday}(?:\s(?:{part}))?",
        "season": rf"{_MOD}(?i:(?:this|last|next|the|that|early|late)\s)?{season}"
                  rf"(?:,?\s(?:(?i:of)\s)?{_YEAR4})?",
        "duration": rf"(?:{_PREFIX}\s)?(?:{_QUAL}\s)?(?:{count}[\s-])?(?i:and\sa\shalf\s)?"
                    rf"(?:{units}|{unit})(?:'s|')?(?!-old|\w)",
        "bare_plural": rf"(?:(?<=for\s)|(?<=For\s)|(?<=over\s)){units}"
                       rf"|{units}(?=\s(?i:before|after|earlier|later)\b)",
        "stopwatch": r"\d{1,2}:[0-5]\d:[0-5]\d(?:\.\d+)?",
        "duration_range": rf"{num}\s(?i:and|or|to)\s(?!(?i:a\shalf))(?:{_QUAL}\s)?{num}"
                          rf"[\s-]{units}",
        "fuzzy": rf"(?i:{alternation(lex.fuzzy)})",
        "frequency": rf"(?i:{alternation(lex.frequencies)})",
        "year": rf"{_MOD}(?i:fiscal\s|FY\s?)?{_YEAR4}",
        "month": rf"{_MOD}{month}",
    }


_BEFORE = r"(?<![\w$£€#.,:/-])"
_AFTER = r"(?![\w])"


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The compiled patterns of the shipped lexicon (built once per process)."""
    sources = _kind_sources(lexicon())
    kinds = {k: re.compile(f"{_BEFORE}(?:{sources[k]}){_AFTER}") for k in KINDS}
    master = "|".join(f"(?P<{k}>{_BEFORE}(?:{sources[k]}){_AFTER})" for k in KINDS)
    return Patterns(re.compile(master), kinds)
