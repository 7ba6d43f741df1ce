"""Placing one event from the toponyms of its clause (minimal until built)."""

from __future__ import annotations

from eventwire.model import Document, Event, Location

__all__ = ["locate_event"]


def locate_event(doc: Document, event: Event) -> Location | None:
    """The location the text gives an event, or None."""
    return None
