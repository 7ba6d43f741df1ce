"""Places: toponyms found and resolved offline to gazetteer entries.

Public surface: the ``places`` stage. Each event's location is chosen by the ``anchor``
stage (:func:`eventwire.anchor.locate_event`).
"""
