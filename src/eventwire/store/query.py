"""Pages of events: the newest-first order and the opaque page cursor.

The filters themselves live in :mod:`eventwire.store.filters` (one vocabulary for the CLI,
the API, exports and DataFrames); they are re-exported here for older imports.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

from eventwire.errors import Errors
from eventwire.store.filters import EventFilter, day_span, parse_day, where_sql

__all__ = [
    "EventFilter", "EventPage", "where_sql", "encode_cursor", "decode_cursor", "parse_day",
    "day_span", "ORDER",
]

#: Newest first (events without a date last); one integer, see ``schema.order_key``.
ORDER = "e.order_key DESC"


@dataclass
class EventPage:
    """One page of events, the cursor of the next page (None on the last), the number of
    events matching the filters (when asked for) and the filters' notes."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    next_cursor: str | None = None
    total: int | None = None
    notes: list[str] = field(default_factory=list)


def encode_cursor(key: int) -> str:
    """An opaque cursor: where the next page starts in the newest-first order."""
    return base64.urlsafe_b64encode(json.dumps([1, key]).encode("utf-8")).decode("ascii")


def decode_cursor(cursor: str) -> tuple[str, list[Any]]:
    """The condition that selects the rows after a cursor, and its parameters."""
    try:
        version, key = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
        if version != 1 or not isinstance(key, int):
            raise ValueError(cursor)
    except (ValueError, TypeError, json.JSONDecodeError) as exc:
        raise Errors.E407_cursor.error(cursor=cursor, stage="query") from exc
    return "e.order_key < ?", [key]
