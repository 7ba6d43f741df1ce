"""The size of one event from the quantities of its sentence (minimal until built)."""

from __future__ import annotations

from eventwire.model import Document, Event, Size

__all__ = ["size_event"]


def size_event(doc: Document, event: Event) -> Size:
    """How many people the event concerns, and how many were killed, injured, arrested."""
    return Size()
