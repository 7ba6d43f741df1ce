"""A POLECAT-style table: one tab-separated line per event mention, with a header.

POLECAT, the PLOVER-coded successor of ICEWS, ships weekly tab-separated files with one
row per event and columns named in words ("Event Date", "Actor Country", ...). This export
uses those names for what eventwire codes, so scripts written for POLECAT files read
it; columns POLECAT fills from sources eventwire does not have (Wikipedia ids, COW codes,
actor titles, story-level people and organisations) are left out rather than written
empty. The columns, in order, are :data:`POLECAT_COLUMNS` (see ``docs/store.md``).
Lists (sectors, contexts) are joined with ``;``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import duckdb

from eventwire import __version__
from eventwire.export.geo import action_geo
from eventwire.export.tables import filtered, query_dicts
from eventwire.store.filters import EventFilter

__all__ = ["POLECAT_COLUMNS", "polecat_rows", "write_polecat"]

_QUERY = """
SELECT e.*, d.outlet AS publication, d.url AS url, d.date AS publication_date
FROM events e JOIN documents d ON d.doc_id = e.doc_id
WHERE {where}
ORDER BY e.seq
"""

_QUADS = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
          4: "MATERIAL CONFLICT"}


def _join(values: Any) -> str:
    return ";".join(str(v) for v in values or [])


def _first(values: Any) -> str:
    return str(values[0]) if values else ""


def _actor(row: dict[str, Any], role: str) -> list[Any]:
    return [row[f"{role}_code"], row[f"{role}_country"], _first(row[f"{role}_sectors"]),
            _join(row[f"{role}_sectors"]), row[f"{role}_text"]]


def _place(row: dict[str, Any]) -> list[Any]:
    if not row["has_location"]:
        return [None] * 7
    geo = action_geo(row["geonameid"], row["location_name"], row["location_country"],
                     row["lat"])
    kind = {1: "country", 2: "ADM1", 5: "ADM1"}.get(geo.type, "place")
    return [row["location_name"], row["location_country"], geo.adm1 or None, row["lat"],
            row["lon"], row["geonameid"], kind]


def _values(row: dict[str, Any]) -> list[Any]:
    return [row["event_id"], row["date"], row["plover_type"], row["plover_mode"],
            _QUADS.get(row["quad_class"]), _join(row["plover_context"]),
            *_actor(row, "source"), *_actor(row, "target"), *_place(row),
            row["publication"], row["url"], row["publication_date"], row["doc_id"],
            int(row["sentence_index"]) + 1, row["sentence"], row["trigger"], row["cameo"],
            "en", __version__]


#: The columns, in order: POLECAT's names, then eventwire's additions at the end.
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Quad Code", "Contexts",
    "Actor Code", "Actor Country", "Primary Actor Sector", "Actor Sectors", "Actor Name Raw",
    "Recipient Code", "Recipient Country", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Name Raw",
    "Placename", "Country", "Province", "Latitude", "Longitude", "GeoNames ID", "Feature Type",
    "Source", "URL", "Publication Date", "Story ID", "Sentence Number", "Event Text",
    "Event Trigger", "CAMEO Code", "Language", "Version",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def polecat_rows(
    con: duckdb.DuckDBPyConnection, chunk: int = 10_000, filters: EventFilter | None = None
) -> Iterator[list[str]]:
    """One row of :data:`POLECAT_COLUMNS` cells per matching event mention."""
    sql, params = filtered(con, _QUERY, filters)
    for row in query_dicts(con, sql, chunk, params):
        yield [_cell(v) for v in _values(row)]


def write_polecat(
    con: duckdb.DuckDBPyConnection, out: IO[str], filters: EventFilter | None = None
) -> int:
    """Write the header and one line per event mention; returns the number of rows."""
    out.write("\t".join(POLECAT_COLUMNS) + "\n")
    count = 0
    for cells in polecat_rows(con, filters=filters):
        out.write("\t".join(cells) + "\n")
        count += 1
    return count
