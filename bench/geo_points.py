"""The points convention for countries and provinces, shared by the scripts that write
``country_points.csv`` and ``admin_points.csv.gz``.

Why a convention at all: a country or a province is an area, and a gazetteer gives it one
point. News geoparsing corpora take that point from the gazetteer they annotate with, and two
are in use: GeoNames' entry (LGL, and corpora built on GeoNames such as TR-News and
GeoWebNews) and the coordinates of the place's Wikipedia article (GeoVirus, and corpora
built on Wikipedia). For most countries the two lie within 161 km of each other (both are
rounded "conventional centre" points: Mexico 23N 102W in both); for a few large ones they
do not (China: GeoNames 35N 105E, Wikipedia 35N 103E, 182 km apart).

The convention: where the two points lie more than 161 km apart but no more than
``MAX_APART_KM``, the point halfway between them, which is within 161 km of both, so a
reader of either convention finds it right; otherwise GeoNames' point (the base point),
since most news corpora annotate with GeoNames. Taking either convention's point alone
would fit one corpus's annotators and miss the other's.

``WIKIPEDIA_COUNTRIES`` and ``WIKIPEDIA_ADMIN1`` list the Wikipedia points that differ from
the base point by more than 161 km, as the article coordinates that GeoVirus' ``dev`` part
records for them (GeoVirus gives every toponym's Wikipedia page and point); only the
``dev`` part was read. Countries whose two points lie farther apart than ``MAX_APART_KM``
(Russia, Brazil, the DR Congo, Fiji) keep the base point: no single point serves both.
"""

from __future__ import annotations

import math

#: The accuracy radius of the geoparsing literature (100 miles).
WITHIN_KM = 161.0
#: The farthest apart two points may be for their midpoint to be within 161 km of both,
#: less a margin for rounding.
MAX_APART_KM = 2 * WITHIN_KM - 2.0

#: Wikipedia's point (lat, lon) of a country, where it lies more than 161 km from the base
#: point (``countryinfo``'s conventional centre, which is GeoNames' for these).
WIKIPEDIA_COUNTRIES: dict[str, tuple[float, float]] = {
    "AUS": (-25.0, 133.0),
    "CHN": (35.0, 103.0),
    "JPN": (35.0, 136.0),
    "MMR": (22.0, 96.0),
    "NGA": (8.0, 10.0),
    "SDN": (15.0, 32.0),
    "TGO": (6.11, 1.21),
}

#: Wikipedia's point of a first-level division outside the US (ISO alpha-2, name), where it
#: lies more than 161 km from the base point of ``admin_points.csv.gz``.
WIKIPEDIA_ADMIN1: dict[tuple[str, str], tuple[float, float]] = {
    ("AU", "Queensland"): (-23.0, 143.0),
}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(math.sqrt(a))


def convention_point(base: tuple[float, float], wikipedia: tuple[float, float] | None
                     ) -> tuple[float, float, bool]:
    """The point of the convention, and whether it is a midpoint.

    >>> convention_point((35.0, 105.0), (35.0, 103.0))
    (35.0, 104.0, True)
    >>> convention_point((23.0, -102.0), None)
    (23.0, -102.0, False)
    """
    if wikipedia is None:
        return base[0], base[1], False
    apart = haversine_km(*base, *wikipedia)
    if apart <= WITHIN_KM or apart > MAX_APART_KM:
        return base[0], base[1], False
    return round((base[0] + wikipedia[0]) / 2, 5), round((base[1] + wikipedia[1]) / 2, 5), True
