"""The regular expressions of English time expressions, compiled once per process.

The recogniser scans a text once with one master pattern, an alternation of named
kinds ordered from the most specific to the least; then the matched kind's own pattern
re-reads the span to pull out its parts. Month and weekday names keep their capital
letter (the modal "may" is not a month); other words match in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from eventwire.time.grammar import DatePieces, date_orders
from eventwire.time.lexicon import TimeLexicon, alternation, lexicon

__all__ = ["Patterns", "patterns", "KINDS"]

#: The kinds, in the order the master pattern tries them at one position.
KINDS = (
    "iso", "numeric", "mdy", "dmy", "month_year", "holiday", "quarter", "century",
    "decade", "year_range", "ago", "deictic", "day_around", "overnight", "weekend",
    "day_part", "in_the_unit", "rel_unit", "set",
    "weekday",
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
#: Words after which a bare plural unit is a vague duration ("for years", "take weeks").
_BARE_CUES = "|".join(
    rf"(?<={w}\s)" for word in ("for", "over", "within", "after", "take", "takes", "took",
                                  "taking", "lasted", "spent")
    for w in (word, word.capitalize())
)
#: Words after which "the morning", "the night" is a time of the story's day ("talks went
#: on through the night", "a result is expected by the afternoon").
_PART_CUES = "|".join(
    rf"(?<={w}\s)" for word in ("through", "by", "for", "during", "into", "in", "until",
                                  "throughout", "overnight", "all")
    for w in (word, word.capitalize())
)
_YEAR4 = r"(?:1\d|20|21)\d\d(?!\d)"


@dataclass(frozen=True)
class Patterns:
    """The master scanner and one pattern per kind (for re-reading a matched span)."""

    master: re.Pattern[str]
    kinds: dict[str, re.Pattern[str]]
    #: Every word written in the patterns: the only words a time expression can start with.
    first_words: frozenset[str]
    #: Those that are a time expression by themselves ("now", "May", "Friday").
    whole_words: frozenset[str]

    def scan(self, text: str) -> Iterator[re.Match[str]]:
        """The master pattern's matches, left to right, without overlaps.

        The same matches as ``master.finditer(text)``, but the pattern is only tried at
        word starts whose word could begin a time expression (a digit, an apostrophe or
        a word of the patterns): most words of a text are ruled out by a set lookup.
        """
        end = 0
        for start in _word_starts(text, self.first_words, self.whole_words):
            if start < end:
                continue
            m = self.master.match(text, start)
            if m is not None and m.end() > m.start():
                end = m.end()
                yield m


_WORD_START = re.compile(r"(?<![\w$£€#.,:/-])(?:[\d']|([A-Za-z]+))")
_NEXT = re.compile(r"[\s-]*(?:[\d']|([A-Za-z]+))")


def _word_starts(text: str, first: frozenset[str], whole: frozenset[str]) -> Iterator[int]:
    """Where a time expression may start: a digit, an apostrophe, a word of the patterns;
    a word that is never a whole expression ("the", "a") only before another such word."""
    for m in _WORD_START.finditer(text):
        word = m.group(1)
        if word is None:
            yield m.start()
            continue
        word = word.lower()
        if word not in first:
            continue
        if word not in whole:
            after = _NEXT.match(text, m.end())
            if after is None or (after.group(1) and after.group(1).lower() not in first):
                continue
        yield m.start()


def _whole_words(master: re.Pattern[str], words: frozenset[str]) -> frozenset[str]:
    forms = (str.lower, str.capitalize, str.upper, lambda w: w.capitalize() + ".")
    return frozenset(w for w in words if any(master.fullmatch(f(w)) for f in forms))


def _literal_words(sources: Iterable[str]) -> frozenset[str]:
    """Every word written in the patterns (regex escapes such as \\s removed)."""
    words: set[str] = set()
    for source in sources:
        plain = re.sub(r"\\[A-Za-z]", " ", source)
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", plain))
    return frozenset(words)


def _month(lex: TimeLexicon) -> str:
    full = [m for m in lex.months if len(m) > 4 or m in ("May", "June", "July")]
    short = [m for m in lex.months if m not in full]
    return rf"(?:{alternation(full)}|(?:{alternation(short)})\.?)"


def _number(lex: TimeLexicon) -> str:
    """Digits, or one or two number words; "a"/"an" start two words only before a
    multiplier ("a dozen", "a half"), so that "a four-week" is read from "four"."""
    words = alternation(w for w in lex.numbers if w not in ("a", "an"))
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    article = r"(?:an?(?:[\s-](?:hundred|dozen|half))?)"
    return rf"(?:{digits}|(?i:{article}|(?:{words})(?:[\s-](?:{words}))?))"


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
    clock = (r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?i:a\.m\.|p\.m\.|am\b|pm\b)"
             r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|(?i:noon|midnight)"
             r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s(?:GMT|UTC)\b))")
    return {
        "iso": r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?(?![\d-])",
        "numeric": r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])",
        **date_orders(DatePieces(month=month, weekday=wday, year=_YEAR4, prefix=_MOD)),
        "holiday": rf"(?:{alternation(lex.holiday_names)})(?:\s{_YEAR4})?",
        "quarter": rf"(?i:(?:the\s)?(?:fiscal\s)?"
                   r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
                   rf"[\s-]quarter)(?:\s(?i:of)\s(?:{_YEAR4}|(?i:this|last|next)\syear))?",
        "century": rf"(?i:the\s)?{_MOD}(?:\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[\s-](?i:century)",
        "decade": rf"(?i:the\s)?{_MOD}(?:\d{{3}}0|'\d0|\d0)(?:'s|s)",
        "year_range": rf"{_YEAR4}\s?[-–]\s?(?:{_YEAR4}|\d\d)(?![\d-])",
        "ago": rf"(?:{_QUAL}\s)?{count}[\s-](?i:and\sa\shalf\s)?(?:{units}|{unit})"
               r"(?:\s(?i:and\sa\shalf))?\s(?i:ago|earlier|later)(?!\s+than\b)",
        "deictic": rf"(?i:(?:yesterday|today|tomorrow|tonight|last\snight|"
                   rf"the\sday\sbefore\syesterday|the\sday\safter\stomorrow)"
                   rf"(?:\s(?:{part}))?|this\s{part})",
        # "the day before." / "the day after,": alone, not "the day before the vote"
        "day_around": r"(?i:the\s(?:day|week|month|year)\s(?:before|after))"
                      r"(?=\s*(?:[.,;:!?)]|$))",
        # the adverb ("attacked overnight", "Overnight, ..."), not "an overnight curfew"
        "overnight": r"(?i:overnight)(?=\s*(?:[.,;:!?)]|$)|\s(?:in|on|at|near|and|as|when|"
                     r"while|after|before|to|from|into|across|along|with)\b)",
        # "over the weekend", "by the weekend": the weekend of the story's week
        "weekend": r"(?i:the\sweekend)",
        # "that night"; "the morning" only after a cue ("through the night")
        "day_part": r"(?i:that)\s(?i:morning|afternoon|evening|night)"
                    rf"|(?:{_PART_CUES})(?i:the)\s(?i:morning|afternoon|evening|night)",
        # "later in the year", "the end of the month", "the second half of the year":
        # the story's own year or month
        "in_the_unit": r"(?i:(?:later|earlier)\sin\sthe\s(?:year|month)"
                       r"|the\s(?:end|start|beginning|middle)\sof\sthe\s(?:year|month)"
                       r"|the\s(?:first|second)\shalf\sof\sthe\syear)",
        "rel_unit": rf"{_MOD}(?i:this\spast|this|last|next|past|coming|previous|following|"
                    r"current|"
                    r"the\s(?:last|past|next|coming|previous|following|current|same))"
                    rf"\s(?i:fiscal\s|calendar\s|school\s)?{unit}(?!\w)",
        "set": rf"(?i:once\s)?(?i:every|each|per)\s(?i:other\s)?"
               rf"(?:{count}[\s-](?:{units}|{unit})|{unit}|{season}|"
               rf"{wday}(?:\s{part})?|{part}|(?i:season))"
               rf"|(?i:once|twice|{num}\stimes)\s(?i:a|per|every)\s{unit}"
               rf"|(?:{alternation(f'{w}s' for w in lex.weekdays)})(?!')",
        "clock": rf"{clock}(?:\s{zone})?(?:,?\s{wday})?",
        "weekday": rf"(?i:(?:this|last|next|past|coming)\s)?{wday}(?:\s(?:{part}))?",
        "season": rf"{_MOD}(?i:(?:this|last|next|the|that|early|late)\s)?{season}"
                  rf"(?:,?\s(?:(?i:of)\s)?{_YEAR4})?",
        "duration": rf"(?:{_PREFIX}\s)?(?:{_QUAL}\s)?(?:{count}[\s-])?(?i:and\sa\shalf\s)?"
                    rf"(?:{units}|{unit})(?:\s(?i:and\sa\shalf))?(?:'s|')?(?!-old|\w)",
        "bare_plural": rf"(?:{_BARE_CUES}){units}"
                       rf"|{units}(?=\s(?i:before|after|earlier|later)\b)",
        "stopwatch": r"\d{1,2}:[0-5]\d:[0-5]\d(?:\.\d+)?",
        "duration_range": rf"{num}\s(?i:and|or|to)\s(?!(?i:a\shalf))(?:{_QUAL}\s)?{num}"
                          rf"[\s-]{units}",
        "fuzzy": rf"(?i:{alternation(lex.fuzzy)})",
        # not "the weekly's offices" (a newspaper)
        "frequency": rf"(?i:{alternation(lex.frequencies)})(?!['’]s)",
        "year": rf"{_MOD}(?i:fiscal\s(?:year\s)?|FY\s?)?{_YEAR4}",
        "month": rf"{_MOD}(?i:(?:last|next|this|that)\s)?{month}",
    }


_BLANK = r"[^\S\n]"
_BEFORE = r"(?<![\w$£€#.,:/-])"
_AFTER = r"(?![\w])"


def _one_line(source: str) -> str:
    return source.replace(r"[\s-]", rf"(?:{_BLANK}|-)").replace(r"\s", _BLANK)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The compiled patterns of the shipped lexicon (built once per process)."""
    # An expression never runs across a line break ("May" ending one line, "8" the next).
    sources = {k: _one_line(v) for k, v in _kind_sources(lexicon()).items()}
    kinds = {k: re.compile(f"{_BEFORE}(?:{sources[k]}){_AFTER}") for k in KINDS}
    # One guard for every kind: most positions (inside words) fail it at once.
    alternatives = "|".join(f"(?P<{k}>(?:{sources[k]}){_AFTER})" for k in KINDS)
    master = f"{_BEFORE}(?=[\\w'])(?:{alternatives})"
    compiled = re.compile(master)
    words = _literal_words(sources.values())
    return Patterns(compiled, kinds, words, _whole_words(compiled, words))
