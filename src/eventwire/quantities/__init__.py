"""Quantities: counts of people and things found in the text.

Public surface: the ``quantities`` stage. Each event's size is chosen by the ``anchor``
stage (:func:`eventwire.anchor.size_event`).
"""
