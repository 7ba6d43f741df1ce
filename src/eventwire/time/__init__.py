"""Time: TIMEX3 time expressions and each event's own date.

Public surface: :func:`date_event` (used by the ``anchor`` stage) and the ``times`` stage.
"""

from eventwire.time.anchoring import date_event

__all__ = ["date_event"]
