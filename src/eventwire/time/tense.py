"""The tense of the clause around a time expression, read from spaCy's parse.

"on Wednesday" is last Wednesday in "police said on Wednesday" and next Wednesday in
"talks will resume on Wednesday": the governing verb and its auxiliaries decide. A
non-finite verb ("agreed to sell ... in October") takes the tense of the verb above it.
"""

from __future__ import annotations

from typing import Any

from eventwire.time.lexicon import lexicon

__all__ = ["tense_of_span", "verb_of_span", "governing_verb"]

_NONFINITE_DEPS = frozenset({"xcomp", "advcl", "acl", "conj", "pcomp", "relcl", "ccomp"})
_MAX_STEPS = 8
_MAX_CLIMBS = 3


def governing_verb(token: Any) -> Any | None:
    """The nearest verb or auxiliary at or above a token in the dependency tree."""
    for _ in range(_MAX_STEPS):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _tense_of_verb(verb: Any) -> str | None:
    """"past", "perfect", "present", "future", or None for a non-finite verb."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    future = lexicon().future_aux
    if words & future or verb.lower_ in future:
        return "future"
    if "going" in words and any(c.lower_ == "to" for c in verb.children):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if words & lexicon().perfect_aux:
        return "perfect"
    if any(a.tag_ == "MD" for a in auxes):
        return "modal"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    # a base form with its own subject and no auxiliary is a present the tagger took for
    # an infinitive ("tickets go on sale")
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return "present" if verb.tag_ == "VB" and subject and not auxes else None


def _clause_tense(verb: Any) -> str | None:
    for _ in range(_MAX_CLIMBS):
        tense = _tense_of_verb(verb)
        if tense is not None or verb.dep_ not in _NONFINITE_DEPS:
            return tense
        above = governing_verb(verb.head)
        if above is None or above.i == verb.i:
            return None
        verb = above
    return None


def tense_of_span(sdoc: Any, start: int, end: int) -> str | None:
    """The tense of the clause governing a character span (None when unknown).

    "past", "perfect" ("has been postponed"), "present", "modal" or "future".
    """
    if sdoc is None:
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    return _clause_tense(verb) if verb is not None else None


def verb_of_span(sdoc: Any, start: int, end: int) -> Any | None:
    """The verb that governs a character span in the parse (None when there is none)."""
    if sdoc is None:
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return governing_verb(span.root)
