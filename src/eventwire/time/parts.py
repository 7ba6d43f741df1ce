"""Pull the parts (month, day, year, weekday, unit, count) out of a matched expression.

The master pattern only says where an expression is and what kind it is; these small
patterns, compiled once, read its pieces back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.time.lexicon import Unit, alternation, lexicon

__all__ = ["month_of", "day_of", "year_of", "weekday_of", "day_part_of", "unit_of",
           "count_of", "season_of", "ordinal_of"]


@lru_cache(maxsize=1)
def _res() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    units = alternation([*lex.units, "centuries"])
    return {
        "month": re.compile(rf"\b({alternation(lex.months)})\b"),
        "day": re.compile(r"(?<![\d'])([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"),
        "year": re.compile(r"(?<!\d)(\d{4})(?!\d)"),
        "weekday": re.compile(rf"\b({alternation(lex.weekdays)})\b"),
        "part": re.compile(rf"\b({alternation(lex.day_parts)})\b", re.I),
        "unit": re.compile(rf"\b({units})s?\b", re.I),
        "season": re.compile(rf"\b({alternation(lex.seasons)})\b", re.I),
        "ordinal": re.compile(rf"\b({alternation(lex.ordinals)}|\d{{1,2}}(?=st|nd|rd|th))",
                              re.I),
    }


def _first(kind: str, text: str) -> str | None:
    m = _res()[kind].search(text)
    return m.group(1) if m else None


def month_of(text: str) -> int | None:
    word = _first("month", text)
    return lexicon().month(word) if word else None


def day_of(text: str) -> int | None:
    """The day of the month in a date phrase (the first one- or two-digit number)."""
    found = _first("day", re.sub(r"\d{4}", " ", text))
    return int(found) if found else None


def year_of(text: str) -> int | None:
    found = _first("year", text)
    return int(found) if found else None


def weekday_of(text: str) -> int | None:
    word = _first("weekday", text)
    return lexicon().weekdays.get(word) if word else None


def day_part_of(text: str) -> str | None:
    word = _first("part", text)
    return lexicon().day_parts.get(word.lower()) if word else None


def season_of(text: str) -> str | None:
    word = _first("season", text)
    return lexicon().seasons.get(word.lower()) if word else None


def ordinal_of(text: str) -> int | None:
    word = _first("ordinal", text)
    if word is None:
        return None
    return int(word) if word.isdigit() else lexicon().ordinals.get(word.lower())


def unit_of(text: str) -> tuple[str, Unit] | None:
    """The last duration unit in a phrase, as (singular name, Unit)."""
    found = _res()["unit"].findall(text)
    if not found:
        return None
    name = found[-1].lower()
    name = "century" if name == "centuries" else name
    unit = lexicon().units.get(name)
    return (name, unit) if unit else None


def count_of(text: str) -> float | None:
    """The number before the unit ("two", "25", "a", "one hundred"); None if vague."""
    unit = _res()["unit"].search(text)
    head = text[: unit.start()] if unit else text
    head = re.sub(r"(?i)\band a half\b", "", head).strip(" -")
    words = re.split(r"\s+", head)
    lex = lexicon()
    for size in range(min(3, len(words)), 0, -1):
        value = lex.number(" ".join(words[-size:]))
        if value is not None:
            half = 0.5 if re.search(r"(?i)\band a half\b", text) else 0.0
            return value + half
    return None
