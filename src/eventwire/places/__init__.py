"""Places: toponyms resolved offline, and each event's location.

Public surface: :func:`locate_event` (used by the ``anchor`` stage) and the ``places`` stage.
"""

from eventwire.places.locate import locate_event

__all__ = ["locate_event"]
