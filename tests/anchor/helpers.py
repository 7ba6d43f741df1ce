"""Helpers of the anchor tests: a text through the real stages, and an event on a word."""

from __future__ import annotations

from eventwire.model import Document, Event, EventActor


def event_at(doc: Document, trigger: str, cameo: str = "173", nth: int = 0) -> Event:
    """An event whose trigger is the nth occurrence of ``trigger`` in the text, in its own
    sentence, as the events stage makes one."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(trigger, start + 1)
    index = doc.sentence_index_at(start)
    sent = doc.sentences[index] if index is not None else None
    return Event(
        id="E1", sentence_index=index if index is not None else 0,
        start=sent.start if sent is not None else 0,
        end=sent.end if sent is not None else len(doc.text), trigger=trigger,
        source=EventActor(), target=EventActor(), cameo=cameo, cameo_root=cameo[:2],
        quad_class=4, goldstein=-5.0, trigger_start=start, trigger_end=start + len(trigger),
    )
