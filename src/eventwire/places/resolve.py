"""Choosing the gazetteer entry each toponym denotes, from the whole story.

Why scored this way: a bare name is most often the biggest place of that name (the
population prior), but news qualifies places ("Paris, Texas"; "Springfield, Ill.") and
keeps to a region, so the story's own countries and states outweigh size, and a few
cues settle names that are both a state and a capital ("Washington" beside "Congress",
"the state of Washington"). When two far-apart entries stay equally likely the toponym is
left unresolved rather than guessed.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eventwire.model import PlaceMention
from eventwire.nlp.text import doc_text
from eventwire.places.gazetteer import Gazetteer, Place
from eventwire.places.gazetteer import normalise as _normalise
from eventwire.places.outlet import Outlet
from eventwire.places.spans import Candidate
from eventwire.places.util import context_words
from eventwire.places.weights import Weights, load_weights

__all__ = ["Context", "Resolver", "haversine_km"]

# What joins the items of a list of places: ", ", " and ", ", or the "
LIST_JOIN = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?\Z")
# Senses that stand for a point on the map (towns, capitals, counties), for nearness.
POINT_LIKE = frozenset({"PPL", "PPLC", "ADM2"})


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


Cell = tuple[int, int]


@dataclass
class Context:
    """What the story says about its region, gathered from its least ambiguous toponyms."""

    # country -> the names of the story's toponyms in it; (country, admin1 code) -> names
    countries: dict[str, set[str]]
    states: dict[tuple[str, str], set[str]]
    # 1-degree cells -> names of the story with a town or county there: (clear, any)
    cells: dict[Cell, tuple[set[str], set[str]]] = field(default_factory=dict)
    # 1-degree cells -> (name, lat, lon) of every town or county sense of the story's names
    points: dict[Cell, list[tuple[str, float, float]]] = field(default_factory=dict)
    home_country: str | None = None
    home_state: tuple[str, str] | None = None
    text: str = ""  # the document's text, read once: spaCy's Doc.text joins every token
    # toponym start -> kinds (features) of the clear-cut items of the list it stands in
    list_kinds: dict[int, set[str]] = field(default_factory=dict)

    def at_home(self, place: Place) -> bool:
        """Whether a place lies in the story's home state, or home country when none."""
        if self.home_state is not None:
            return (place.country, place.admin1) == self.home_state
        return self.home_country is not None and place.country == self.home_country

    def near(self, place: Place, name: str) -> tuple[int, int]:
        """How many other toponyms of the story lie near ``place``: (clear ones, others)."""
        clear: set[str] = set()
        near: set[str] = set()
        for key in _around(place):
            cell = self.cells.get(key)
            if cell is not None:
                clear |= cell[0]
                near |= cell[1]
        clear = _others(clear, name)
        near = _others(near - clear, name)
        return len(clear), len(near)

    def close(self, place: Place, name: str, km: float) -> int:
        """How many other names of the story may denote a town or county within ``km`` of
        ``place`` ("Paris" beside "Henry County": Paris, Tennessee, its county seat)."""
        found: set[str] = set()
        for key in _around(place):
            for other, lat, lon in self.points.get(key, ()):
                if other not in found and _base(other) != _base(name) and (
                    haversine_km(place.lat, place.lon, lat, lon) <= km
                ):
                    found.add(other)
        return len(found)


@dataclass
class Cues:
    """Context words (from ``data/places/context.yaml``), lower-cased."""

    capital: frozenset[str]
    state_before: tuple[str, ...]
    state_after: frozenset[str]
    town_before: tuple[str, ...] = ()


class Resolver:
    """Scores the candidates of every toponym of a document against its context."""

    def __init__(self, gaz: Gazetteer, cues: Cues, weights: Weights | None = None) -> None:
        self.gaz = gaz
        self.cues = cues
        self.w = weights if weights is not None else load_weights()

    def prior(self, place: Place) -> float:
        us_state = self.w.us_state if place.feature == "ADM1" and place.country == "USA" else 0.0
        bonus = self.w.feature_bonus.get(place.feature, 0.0)
        return math.log10(place.population + 10) + bonus + us_state

    def context(self, cands: Sequence[Candidate], named: Sequence[Place] = (),
                outlet: Outlet | None = None) -> Context:
        """Countries and states the story names, or that its clear-cut toponyms lie in;
        ``named``: countries and states named only inside other names (organisations);
        ``outlet``: the region of the outlet that published the story, a vote for its home
        region (local news seldom names its own state)."""
        countries: dict[str, set[str]] = defaultdict(set)
        states: dict[tuple[str, str], set[str]] = defaultdict(set)
        for place in named:
            label = "in a name: " + normalise(place.name)
            countries[place.country].add(label)
            if place.feature == "ADM1" and place.admin1:
                states[(place.country, place.admin1)].add(label)
        for cand in cands:
            best = self._clear_winner(cand.places)
            if best is None:
                continue
            name = normalise(cand.text)
            countries[best.country].add(name)
            if best.admin1:
                states[(best.country, best.admin1)].add(name)
        text = doc_text(cands[0].root.doc) if cands else ""
        ctx = Context(dict(countries), dict(states), self._cells(cands), self._points(cands),
                      text=text, list_kinds=self._list_kinds(cands, text))
        ctx.home_country, ctx.home_state = self._home(cands, outlet)
        return ctx

    def _list_kinds(self, cands: Sequence[Candidate], text: str) -> dict[int, set[str]]:
        """For each toponym in a list ("Ontario, Quebec, New Brunswick and Alberta"), whether
        its clear-cut neighbours in the list are states, provinces or countries: the items
        of a list are alike, so "Ontario" there is the province, not the Californian city."""
        kinds: dict[int, set[str]] = {}
        for a, b in zip(cands, cands[1:], strict=False):
            if not LIST_JOIN.match(text[a.end : b.start]):
                continue
            for this, other in ((a, b), (b, a)):
                best = self._clear_winner(other.places)
                if best is not None and best.feature in ("ADM1", "PCLI"):
                    kinds.setdefault(this.start, set()).add(best.feature)
        return kinds

    def refine(self, ctx: Context, cands: Sequence[Candidate],
               resolved: Sequence[Place | None]) -> Context:
        """The context with the countries and states of a first resolution added.

        Why a second pass: two ambiguous names can settle each other ("Paris" and "Henry
        County": the county that lies close to one of the Parises is in Tennessee, which
        then favours that Paris), which the clear-cut names alone cannot show.
        """
        countries = {k: set(v) for k, v in ctx.countries.items()}
        states = {k: set(v) for k, v in ctx.states.items()}
        for cand, place in zip(cands, resolved, strict=True):
            if place is None or place.feature in ("PCLI", "CONT", "PPLC"):
                continue
            name = normalise(cand.text)
            countries.setdefault(place.country, set()).add(name)
            if place.admin1:
                states.setdefault((place.country, place.admin1), set()).add(name)
        return Context(countries, states, ctx.cells, ctx.points, ctx.home_country,
                       ctx.home_state, ctx.text, ctx.list_kinds)

    def _home(self, cands: Sequence[Candidate], outlet: Outlet | None = None
              ) -> tuple[str | None, tuple[str, str] | None]:
        """The country and the state most of the story's names (and its outlet) may lie in
        (or None)."""
        country_votes: defaultdict[str, float] = defaultdict(float)
        state_votes: defaultdict[tuple[str, str], float] = defaultdict(float)
        if outlet is not None:
            country_votes[outlet.country] += self.w.outlet_votes
            if outlet.state is not None:
                state_votes[outlet.state] += self.w.outlet_votes
        seen: set[str] = set()
        for cand in cands:
            name = normalise(cand.text)
            if name in seen:
                continue
            seen.add(name)
            best = self._clear_winner(cand.places)
            weight = 1.0 if best is not None else self.w.ambiguous_vote
            places = [best] if best is not None else [
                p for p in cand.places[: self.w.max_cell_candidates]
                if p.feature not in ("PPL", "PPLC") or p.population >= self.w.vote_min_population]
            for country in {p.country for p in places if p.country}:
                country_votes[country] += weight
            for state in {(p.country, p.admin1) for p in places
                          if p.admin1 and p.feature != "PCLI"}:
                state_votes[state] += weight
        least = self.w.home_min_votes
        return _top(country_votes, least), _top(state_votes, least)

    def _cells(self, cands: Sequence[Candidate]) -> dict[Cell, tuple[set[str], set[str]]]:
        """Where the story's towns and counties may lie, for the spatial-coherence bonus."""
        cells: dict[Cell, tuple[set[str], set[str]]] = {}
        for cand in cands:
            name = normalise(cand.text)
            best = self._clear_winner(cand.places)
            for place in cand.places[: self.w.max_cell_candidates]:
                if place.feature not in POINT_LIKE or not self._named(place, cand.text):
                    continue
                clear, anyone = cells.setdefault(_cell(place), (set(), set()))
                anyone.add(name)
                if place is best:
                    clear.add(name)
        return cells

    def _points(self, cands: Sequence[Candidate]) -> dict[Cell, list[tuple[str, float, float]]]:
        points: dict[Cell, list[tuple[str, float, float]]] = defaultdict(list)
        seen: set[tuple[str, float, float]] = set()
        for cand in cands:
            name = normalise(cand.text)
            for place in cand.places[: self.w.max_cell_candidates]:
                key = (name, place.lat, place.lon)
                if (place.feature in POINT_LIKE and key not in seen
                        and self._named(place, cand.text)):
                    seen.add(key)
                    points[_cell(place)].append((name, place.lat, place.lon))
        return dict(points)

    def _named(self, place: Place, text: str) -> bool:
        """Whether a text may denote a place: by its own name, or by an alternate name of a
        city big enough for its other names to be in use (GeoNames files many odd aliases)."""
        if place.feature not in ("PPL", "PPLC") or (
            place.population >= self.w.alias_min_population
        ) or self._own(place):
            return True
        return normalise(place.name) in (normalise(text), _base(normalise(text)))

    def _own(self, place: Place) -> bool:
        """Whether a place comes from a user's gazetteer file, whose alternate names were
        written for the texts being coded and so count as its own."""
        return bool(self.gaz.user) and place in self.gaz.user

    def _clear_winner(self, places: Sequence[Place]) -> Place | None:
        if not places:
            return None
        ranked = sorted(places, key=self.prior, reverse=True)
        if len(ranked) == 1 or self.prior(ranked[0]) - self.prior(ranked[1]) > (
            self.w.clear_margin
        ):
            return ranked[0]
        return None

    def score(self, place: Place, cand: Candidate, ctx: Context, qualifier: Place | None,
              sentence: str) -> float:
        factors = self.w.term_factors
        terms = self.terms(place, cand, ctx, qualifier, sentence)
        return sum(value * factors[name] for name, value in terms.items())

    def terms(self, place: Place, cand: Candidate, ctx: Context, qualifier: Place | None,
              sentence: str) -> dict[str, float]:
        """The score of one entry for one toponym, term by term (the score is their sum).

        Why named terms: ``bench/geo_weights.py`` refits their weights on gold data to
        check that the hand-set weights (``data/places/weights.yaml``) are not what limits
        accuracy, and writes the factor of each term there.
        """
        name = normalise(cand.text)
        t = {"prior": self.prior(place)}
        if place.feature in ("PPL", "PPLC") and normalise(place.name) not in (
            name, _base(name)
        ) and not self._own(place):
            t["alias"] = self.w.alias_only
        if qualifier is not None and _inside(place, qualifier):
            t["qualified"] = self.w.qualified
        if place.feature != "PCLI" and _others(ctx.countries.get(place.country, set()), name):
            t["story_country"] = self.w.story_country
        if place.feature == "PCLI" and self.gaz.neighbours.get(place.country, frozenset()) & (
            ctx.countries.keys()
        ):
            t["neighbour"] = self.w.neighbour
        if place.feature != "PCLI" and place.admin1 and (
            _others(ctx.states.get((place.country, place.admin1), set()), name)
        ):
            t["story_state"] = self.w.story_state
        if place.feature != "PCLI" and ctx.home_country == place.country:
            t["home_country"] = self.w.home_country
        if place.feature != "ADM1" and ctx.home_state == (place.country, place.admin1):
            t["home_state"] = self.w.home_state
        if place.feature in POINT_LIKE:
            if self._near_story_state(place, ctx, name):
                t["near_state"] = self.w.near_story_state
            clear, near = ctx.near(place, name)
            close = ctx.close(place, name, self.w.close_km)
            w = self.w
            t["near"] = min(w.near_max_close if close else w.near_max,
                            w.near_clear * clear + w.near_any * near + w.near_close * close)
        if place.feature == "PPLC" and any(
            p.feature == "ADM1" and p.country == place.country for p in cand.places
        ):
            t["capital_over_state"] = self.w.capital_over_state
        if place.feature in ctx.list_kinds.get(cand.start, ()):
            t["list"] = self.w.list_kind
        t["cue"] = self._cue_bonus(place, cand, sentence, ctx.text)
        return t

    def _near_story_state(self, place: Place, ctx: Context, name: str) -> bool:
        """Whether a town lies near (not in) a state or province the story names, within
        ``near_state_km`` of its centre: "Kittery" in a story that names "Portsmouth, N.H." is
        Kittery, Maine, across the river. Why: local news crosses state lines."""
        for (country, code), names in ctx.states.items():
            if country != place.country or code == place.admin1 or not _others(names, name):
                continue
            state = self.gaz.provinces.get((country, code))
            if state is not None and haversine_km(place.lat, place.lon, state.lat,
                                                  state.lon) <= self.w.near_state_km:
                return True
        return False

    def _cue_bonus(self, place: Place, cand: Candidate, sentence: str, text: str) -> float:
        before = text[max(0, cand.start - 20) : cand.start].lower()
        after = text[cand.end : cand.end + 8].strip().split(" ")[0]
        if place.feature == "ADM1" and (
            before.rstrip().endswith(self.cues.state_before) or after in self.cues.state_after
        ):
            return self.w.qualified
        if place.feature in ("PPL", "PPLC") and before.rstrip().endswith(self.cues.town_before):
            return self.w.cue  # "the city of Basra", "the capital Dili"
        if place.feature == "PPLC":
            words = set(sentence.lower().replace(".", " ").split())
            if words & self.cues.capital:
                return self.w.cue
        return 0.0

    def resolve_name(self, name: str, known: Sequence[PlaceMention]) -> Place | None:
        """A bare name (a dateline's) resolved against the story's resolved places."""
        countries = Counter(m.country for m in known if m.country)
        places = self.gaz.lookup(name)
        if not places:
            return None
        bonus = self.w.story_country
        return max(places, key=lambda p: self.prior(p) + bonus * bool(countries[p.country]))

    def senses(self, cand: Candidate, ctx: Context) -> list[Place]:
        """The entries a toponym is scored among: those its text names, and towns of a
        country the story names otherwise that have the text only as an alternate name, if
        no town there bears it as its own ("Jenin" for "Janīn"; not "Pittsburg", California
        for "Pittsburgh")."""
        name = normalise(cand.text)
        named = [p for p in cand.places if self._named(p, cand.text)]
        exact = {p.country for p in named if normalise(p.name) == name}
        return named + [p for p in cand.places
                        if p not in named and p.country not in exact
                        and _others(ctx.countries.get(p.country, set()), name)]

    def resolve(self, cand: Candidate, ctx: Context, qualifier: Place | None,
                sentence: str) -> Place | None:
        """The entry a toponym denotes, or None when unknown or too close to call."""
        places = self.senses(cand, ctx)
        if not places:
            return None
        scored = sorted(((self.score(p, cand, ctx, qualifier, sentence), p)
                         for p in places), key=lambda sp: sp[0], reverse=True)
        best_score, best = scored[0]
        for other_score, other in scored[1:]:
            if best_score - other_score >= self.w.ambiguous_margin:
                break
            if ctx.at_home(best) or best.country in ctx.countries:
                break  # a tie broken by the story's own region
            if haversine_km(best.lat, best.lon, other.lat, other.lon) > self.w.ambiguous_km:
                return None
        return best


@lru_cache(maxsize=1 << 14)
def normalise(name: str) -> str:
    """The gazetteer's key of a name, memoised: scoring one toponym compares each of its
    senses with the story's other names, so the same few names come back many times."""
    return _normalise(name)


@lru_cache(maxsize=1 << 14)
def _base(name: str) -> str:
    """A normalised name without its area word: "dublin city" and "dublin" are one name."""
    head, _, last = name.rpartition(" ")
    return head if head and last in context_words("area_heads") else name



def _others(names: set[str], name: str) -> set[str]:
    """The names other than ``name`` and its variants, which are no evidence for it
    ("Dublin City Council" says nothing of which Dublin "Dublin" is)."""
    base = _base(name)
    return {n for n in names if _base(n) != base}


def _top(votes: Mapping[Any, float], least: float) -> Any:
    """The clear leader of a vote: at least ``least`` votes and ahead of the runner-up."""
    ranked = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)[:2]
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    return ranked[0][0]


def _cell(place: Place) -> tuple[int, int]:
    return math.floor(place.lat), math.floor(place.lon)


def _around(place: Place) -> list[Cell]:
    """The place's 1-degree cell and the eight around it."""
    x, y = _cell(place)
    return [(x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]


def _inside(place: Place, qualifier: Place) -> bool:
    """Whether ``place`` lies in the country or US state ``qualifier`` names."""
    if qualifier.feature == "PCLI":
        return place.country == qualifier.country and place.feature != "PCLI"
    if qualifier.feature == "ADM1":
        return (place.country == qualifier.country and place.admin1 == qualifier.admin1
                and place.feature != "ADM1")
    return False
