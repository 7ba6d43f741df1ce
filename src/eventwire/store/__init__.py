"""The event store: coded documents, events and their clusters in an embedded DuckDB file.

The public surface below is a contract shared with the API server and the Spark engine;
see ``docs/store.md``.
"""

from eventwire.store.query import EventFilter, EventPage
from eventwire.store.rows import record_to_rows
from eventwire.store.schema import SCHEMA_VERSION, TABLE_COLUMNS
from eventwire.store.store import IngestStats, Store

__all__ = [
    "Store",
    "EventFilter",
    "EventPage",
    "IngestStats",
    "record_to_rows",
    "TABLE_COLUMNS",
    "SCHEMA_VERSION",
]
