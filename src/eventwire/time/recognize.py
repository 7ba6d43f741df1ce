"""Find and normalise the time expressions of a text in one scan.

The master pattern finds candidate spans left to right; a few checks on the words
around a candidate drop the false friends (the modal "may", "2000 people", "the fall of
Rome"); the kind's normaliser turns the rest into TIMEX3 values, in text order, so that
"the following day" can count from the last explicit date read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

from eventwire.model import TimeMention
from eventwire.time.absolute import ABSOLUTE
from eventwire.time.calendar import Anchor, fmt_year
from eventwire.time.context import Context, Norm
from eventwire.time.extent import EXTENT, duration_value
from eventwire.time.lexicon import lexicon
from eventwire.time.parts import count_of, unit_of
from eventwire.time.patterns import patterns
from eventwire.time.relative import RELATIVE
from eventwire.time.tense import tense_of_span, verb_of_span

__all__ = ["find_times"]

Normaliser = Callable[[str, Context], Norm | None]
NORMALISERS: dict[str, Normaliser] = {**ABSOLUTE, **RELATIVE, **EXTENT}

_PREV_WORD = re.compile(r"([A-Za-z][\w'-]*)\W*$")
_NEXT_WORD = re.compile(r"^\W{0,2}([A-Za-z%][\w-]*)")
_MODIFIED = re.compile(r"(?i)^(?:the\s)?(?:very\s)?(?:early|earlier|late|later|mid|end|"
                       r"beginning|start|middle|first|second)\b")
_YEAR_PUNCT = re.compile(r"^\s*(?:[,.;:)\]!?'\"]|$|-|–|and\b|to\b|or\b)")
_WINDOW = 40
#: A capitalised word right before a bare year, not at a sentence start: the year is part
#: of a name ("Agenda 2030", "Euro 2024", "Tokyo 2020").
_NAMED_BEFORE = re.compile(r"(?<![.!?\n]\s)(?<!^)\b[A-Z][A-Za-z]+\s$")
_JOINER = re.compile(r"^\s*[()]?\s*(?:,|on|,\s*on)?\s*$", re.I)
_ADDRESS = re.compile(r"(?:\s[A-Z][a-z]+){1,3}\s(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|"
                      r"Dr|Drive|Lane|Ln|Way|Highway|Hwy|Court|Ct|Place|Pl)\b")


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - _WINDOW):start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end:end + _WINDOW])
    return m.group(1) if m else ""


def _token_at(sdoc: Any, start: int, end: int) -> Any | None:
    if sdoc is None:
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _year_ok(text: str, start: int, end: int, sdoc: Any) -> bool:
    """A bare four-digit number is a year unless it counts things ("2000 people")."""
    value = int(re.sub(r"\D", "", text[start:end])[-4:])
    cue = _prev_word(text, start) in lexicon().year_cues or not text[start].isdigit()
    if not cue and _NAMED_BEFORE.search(text[max(0, start - _WINDOW):start]):
        return False  # a name that holds a year: "Agenda 2030", "Euro 2024"
    if not 1900 <= value <= 2099 and not cue:
        return False
    if re.match(r"\s*(%|percent\b|per\b)", text[end:end + 10]) or _ADDRESS.match(text[end:]):
        return False
    token = _token_at(sdoc, start, end)
    if token is not None:
        return not (token.dep_ == "nummod" and token.head.tag_ == "NNS")
    nxt = _next_word(text, end)
    return cue or bool(_YEAR_PUNCT.match(text[end:])) or not nxt.islower()


def _duration_ok(text: str, start: int, end: int) -> bool:
    """Not a rate ("$14 billion a day", "$16 an hour") nor a fraction of something else
    ("a quarter point", "a quarter of the vote")."""
    span = text[start:end].lower()
    if not re.match(r"an?\s", span):
        return True
    if re.search(r"[\d%]\s*$", text[max(0, start - 2):start]) or \
            _prev_word(text, start) in lexicon().amount_words:
        return False
    return not (span.endswith("quarter") and re.match(r"[\s-]+(?:point|of)\b", text[end:]))


def _month_ok(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if _MODIFIED.match(word) or " " in word.strip():
        return True
    name = word.rstrip(".")
    return name not in lexicon().ambiguous_months or _prev_word(text, start) in \
        lexicon().month_cues


def _season_ok(text: str, start: int, end: int) -> bool:
    span = text[start:end]
    if re.search(r"(?i)\bfall$", span) and re.match(r"\s+of\b", text[end:]):
        return False
    has_cue = " " in span or _prev_word(text, start) in lexicon().season_cues
    return has_cue and not re.match(r"\s*(of|and)\b", text[end:]) or bool(re.search(r"\d", span))


def _fuzzy_ok(text: str, start: int, end: int) -> bool:
    if text[start:end].lower() != "future":
        return True
    # "the near future", not "a bright future"
    return _prev_word(text, start) in lexicon().future_cues


def _decade_ok(text: str, start: int, end: int) -> bool:
    span = text[start:end]
    return bool(re.search(r"\d{3}0|'", span)) or span.lower().startswith("the")


def _accept(kind: str, text: str, start: int, end: int, sdoc: Any) -> bool:
    if kind == "year":
        return _year_ok(text, start, end, sdoc)
    if kind == "month":
        return _month_ok(text, start, end)
    if kind == "season":
        return _season_ok(text, start, end)
    if kind == "fuzzy":
        return _fuzzy_ok(text, start, end)
    if kind == "decade":
        return _decade_ok(text, start, end)
    if kind == "duration":
        return _duration_ok(text, start, end)
    if kind == "holiday":  # "Easter Island", "the Easter Rising": a one-word name's head
        return " " in text[start:end].strip() or not re.match(r" [A-Z]", text[end:end + 2])
    return True


def _range_parts(text: str, start: int, end: int) -> Iterator[tuple[int, int, str | None]]:
    """"1950-53" -> (1950) and (53 as 1953); "2009-2010" -> both years."""
    first = re.match(r"\d{4}", text[start:end])
    last = re.search(r"\d+$", text[start:end])
    if first is None or last is None:
        return
    y1 = int(first.group())
    digits = last.group()
    y2 = int(digits) if len(digits) == 4 else y1 - y1 % 100 + int(digits)
    if len(digits) == 2 and y2 < y1:
        y2 += 100
    yield start, start + 4, fmt_year(y1)
    yield end - len(digits), end, fmt_year(y2) if y2 >= y1 else None


def _range_counts(text: str, start: int, end: int) -> Iterator[tuple[int, int, str | None]]:
    """"between 12 and 18 months" -> "12" (P12M) and "18 months" (P18M)."""
    m = re.match(r"(.+?)\s(?:and|or|to)\s", text[start:end], re.I)
    unit = unit_of(text[start:end])
    if m is None or unit is None:
        return
    first = lexicon().number(m.group(1))
    yield start, start + m.end(1), duration_value(first, unit[1])
    rest = start + m.end()
    yield rest, end, duration_value(count_of(text[rest:end]), unit[1])


def _mention(text: str, start: int, end: int, norm: Norm) -> TimeMention:
    return TimeMention(start, end, text[start:end], norm.type, norm.value, norm.precision,
                       norm.fuzzy)


def _normalise(kind: str, text: str, start: int, end: int,
               ctx: Context) -> Iterator[TimeMention]:
    if kind in _SPLIT:
        type_, split = _SPLIT[kind]
        for s, e, value in split(text, start, end):
            yield _mention(text, s, e, Norm(type_, value))
        return
    ctx.span = (start, end)
    norm = NORMALISERS[kind](text[start:end], ctx)
    if norm is not None:
        if kind not in _BORROWED:
            ctx.note(norm, end)
        yield _mention(text, start, end, norm)


#: Kinds whose day is borrowed from the reference time: they do not become it ("worked
#: through the night" does not move "the day before" of the sentence after it).
_BORROWED = frozenset({"day_part"})


_SPLIT = {"year_range": ("DATE", _range_parts), "duration_range": ("DURATION", _range_counts)}


def find_times(text: str, dct: str | None, sdoc: Any = None) -> list[TimeMention]:
    """Every time expression of ``text``, normalised against the anchor date ``dct``.

    ``sdoc`` is the spaCy parse of the same text (optional): it gives the tense that
    places a weekday or a month before or after the anchor, and tells years from counts.
    """
    ctx = Context(Anchor.parse(dct), tense=lambda s, e: tense_of_span(sdoc, s, e),
                  verb=lambda s, e: verb_of_span(sdoc, s, e), text=text)
    found: list[TimeMention] = []
    for m in patterns().scan(text):
        kind = m.lastgroup
        if kind is None or not _accept(kind, text, m.start(), m.end(), sdoc):
            continue
        found.extend(_normalise(kind, text, m.start(), m.end(), ctx))
    _date_following_clocks(found, text)
    _weekday_in_brackets(found, text)
    return _joined_durations(found, text)


_OPEN = re.compile(r"^\s*\(\s*$")
_DEICTIC_WORDS = re.compile(r"(?i)^(?:today|yesterday|tomorrow|tonight|last night|this)\b")
_NEAR_DAYS = 3


def _weekday_in_brackets(found: list[TimeMention], text: str) -> None:
    """"today (Tuesday)": the weekday written beside a deictic word says which day it
    is, which a document date a day off (time zones, late filing) would get wrong; both
    take the named weekday nearest the deictic word's own day."""
    for word, wday in zip(found, found[1:], strict=False):
        if (wday.type != "DATE" or wday.precision != "day" or not word.value
                or not wday.value or not _DEICTIC_WORDS.match(word.text)
                or not _OPEN.match(text[word.end:wday.start])
                or not text[wday.end:wday.end + 2].lstrip().startswith(")")):
            continue
        own, named = Anchor.parse(word.value[:10]), Anchor.parse(wday.value)
        if own is None or named is None or own.date is None or named.date is None:
            continue
        target = named.date.weekday()
        for shift in sorted(range(-_NEAR_DAYS, _NEAR_DAYS + 1), key=abs):
            day = own.date + timedelta(days=shift)
            if day.weekday() == target:
                word.value = day.isoformat() + word.value[10:]
                wday.value = day.isoformat()
                break


def _date_following_clocks(found: list[TimeMention], text: str) -> None:
    """"4 p.m. May 14", "5 p.m. on Friday", "4:17 a.m. (0117 GMT) on Monday": clock
    times take the day written right after them."""
    for i, after in enumerate(found):
        if after.type != "DATE" or after.precision != "day" or not after.value:
            continue
        j = i - 1
        while j >= 0 and _JOINER.match(text[found[j].end:found[j + 1].start]):
            clock = found[j]
            if clock.type != "TIME" or not clock.value:
                break
            clock.value = after.value + clock.value[10:]
            j -= 1


_AND = re.compile(r"^\s+and\s+$", re.I)
_PERIOD = re.compile(r"^P((?:\d+[YMWD])*)(?:T((?:\d+[HMS])+))?$")
#: The units of a duration from the longest to the shortest ("M" twice: months, minutes).
_ORDER = ("Y", "Mo", "W", "D", "H", "Mi", "S")


def _units(value: str) -> list[int] | None:
    """The ranks in :data:`_ORDER` of a whole-number duration's units, None otherwise."""
    m = _PERIOD.match(value)
    if m is None:
        return None
    day_part = [_ORDER.index("Mo" if u == "M" else u) for u in re.findall(r"[YMWD]", m[1])]
    time_part = [_ORDER.index("Mi" if u == "M" else u) for u in re.findall(r"[HMS]", m[2] or "")]
    return day_part + time_part


def _joined_durations(found: list[TimeMention], text: str) -> list[TimeMention]:
    """"three hours and 12 minutes" is one duration, PT3H12M, when the second part is
    in a shorter unit than the first ("365 days and six hours": P365DT6H)."""
    out: list[TimeMention] = []
    for mention in found:
        last = out[-1] if out else None
        if last is not None and last.type == mention.type == "DURATION" and last.value \
                and mention.value and _AND.match(text[last.end:mention.start]):
            joined = _join(last.value, mention.value)
            if joined is not None:
                out[-1] = TimeMention(last.start, mention.end, text[last.start:mention.end],
                                      "DURATION", joined, None, False)
                continue
        out.append(mention)
    return out


def _join(first: str, second: str) -> str | None:
    a, b = _units(first), _units(second)
    if not a or not b or max(b) <= max(a):
        return None
    m1, m2 = _PERIOD.match(first), _PERIOD.match(second)
    assert m1 is not None and m2 is not None
    days, times = m1[1] + m2[1], (m1[2] or "") + (m2[2] or "")
    return "P" + days + ("T" + times if times else "")
