"""Coding a named actor by the date of the event rather than of the story.

Why: the actor stage codes every mention for the document's date, but a story of 2019 that
recalls "in 2005, Barack Obama ..." describes an event whose actor was then a senator, not
the president. Once the anchor stage has dated an event to the day, the event's source and
target that name a knowledge-base entry are re-coded with :func:`~eventwire.actors.kb.code_on`
for that day. Only mentions that are the entry itself (or a pronoun or surname standing for
it) are re-coded: "Obama's government" takes its role from "government", not from the date.
"""

from __future__ import annotations

import re

from eventwire.actors.kb import code_on, load_kb
from eventwire.actors.lexicon import split_code
from eventwire.model import ActorMention, Document, Event, EventActor

__all__ = ["recode_event", "entry_id_of"]

_KB_RULE = re.compile(r"(?:^|>)kb:([\w-]+)$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def entry_id_of(mention: ActorMention) -> str | None:
    """The knowledge-base entry a mention names by itself, if any."""
    m = _KB_RULE.search(mention.rule or "")
    return m.group(1) if m else None


def recode_event(doc: Document, event: Event) -> None:
    """Re-code the event's named actors for its own date, when it has a day."""
    if not event.date or not _DAY.match(event.date) or event.date == (doc.date or doc.dct):
        return
    for actor in (event.source, event.target):
        mention = _mention_of(doc, event, actor)
        entry_id = entry_id_of(mention) if mention else None
        entry = load_kb().entries.get(entry_id or "")
        if entry is None:
            continue
        code = code_on(entry, event.date).code
        if code:
            country, sectors = split_code(code)
            actor.code, actor.country, actor.sectors = code, country, list(sectors)


def _mention_of(doc: Document, event: Event, actor: EventActor) -> ActorMention | None:
    """The actor mention within the event's span with the actor's text and code."""
    if not actor.text or not actor.code:
        return None
    for mention in doc.actors:
        if (event.start <= mention.start < event.end and mention.text == actor.text
                and mention.code == actor.code):
            return mention
    return None
