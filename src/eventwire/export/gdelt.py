"""GDELT 2.0 event table export: one tab-separated line of 61 columns per event cluster.

GDELT's event table holds deduplicated events with counts of the mentions, sources and
articles that reported them, which is what an eventwire cluster is; the root mention
(the cluster's first) gives the codes, actors and place. Where eventwire differs
(documented in ``docs/store.md``):

* the actors' country codes are CAMEO's (ISO 3166-1 alpha-3), as in GDELT; the
  ``ActionGeo_CountryCode`` and ``ActionGeo_ADM1Code`` columns are FIPS 10-4 as in GDELT
  (see :mod:`eventwire.export.geo`); ``*Geo_FeatureID`` is a GeoNames id;
* ``Actor1Name`` and ``Actor2Name`` are the names the actors resolve to (the antecedent
  of "they", ``source_resolved``), never a pronoun that has one;
* actor geography (``Actor1Geo_*``, ``Actor2Geo_*``) and ``AvgTone`` are left empty,
  as are known-group, ethnic and religion codes; the actor's sectors fill
  ``Type1Code``-``Type3Code``;
* ``IsRootEvent`` is 1 when a mention is in a document's first sentence (the lead);
* ``DATEADDED`` is the first day the event was reported (``YYYYMMDD000000``).

Filters (:class:`~eventwire.store.EventFilter`) select clusters by their root mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

import duckdb

from eventwire.export.geo import action_geo
from eventwire.export.tables import filtered, query_rows
from eventwire.store.filters import EventFilter

__all__ = ["GDELT_COLUMNS", "gdelt_lines", "write_gdelt", "write_lines"]

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: The 61 columns of the GDELT 2.0 event table, in order.
GDELT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)

_QUERY = """
SELECT c.global_id, e.day, e.source_code, coalesce(e.source_resolved, e.source_text),
       e.source_country, e.source_sectors,
       e.target_code, coalesce(e.target_resolved, e.target_text), e.target_country,
       e.target_sectors, c.is_lead, e.cameo,
       e.quad_class, e.goldstein, c.num_mentions, c.num_sources, c.num_articles,
       e.location_name, e.location_country, e.lat, e.lon, e.geonameid, c.first_seen,
       coalesce(d.url, d.source)
FROM event_clusters c JOIN events e ON e.event_id = c.cluster_id
JOIN documents d ON d.doc_id = e.doc_id
WHERE {where}
ORDER BY c.global_id
"""

Empty = ""


def _text(value: Any) -> str:
    if value is None:
        return Empty
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _day_fields(day: date | None) -> list[str]:
    if day is None:
        return [Empty] * 4
    fraction = day.year + (day.month * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _actor(code: Any, name: Any, country: Any, sectors: list[str] | None) -> list[str]:
    types = list(sectors or [])[:3]
    types += [Empty] * (3 - len(types))
    return [_text(code), _text(name), _text(country), Empty, Empty, Empty, Empty, *types]


def _action_geo(row: tuple[Any, ...]) -> list[str]:
    name, country, lat, lon, geonameid = row[17:22]
    if name is None and country is None and lat is None:
        return ["0"] + [Empty] * 7
    geo = action_geo(geonameid, name, country, lat)
    return [str(geo.type), _text(name), geo.country_fips, geo.adm1, Empty,
            _text(lat), _text(lon), _text(geonameid)]


def _line(row: tuple[Any, ...]) -> str:
    cameo = str(row[11] or "")
    first_seen = row[22]
    fields = [str(row[0]), *_day_fields(row[1])]
    fields += _actor(row[2], row[3], row[4], row[5]) + _actor(row[6], row[7], row[8], row[9])
    fields += ["1" if row[10] else "0", cameo, cameo[:3], cameo[:2], _text(row[12]),
               _text(row[13]), _text(row[14]), _text(row[15]), _text(row[16]), Empty]
    fields += ["0"] + [Empty] * 7 + ["0"] + [Empty] * 7 + _action_geo(row)
    fields += [first_seen.strftime("%Y%m%d000000") if first_seen else Empty, _text(row[23])]
    return "\t".join(fields)


def gdelt_lines(
    con: duckdb.DuckDBPyConnection, chunk: int = 10_000, filters: EventFilter | None = None
) -> Iterator[str]:
    """One GDELT line per cluster, oldest cluster first (no header: GDELT files have none)."""
    sql, params = filtered(con, _QUERY, filters)
    for row in query_rows(con, sql, chunk, params):
        yield _line(row)


def write_gdelt(
    con: duckdb.DuckDBPyConnection, out: IO[str], filters: EventFilter | None = None
) -> int:
    """Write the GDELT table to ``out``; returns the number of lines."""
    return write_lines(gdelt_lines(con, filters=filters), out)


def write_lines(lines: Iterable[str], out: IO[str]) -> int:
    """Write tab-separated lines as they come (never all in memory); returns their count."""
    count = 0
    for line in lines:
        out.write(line + "\n")
        count += 1
    return count
