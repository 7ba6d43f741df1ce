"""Small questions about the dependency parse that the actor recogniser asks.

Kept apart from the recogniser because they are pure functions of spaCy tokens: where a
phrase stands in its clause (an argument, a place), where a noun phrase ends, what count
it carries, and which of several overlapping phrases is the actor.
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.found import Found
from eventwire.actors.lexicon import number_words, word_list

__all__ = [
    "MODIFIER_DEPS",
    "NOUN_POS",
    "SUBJECT_DEPS",
    "climb",
    "prep_of",
    "is_argument",
    "against",
    "np_end",
    "quantity",
    "outermost",
]

MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj", "attr", "oprd"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def climb(tok: Any) -> Any:
    """The first conjunct or apposition anchor: its dependency is the group's."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def prep_of(tok: Any) -> str | None:
    """The preposition governing ``tok`` when it is a prepositional object."""
    top = climb(tok)
    if top.dep_ == "pobj":
        return str(top.head.lower_)
    return None


def is_argument(tok: Any) -> bool:
    """Whether ``tok`` fills an argument slot (subject, object, agent, "with X")."""
    top = climb(tok)
    if top.dep_ in ARGUMENT_DEPS:
        return True
    if top.dep_ == "pobj":
        preps = word_list("argument_preps")
        return top.head.lower_ in preps or top.head.dep_ in ("dative", "agent")
    return False


def against(sdoc: Any, start: int) -> bool:
    """ "anti-Syria", "pro-Western": the name is what the phrase is for or against."""
    if start >= 2 and sdoc[start - 1].text == "-":
        return sdoc[start - 2].lower_ in word_list("stance_prefixes")
    return False


def np_end(tok: Any) -> int:
    """The end of a noun phrase without the clauses attached to it."""
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("prep", "compound", "appos", "nummod", "amod", "pobj", "punct"):
            if child.dep_ == "punct" and child.text != ")":
                break
            end = max(end, np_end(child))
    return end


def quantity(tok: Any) -> int | None:
    for child in tok.children:
        if child.dep_ == "nummod":
            text = child.lower_.replace(",", "")
            if text.isdigit():
                return int(text)
            return number_words().get(text)
    return None


def outermost(found: list[Found]) -> list[Found]:
    """Drop phrases inside a larger actor phrase ("Japan" in "Japan's foreign ministry"):
    the larger phrase is the actor. One sweep in span order, so that a document with
    thousands of actors stays linear after sorting."""
    order = sorted(range(len(found)), key=lambda k: (found[k].start, -found[k].end))
    inside: set[int] = set()
    cover: tuple[int, int] = (-1, -1)  # the span reaching furthest right so far
    for k in order:
        f = found[k]
        if f.end <= cover[1] and (f.start, f.end) != cover:
            inside.add(k)
        elif f.end > cover[1]:
            cover = (f.start, f.end)
    return [f for k, f in enumerate(found) if k not in inside]
