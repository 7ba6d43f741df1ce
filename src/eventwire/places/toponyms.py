"""Finding toponyms: spaCy's place entities, and gazetteer names spaCy missed.

Why both: the small English model tags most places GPE/LOC but misses or mislabels some
(a Chinese city as PERSON, a country inside an ORG, "Ill." after a comma); the gazetteer
catches those, but only for names that are rarely anything else (countries, US states and
large cities), so that people called "Jackson" do not become places.

Demonyms and adjectives ("Chinese", "North Korean") are not toponyms: spaCy tags them
NORP, and a GPE whose head is an adjective is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from spacy.attrs import ORTH

from eventwire.places.gazetteer import Gazetteer, Place, normalise
from eventwire.places.refine import refine_toponyms
from eventwire.places.spans import Candidate, academic, leads_entity, senses, whole_entity
from eventwire.places.util import context_words, load_context

__all__ = ["Candidate", "find_toponyms", "regions_in_names"]

PLACE_LABELS = ("GPE", "LOC", "FAC")
_MAX_NGRAM = 4
_ORG_MIN_POPULATION = 20000
# A whole organisation entity that is a town's name is more often a person, a team or a
# firm named like a small town ("Campbell said", "Franklin" the school) than the town.
_WHOLE_ORG_MIN_POPULATION = 50000
MAX_INNER_WORDS = 4
INNER_MIN_POPULATION = 100000


def _is_big(place: Place, min_population: int) -> bool:
    """Names worth matching outside spaCy's entities: countries, US states, big cities."""
    if place.feature in ("PCLI", "CONT") or (place.feature == "ADM1" and place.country == "USA"):
        return True
    return place.feature in ("PPL", "PPLC") and place.population >= min_population


def _strip(span: Any) -> Any:
    """An entity without its article and possessive: "the United Kingdom's" -> "United
    Kingdom"."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ == "the":
        start += 1
    while end > start + 1 and (span.doc[end - 1].tag_ == "POS"
                               or span.doc[end - 1].text in ("'", "\u2019")):
        end -= 1
    return span.doc[start:end]


def _extend(span: Any, gaz: Gazetteer) -> Any | None:
    """An entity cut short by the tagger: "the Democratic Republic of the" + "Congo",
    "Democratic Republic" + "of the Congo"."""
    doc = span.doc
    for n in (1, 2, 3):
        end = span.end + n
        if end <= len(doc) and doc[end - 1].is_title and gaz.lookup(doc[span.start : end].text):
            return doc[span.start : end]
    return None


def _trim(span: Any, gaz: Gazetteer, min_population: int) -> Any:
    """The part of an entity that names a place: "north-eastern China" -> "China".

    Only lower-case words and compass adjectives are dropped, and only to reach a country,
    a US state or a big city: "British Columbia" is not "Columbia", "Eastern Creek" is not
    "Creek".
    """
    span = _strip(span)
    if gaz.lookup(span.text):
        return span
    longer = _extend(span, gaz)
    if longer is not None:
        return longer
    i = 0
    while i < len(span) - 1 and (span[i].is_lower or span[i].is_punct
                                 or span[i].lower_.rstrip("-") in context_words("compass_words")):
        i += 1
        if any(_is_big(p, min_population) for p in gaz.lookup(span[i:].text)):
            return span[i:]
    end = len(span)
    while end > 1 and span[end - 1].is_lower:  # "the Indian Ocean coast" -> "Indian Ocean"
        end -= 1
        if gaz.lookup(span[:end].text):
            return span[:end]
    return span


def _entity_candidates(doc: Any, gaz: Gazetteer, min_population: int) -> list[Candidate]:
    found: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        if found and ent.start_char < found[-1].end:
            continue  # already taken in by the entity before, extended over it
        span = _trim(ent, gaz, min_population)
        if span.root.tag_ in ("JJ", "JJR", "JJS"):
            continue
        places = senses(span, gaz)
        if (not places and ent.label_ != "FAC" and span[-1].is_title
                and span[-1].lower_ not in context_words("landform_words")):
            # a place entity that is only a county's name: "Vanderburgh", "Geauga"
            places = [p for p in gaz.lookup(f"{span.text} County") if p.feature == "ADM2"]
        if not places and (ent.label_ == "FAC" or span.text.endswith(_demonym_endings())):
            continue
        inner = [] if places else _inner_places(span, gaz, ent.label_)
        found += inner or [Candidate(span.start_char, span.end_char, span.text, ent.label_,
                                     places, span.root)]
    return found


def _inner_place(part: Any, gaz: Gazetteer) -> bool:
    if part[-1].lower_ in context_words("area_heads") and len(part) > 1:
        return bool(senses(part, gaz))
    if all(t.lower_.rstrip("-") in context_words("compass_words") for t in part):
        return False
    return any(_is_big(p, INNER_MIN_POPULATION) for p in gaz.lookup(part.text))


def _inner_places(span: Any, gaz: Gazetteer, label: str) -> list[Candidate]:
    """Known places inside a place entity the gazetteer does not know as a whole: the tagger
    joined two names ("Norman to D.C") or took in a neighbour ("United Way of America").
    Only countries, US states, big cities and "X County" count, so that the words of an
    unknown name ("Red River", "West Nile") are not taken for towns."""
    found: list[Candidate] = []
    if {span[0].lower_.rstrip("."), span[-1].lower_.rstrip(".")} & context_words("own_name_words"):
        return found
    i = 0
    while i < len(span):
        hit = None
        if (span[i].is_title or span[i].is_upper) and len(span[i]) > 1:
            for n in range(min(MAX_INNER_WORDS, len(span) - i), 0, -1):
                part = span[i : i + n]
                if len(part) < len(span) and _inner_place(part, gaz):
                    hit = part
                    break
        if hit is None:
            i += 1
            continue
        found.append(Candidate(hit.start_char, hit.end_char, hit.text, label,
                               senses(hit, gaz), hit.root))
        i = hit.end - span.start
    return found


def _gazetteer_candidates(doc: Any, gaz: Gazetteer, taken: set[int],
                          min_population: int) -> list[Candidate]:
    """Capitalised n-grams outside place entities whose name is a big, known place."""
    found: list[Candidate] = []
    words: dict[int, int] | None = None
    i = 0
    while i < len(doc):
        tok = doc[i]
        hit = None
        if tok.text[:1].isupper() and tok.i not in taken and tok.pos_ == "PROPN":
            hit = _longest_match(doc, i, gaz, taken, min_population, tok.ent_type_)
        if hit is None:
            i += 1
            continue
        span, places = hit
        if len(span) == 1 and span[0].is_sent_start and words is None:
            words = doc.count_by(ORTH)
        if not _common_word(span, words or {}):
            found.append(Candidate(span.start_char, span.end_char, span.text, "GAZ", places,
                                   span.root))
        i = span.end
    return found


@cache
def _demonym_endings() -> tuple[str, ...]:
    """How demonyms end (``demonym_endings`` of ``context.yaml``): a name that ends so and
    is no known place is taken for one (known places such as "Sudan" are looked up first)."""
    return tuple(str(e) for e in load_context()["demonym_endings"])


def _common_word(span: Any, words: dict[int, int]) -> bool:
    """A one-word name that opens a sentence and that the story also writes in lower case
    elsewhere (``words``: the story's words as written, by their ids): "Man accused of
    threats" beside "a St. Paul man" is no Man, Ivory Coast."""
    return len(span) == 1 and bool(span[0].is_sent_start) and span[0].lower in words


def _longest_match(doc: Any, i: int, gaz: Gazetteer, taken: set[int], min_population: int,
                   ent_type: str) -> tuple[Any, list[Place]] | None:
    for n in range(min(_MAX_NGRAM, len(doc) - i), 0, -1):
        if any(j in taken for j in range(i, i + n)) or not doc[i + n - 1].text[:1].isupper():
            continue
        span = doc[i : i + n]
        places = senses(span, gaz)
        if places and not _in_own_name(span) and (
            _accepted(span, places, ent_type, min_population) or _area_leading(span, ent_type)
            or _user_listed(span, places, ent_type, gaz)
        ):
            return span, places
    return None


def _user_listed(span: Any, places: list[Place], ent_type: str, gaz: Gazetteer) -> bool:
    """Whether a name is an entry of a user's gazetteer file, alone or as a whole entity
    of any kind: listed for the texts being coded, it is a place whatever its size and
    whatever the tagger took it for ("Tamarind Camp" as a product)."""
    if not gaz.user or not any(p in gaz.user for p in places):
        return False
    return not ent_type or (leads_entity(span) and whole_entity(span))


def _in_own_name(span: Any) -> bool:
    """Whether a name is part of a street's, lake's or mountain's own name: "Lake Ontario",
    "Washington Street"."""
    doc = span.doc
    around = [doc[span.start - 1]] if span.start > 0 else []
    around += [doc[span.end]] if span.end < len(doc) else []
    words = context_words("own_name_words")
    return any(t.is_title and t.lower_.rstrip(".") in words for t in around)


def _area_leading(span: Any, ent_type: str) -> bool:
    """A known "X County", "X Parish" or "X City": a place by its own last word, wherever it
    stands ("Lafourche Parish" tagged as a person), and inside an organisation's or event's
    name when it leads it ("Marion County Fair Board", "Kansas City Transit Authority",
    where "Marion" or "Kansas" alone would be another place)."""
    if len(span) < 2 or span[-1].lower_ not in context_words("area_heads"):
        return False
    return ent_type not in ("ORG", "EVENT") or leads_entity(span)


def _accepted(span: Any, places: list[Place], ent_type: str, min_population: int) -> bool:
    """Whether a gazetteer name found in the text is a toponym here.

    Outside entities: a country, US state or big city. A whole PERSON or NORP entity: only a
    country or state ("Georgia"). In an organisation's name, a place that is the whole name
    or leads it before an institution word ("Athens Police Department"; "Clarke County"); the
    same in the name of an event ("Walker County Fair Queen") or a facility ("St. Cloud
    Hospital").
    """
    if _announced(span):
        return True
    if not ent_type:
        return any(_is_big(p, min_population) for p in places)
    whole = leads_entity(span) and whole_entity(span)
    if ent_type in ("PERSON", "NORP"):
        return whole and any(p.feature in ("PCLI", "ADM1") for p in places)
    if ent_type not in ("ORG", "EVENT", "FAC") or not leads_entity(span):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    leads = (nxt is not None and nxt.lower_ in context_words("institution_words")
             and not academic(span))
    places = [p for p in places if _by_own_name(p, span)]
    if whole and not leads:  # the tagger's organisation is only the name: "Campbell said"
        return any(_is_named_area(p, _WHOLE_ORG_MIN_POPULATION) for p in places)
    return (whole or leads) and any(_is_named_area(p) for p in places)


def _by_own_name(place: Place, span: Any) -> bool:
    """Whether a town bears the span's text as its own name, not one of GeoNames' many
    alternate names: in an organisation's name "White House" is not Casablanca ("Casa
    Blanca") nor "Hamas" Hamm. Areas keep their short forms ("U.S.")."""
    if place.feature not in ("PPL", "PPLC"):
        return True
    key = normalise(span.text)
    return normalise(place.name) in (key, key.removesuffix(" city"))


def _announced(span: Any) -> bool:
    """A name the text itself calls a place: "the town of Samarra", "the capital Dili".

    Inside a longer name only "... of" announces: "the City of Alexandria Police" is
    Alexandria, but in "the City Council" or "City Hall" "City" announces nothing."""
    doc = span.doc
    before = " ".join(t.lower_ for t in doc[max(0, span.start - 3) : span.start])
    nouns = _place_nouns()
    if span[0].ent_iob_ == "I":
        nouns = tuple(n for n in nouns if n.endswith(" of"))
    return before.endswith(nouns)


@cache
def _place_nouns() -> tuple[str, ...]:
    return tuple(str(w).lower() for w in load_context().get("place_announcers") or [])


def _is_named_area(place: Place, min_population: int = _ORG_MIN_POPULATION) -> bool:
    return place.feature in ("PCLI", "ADM1", "ADM2") or place.population >= min_population


def find_toponyms(doc: Any, gaz: Gazetteer, min_population: int) -> list[Candidate]:
    """Every toponym of a parsed spaCy ``Doc``, in text order."""
    counties = _county_lists(doc, gaz)
    listed = {i for c in counties for i in range(c.start, c.end)}
    found = [c for c in _entity_candidates(doc, gaz, min_population)
             if not any(i in listed for i in range(c.start, c.end))] + counties
    taken = {t.i for c in found for t in doc.char_span(c.start, c.end) or []}
    found += _gazetteer_candidates(doc, gaz, taken, min_population)
    return _with_story_counties(refine_toponyms(doc, found, gaz))


def _with_story_counties(found: list[Candidate]) -> list[Candidate]:
    """A bare name may also be the county the story names in full: "Barrow" beside "Barrow
    County" may be the county, not Barrow, Alaska."""
    counties: dict[str, list[Place]] = {}
    for cand in found:
        head, _, last = normalise(cand.text).rpartition(" ")
        if head and last in context_words("area_heads"):
            counties.setdefault(head, [p for p in cand.places if p.feature == "ADM2"])
    if not counties:
        return found
    out = []
    for cand in found:
        extra = [p for p in counties.get(normalise(cand.text), []) if p not in cand.places]
        out.append(replace(cand, places=cand.places + extra) if extra else cand)
    return out


def _county_lists(doc: Any, gaz: Gazetteer) -> list[Candidate]:
    """The names of a list of counties: "Barrow, Jackson and Oglethorpe counties" names
    Barrow County, not Barrow, Alaska; "Clay and Becker counties" Clay County."""
    found: list[Candidate] = []
    heads = {str(k).lower(): str(v) for k, v in (load_context().get("list_heads") or {}).items()}
    for tok in doc:
        head = heads.get(tok.lower_)
        if head is None or tok.i == 0:
            continue
        for name in _listed_names(doc, tok.i):
            places = [p for p in gaz.lookup(f"{name.text} {head}") if p.feature == "ADM2"]
            if places:
                found.append(Candidate(name.start_char, name.end_char, name.text, "GPE",
                                       places, name.root))
    return found


def _listed_names(doc: Any, end: int) -> list[Any]:
    """The capitalised names coordinated just before token ``end``, last first."""
    names: list[Any] = []
    stop = end
    i = end - 1
    while i >= 0:
        tok = doc[i]
        if tok.is_title and tok.is_alpha or tok.text in (".", "St."):
            i -= 1
            continue
        if i + 1 < stop:
            names.append(doc[i + 1 : stop])
        if tok.lower_ not in (",", "and", "or", "&") or i + 1 >= stop:
            break
        stop = i
        i -= 1
    else:
        if stop > 0:
            names.append(doc[0:stop])
    return names


def regions_in_names(doc: Any, gaz: Gazetteer, found: list[Candidate]) -> list[Place]:
    """Countries and US states named inside organisations' names ("Kansas State University",
    "the Ohio Department of Health") that are not toponyms of their own.

    Why: they are not places of the story (geoparsing corpora do not annotate them), but
    they say which region a local story is about, which the resolver uses as context.
    """
    taken = {i for c in found for i in range(c.start, c.end)}
    regions: list[Place] = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        for tok in ent:
            if not tok.is_title or tok.idx in taken:
                continue
            for n in (2, 1):
                span = doc[tok.i : tok.i + n]
                if span.end > ent.end:
                    continue
                hits = [p for p in gaz.index.get(normalise(span.text), [])
                        if p.feature == "PCLI" or (p.feature == "ADM1" and p.country == "USA")]
                if hits:
                    regions.append(hits[0])
                    break
    return regions
