"""Dating one event from the time expressions that govern it (minimal until built)."""

from __future__ import annotations

from eventwire.model import Document, Event

__all__ = ["date_event"]


def date_event(doc: Document, event: Event) -> tuple[str | None, str | None, str | None]:
    """(date, precision, source) of an event; the document date when the text gives none."""
    if doc.date is None:
        return None, None, None
    return doc.date, "day", "document"
