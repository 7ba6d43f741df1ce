"""The store's tables: column names and DuckDB types, in one place.

Why one declarative table: :func:`record_to_rows`, the bulk inserts, the migrations and
engines that write the same layout elsewhere (Parquet from Spark) all read
``TABLE_COLUMNS``, so a column cannot be added in one place and forgotten in another.
Offsets are named ``char_start``/``char_end`` because ``end`` is an SQL keyword.
Columns the store fills on insert (``documents.seq``, ``events.cluster_id``, ``events.seq``,
``events.order_key``) are None in the rows of :func:`record_to_rows`.
"""

from __future__ import annotations

from datetime import date

from eventwire.store.listing import json_statements
from eventwire.store.words import word_statements

__all__ = [
    "SCHEMA_VERSION",
    "TABLE_COLUMNS",
    "CLUSTER_COLUMNS",
    "META_COLUMNS",
    "ORDER_SHIFT",
    "order_key",
    "create_statements",
    "index_statements",
]

#: The layout written by this version of eventwire (see ``migrate.py`` for older ones).
SCHEMA_VERSION = 7

_ACTOR = "VARCHAR"
_LIST = "VARCHAR[]"

TABLE_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_id", "VARCHAR"),
        ("seq", "BIGINT"),
        ("source", "VARCHAR"),
        ("title", "VARCHAR"),
        ("byline", "VARCHAR"),
        ("stated_date", "VARCHAR"),
        ("date", "VARCHAR"),
        ("day", "DATE"),
        ("date_warnings", _LIST),
        ("meta", "VARCHAR"),
        ("url", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("text", "VARCHAR"),
        ("num_sentences", "INTEGER"),
        ("num_events", "INTEGER"),
    ],
    "sentences": [
        ("doc_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("text", "VARCHAR"),
    ],
    "mentions": [
        ("doc_id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("idx", "INTEGER"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("text", "VARCHAR"),
        ("code", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sectors", _LIST),
        ("type", "VARCHAR"),
        ("value", "VARCHAR"),
        ("name", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("geonameid", "BIGINT"),
        ("number", "DOUBLE"),
        ("unit", "VARCHAR"),
        ("qualifier", "VARCHAR"),
        ("resolved", "VARCHAR"),  # schema 4: an actor mention's antecedent (NULL before)
    ],
    "events": [
        ("event_id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("sentence_index", "INTEGER"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("trigger", "VARCHAR"),
        ("trigger_start", "INTEGER"),
        ("trigger_end", "INTEGER"),
        ("sentence", "VARCHAR"),
        ("source_text", _ACTOR),
        ("source_code", _ACTOR),
        ("source_country", _ACTOR),
        ("source_sectors", _LIST),
        ("target_text", _ACTOR),
        ("target_code", _ACTOR),
        ("target_country", _ACTOR),
        ("target_sectors", _LIST),
        ("cameo", "VARCHAR"),
        ("cameo_root", "VARCHAR"),
        ("quad_class", "INTEGER"),
        ("goldstein", "DOUBLE"),
        ("plover_type", "VARCHAR"),
        ("plover_mode", "VARCHAR"),
        ("plover_context", _LIST),
        ("date", "VARCHAR"),
        ("date_precision", "VARCHAR"),
        ("date_source", "VARCHAR"),
        ("day", "DATE"),
        ("has_location", "BOOLEAN"),
        ("location_name", "VARCHAR"),
        ("location_country", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("geonameid", "BIGINT"),
        ("size_people", "BIGINT"),
        ("size_killed", "BIGINT"),
        ("size_injured", "BIGINT"),
        ("size_arrested", "BIGINT"),
        ("negated", "BOOLEAN"),
        ("hypothetical", "BOOLEAN"),
        ("rule", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("doc_day", "DATE"),
        ("cluster_id", "VARCHAR"),
        ("seq", "BIGINT"),
        ("order_key", "BIGINT"),
        ("confidence", "DOUBLE"),  # schema 2: the coder's confidence, 0-1 (NULL before)
        # schema 3: which evidence placed the event, and what its point stands for
        ("location_source", "VARCHAR"),
        ("location_precision", "VARCHAR"),
        # schema 4: the name each actor stands for (the antecedent of "they"; NULL before)
        ("source_resolved", _ACTOR),
        ("target_resolved", _ACTOR),
    ],
    "failures": [
        ("doc_id", "VARCHAR"),
        ("doc_source", "VARCHAR"),
        ("code", "VARCHAR"),
        ("type", "VARCHAR"),
        ("stage", "VARCHAR"),
        ("message", "VARCHAR"),
        ("hint", "VARCHAR"),
        ("time", "TIMESTAMP"),
    ],
}

#: One row per real-world event: the deduplicated cluster of event mentions.
CLUSTER_COLUMNS: list[tuple[str, str]] = [
    ("cluster_id", "VARCHAR"),
    ("global_id", "BIGINT"),
    ("source_key", "VARCHAR"),
    ("target_key", "VARCHAR"),
    ("code_key", "VARCHAR"),
    ("negated", "BOOLEAN"),
    ("hypothetical", "BOOLEAN"),
    ("date_lo", "DATE"),
    ("date_hi", "DATE"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("location_country", "VARCHAR"),
    ("num_mentions", "INTEGER"),
    ("num_sources", "INTEGER"),
    ("num_articles", "INTEGER"),
    ("first_seen", "DATE"),
    ("last_seen", "DATE"),
    ("is_lead", "BOOLEAN"),
]

META_COLUMNS: list[tuple[str, str]] = [("key", "VARCHAR"), ("value", "VARCHAR")]

#: ``events.order_key`` = day number << ORDER_SHIFT | event sequence number: newest first
#: is one integer sort (a top-N on a string pair is ten times slower).
ORDER_SHIFT = 40

_KEYS = {
    "documents": "doc_id",
    "event_clusters": "cluster_id",
    "meta": "key",
}


def order_key(day: date | None, seq: int) -> int:
    """The newest-first sort key of an event; events without a date sort last."""
    days = (day - date(1, 1, 1)).days if day is not None else 0
    return (days << ORDER_SHIFT) | seq


def _create(table: str, columns: list[tuple[str, str]]) -> str:
    cols = []
    for name, kind in columns:
        extra = " PRIMARY KEY" if _KEYS.get(table) == name else ""
        cols.append(f'"{name}" {kind}{extra}')
    return f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cols)})"


def create_statements() -> list[str]:
    """DDL of the current schema (idempotent: ``IF NOT EXISTS``)."""
    stmts = [_create(name, cols) for name, cols in TABLE_COLUMNS.items()]
    stmts.append(_create("event_clusters", CLUSTER_COLUMNS))
    stmts.append(_create("meta", META_COLUMNS))
    return stmts + word_statements() + json_statements() + index_statements()


def index_statements() -> list[str]:
    """Point-lookup indexes (DuckDB's ART): evidence by document and by cluster."""
    return [
        "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
        "CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id)",
        "CREATE INDEX IF NOT EXISTS events_event ON events (event_id)",
        "CREATE INDEX IF NOT EXISTS sentences_doc ON sentences (doc_id)",
        "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id)",
        "CREATE INDEX IF NOT EXISTS failures_doc ON failures (doc_id)",
    ]
