"""Reading numbers written in digits, words or both ("1,000,000", "3.5 million",
"twenty-one", "a million", "two hundred and fifty").

Why our own parser: the forms news uses are few, and a parser that returns ``None`` on
anything it does not fully understand (rather than a partial guess) is what keeps a wrong
count out of the event data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from eventwire.config import load_yaml
from eventwire.errors import Errors

__all__ = ["NumberLexicon", "load_lexicon", "parse_number", "is_number_word"]

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


@dataclass(frozen=True)
class NumberLexicon:
    """The number words and count vocabulary of ``data/quantities/lexicon.yaml``."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    fuzzy: dict[str, int]
    max_value: int
    qualifiers: dict[str, str]
    person_nouns: frozenset[str]
    person_suffixes: tuple[str, ...]
    fractions: frozenset[str]
    verbs: dict[str, frozenset[str]]
    intransitive: frozenset[str]
    nouns: dict[str, frozenset[str]]
    summary_nouns: frozenset[str]


@cache
def load_lexicon() -> NumberLexicon:
    """The lexicon, read once per process (DictionaryError E253 when it cannot be)."""
    path = files("eventwire") / "data" / "quantities" / "lexicon.yaml"
    try:
        return _lexicon(load_yaml(path.read_text("utf-8")))
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise Errors.E253.error(reason=exc, stage="quantities") from exc


def _lexicon(raw: dict[str, Any]) -> NumberLexicon:
    return NumberLexicon(
        units=raw["units"], tens=raw["tens"], scales=raw["scales"], fuzzy=raw["fuzzy"],
        max_value=int(raw["max_value"]), qualifiers=raw["qualifiers"],
        person_nouns=frozenset(w.lower() for w in raw["person_nouns"]),
        person_suffixes=tuple(raw.get("person_suffixes") or ()),
        fractions=frozenset(raw.get("fractions") or ()),
        verbs={k: frozenset(raw[f"{k}_verbs"]) for k in ("killed", "injured", "arrested")},
        intransitive=frozenset(raw.get("intransitive_verbs") or ()),
        nouns={k: frozenset(raw.get(f"{k}_nouns") or []) for k in ("killed", "injured")},
        summary_nouns=frozenset(str(w).lower() for w in raw["summary_nouns"]),
    )


def is_number_word(word: str, lex: NumberLexicon) -> bool:
    """Whether a token can be part of a number ("seven", "twenty-one", "3.5", "million")."""
    w = word.lower()
    if _DIGITS.match(w):
        return True
    if w in lex.units or w in lex.tens or w in lex.scales:
        return True
    parts = w.split("-")
    return len(parts) == 2 and parts[0] in lex.tens and parts[1] in lex.units


def _word_value(word: str, lex: NumberLexicon) -> float | None:
    w = word.lower()
    if _DIGITS.match(w):
        return float(w.replace(",", ""))
    if w in lex.units:
        return lex.units[w]
    if w in lex.tens:
        return lex.tens[w]
    parts = w.split("-")
    if len(parts) == 2 and parts[0] in lex.tens and parts[1] in lex.units:
        return lex.tens[parts[0]] + lex.units[parts[1]]
    return None


def parse_number(words: list[str], lex: NumberLexicon) -> int | float | None:
    """The value of a number's words, or None when they are not one well-formed number.

    "a"/"an" count as one before a scale ("a million"); "and" is allowed between parts
    ("two hundred and fifty"). Values above ``max_value`` are refused.
    """
    total, current, seen = 0.0, 0.0, False
    for i, word in enumerate(words):
        w = word.lower()
        if w in ("a", "an") and i + 1 < len(words) and words[i + 1].lower() in lex.scales:
            current, seen = 1.0, True
        elif w in ("and", "-") and seen:
            continue
        elif w in lex.scales:
            if not seen:
                return None
            current = (current or 1.0) * lex.scales[w]
            if lex.scales[w] >= 1000:
                total, current = total + current, 0.0
        else:
            value = _word_value(w, lex)
            if value is None or (current and not _joins(current, value)):
                return None  # not a number word, or two numbers in a row ("5 6")
            current, seen = current + value, True
    return _finish(total + current, seen, lex)


def _joins(current: float, value: float) -> bool:
    """Whether ``value`` continues ``current``: "hundred" + "fifty", "twenty" + "one"."""
    if current % 100 == 0:
        return value < 100
    return current % 10 == 0 and current % 100 >= 20 and value < 10


def _finish(value: float, seen: bool, lex: NumberLexicon) -> int | float | None:
    if not seen or value > lex.max_value:
        return None
    return int(value) if value == int(value) else value
