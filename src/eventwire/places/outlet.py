"""The region a story's outlet serves, from the web host of its URL: a prior for local news.

Why: local news seldom names its own state ("Springfield", "Decatur" and the county fair),
and the text alone then leaves a town's name to the biggest namesake. The outlet says where
its readers are: a paper of Illinois writes of Illinois towns. The region only votes for the
story's home region (:meth:`eventwire.places.resolve.Resolver.context`), so a story whose
names point elsewhere (a wire story about a flood abroad) still goes there.

Where the region comes from: ``data/places/outlets.csv`` (host → country and state, which
users extend with their own outlets); else the place a local outlet's host is named after,
when its name begins with a country, a state or province, or a city of at least
``HOST_CITY_POPULATION`` people ("kentucky.com", "omaha.com", "seattletimes.com"); else the
host's country-code domain (".co.uk", ".com.au"), except codes sold as generic names
(``tld_generic`` in ``context.yaml``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

import pycountry

from eventwire.errors import Errors
from eventwire.places.gazetteer import DATA, Gazetteer, normalise
from eventwire.places.util import context_words

__all__ = ["Outlet", "outlet_region", "host_of", "read_outlets"]

#: ISO 3166-1 codes whose country-code domain differs from the alpha-2 code.
_TLD_ALPHA2 = {"uk": "GB"}
#: The smallest city a host's name may name: a smaller town's name is too often a word
#: ("herald", "star") or someone's name.
HOST_CITY_POPULATION = 100000
#: The shortest place name a host's name is read as beginning with.
HOST_NAME_MIN = 4
#: Second-level labels under a country code (".co.uk", ".com.au"): the outlet's own name
#: is the label before them.
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "ac", "gov", "news"})


@dataclass(frozen=True)
class Outlet:
    """An outlet's region: a country (ISO alpha-3) and, for local news, a state in it
    (``(country, admin1)`` as the gazetteer writes it)."""

    country: str
    state: tuple[str, str] | None = None


def host_of(url: str | None) -> str | None:
    """The lower-case host of a URL without "www." ("https://www.Example.com/a" →
    "example.com"), or None when the string is no URL with a host."""
    if not url or not isinstance(url, str):
        return None
    text = url.strip()
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def read_outlets(text: str, source: str) -> dict[str, tuple[str, str]]:
    """Rows of an outlets file: host → (country, state name). Comment lines start with "#".

    A row without a host or with a country code that is not ISO alpha-3 raises E252: a
    typo would otherwise silently never match.
    """
    lines = [ln for ln in io.StringIO(text) if not ln.lstrip().startswith("#")]
    rows: dict[str, tuple[str, str]] = {}
    for i, row in enumerate(csv.DictReader(lines), start=2):
        host = (row.get("host") or "").strip().lower().removeprefix("www.")
        country = (row.get("country") or "").strip().upper()
        if not host or pycountry.countries.get(alpha_3=country) is None:
            raise Errors.E252_outlet.error(file=source, row=i, host=host, country=country,
                                           stage="places")
        rows[host] = (country, (row.get("state") or "").strip())
    return rows


@cache
def _shipped() -> dict[str, tuple[str, str]]:
    return read_outlets((DATA / "outlets.csv").read_text("utf-8"), "data/places/outlets.csv")


def outlet_region(url: str | None, gaz: Gazetteer) -> Outlet | None:
    """The region of the outlet that published ``url``, or None when the host says nothing.

    A listed host (or a parent domain of it) gives its country and state; else a
    country-code domain gives its country.
    """
    host = host_of(url)
    if host is None:
        return None
    listed = _shipped()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        row = listed.get(".".join(parts[i:]))
        if row is not None:
            return _region(row[0], row[1], gaz)
    return _by_host_name(_own_label(parts), gaz) or _by_domain(parts[-1], gaz)


def _own_label(parts: list[str]) -> str:
    """The outlet's own name in its host: "seattletimes" of "www.seattletimes.com",
    "example" of "news.example.co.uk"."""
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL:
        return parts[-3]
    return parts[-2]


def _by_host_name(label: str, gaz: Gazetteer) -> Outlet | None:
    """The place an outlet's host is named after: the longest known name it begins with."""
    names = _host_names(gaz)
    key = label.replace("-", "")
    for end in range(len(key), HOST_NAME_MIN - 1, -1):
        outlet = names.get(key[:end])
        if outlet is not None:
            return outlet
    return None


_HOST_NAMES: dict[int, dict[str, Outlet]] = {}


def _host_names(gaz: Gazetteer) -> dict[str, Outlet]:
    """Countries, first-level divisions and large cities by their name without spaces or
    punctuation ("newmexico", "kansascity"); a city before a division of its name
    ("washington" is the capital's outlet), the bigger city of two."""
    found = _HOST_NAMES.get(id(gaz))
    if found is not None:
        return found
    names: dict[str, tuple[int, Outlet]] = {}

    def put(name: str, rank: int, outlet: Outlet) -> None:
        key = "".join(ch for ch in normalise(name) if ch.isalnum())
        if len(key) >= HOST_NAME_MIN and rank > names.get(key, (-1, outlet))[0]:
            names[key] = (rank, outlet)

    for place in gaz.countries.values():
        put(place.name, 0, Outlet(place.country))
    for (country, code), place in gaz.provinces.items():
        put(place.name, 1, Outlet(country, (country, code)))
    cities = {id(place): place for entries in gaz.index.values() for place in entries
              if place.population >= HOST_CITY_POPULATION and place.feature in ("PPL", "PPLC")}
    for place in cities.values():
        if place.admin1:
            put(place.name, 2 + place.population,
                Outlet(place.country, (place.country, place.admin1)))
    _HOST_NAMES[id(gaz)] = {k: v for k, (_, v) in names.items()}
    return _HOST_NAMES[id(gaz)]


def _region(country: str, state: str, gaz: Gazetteer) -> Outlet | None:
    if country not in gaz.countries:
        return None
    if not state:
        return Outlet(country)
    wanted = normalise(state)
    for place in gaz.lookup(state):
        if (place.feature == "ADM1" and place.country == country and place.admin1
                and normalise(place.name) == wanted):
            return Outlet(country, (country, place.admin1))
    return Outlet(country)


def _by_domain(tld: str, gaz: Gazetteer) -> Outlet | None:
    if len(tld) != 2 or tld in context_words("tld_generic"):
        return None
    found = pycountry.countries.get(alpha_2=_TLD_ALPHA2.get(tld, tld.upper()))
    if found is None or found.alpha_3 not in gaz.countries:
        return None
    return Outlet(found.alpha_3)
