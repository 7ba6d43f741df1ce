"""Anchor: each event's own date, place and size, from the mentions around its trigger.

The ``times``, ``places`` and ``quantities`` packages find and normalise what a text
mentions; this package attaches those mentions to events, so the rules that read an
event's clause live in one place and share one way of finding its trigger.

Public surface: :func:`date_event`, :func:`locate_event`, :func:`size_event` and the
``anchor`` stage (:mod:`eventwire.anchor.stage`).
"""

from eventwire.anchor.date import date_event
from eventwire.anchor.place import locate_event
from eventwire.anchor.size import size_event

__all__ = ["date_event", "locate_event", "size_event"]
