"""The codes a filter may name, read from the shipped data files, and close matches.

Why from the data files: a filter value that names no code (``US`` for a country,
``FIGHT`` for a PLOVER type, ``99`` for a CAMEO code) would match nothing and print an
empty table as if the store held no such event. Checking it against what eventwire can
ever code turns that silence into an error that lists what was probably meant. The lists
are the ones the coder itself reads (``data/actors``, ``data/events``, ``data/eval``), so a
user who extends them extends what the filters accept.
"""

from __future__ import annotations

import csv
import difflib
import gzip
from functools import cache
from importlib.resources import files
from typing import Any

import pycountry
import yaml

from eventwire.actors.lexicon import ROLE_CODES

__all__ = [
    "actor_heads", "countries", "cameo_codes", "plover_types", "plover_modes",
    "plover_contexts", "plover_renames", "cameo_types", "close_matches", "alpha3_of",
]

_DATA = files("eventwire") / "data"


def _yaml(*parts: str) -> Any:
    return yaml.safe_load(_DATA.joinpath(*parts).read_text("utf-8")) or {}


def _csv(*parts: str) -> list[dict[str, str]]:
    with _DATA.joinpath(*parts).open("r", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@cache
def countries() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes eventwire knows (``data/actors/countries.yaml``)."""
    return frozenset(str(k).upper() for k in _yaml("actors", "countries.yaml"))


def _kb_codes() -> set[str]:
    with gzip.open(str(_DATA / "actors" / "kb" / "periods.csv.gz"), "rt",
                   encoding="utf-8") as fh:
        return {row["code"] for row in csv.DictReader(fh) if row.get("code")}


@cache
def actor_heads() -> frozenset[str]:
    """The first three letters a CAMEO actor code can start with: countries, role codes,
    IGO/NGO/IMG/MNC and the heads of every code in the knowledge base and group list."""
    heads = set(countries()) | set(ROLE_CODES) | {"IGO", "NGO", "IMG", "MNC"}
    codes = _kb_codes() | {str(k) for k in _yaml("actors", "groups.yaml")}
    heads |= {c[:3].upper() for c in codes if len(c) >= 3}
    return frozenset(heads)


@cache
def cameo_codes() -> tuple[str, ...]:
    """Every CAMEO event code (``data/events/cameo.csv``)."""
    return tuple(row["code"] for row in _csv("events", "cameo.csv"))


@cache
def _cameo_plover() -> tuple[dict[str, str], ...]:
    return tuple(_csv("events", "cameo_plover.csv"))


@cache
def plover_types() -> frozenset[str]:
    """The PLOVER event types eventwire codes (``data/events/cameo_plover.csv``)."""
    return frozenset(r["event_type"].upper() for r in _cameo_plover() if r["event_type"])


@cache
def plover_modes() -> frozenset[str]:
    """The PLOVER modes eventwire codes."""
    return frozenset(r["mode"].lower() for r in _cameo_plover() if r["mode"])


@cache
def plover_contexts() -> frozenset[str]:
    """The PLOVER contexts eventwire codes (a row may list several, ``;``-separated)."""
    found: set[str] = set()
    for row in _cameo_plover():
        found |= {c.strip().lower() for c in (row["context"] or "").split(";") if c.strip()}
    return frozenset(found)


@cache
def plover_renames() -> dict[str, str]:
    """PLOVER type names before 2021 and the type each is now (``FIGHT`` -> ``ASSAULT``)."""
    return {str(k).upper(): str(v).upper() for k, v in _yaml("eval", "plover_renames.yaml").items()}


@cache
def cameo_types() -> dict[str, frozenset[str]]:
    """For each CAMEO code, the PLOVER types it may be coded as (by the longest prefix)."""
    table = {r["code"]: r["event_type"].upper() for r in _cameo_plover() if r["event_type"]}
    out: dict[str, frozenset[str]] = {}
    for code in cameo_codes():
        for end in range(len(code), 1, -1):
            if code[:end] in table:
                out[code] = frozenset({table[code[:end]]})
                break
    return out


def alpha3_of(code: str) -> str | None:
    """The alpha-3 code of an ISO alpha-2 code (``US`` -> ``USA``), else None."""
    found = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    return str(found.alpha_3) if found is not None else None


def close_matches(value: str, known: frozenset[str] | tuple[str, ...], n: int = 5) -> list[str]:
    """Up to ``n`` known codes a mistyped ``value`` probably meant: codes it begins, then
    codes spelled alike."""
    pool = sorted(known)
    starts = [k for k in pool if k.startswith(value)][:n]
    alike = difflib.get_close_matches(value, pool, n=n, cutoff=0.6)
    return list(dict.fromkeys([*starts, *alike]))[:n]
