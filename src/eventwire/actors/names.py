"""Finding the lexicon's names (countries, capitals, organisations, users' actors) in a Doc.

One spaCy ``PhraseMatcher`` on lower-cased text finds every name in a single pass; the
longest match wins where names overlap ("North Korean" over "Korean", "U.N. Security
Council" over "U.N."). Case is checked afterwards, because news capitalises names and
common words collide with short ones: "US" is a country, "us" a pronoun.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from eventwire.actors.lexicon import ActorLexicon, NameEntry

__all__ = ["NameMatch", "NameFinder", "case_ok", "blank_english"]

#: Entities of these NER labels are never countries or organisations of the lexicon
#: ("Jordan Henderson", "Georgia Smith").
_NOT_ACTOR_LABELS = frozenset({"PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A lexicon name found in the text: tokens ``start:end`` and what they stand for."""

    start: int
    end: int
    entry: NameEntry


def case_ok(span_text: str, pattern: str) -> bool:
    """Names must be capitalised; names written in capitals must match exactly."""
    if not span_text[:1].isupper():
        return False
    letters = [c for c in pattern if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
        return span_text.replace(" ", "") == pattern.replace(" ", "")
    return True


@lru_cache(maxsize=1)
def blank_english() -> Any:
    """spaCy's blank English pipeline, whose tokenizer splits names as the model does;
    made once per process (about 0.2 s) for every table of names."""
    return spacy.blank("en")


class NameFinder:
    """Find lexicon names in parsed Docs; built once per vocabulary."""

    def __init__(self, lexicon: ActorLexicon, vocab: Any) -> None:
        self.lexicon = lexicon
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.patterns: dict[str, str] = {}
        #: First words of titles ("king", "president"), which a name does not run into.
        self.titles = frozenset(ws[0] for ws in lexicon.titles)
        tokenizer = blank_english()
        originals = lexicon.originals
        docs = []
        for key in lexicon.names:
            doc = tokenizer.make_doc(originals.get(key, key))
            docs.append(doc)
            self.patterns[doc.text.lower()] = originals.get(key, key)
        for i in range(0, len(docs), 5000):
            self.matcher.add("NAME", docs[i : i + 5000])

    def _inside_other_entity(self, sdoc: Any, span: Any, entry: NameEntry) -> bool:
        """A name inside a longer person or work name ("Jordan Henderson") is not a country;
        a country the tagger took for a person on its own ("Sri Lanka", "Sri Lanka's"), or
        a country's name or adjective before a title ("Jordanian King Abdullah"), still is."""
        root = span.root
        if root.ent_type_ not in _NOT_ACTOR_LABELS:
            return False
        ent = next((e for e in sdoc.ents if e.start <= root.i < e.end), None)
        if ent is None:
            return False
        end = ent.end
        while end > span.end and sdoc[end - 1].tag_ == "POS":
            end -= 1  # "Sri Lanka's": the possessive ending is not more of a name
        if ent.start == span.start and span.end < end and sdoc[span.end].lower_ in self.titles \
                and entry.kind in ("name", "adj", "plural"):
            return False  # "Jordanian King Abdullah"; but "Dublin Mayor X" is a town's
        return (end - ent.start) > (span.end - span.start)

    def find(self, sdoc: Any) -> list[NameMatch]:
        """Every name in the Doc, longest first where they overlap, in text order.

        Case is checked before overlaps are resolved, so that "the Philippines" written
        in lower case still leaves "Philippines"."""
        entries: dict[tuple[int, int], NameEntry] = {}
        for _, start, end in self.matcher(sdoc):
            span = sdoc[start:end]
            key = span.text.lower()
            entry = self.lexicon.names.get(" ".join(key.split()))
            if entry is None or not case_ok(span.text, self.patterns.get(key, key)):
                continue
            if entry.kind != "actor" and self._inside_other_entity(sdoc, span, entry):
                continue
            entries[(start, end)] = entry
        spans = filter_spans([sdoc[s:e] for s, e in entries])
        return sorted(
            (NameMatch(sp.start, sp.end, entries[(sp.start, sp.end)]) for sp in spans),
            key=lambda m: m.start,
        )
