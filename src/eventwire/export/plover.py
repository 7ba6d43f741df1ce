"""PLOVER export: one JSON record per event mention, in the shape of PLOVER's records.

The field names are those of the PLOVER gold-standard records (``id``, ``date``,
``source``/``target`` as lists of ``{actorText, code, sector}``, ``event``, ``eventText``,
``mode``, ``context``, ``eventLoc``, ``text``, ``language``, ``publication``, ...), so
tools written for PLOVER data read them. ``code`` is the actor's country (ISO alpha-3,
as in PLOVER), with the full CAMEO actor code kept in ``cameoCode``; eventwire's own
fields (CAMEO code, cluster, document, offsets) are added under ``eventwire``.

``eventLoc`` is PLOVER's location object, whose field names are GeoNames' own (PLOVER
manual, "Location object"): ``name``, ``geonameid``, ``latitude``, ``longitude``,
``country code`` (ISO alpha-2, as GeoNames), ``cc3`` (ISO alpha-3) and ``admin1 code``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

import duckdb
import pycountry

from eventwire import __version__
from eventwire.export.geo import action_geo
from eventwire.export.tables import filtered, query_dicts
from eventwire.store.filters import EventFilter

__all__ = ["plover_records", "write_plover"]

_QUERY = """
SELECT e.*, d.outlet AS publication, d.url AS url, d.title AS title
FROM events e JOIN documents d ON d.doc_id = e.doc_id
WHERE {where}
ORDER BY e.seq
"""


def _actors(row: dict[str, Any], role: str) -> list[dict[str, Any]] | str:
    if not (row[f"{role}_text"] or row[f"{role}_code"] or row[f"{role}_country"]):
        return ""
    actor: dict[str, Any] = {"actorText": row[f"{role}_text"],
                             "actorResolved": row.get(f"{role}_resolved") or row[f"{role}_text"],
                             "code": row[f"{role}_country"] or row[f"{role}_code"],
                             "cameoCode": row[f"{role}_code"]}
    sectors = list(row[f"{role}_sectors"] or [])
    if sectors:
        actor["sector"] = sectors[0]
    return [actor]


def _alpha2(iso3: str | None) -> str | None:
    found = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return str(found.alpha_2) if found is not None else None


def _location(row: dict[str, Any]) -> dict[str, Any] | None:
    """PLOVER's location object (GeoNames field names) for the event's place."""
    if not row["has_location"]:
        return None
    country = row["location_country"]
    geo = action_geo(row["geonameid"], row["location_name"], country, row["lat"])
    admin1 = geo.adm1[len(geo.country_fips):] if geo.type in (2, 3, 4, 5) else ""
    return {"name": row["location_name"], "geonameid": row["geonameid"],
            "latitude": row["lat"], "longitude": row["lon"],
            "country code": _alpha2(country), "cc3": country, "admin1 code": admin1 or None}


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER record of one ``events`` row (joined with its document)."""
    rec: dict[str, Any] = {
        "id": row["event_id"],
        "date": row["date"],
        "source": _actors(row, "source"),
        "target": _actors(row, "target"),
        "event": row["plover_type"],
        "eventText": row["trigger"],
        "mode": row["plover_mode"] or "",
        "context": ", ".join(row["plover_context"] or []),
        "eventLoc": _location(row),
        "text": row["sentence"],
        "language": "en",
        "publication": row["publication"],
        "url": row["url"],
        "coder": "eventwire",
        "version": __version__,
    }
    for key, column in (("size", "size_people"), ("dead", "size_killed"),
                        ("injured", "size_injured"), ("arrested", "size_arrested")):
        if row[column] is not None:
            rec[key] = row[column]
    rec["eventwire"] = {
        "cameo": row["cameo"], "goldstein": row["goldstein"], "quad_class": row["quad_class"],
        "cluster_id": row["cluster_id"], "doc_id": row["doc_id"], "start": row["char_start"],
        "end": row["char_end"], "rule": row["rule"], "negated": row["negated"],
        "hypothetical": row["hypothetical"], "confidence": row.get("confidence"),
    }
    return rec


def plover_records(
    con: duckdb.DuckDBPyConnection, chunk: int = 10_000, filters: EventFilter | None = None
) -> Iterator[dict]:
    """Every matching event mention as a PLOVER record, in ingestion order."""
    sql, params = filtered(con, _QUERY, filters)
    for row in query_dicts(con, sql, chunk, params):
        yield plover_record(row)


def write_plover(
    con: duckdb.DuckDBPyConnection, out: IO[str], filters: EventFilter | None = None
) -> int:
    """Write PLOVER records as JSON Lines; returns their number."""
    count = 0
    for rec in plover_records(con, filters=filters):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        count += 1
    return count
