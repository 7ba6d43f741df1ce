"""The size of one event: the counts of people its own clause gives.

Why from the parse: a count belongs to an event when it is an argument of the trigger
("police nabbed two men, two women and a toddler" -> 5 people, arrested since the event is
an arrest; "Gunmen killed 12 villagers" -> 12 killed) or of a verb coordinated with it;
"12 people were injured" beside a nominal trigger ("in the attack") gives the injured.
Counts elsewhere in the sentence are left alone: no size is better than a wrong one.
"""

from __future__ import annotations

from typing import Any

from eventwire.anchor.trigger import span_root, trigger_token
from eventwire.model import Document, Event, QuantityMention, Size
from eventwire.quantities.numbers import NumberLexicon, load_lexicon

__all__ = ["size_event"]

MAX_STEPS = 10
ARREST_CAMEO = ("173",)


def _root(doc: Document, q: QuantityMention) -> Any | None:
    return span_root(doc.spacy, q.start, q.end)


def _governor(tok: Any) -> Any | None:
    """The verb whose argument a counted noun is (through conjunctions and appositions)."""
    steps = 0
    while steps < MAX_STEPS and tok.head.i != tok.i:
        if tok.dep_ == "acl" or tok.pos_ in ("VERB", "AUX"):
            return tok
        tok, steps = tok.head, steps + 1
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _role(tok: Any, gov: Any) -> str:
    """The relation to ``gov`` of the branch that holds ``tok`` ("nsubj", "dobj", ...)."""
    steps = 0
    while tok.head.i != gov.i and tok.head.i != tok.i and steps < MAX_STEPS:
        tok, steps = tok.head, steps + 1
    return str(tok.dep_)


def _doer(root: Any, gov: Any | None, lex: NumberLexicon) -> bool:
    """Whether a count is the active subject of its verb, i.e. who did it, not who
    suffered it ("two bombers killed 23 people"); "12 people died" suffered it."""
    if gov is None or gov.lemma_.lower() in lex.intransitive:
        return False
    return _role(root, gov) in ("nsubj", "agent")


def _harm(word: Any, lex: NumberLexicon) -> str | None:
    lemma = word.lemma_.lower()
    for kind, verbs in lex.verbs.items():
        if lemma in verbs:
            return kind
    for kind, nouns in lex.nouns.items():
        if lemma in nouns or word.lower_ in nouns:
            return kind
    return None


def _harm_after(root: Any, lex: NumberLexicon) -> str | None:
    """A bare number's harm noun: "12 dead", "30 wounded"."""
    if root.pos_ != "NUM" or root.i + 1 >= len(root.doc):
        return None
    after = root.nbor(1)
    return _harm(after, lex) if after.pos_ in ("ADJ", "NOUN", "VERB") else None


def _is_arrest(event: Event, trigger: Any, lex: NumberLexicon) -> bool:
    return (event.cameo.startswith(ARREST_CAMEO) or event.plover.mode == "arrest"
            or trigger.lemma_.lower() in lex.verbs["arrested"])


def _of_trigger(root: Any, trigger: Any) -> bool:
    """Whether a count is an argument of the trigger or of a verb coordinated with it."""
    if trigger.dep_ == "acl" and trigger.head.i == root.i:
        return True  # "Five North Koreans arrested by Chinese police"
    gov = _governor(root)
    if gov is None:
        return False
    return gov.i == trigger.i or (gov.dep_ == "conj" and gov.head.i == trigger.i) or (
        trigger.dep_ == "conj" and trigger.head.i == gov.i and root.dep_ in ("nsubj", "nsubjpass")
    )


def _apply(size: Size, q: QuantityMention, root: Any, trigger: Any, event: Event,
           lex: NumberLexicon) -> None:
    value = int(q.value) if isinstance(q.value, int | float) else None
    if value is None:
        return
    gov = _governor(root)
    doer = _doer(root, gov, lex)
    kind = _harm(root, lex) or _harm_after(root, lex) or (
        _harm(gov, lex) if gov is not None and not doer else None)
    if _of_trigger(root, trigger):
        if q.unit == "people" and size.people is None:
            size.people = value
        if kind is None and not doer and _is_arrest(event, trigger, lex) and q.unit == "people":
            kind = "arrested"
    elif trigger.pos_ not in ("NOUN", "PROPN"):
        return  # another verb's count does not size this event
    if kind is not None and getattr(size, kind) is None:
        setattr(size, kind, value)


def size_event(doc: Document, event: Event) -> Size:
    """How many people the event concerns, and how many were killed, injured, arrested."""
    size = Size()
    trigger = trigger_token(doc, event)
    if trigger is None:
        return size
    lex = load_lexicon()
    sent = trigger.sent
    for q in doc.quantities:
        if not (sent.start_char <= q.start < sent.end_char) or q.unit not in ("people", None):
            continue
        root = _root(doc, q)
        if root is not None:
            _apply(size, q, root, trigger, event, lex)
    return size
