"""One event per act in a story: an act the story tells again is not a second event.

Why after dating: a wire story tells its main act in the lede and again in the body
("Police arrested two opposition leaders on Tuesday ..." and, paragraphs later, "Police
arrested the opposition leaders after a rally"). Both sentences code the same act, and
event data counts acts, so a careful coder lists it once. Two events are one act when they
have the same CAMEO code, the same source and target (by country where the actor has one:
"Chinese police" and "China" are one side), the same date, and no two different places,
told in two sentences (in one sentence, the same dyad twice is two acts: "the government
and the rebels agreed" is each side's agreement with the other). The most confident
telling is kept (the first on a tie); the others are dropped, and the events are numbered
again in text order. A later telling without the doer ("the diplomats were expelled"),
of the same code and target, on the same day or none, is the act told before with its
doer, and is dropped.
"""

from __future__ import annotations

from eventwire.model import Event, EventActor

__all__ = ["drop_retold"]

Side = str | None


def _side(actor: EventActor) -> Side:
    return actor.country or actor.code or (actor.text or "").lower() or None


def _key(event: Event) -> tuple[str, Side, Side, str | None]:
    return event.cameo, _side(event.source), _side(event.target), event.date


def _same_place(a: Event, b: Event) -> bool:
    """Whether two tellings can be one act by where they happened: one has no place or
    only the country its actors give it, one is placed in a country the other's place
    is in ("in Nairobi" and, told again, "in Kenya"), or both have the same."""
    if a.location is None or b.location is None or "country" in (a.location_source,
                                                                 b.location_source):
        return True
    if "country" in (a.location_precision, b.location_precision):
        return a.location.country == b.location.country
    return (a.location.geonameid, a.location.name) == (b.location.geonameid, b.location.name)


def _head_word(actor: EventActor) -> str:
    words = (actor.text or "").lower().split()
    return words[-1] if words else ""


def _told_with_its_doer(event: Event, kept: list[Event]) -> bool:
    """Whether an act told without its doer was told before with one: the same code and
    target (the same side and head word), the same date or none, no two places, in
    another sentence ("Turkey ordered 12 Dutch diplomats to leave" and, later, "the
    diplomats had been declared persona non grata"). A report's second telling often
    leaves out who acted; it is the same act, and the first telling says more."""
    if _side(event.source) is not None or _side(event.target) is None:
        return False
    return any(k.cameo == event.cameo and _side(k.source) is not None
               and _side(k.target) == _side(event.target)
               and _head_word(k.target) == _head_word(event.target)
               and event.date in (None, k.date) and _same_place(k, event)
               and k.sentence_index != event.sentence_index for k in kept)


def drop_retold(doc_id: str, events: list[Event]) -> list[Event]:
    """``events`` (in text order) with each act once, renumbered ``doc_id-n``."""
    kept: list[Event] = []
    for event in events:
        if _told_with_its_doer(event, kept):
            continue
        if event.date is None or not (_side(event.source) or _side(event.target)):
            kept.append(event)
            continue
        same = next((k for k in kept if _key(k) == _key(event) and _same_place(k, event)
                     and k.sentence_index != event.sentence_index), None)
        if same is None:
            kept.append(event)
        elif (event.confidence or 0.0) > (same.confidence or 0.0):
            kept[kept.index(same)] = event
    order = {id(e): n for n, e in enumerate(events)}
    kept.sort(key=lambda e: order[id(e)])
    for n, event in enumerate(kept):
        event.id = f"{doc_id}-{n}"
    return kept
