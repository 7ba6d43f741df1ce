"""Compare points conventions for countries and first-level divisions on GeoVirus and LGL.

Why: a country or a province is an area, and which of its points a geoparser gives decides
whether a right resolution counts as within 161 km of the gold. ``docs/places.md`` chooses
one convention; this script measures the alternatives on both gold sets and both parts of
the locked split, so that the choice rests on more than the set it was read from.

It runs ``parse`` and ``places`` once per corpus and part (text only, no URLs), then gives
every matched toponym resolved to a country (PCLI) or a first-level division (ADM1) the
point of each convention in turn; towns and everything else keep their GeoNames point.
Points do enter resolution (a town near a state's centre), but not for countries, and
only weakly for divisions, so re-pointing the resolved entries measures each convention
almost exactly at a fraction of the cost of four runs. The conventions:

- ``centre``: the conventional centre point (``countryinfo``'s, which is GeoNames' for
  almost every country; divisions at the countries-states-cities database's centre or
  the trimmed box of their towns), the point before the midpoint rule;
- ``midpoint``: the shipped convention (``country_points.csv``, ``admin_points.csv.gz``);
- ``capital``: the country's capital; a division's largest town (its capital in most
  cases, which the gazetteer does not mark);
- ``centroid``: the area centroid of the country's borders (``countryinfo``'s GeoJSON,
  planar in degrees); a division's trimmed box of towns.

    python bench/geo_conventions.py --countryinfo DIR   # DIR holds countryinfo's data/

``countryinfo`` is not a dependency: point ``--countryinfo`` at the ``data`` folder of an
unpacked wheel (``pip download countryinfo --no-deps``).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geo_check import geovirus, lgl  # noqa: E402
from geo_points import WIKIPEDIA_ADMIN1, WIKIPEDIA_COUNTRIES  # noqa: E402
from make_country_points import CORRECTIONS  # noqa: E402

from eventwire.api import load_pipeline, make_config  # noqa: E402
from eventwire.eval.geo import Toponym  # noqa: E402
from eventwire.model import Document, PlaceMention  # noqa: E402
from eventwire.places.gazetteer import DATA, Gazetteer, Place, load_gazetteer  # noqa: E402
from eventwire.places.resolve import haversine_km  # noqa: E402

Point = tuple[float, float]
CONVENTIONS = ("centre", "midpoint", "capital", "centroid")


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and area-weighted centroid sums of one ring (shoelace, in degrees)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return area / 2, cx, cy


def _centroid(geometry: dict) -> Point | None:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    area = cx = cy = 0.0
    for polygon in polygons:
        for i, ring in enumerate(polygon):
            a, x, y = _ring_centroid([p[:2] for p in ring])
            sign = 1 if i == 0 else -1  # holes take their area away
            area += sign * abs(a)
            cx += sign * x * (1 if a >= 0 else -1)
            cy += sign * y * (1 if a >= 0 else -1)
    if not area:
        return None
    return cy / (6 * area), cx / (6 * area)


def _countryinfo(folder: Path) -> tuple[dict[str, Point], dict[str, Point]]:
    """Each country's conventional centre (with the shipped corrections) and centroid."""
    centre: dict[str, Point] = {}
    centroid: dict[str, Point] = {}
    for path in folder.glob("*.json"):
        data = json.loads(path.read_text("utf-8"))
        iso3 = (data.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        if len(data.get("latlng") or []) == 2:
            centre[iso3] = (float(data["latlng"][0]), float(data["latlng"][1]))
        for feature in (data.get("geoJSON") or {}).get("features") or []:
            point = _centroid(feature["geometry"])
            if point is not None:
                centroid[iso3] = point
    for iso3, (lat, lon, _) in CORRECTIONS.items():
        centre[iso3] = (lat, lon)
    return centre, centroid


def _towns(gaz: Gazetteer) -> dict[tuple[str, str], list[Place]]:
    by_division: dict[tuple[str, str], dict[int, Place]] = defaultdict(dict)
    for entries in gaz.index.values():
        for p in entries:
            if p.feature in ("PPL", "PPLC") and p.admin1 and p.geonameid is not None:
                by_division[(p.country, p.admin1)][p.geonameid] = p
    return {k: list(v.values()) for k, v in by_division.items()}


def _box(towns: list[Place]) -> Point:
    lats, lons = sorted(t.lat for t in towns), sorted(t.lon for t in towns)
    lo, hi = int(len(towns) * 0.02), min(len(towns) - 1, int(len(towns) * 0.98))
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


class Points:
    """The point of a resolved country or division under each convention."""

    def __init__(self, gaz: Gazetteer, countryinfo: Path) -> None:
        self.gaz = gaz
        self.centre, self.centroid = _countryinfo(countryinfo)
        self.capital = {}
        for entries in gaz.index.values():
            for p in entries:
                if p.feature == "PPLC":
                    self.capital[p.country] = p
        self.towns = _towns(gaz)
        self.iso3_to_iso2 = {v: k for k, v in gaz.iso2_to_iso3.items()}

    def country(self, convention: str, m: PlaceMention) -> Point | None:
        iso3 = m.country or ""
        if convention == "midpoint":
            return m.lat, m.lon  # type: ignore[return-value]
        if convention == "capital" and iso3 in self.capital:
            return self.capital[iso3].lat, self.capital[iso3].lon
        table = self.centroid if convention == "centroid" else self.centre
        return table.get(iso3, (m.lat, m.lon))  # type: ignore[arg-type]

    def division(self, convention: str, m: PlaceMention) -> Point | None:
        if convention == "midpoint":
            return m.lat, m.lon  # type: ignore[return-value]
        entry = next((p for p in self.gaz.lookup(m.name) if p.feature == "ADM1"
                      and p.country == m.country and p.admin1
                      and abs(p.lat - (m.lat or 0)) < 1e-3), None)
        towns = self.towns.get((m.country or "", entry.admin1 or "")) if entry else None
        if convention == "centre":
            wiki = WIKIPEDIA_ADMIN1.get((self.iso3_to_iso2.get(m.country or "", ""), m.name))
            if wiki is not None:  # undo the midpoint: base = 2 * midpoint - Wikipedia
                return 2 * m.lat - wiki[0], 2 * m.lon - wiki[1]  # type: ignore[operator]
            return m.lat, m.lon  # type: ignore[return-value]
        if not towns:
            return m.lat, m.lon  # type: ignore[return-value]
        if convention == "capital":
            best = max(towns, key=lambda t: t.population)
            return best.lat, best.lon
        return _box(towns)


def _matches(golds: list[Toponym], preds: list[PlaceMention]
             ) -> Iterator[tuple[Toponym, PlaceMention]]:
    """Each gold toponym with coordinates and the first resolved prediction over it."""
    for g in golds:
        if g.lat is None or g.lon is None:
            continue
        match = next((p for p in preds if g.start < p.end and p.start < g.end), None)
        if match is not None and match.lat is not None and match.lon is not None:
            yield g, match


def measure(corpus: Callable[[str], Iterator[tuple[str, list[Toponym]]]], split: str,
            pipe: object, points: Points) -> dict[str, tuple[int, int, int]]:
    """Per convention: resolved matches within 161 km, their number, and how many of
    them are countries or divisions."""
    items = list(corpus(split))
    docs = [Document(doc_id=str(i), source="bench", text=t) for i, (t, _) in enumerate(items)]
    done = list(pipe.pipe(docs))  # type: ignore[attr-defined]
    out = {}
    for convention in CONVENTIONS:
        near = total = areas = 0
        for (_, golds), doc in zip(items, done, strict=True):
            for g, m in _matches(golds, doc.places):
                point: Point | None = (m.lat, m.lon)  # type: ignore[assignment]
                if m.feature == "PCLI":
                    point, areas = points.country(convention, m), areas + 1
                elif m.feature == "ADM1":
                    point, areas = points.division(convention, m), areas + 1
                total += 1
                near += point is not None and haversine_km(g.lat, g.lon, *point) <= 161
        out[convention] = (near, total, areas)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--countryinfo", type=Path, required=True,
                    help="the data folder of an unpacked countryinfo wheel")
    args = ap.parse_args(argv)
    pipe = load_pipeline(make_config(overrides=["pipeline=[parse, places]"]))
    points = Points(load_gazetteer(), args.countryinfo)
    print("set       part   " + "  ".join(f"{c:>9}" for c in CONVENTIONS) + "  areas/resolved")
    for name, corpus in (("GeoVirus", geovirus), ("LGL", lgl)):
        for split in ("dev", "check"):
            result = measure(corpus, split, pipe, points)
            figures = "  ".join(f"{n / t:9.4f}" for n, t, _ in result.values())
            _, total, areas = result["midpoint"]
            print(f"{name:9} {split:6} {figures}  {areas}/{total}")
    _shipped_check()
    return 0


def _shipped_check() -> None:
    """The shipped files hold the midpoints the convention names (a consistency check)."""
    with (DATA / "country_points.csv").open(encoding="utf-8") as fh:
        moved = {r["iso3"] for r in csv.DictReader(fh) if "midpoint" in r["source"]}
    with gzip.open(str(DATA / "admin_points.csv.gz"), "rt", encoding="utf-8") as fh:
        moved |= {r["name"] for r in csv.DictReader(fh) if "midpoint" in r["point"]}
    print("midpoints shipped:", ", ".join(sorted(moved)),
          f"(Wikipedia points listed: {len(WIKIPEDIA_COUNTRIES) + len(WIKIPEDIA_ADMIN1)})")


if __name__ == "__main__":
    sys.exit(main())
