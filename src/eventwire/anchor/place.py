"""Placing one event: the toponym the text attaches to its trigger by a locative preposition.

Why this way: "Police nabbed five people inside the compound of the Japanese Consulate in
Shenyang, north-eastern China" places the arrest in Shenyang because a chain of
prepositions (inside ... of ... in) links the trigger to it, whereas a toponym that is an
actor ("Beijing said", "Chinese police") or a modifier ("U.S. officials") says who, not
where. When no chain reaches the trigger (a nominal trigger: "a protest was held in
Cairo"), the one locative place of the trigger's clause is used, then the dateline (for
the story's first sentence); otherwise the event has no location rather than an invented
one. A place attached to another clause ("arrested ... have been allowed to fly to freedom
in South Korea") never places the event.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from eventwire.anchor.trigger import span_root, trigger_token
from eventwire.model import Document, Event, Location, PlaceMention
from eventwire.places.util import load_context

__all__ = ["locate_event"]

#: More specific first: a city beats the country it is in.
SPECIFICITY = {"PPL": 0, "PPLC": 0, "ADM2": 1, "ADM1": 2, "PCLI": 3, "CONT": 4}
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "poss", "compound", "amod",
                        "agent", "dative"})
MAX_STEPS = 14
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp"})


@cache
def _locatives() -> frozenset[str]:
    return frozenset(str(p).lower() for p in load_context().get("locative_preps") or [])


def _place_root(doc: Document, mention: PlaceMention) -> Any | None:
    return span_root(doc.spacy, mention.start, mention.end)


def _anchors(trigger: Any) -> set[int]:
    """Tokens whose locative phrases place the event: the trigger, and the verb of the
    main clause when the trigger is a participle hanging off it or off its object ("sent a
    letter to the ambassador in Washington urging Beijing ...")."""
    anchors = {trigger.i}
    if trigger.dep_ in PARTICIPLE_DEPS and trigger.tag_ in ("VBG", "VBN", "VB"):
        anchors.add(trigger.head.i)
    elif trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.dep_ == "dobj":
        anchors.add(trigger.head.head.i)  # "sent a letter ... urging": the letter's sending
    return anchors


def _locative_path(root: Any, trigger: Any, preps: frozenset[str]) -> int | None:
    """Steps from a toponym up to the trigger through a locative preposition, or None.

    The walk stops at another verb (another clause) and refuses a toponym that is itself
    an argument of a verb (an actor by metonymy).
    """
    if root.dep_ in ACTOR_DEPS and root.head.pos_ in ("VERB", "AUX"):
        return None
    anchors = _anchors(trigger)
    cur, steps, located = root, 0, False
    while cur.i not in anchors and steps < MAX_STEPS:
        if cur.dep_ == "pobj" and _locative(cur.head, preps):
            located = True
        if cur.head.i == cur.i:
            return None
        cur, steps = cur.head, steps + 1
        if cur.pos_ in ("VERB", "AUX") and cur.i not in anchors and not _conjoined(cur, trigger):
            return None
    return steps if located and cur.i in anchors else None


def _locative(prep: Any, preps: frozenset[str]) -> bool:
    """A locative preposition, simple or compound ("in", "outside of", "near to")."""
    if prep.lower_ in preps:
        return True
    return prep.lower_ in ("of", "to") and prep.head.lower_ in preps


def _conjoined(verb: Any, trigger: Any) -> bool:
    """Verbs coordinated with the trigger share its place ("killed 12 and wounded 30 near X")."""
    return verb.dep_ == "conj" and verb.head.i == trigger.i


def _to_location(mention: PlaceMention) -> Location:
    return Location(mention.name, mention.country, mention.lat, mention.lon, mention.geonameid)


def _best(found: list[tuple[int, PlaceMention]]) -> PlaceMention:
    return min(found, key=lambda sm: (SPECIFICITY.get(sm[1].feature or "", 5), sm[0]))[1]


def _sentence_places(doc: Document, trigger: Any) -> list[PlaceMention]:
    sent = trigger.sent
    return [m for m in doc.places if sent.start_char <= m.start < sent.end_char
            and m.lat is not None]


def _clause_verb(tok: Any) -> Any:
    """The verb heading a token's clause (the token itself when it is a verb)."""
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and steps < MAX_STEPS:
        tok, steps = tok.head, steps + 1
    return tok


def _same_clause(doc: Document, trigger: Any, places: list[PlaceMention],
                 preps: frozenset[str]) -> PlaceMention | None:
    """The one locative place of the trigger's own clause, when the trigger is a noun
    ("a protest was held in Cairo"); a city with its own country counts once."""
    verb = _clause_verb(trigger)
    located = []
    for m in places:
        root = _place_root(doc, m)
        if (root is not None and root.dep_ == "pobj" and _locative(root.head, preps)
                and _clause_verb(root).i == verb.i):
            located.append(m)
    specific = [m for m in located if m.feature in ("PPL", "PPLC", "ADM2", "ADM1")] or located
    if len({m.geonameid for m in specific}) != 1:
        return None
    if all(m in specific or m.country == specific[0].country for m in located):
        return specific[0]
    return None


def _dateline(doc: Document, trigger: Any) -> Location | None:
    geo = doc.meta.get("dateline_geo")
    if not isinstance(geo, dict) or not doc.sentences:
        return None
    if trigger.sent.start_char > doc.sentences[0].end:
        return None
    return Location(geo.get("name"), geo.get("country"), geo.get("lat"), geo.get("lon"),
                    geo.get("geonameid"))


def locate_event(doc: Document, event: Event) -> Location | None:
    """The location the text gives an event, or None."""
    trigger = trigger_token(doc, event)
    if trigger is None:
        return None
    preps = _locatives()
    places = _sentence_places(doc, trigger)
    found = []
    for mention in places:
        root = _place_root(doc, mention)
        steps = _locative_path(root, trigger, preps) if root is not None else None
        if steps is not None:
            found.append((steps, mention))
    if found:
        return _to_location(_best(found))
    single = _same_clause(doc, trigger, places, preps)
    if single is not None:
        return _to_location(single)
    return _dateline(doc, trigger)
