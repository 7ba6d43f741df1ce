"""Every event's row as one JSON value, which a page of events reads instead of the rows.

A page lists 50 whole events (every column). Spread over a million rows, as a rare filter's
page is, reading them costs about 20 ms of CPU: DuckDB decompresses a vector of each of
the 53 columns for every row it fetches, whether through the index on ``event_id`` or
by a range of keys. The store therefore keeps, for every event, its row as one JSON
array of the column values in the table's order (``event_json``, indexed on
``order_key``): a page is then 50 index lookups of one column, about 2 ms.

Why an array and not an object: the column names would be half of every value and double
the table on disk; they are the events table's own names, in its order, read once per
page (:func:`event_columns`). DuckDB writes the JSON (``json_array``), so the values are
exactly the stored ones (doubles in their shortest exact form, dates as ISO strings,
integers of any size), the same the page would have read from the row.

The table is written in the same transaction as the events (:func:`add_json`), rebuilt
whenever events change in place (:func:`build_json`: the clusters' recomputation rewrites
``cluster_id``) and built for an older store by its migration. A migration that adds a
column to ``events`` must rebuild it too; a value whose length is not the table's number
of columns is not used (:mod:`eventwire.store.query` then reads the row itself).
"""

from __future__ import annotations

import duckdb

from eventwire.store.bulk import run

__all__ = ["json_statements", "add_json", "build_json", "event_columns", "page_json_sql"]


def json_statements() -> list[str]:
    """DDL of the table and its index (idempotent)."""
    return [
        "CREATE TABLE IF NOT EXISTS event_json (order_key BIGINT, value VARCHAR)",
        "CREATE INDEX IF NOT EXISTS event_json_key ON event_json (order_key)",
    ]


def event_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The events table's column names in their order (the order of ``SELECT *``)."""
    rows = con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'events' "
                       "AND schema_name = 'main' ORDER BY column_index").fetchall()
    return [name for (name,) in rows]


def _select(con: duckdb.DuckDBPyConnection) -> str:
    values = ", ".join(f'e."{name}"' for name in event_columns(con))
    return f"SELECT e.order_key, json_array({values})::VARCHAR FROM events e"


def add_json(con: duckdb.DuckDBPyConnection, first_seq: int) -> None:
    """Write the JSON of the events just stored: those numbered ``first_seq`` and after
    (new events are numbered after every stored one, so zone maps skip the rest)."""
    run(con, f"INSERT INTO event_json {_select(con)} WHERE e.seq >= ?", [first_seq])


def build_json(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the whole table from the stored events (a migration, new clusters)."""
    run(con, "SET enable_progress_bar = false")  # a migration prints its own messages
    create, index = json_statements()
    run(con, "DROP TABLE IF EXISTS event_json")  # with its index: built after, faster
    run(con, create)
    run(con, f"INSERT INTO event_json {_select(con)}")
    run(con, index)


def page_json_sql(cluster_index: int, cluster_fields: tuple[str, ...]) -> str:
    """The query of a page's JSON by ``order_key`` (one parameter: the keys), each with
    ``cluster_fields`` of its cluster, whose id is value number ``cluster_index``.

    Why one query: a second one, for the clusters alone, costs its own planning and scan.
    """
    fields = ", ".join(f"c.{name}" for name in cluster_fields)
    return (f"SELECT j.order_key, j.value, {fields} FROM event_json j "
            "LEFT JOIN event_clusters c "
            f"ON c.cluster_id = json_extract_string(j.value, '$[{int(cluster_index)}]') "
            "WHERE j.order_key IN (SELECT unnest(?::BIGINT[]))")
