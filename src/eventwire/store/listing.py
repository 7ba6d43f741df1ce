"""Every event's row as one JSON value, which a page of events reads instead of the rows.

A page lists 50 whole events (every column) with their cluster's counts. Spread over a
million rows, as a rare filter's page is, reading them costs about 20 ms of CPU: DuckDB
decompresses a vector of each of the 53 columns for every row it fetches, whether through
the index on ``event_id`` or by a range of keys. The store therefore keeps, for every
event, its row as one JSON array of the column values in the table's order, followed by
its cluster's ``CLUSTER_FIELDS`` (``event_json``, indexed on ``order_key``): a page is
then 50 index lookups of one column, about 1 ms.

Why an array and not an object: the column names would be half of every value and double
the table on disk; they are the events table's own names, in its order, read once per
page (:func:`event_columns`). DuckDB writes the JSON (``json_array``), so the values are
exactly the stored ones (doubles in their shortest exact form, dates as ISO strings,
integers of any size), the same the page would have read from the row.

Why the cluster's counts inside: joining the page's 50 events to their clusters scans the
whole cluster table (DuckDB uses no index for a list of keys), which cost as much as the
50 rows themselves. The price is on writing: when a batch adds mentions to a stored
cluster, the JSON of that cluster's older events is written again (:func:`add_json`).

The table is written in the same transaction as the events and their clusters
(:func:`add_json`), rebuilt whenever events change in place (:func:`build_json`: the
clusters' recomputation rewrites ``cluster_id``) and built for an older store by its
migration. A migration that adds a column to ``events`` must rebuild it too; a value
whose length is not the table's number of columns and cluster fields is not used
(:mod:`eventwire.store.query` then reads the row itself).
"""

from __future__ import annotations

import duckdb

from eventwire.store.bulk import run

__all__ = ["json_statements", "add_json", "build_json", "event_columns", "page_json_sql",
           "CLUSTER_FIELDS"]

#: The cluster's values every listed event carries, after the event's own.
CLUSTER_FIELDS = ("global_id", "num_mentions", "num_sources", "num_articles")


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


def _select(con: duckdb.DuckDBPyConnection, clusters: str = "event_clusters") -> str:
    """The query of events' JSON, their clusters read from ``clusters`` (a table or a
    subquery with the cluster table's columns)."""
    values = ", ".join([*(f'e."{name}"' for name in event_columns(con)),
                        *(f"c.{name}" for name in CLUSTER_FIELDS)])
    return (f"SELECT e.order_key, json_array({values})::VARCHAR FROM events e "
            f"LEFT JOIN {clusters} c ON c.cluster_id = e.cluster_id")


#: The clusters a batch touched (one parameter: their ids).
_TOUCHED = ("(SELECT * FROM event_clusters "
            "WHERE cluster_id IN (SELECT unnest(?::VARCHAR[])))")


def add_json(con: duckdb.DuckDBPyConnection, first_seq: int, clusters: list[str]) -> None:
    """Write the JSON of the events just stored (numbered ``first_seq`` and after: new
    events are numbered after every stored one), and write again that of the older events
    of ``clusters``, whose counts the batch changed. Call after the clusters are saved.

    Why in this shape: every join reads only the touched clusters and every scan of the
    events is narrowed by zone maps (``seq``, ``order_key``). One statement joining the
    whole cluster table, with new and older events in one condition, cost a batch of 64
    documents about 150 ms more on a million events; this costs about 30 ms more.
    """
    older = [key for (key,) in con.execute(
        "SELECT order_key FROM events WHERE seq < ? AND cluster_id IN "
        "(SELECT unnest(?::VARCHAR[]))", [first_seq, clusters]).fetchall()]
    select = _select(con, _TOUCHED)
    run(con, f"INSERT INTO event_json {select} WHERE e.seq >= ?", [clusters, first_seq])
    if older:
        run(con, "DELETE FROM event_json WHERE order_key IN (SELECT unnest(?::BIGINT[]))",
            [older])
        run(con, f"INSERT INTO event_json {select} "
                 "WHERE e.order_key IN (SELECT unnest(?::BIGINT[]))", [clusters, older])


def build_json(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the whole table from the stored events (a migration, new clusters)."""
    run(con, "SET enable_progress_bar = false")  # a migration prints its own messages
    create, index = json_statements()
    run(con, "DROP TABLE IF EXISTS event_json")  # with its index: built after, faster
    run(con, create)
    run(con, f"INSERT INTO event_json {_select(con)}")
    run(con, index)


def page_json_sql() -> str:
    """The query of a page's JSON by ``order_key`` (one parameter: the keys)."""
    return ("SELECT j.order_key, j.value FROM event_json j "
            "WHERE j.order_key IN (SELECT unnest(?::BIGINT[]))")
