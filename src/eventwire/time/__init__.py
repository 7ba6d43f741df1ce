"""Time: TIMEX3 time expressions found and normalised against the document date.

Public surface: the ``times`` stage. Each event's own date is chosen by the ``anchor``
stage (:func:`eventwire.anchor.date_event`).
"""
