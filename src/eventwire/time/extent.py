"""Normalisers of durations ("three days" -> P3D), sets ("every week" -> P1W) and vague
references ("recently" -> PAST_REF).

A count that cannot be read or is absurdly large becomes ``X`` ("PXD") rather than an
invented number.
"""

from __future__ import annotations

import re

from eventwire.time.context import Context, Norm
from eventwire.time.lexicon import Unit, lexicon
from eventwire.time.parts import count_of, day_part_of, season_of, unit_of, weekday_of

__all__ = ["EXTENT", "duration_value"]

_MAX_COUNT = 100_000
_PREFIXED = re.compile(
    r"(?i)^(?:the\s)?(?:past|last|next|coming|previous|following|first|final|recent|"
    r"remaining|additional|same|other)\b"
)
_VAGUE = re.compile(r"(?i)\b(several|few|many|some|couple|numerous)\b")


def _amount(count: float) -> str:
    return str(int(count)) if count == int(count) else f"{count:g}"


def duration_value(count: float | None, unit: Unit) -> str:
    """``P3D``, ``PT2H``, ``P10Y`` (a decade), ``PXM`` when the count is unknown."""
    prefix = "PT" if unit.time else "P"
    if count is None or count <= 0 or count * unit.mult > _MAX_COUNT:
        return f"{prefix}X{unit.code}"
    return f"{prefix}{_amount(count * unit.mult)}{unit.code}"


def duration(text: str, ctx: Context) -> Norm | None:
    """"three days", "the past two years", "almost seven years", "four-week", "recent weeks"."""
    found = unit_of(text)
    if found is None:
        return None
    name, unit = found
    count = count_of(text)
    plural = bool(re.search(r"(?i)(s|centuries)'?$", text.rstrip("'")))
    vague = count is None and bool(_VAGUE.search(text))
    unreadable = count is None and bool(re.search(r"\d", text))  # too many digits to trust
    if count is None and not (vague or unreadable) and not (_PREFIXED.match(text) and plural):
        return None
    if count == 1 and name in ("second", "minute") and re.match(r"(?i)an?\s", text):
        return None
    if count is not None and count != int(count) and name in _FINER:
        # "a year and a half" is P18M: a whole number of the next finer unit
        finer, factor = _FINER[name]
        count, unit = count * factor, lexicon().units[finer]
    return Norm("DURATION", duration_value(None if vague else count, unit))


#: A year and a half is P18M (a whole number of months); "an hour and a half" stays
#: PT1.5H, which ISO 8601 allows in its last part and which is as exact.
_FINER = {"year": ("month", 12)}


def bare_plural(text: str, ctx: Context) -> Norm | None:
    """"for years" -> PXY."""
    found = unit_of(text)
    return Norm("DURATION", duration_value(None, found[1])) if found else None


def set_expr(text: str, ctx: Context) -> Norm | None:
    """"every week" -> P1W, "every morning" -> XXXX-XX-XXTMO, "every Monday" and
    "Mondays" -> XXXX-WXX-1, "every Friday evening" -> XXXX-WXX-5TEV, "every 30
    minutes" -> PT30M, "every few minutes" -> PTXM."""
    number = weekday_of(text) or weekday_of(text.removesuffix("s"))  # "Mondays"
    if number is not None:
        part = day_part_of(text)
        return Norm("SET", f"XXXX-WXX-{number}" + (f"T{part}" if part else ""))
    season = season_of(text)
    if season is not None:
        return Norm("SET", f"XXXX-{season}")
    found = unit_of(text)
    if found is not None and found[0] == "night":
        return Norm("SET", "XXXX-XX-XXTNI")  # "every night" is a part of every day
    if found is not None:
        return Norm("SET", duration_value(_set_gap(text), found[1]))
    part = day_part_of(text)
    if part is not None:
        return Norm("SET", f"XXXX-XX-XXT{part}")
    return Norm("SET", None) if re.search(r"(?i)season$", text) else None


def _set_gap(text: str) -> float | None:
    """How many units lie between two occurrences: 1, 2 for "every other", the count of
    "every 30 minutes", None (X) for "every few minutes"."""
    if re.search(r"(?i)\bother\b", text):
        return 2
    if re.search(r"(?i)^(?:once\s)?(?:every|each|per)\s\S+[\s-]\S", text):
        return None if _VAGUE.search(text) else count_of(re.sub(r"(?i)^\S+\s", "", text))
    return 1


def stopwatch(text: str, ctx: Context) -> Norm | None:
    """A race or clock duration "3:07:35" -> PT3H7M35S."""
    m = re.match(r"(\d+):(\d+):(\d+)", text)
    if m is None:
        return None
    return Norm("DURATION", f"PT{int(m[1])}H{int(m[2])}M{int(m[3])}S")


def frequency(text: str, ctx: Context) -> Norm | None:
    value = lexicon().frequencies.get(text.lower())
    return Norm("SET", value) if value else None


def fuzzy(text: str, ctx: Context) -> Norm | None:
    value = lexicon().fuzzy.get(text.lower())
    return Norm("DATE", value, fuzzy=True) if value else None


EXTENT = {
    "duration": duration,
    "bare_plural": bare_plural,
    "set": set_expr,
    "stopwatch": stopwatch,
    "frequency": frequency,
    "fuzzy": fuzzy,
}
