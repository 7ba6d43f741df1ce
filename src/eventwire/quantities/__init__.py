"""Quantities: counts of people and things, and each event's size.

Public surface: :func:`size_event` (used by the ``anchor`` stage) and the ``quantities``
stage.
"""

from eventwire.quantities.size import size_event

__all__ = ["size_event"]
