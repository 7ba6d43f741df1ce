"""Placing one event: where its own clause, its sentence, the dateline or the story put it.

The order of evidence, strongest first (``location_source`` names the one used):

1. ``clause``: a toponym the parse links to the trigger by a chain of locative
   prepositions ("Police nabbed five people inside the compound of the Japanese Consulate
   in Shenyang, north-eastern China" -> Shenyang); an "X-based" modifier in the clause
   ("a Lagos-based group staged a protest"); the target, when the event acts on a place
   ("rebels shelled Kandahar"); the one locative place of a nominal trigger's clause ("a
   protest was held in Cairo");
2. ``sentence``: a locative place elsewhere in the sentence ("In Yerevan, police said
   they detained ..."), never one on the way to or from somewhere ("allowed to fly to
   freedom in Seoul" does not place the arrest of the same sentence in Seoul), nor one in
   a condition ("if war starts in X");
3. ``dateline``: the dateline's place ("SEOUL (AP) -"), unless the sentence or the story
   points to another country (a contradictory dateline is not believed);
4. ``focus``: the place the story is about, named at least twice and at least once after
   a locative preposition, unless the sentence points to another country;
5. ``country``: the country the act happened in by how news tells such an act, when the
   text names no place for it: a strike, a fight or a visit in its target's country; any
   other act (a statement, an appeal, a protest, an arrest) in its doer's.

A toponym that is an actor ("Beijing said") or only modifies a noun ("U.S. officials")
says who, not where, and places the event only as the story's focus. A named city is never
replaced by a country's centre: when the evidence gives a country or a state and the
sentence or the dateline names a city in it, the city is taken. ``location_precision``
says what the point stands for: ``city`` (a town, or anything smaller than a first-level
division: a county, a camp, a landmark), ``admin1`` (a state or province, or a region)
or ``country`` (a country or a continent).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from eventwire.anchor.trigger import relative_adverb, span_root, trigger_token
from eventwire.anchor.words import word_list
from eventwire.model import Document, Event, Location, PlaceMention
from eventwire.places.gazetteer import Place
from eventwire.places.util import context_words

__all__ = ["Placed", "locate_event", "story_focus", "precision_of"]

#: More specific first: a city beats the country it is in.
SPECIFICITY = {"PPL": 0, "PPLC": 0, "ADM2": 1, "ADM1": 2, "PCLI": 3, "CONT": 4}
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "poss", "compound", "amod",
                        "agent", "dative"})
MAX_STEPS = 14
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp"})
PRECISION = {"PPL": "city", "PPLC": "city", "ADM2": "city", "ADM1": "admin1", "RGN": "admin1",
             "PCLI": "country", "CONT": "country"}
FOCUS_MIN_MENTIONS = 2


class Placed(NamedTuple):
    """An event's location, where it came from, and what the point stands for."""

    location: Location | None
    source: str | None = None
    precision: str | None = None


def precision_of(feature: str | None) -> str:
    """``city``, ``admin1`` or ``country`` for a GeoNames feature code (a point with no
    feature, such as a user gazetteer's, is a city)."""
    return PRECISION.get(feature or "", "city")


def _locatives() -> frozenset[str]:
    """The places package's locative prepositions; a file without them raises (E252)."""
    return context_words("locative_preps")


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


def _placed(mention: PlaceMention, source: str) -> Placed:
    return Placed(_to_location(mention), source, precision_of(mention.feature))


def _dateline(doc: Document) -> Placed | None:
    geo = doc.meta.get("dateline_geo")
    if not isinstance(geo, dict) or geo.get("lat") is None:
        return None
    loc = Location(geo.get("name"), geo.get("country"), geo.get("lat"), geo.get("lon"),
                   geo.get("geonameid"))
    return Placed(loc, "dateline", precision_of(geo.get("feature")))


def _based(doc: Document, trigger: Any, places: list[PlaceMention]) -> PlaceMention | None:
    """A place of an "X-based" modifier in the trigger's clause ("a Lagos-based group")."""
    verb = _clause_verb(trigger)
    for m in places:
        if not doc.text[m.end:m.end + 7].lower().startswith("-based"):
            continue
        based = span_root(doc.spacy, m.end + 1, m.end + 7)
        if based is not None and _clause_verb(based.head).i == verb.i:
            return m
    return None


def _coded(event: Event, codes: Iterable[str]) -> bool:
    """Whether an event's CAMEO code is one of ``codes`` or under one of them ("19" holds
    "193"; "042", a visit, only itself)."""
    return any(event.cameo.startswith(code) for code in codes)


def _target_place(doc: Document, event: Event, trigger: Any, places: list[PlaceMention],
                  roots: frozenset[str]) -> PlaceMention | None:
    """The place an event acts on ("shelled Kandahar", "an attack on Kandahar", "visited
    Tehran"), for the CAMEO roots and codes whose target is where the event happens
    (attacks, seizures, blockades, visits)."""
    if not _coded(event, roots):
        return None
    anchors = _anchors(trigger)
    for m in places:
        root = _place_root(doc, m)
        if root is None:
            continue
        if root.dep_ in ("dobj", "nsubjpass") and root.head.i in anchors:
            return m
        if (root.dep_ == "pobj" and root.head.lower_ in word_list("aimed_preps")
                and root.head.head.i in anchors):
            return m
    return None


def _clause(doc: Document, event: Event, trigger: Any, places: list[PlaceMention],
            roots: frozenset[str]) -> PlaceMention | None:
    preps = _locatives()
    found = []
    for mention in places:
        root = _place_root(doc, mention)
        steps = _locative_path(root, trigger, preps) if root is not None else None
        if steps is not None:
            found.append((steps, mention))
    if found:
        return _best(found)
    return (_based(doc, trigger, places) or _where(doc, trigger, places)
            or _target_place(doc, event, trigger, places, roots)
            or _same_clause(doc, trigger, places, preps))


def _where(doc: Document, trigger: Any, places: list[PlaceMention]) -> PlaceMention | None:
    """The place a relative "where" clause of the trigger describes ("visited Tehran,
    where he met Iranian leaders": the meeting is in Tehran)."""
    verb = _clause_verb(trigger)
    if relative_adverb(verb) != "where":
        return None
    for m in places:
        root = _place_root(doc, m)
        if root is not None and root.i == verb.head.i:
            return m
    return None


def _elsewhere(root: Any) -> bool:
    """Whether a toponym lies on a way to or from somewhere ("fly to freedom in Seoul") or
    in a condition ("if war starts in the region"): not where the sentence's events are."""
    cur, steps = root, 0
    while cur.head.i != cur.i and steps < MAX_STEPS:
        if cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ in word_list("directional_preps"):
            return True
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in word_list("condition_marks")
                                       for c in cur.children):
            return True
        cur, steps = cur.head, steps + 1
    return False


def _sentence(doc: Document, trigger: Any, places: list[PlaceMention]) -> PlaceMention | None:
    """The most specific locative place of the sentence that is not on a path, nearest the
    trigger first."""
    preps = _locatives()
    found = []
    for m in places:
        root = _place_root(doc, m)
        if (root is not None and root.dep_ == "pobj" and _locative(root.head, preps)
                and not _elsewhere(root)):
            found.append((abs(root.i - trigger.i), m))
    return _best(found) if found else None


def _locative_mention(doc: Document, mention: PlaceMention) -> bool:
    root = _place_root(doc, mention)
    return root is not None and root.dep_ == "pobj" and _locative(root.head, _locatives())


def story_focus(doc: Document) -> PlaceMention | None:
    """The place the story is about: the resolved toponym named most often (at least
    twice, once after a locative preposition), the more specific of two named as often;
    None when two places tie or none is repeated."""
    if doc.spacy is None:
        return None
    resolved = [m for m in doc.places if m.lat is not None]
    counts = Counter(_key(m) for m in resolved)
    ranked = sorted(counts.items(), key=lambda kc: (-kc[1], _rank(resolved, kc[0])))
    if not ranked or ranked[0][1] < FOCUS_MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1] and \
            _rank(resolved, ranked[1][0]) == _rank(resolved, ranked[0][0]):
        return None
    mentions = [m for m in resolved if _key(m) == ranked[0][0]]
    return mentions[0] if any(_locative_mention(doc, m) for m in mentions) else None


def _key(m: PlaceMention) -> tuple[Any, ...]:
    return (m.geonameid,) if m.geonameid is not None else (m.name, m.country)


def _rank(mentions: list[PlaceMention], key: tuple[Any, ...]) -> int:
    feature = next((m.feature for m in mentions if _key(m) == key), None)
    return SPECIFICITY.get(feature or "", 5)


def _countries(places: Iterable[PlaceMention]) -> set[str]:
    return {m.country for m in places if m.country and m.lat is not None}


def _refine(placed: Placed, cities: list[Placed]) -> Placed:
    """A country or state made precise by a city of the sentence or dateline inside it."""
    if placed.precision == "city" or placed.location is None:
        return placed
    for city in cities:
        loc = city.location
        if (city.precision == "city" and loc is not None
                and loc.country == placed.location.country):
            return city
    return placed


def _elsewhere_dyad(event: Event, country: str | None) -> bool:
    """Whether both sides of an act have a country and neither is ``country``: a strike
    by Israeli warplanes on a Palestinian group, told under a Beirut dateline, did not
    happen in Lebanon."""
    src, tgt = event.source.country, event.target.country
    return bool(src and tgt) and country not in (src, tgt)


def _country(event: Event, countries: Mapping[str, Place],
             target_countries: Iterable[str]) -> Placed:
    """The country an act no place is named for happened in (step 5 of the module's
    order): for the codes of ``target_countries`` (a strike, a fight, a visit) the
    target's, else the doer's; for any other act the doer's only. Why: a government
    states, appeals, protests, arrests and expels at home ("Turkey condemned the
    attacks"), while force and visits go to the target; an act whose doer is not named
    ("the diplomats were expelled") gives no country."""
    src, tgt = event.source.country, event.target.country
    where = (tgt or src) if _coded(event, target_countries) else src
    place = countries.get(where or "")
    if place is None:
        return Placed(None)
    loc = Location(place.name, place.country, place.lat, place.lon, place.geonameid)
    return Placed(loc, "country", "country")


def locate_event(doc: Document, event: Event, focus: PlaceMention | None = None,
                 target_roots: Iterable[str] = (), countries: Mapping[str, Place] | None = None,
                 target_countries: Iterable[str] = ()) -> Placed:
    """Where an event happened, which evidence said so, and the point's precision.

    ``focus`` is the story's focus (:func:`story_focus`, computed once per document);
    ``target_roots`` the CAMEO roots (or codes) whose target place is the event's place;
    ``countries`` the gazetteer's countries by ISO code, for the last step (none without
    them), and ``target_countries`` the codes whose target's country is that step's.
    """
    trigger = trigger_token(doc, event)
    if trigger is None:
        return Placed(None)
    places = _sentence_places(doc, trigger)
    roots = frozenset(target_roots)
    dateline = _dateline(doc)
    clause = _clause(doc, event, trigger, places, roots)
    sentence = _sentence(doc, trigger, places)
    cities = [p for p in ([_placed(sentence, "sentence")] if sentence else [])
              + ([dateline] if dateline else []) if p.precision == "city"]
    if clause is not None:
        return _refine(_placed(clause, "clause"), cities)
    if sentence is not None:
        return _refine(_placed(sentence, "sentence"), cities)
    here = _countries(places)
    story = _countries(doc.places)
    if dateline is not None and dateline.location is not None:
        country = dateline.location.country
        contradicted = (here and country not in here) or (
            focus is not None and focus.country != country and country not in story) or (
            _coded(event, target_countries) and _elsewhere_dyad(event, country))
        if not contradicted:
            return dateline
    if focus is not None and (not here or focus.country in here):
        return _placed(focus, "focus")
    return _country(event, countries or {}, target_countries)
