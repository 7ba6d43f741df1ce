"""The time lexicon: month, weekday, number and unit words, read once from package data.

The words live in ``data/time/lexicon.yaml`` so that a user can see and extend them
without reading regular expressions; this module turns them into typed lookups and into
the alternations the recogniser compiles. Month and weekday names come from the calendar
table that the dating stage reads too (``data/time/calendar.yaml``, through
:mod:`eventwire.time.grammar`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from eventwire.config import load_yaml
from eventwire.errors import Errors
from eventwire.time.grammar import calendar_names

__all__ = ["Unit", "TimeLexicon", "lexicon", "alternation"]

LEXICON_PATH = "data/time/lexicon.yaml"


@dataclass(frozen=True, slots=True)
class Unit:
    """A duration unit: its TIMEX3 letter(s), multiplier, and whether it is a clock unit."""

    code: str
    mult: int
    time: bool


@dataclass(frozen=True)
class TimeLexicon:
    """Every word list the time package uses, keyed in lower case except proper names."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    month_cues: frozenset[str]
    numbers: dict[str, float]
    vague_counts: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    seasons: dict[str, str]
    day_parts: dict[str, str]
    holidays: dict[str, tuple[int, int]]
    weekday_holidays: dict[str, tuple[int, int, int, int]]
    easter_holidays: dict[str, int]
    fuzzy: dict[str, str]
    frequencies: dict[str, str]
    zones: tuple[str, ...]
    zone_offsets: dict[str, str]
    year_cues: frozenset[str]
    season_cues: frozenset[str]
    future_cues: frozenset[str]
    forward_preps: frozenset[str]
    future_aux: frozenset[str]
    perfect_aux: frozenset[str]
    multipliers: frozenset[str]
    reporting_verbs: frozenset[str]
    amount_words: frozenset[str]
    report_nouns: frozenset[str]

    @property
    def holiday_names(self) -> tuple[str, ...]:
        """Every holiday's name, longest first ("Easter Monday" before "Easter")."""
        names = {*self.holidays, *self.weekday_holidays, *self.easter_holidays}
        return tuple(sorted(names, key=len, reverse=True))

    def month(self, word: str) -> int | None:
        """The month number of a (possibly abbreviated, dotted) month name."""
        return self.months.get(word.rstrip(".").capitalize())

    def number(self, text: str) -> float | None:
        """The value of a number written in digits or words ("twenty-five", "a dozen")."""
        text = text.strip().lower().replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            return float(text) if len(text.split(".")[0]) <= 9 else None
        total = 0.0
        parts = re.split(r"[\s-]+", text)
        if len(parts) > 1 and parts[0] in ("a", "an") and parts[1] not in self.multipliers:
            parts = parts[1:]  # "a four-week" is four weeks, "a dozen" twelve
        for part in parts:
            value = self.numbers.get(part)
            if value is None:
                return None
            total = total * value if part in self.multipliers and total else total + value
        return total


def alternation(words: Any, *, escape: bool = True) -> str:
    """A regex alternation of words, longest first so that "a few" wins over "a"."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


def _lower_keys(data: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in data.items()}


def _build(data: dict[str, Any]) -> TimeLexicon:
    return TimeLexicon(
        months=dict(calendar_names().months),
        ambiguous_months=frozenset(data["ambiguous_months"]),
        weekdays=dict(calendar_names().full_weekdays),
        month_cues=frozenset(str(w).lower() for w in data["month_cues"]),
        numbers={k: float(v) for k, v in _lower_keys(data["numbers"]).items()},
        vague_counts=tuple(str(w).lower() for w in data["vague_counts"]),
        ordinals={k: int(v) for k, v in _lower_keys(data["ordinals"]).items()},
        units={k: Unit(str(v["code"]), int(v["mult"]), bool(v.get("time", False)))
               for k, v in _lower_keys(data["units"]).items()},
        seasons=_lower_keys(data["seasons"]),
        day_parts=_lower_keys(data["day_parts"]),
        holidays={str(k): (int(v[0]), int(v[1])) for k, v in data["holidays"].items()},
        weekday_holidays={str(k): (int(v[0]), int(v[1]), int(v[2]), int(v[3]))
                          for k, v in data["weekday_holidays"].items()},
        easter_holidays={str(k): int(v) for k, v in data["easter_holidays"].items()},
        fuzzy=_lower_keys(data["fuzzy"]),
        frequencies=_lower_keys(data["frequencies"]),
        zones=tuple(str(z) for z in data["zones"]),
        zone_offsets={str(k): str(v) for k, v in data["zone_offsets"].items()},
        **{key: _words(data, key) for key in _WORD_SETS},
    )


#: Word sets of the file read as lower-case sets, each required.
_WORD_SETS = ("year_cues", "season_cues", "future_cues", "forward_preps", "future_aux",
              "perfect_aux", "multipliers", "reporting_verbs", "amount_words",
              "report_nouns")


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data[key])


@lru_cache(maxsize=1)
def lexicon() -> TimeLexicon:
    """The shipped time lexicon (read and checked once per process)."""
    try:
        text = resources.files("eventwire").joinpath(LEXICON_PATH).read_text("utf-8")
        return _build(load_yaml(text))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise Errors.E239.error(path=LEXICON_PATH, reason=exc, stage="times") from exc
