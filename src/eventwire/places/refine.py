"""What is done to the toponyms once found: other mentions of the story's places added
(one sense per story), each widened over the name words the tagger cut off, and those that
are no toponym after all left out (a disease's name, an acronym spelled like a village, a
person the tagger took for a place).

Why after finding: each rule needs the whole story's toponyms, or a toponym's final extent.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.nlp.text import doc_text
from eventwire.places.gazetteer import (
    Gazetteer,
    dotted_abbreviations,
    is_abbreviation,
    normalise,
)
from eventwire.places.spans import Candidate, academic, leads_entity, senses, whole_entity
from eventwire.places.util import context_words

__all__ = ["refine_toponyms"]

ACRONYM_MIN_POPULATION = 500000  # cities known by their initials: "L.A.", "NYC"


def refine_toponyms(doc: Any, found: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """The toponyms found in a parsed ``Doc``, with the story's repeated place names added,
    widened, and without those that are no toponym, in text order."""
    found = found + _named_again(doc, found, _taken(doc, found))
    found = _widened(doc, sorted(found, key=lambda c: c.start), gaz)
    people = _people_words(doc)
    text = doc_text(doc)
    kept = [_kept(c, text, people) for c in found]
    return [c for c in kept if c is not None]


def _kept(cand: Candidate, text: str, people: set[str]) -> Candidate | None:
    """A toponym as it stays (some senses dropped), or None when it is no toponym."""
    if not _name_like(cand) or _disease(text, cand) or (
        not cand.places and cand.text in people
    ):
        return None
    for narrow in (_without_namesake_towns, _without_undotted_states, _compass_only):
        refined = narrow(cand)
        if refined is None:
            return None
        cand = refined
    return cand


def _named_again(doc: Any, found: list[Candidate], taken: set[int]) -> list[Candidate]:
    """Other mentions of a name the story uses as a place, which the tagger took for a
    person, left out or put at the head of an organisation's name ("Gainesville operates
    its own sirens", "the Dublin Historical Society" after "Dublin, Ohio"): one sense per
    story. A name that is also part of a person's name in the story ("Jackson" after
    "Michael Jackson") is left alone, and countries and states leading an organisation's
    name ("China Daily") stay context, as in
    :func:`~eventwire.places.toponyms.regions_in_names`."""
    names = {c.text: c for c in found
             if c.label in ("GPE", "LOC") and c.places and c.text[:1].isupper()}
    if not names:
        return []
    people = _people_words(doc)
    by_first: dict[str, list[Candidate]] = {}
    for cand in names.values():
        by_first.setdefault(cand.text.split(" ")[0], []).append(cand)
    out: list[Candidate] = []
    for tok in doc:
        if tok.i in taken:
            continue
        for cand in by_first.get(tok.text, ()):
            span = doc[tok.i : tok.i + len(cand.text.split(" "))]
            if (span.text != cand.text or span.text in people
                    or any(t.i in taken for t in span) or not _mentioned_again(span, cand)):
                continue
            out.append(Candidate(span.start_char, span.end_char, span.text, "GAZ",
                                 cand.places, span.root))
            taken |= {t.i for t in span}
            break
    return out


def _mentioned_again(span: Any, cand: Candidate) -> bool:
    """Whether a repeat of a story's place name is that place here (see _named_again)."""
    doc = span.doc
    label = span[0].ent_type_
    if not label:
        nxt = doc[span.end] if span.end < len(doc) else None
        return span.root.pos_ == "PROPN" and not (nxt is not None and nxt.is_title)
    if label == "PERSON":
        return span[0].ent_iob_ == "B" and whole_entity(_without_possessive(span))
    regional = any(p.feature in ("PCLI", "ADM1", "CONT") for p in cand.places)
    return (label in ("ORG", "FAC", "EVENT", "WORK_OF_ART") and not regional
            and leads_entity(span) and not academic(span))


def _without_possessive(span: Any) -> Any:
    """A span with the possessive after it taken in: "Gainesville" + "'s"."""
    doc = span.doc
    end = span.end
    while end < len(doc) and (doc[end].tag_ == "POS" or doc[end].text in ("'", "\u2019")):
        end += 1
    return doc[span.start : end]


def _taken(doc: Any, found: list[Candidate]) -> set[int]:
    return {t.i for c in found for t in doc.char_span(c.start, c.end) or []}


def _widened(doc: Any, found: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Each toponym widened over the name words the tagger cut from it, when the longer
    name is a known place: "New" + "Concord", "DeKalb" + "County" (of "the DeKalb County
    Commission"), "Sault" + "Ste" + ". Marie". The words added must be capitalised (or the
    dot of an abbreviation) and in no other toponym; an institution word ends no widened
    name ("the Texas State Demographer"). A lone abbreviation ("Ste") is no toponym."""
    kept = [c for c in found if not is_abbreviation(c.text)]
    beyond = len(doc_text(doc)) + 1
    out: list[Candidate] = []
    for k, cand in enumerate(kept):
        span = doc.char_span(cand.start, cand.end)
        lo = max(kept[k - 1].end if k else -1, out[-1].end if out else -1)
        hi = kept[k + 1].start if k + 1 < len(kept) else beyond
        wider = None if span is None else _widest(span, gaz, lo, hi)
        out.append(cand if wider is None else _as_candidate(wider, cand.label, gaz))
    for cand in found:  # an abbreviation the tagger took for a place, widened alone
        span = doc.char_span(cand.start, cand.end)
        if not is_abbreviation(cand.text) or span is None:
            continue
        wider = _widest(span, gaz, -1, beyond)
        if wider is not None and not any(c.start < wider.end_char and wider.start_char < c.end
                                         for c in out):
            out.append(_as_candidate(wider, cand.label, gaz))
    return sorted(out, key=lambda c: c.start)


def _as_candidate(span: Any, label: str, gaz: Gazetteer) -> Candidate:
    return Candidate(span.start_char, span.end_char, span.text, label, senses(span, gaz),
                     span.root)


def _widest(span: Any, gaz: Gazetteer, lo: int, hi: int) -> Any | None:
    """The longest known name that contains ``span`` and at most three words before it and
    three after it (see _widened), or None."""
    doc = span.doc
    best = None
    # Only name words may be taken in, so the widening stops at the first other word.
    backs = _name_words(doc, range(span.start - 1, max(span.start - 4, -1), -1))
    fwds = _name_words(doc, range(span.end, min(span.end + 3, len(doc))))
    for back in range(backs, -1, -1):
        for fwd in range(fwds, -1, -1):
            if back + fwd == 0 or (best is not None and back + fwd <= len(best) - len(span)):
                continue
            wider = doc[span.start - back : span.end + fwd]
            if (wider.start_char <= lo or wider.end_char >= hi
                    or not wider[0].text[:1].isupper() or not wider[-1].text[:1].isupper()):
                continue
            if senses(wider, gaz) and not _institutional(wider[-1]):
                best = wider
    return best


def _name_words(doc: Any, indexes: range) -> int:
    """How many of the tokens at ``indexes``, in that order, are name words in a row."""
    count = 0
    for i in indexes:
        if not _name_word(doc[i]):
            break
        count += 1
    return count


def _name_word(tok: Any) -> bool:
    """A word a widened name may take in: a capitalised word other than "The", a name's
    particle ("do" of "Rio Grande do Sul"), or the dot after an abbreviation ("Ste" + ".";
    a dot after any other word ends a sentence)."""
    if tok.text == ".":
        return tok.i > 0 and is_abbreviation(tok.doc[tok.i - 1].text)
    if tok.text in context_words("name_particles"):
        return True  # never the last word: a widened name ends capitalised
    return tok.text[:1].isupper() and tok.lower_ != "the"


def _institutional(tok: Any) -> bool:
    """An institution word that is no area's own last word: "Texas" + "State" is the state
    named inside "the Texas State Demographer", not a longer name."""
    word = tok.lower_
    return word in context_words("institution_words") and word not in context_words("area_heads")


def _people_words(doc: Any) -> set[str]:
    """The words of the story's people's names of two words or more: an unknown "place"
    that is one of them is the person the tagger took for a place ("Ripley" after "coach
    Jim Ripley")."""
    return {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}


def _name_like(cand: Candidate) -> bool:
    """A toponym has a capital ("cheddar" tagged as a place has none), and an unknown one
    no digits ("H5N1" tagged as a place)."""
    return any(ch.isupper() for ch in cand.text) and (
        bool(cand.places) or not any(ch.isdigit() for ch in cand.text))


def _disease(text: str, cand: Candidate) -> bool:
    """Whether a name is a disease's ("West Nile virus", "Marburg virus", "Ebola")."""
    if cand.text.lower() in context_words("disease_names"):
        return True
    after = text[cand.end : cand.end + 20].split()
    return bool(after) and after[0].lower().strip(".,;:") in context_words("disease_words")


def _without_namesake_towns(cand: Candidate) -> Candidate | None:
    """An acronym of two or three capitals ("UN", "U.N.", "EU", "WA") is not a town that
    happens to be spelled so (Un, India; Eu, France; Wa, Ghana), nor a smaller town with it
    among its many alternate names ("FAO", Al Fāw): only areas and big cities it abbreviates
    ("L.A.") stay among its senses, and an acronym left with none is no toponym."""
    text = cand.text.replace(".", "")
    if not (2 <= len(text) <= 3 and text.isalpha() and text.isupper()):
        return cand
    key = normalise(cand.text)
    places = [p for p in cand.places if p.feature not in ("PPL", "PPLC") or (
        normalise(p.name) != key and p.population >= ACRONYM_MIN_POPULATION)]
    if len(places) == len(cand.places):
        return cand
    return replace(cand, places=places) if places else None


def _without_undotted_states(cand: Candidate) -> Candidate | None:
    """A state's dotted short form written without its dot is no state: "Miss" (Miss
    America, Miss Smith) is not Mississippi, "Ind" not Indiana."""
    if ("." in cand.text or cand.text.isupper()
            or normalise(cand.text) not in dotted_abbreviations()):
        return cand
    places = [p for p in cand.places if p.feature != "ADM1"]
    if len(places) == len(cand.places):
        return cand
    return replace(cand, places=places) if places else None


def _compass_only(cand: Candidate) -> Candidate | None:
    """A name of compass words alone ("the South", "the West", "North") is a region of the
    regions file or nothing: not Cameroon's South Province nor a village called North."""
    words = cand.text.lower().replace("-", " ").split()
    if not words or not all(w in context_words("compass_words") for w in words):
        return cand
    regions = [p for p in cand.places if p.feature == "RGN"]
    return replace(cand, places=regions) if regions else None
