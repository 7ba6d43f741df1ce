"""How long before the document date a sentence puts its acts, as features of a candidate.

Why: background is the commonest way news mentions an act that is not the news ("the
two sides first met in 1985", "since the 1994 war"), and the annotation conventions code
no event for it, while a past act reported as news is coded with its own date. Cue words
("since", "ago") catch a few of these; the time stage has already normalised every time
expression of the sentence, so how far each lies from the document date, and whether it
is attached to the candidate's own clause, is there to be read. The same function serves
the trainer and the coder, so the features cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.events.lexicon import word_list
from eventwire.model import Document

__all__ = ["TimeCue", "sentence_times", "time_features", "background", "BACKGROUND_AGES"]

_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?")
_DECADE = re.compile(r"^(\d{3})X?$")
_CLIMB = 4  # heads walked up from a time expression to find the clause it dates
#: The ages of an act's own date that make it background rather than news: more than 14
#: months before the document date (see :func:`_age`).
BACKGROUND_AGES = frozenset({"years", "long"})


@dataclass(frozen=True, slots=True)
class TimeCue:
    """A dated time expression of the sentence: its head token and how old it is."""

    token: int
    age: str


def _when(value: str) -> tuple[int, int | None] | None:
    """A TIMEX3 date value as (year, month or None), a decade as its middle year, or None
    for what is not a calendar date (durations, sets, "PRESENT_REF")."""
    found = _VALUE.match(value)
    if found is not None:
        return int(found.group(1)), int(found.group(2)) if found.group(2) else None
    decade = _DECADE.match(value)
    if decade is not None:
        return int(decade.group(1)) * 10 + 5, None
    return None


def _gap(now: tuple[int, int | None], then: tuple[int, int | None]) -> int:
    """Months from ``then`` to ``now``; a value without a month is as precise as its year
    ("this year" is now, "last year" twelve months back)."""
    if now[1] is None or then[1] is None:
        return (now[0] - then[0]) * 12
    return (now[0] - then[0]) * 12 + now[1] - then[1]


def _age(gap: int) -> str:
    """Months before the document date, in the steps news writing marks: the news itself
    (within two months), the past year, the past few years, and history."""
    if gap < -1:
        return "after"
    if gap <= 2:
        return "now"
    if gap <= 14:
        return "recent"
    if gap <= 72:
        return "years"
    return "long"


def sentence_times(doc: Document, sent: Span) -> list[TimeCue]:
    """The sentence's date expressions with their age against the document date; empty
    when the document has no date (nothing to measure against)."""
    dated = doc.date or doc.dct
    now = _when(dated) if dated else None
    if now is None:
        return []
    out = []
    for mention in doc.times:
        if mention.type not in {"DATE", "TIME"} or not mention.value:
            continue
        if not sent.start_char <= mention.start < sent.end_char:
            continue
        when = _when(mention.value)
        span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if when is None or span is None or len(span) == 0:
            continue
        out.append(TimeCue(span.root.i, _age(_gap(now, when))))
    return out


def _dates_clause_of(tok: Token, head: Token) -> bool:
    """Whether the expression headed by ``head`` dates the candidate: the first verb
    above it, or a noun on the way, is the candidate, or for a noun candidate the word it
    hangs from (its light verb, or the verb it is the object of): "invaded ... in August
    1990", "the 1995 apology", "held talks in 2001"; not "said the two sides met in 1985"
    for "said"."""
    owners = {tok.i, tok.head.i} if tok.pos_ == "NOUN" else {tok.i}
    node = head
    for _ in range(_CLIMB):
        if node.head is node:
            return False
        node = node.head
        if node.i in owners:
            return True
        if node.pos_ in {"VERB", "AUX"}:
            return False
    return False


def time_features(tok: Token, cues: list[TimeCue]) -> list[str]:
    """``tx:AGE`` for every dated expression of the sentence and ``tx:own:AGE`` for one
    attached to the candidate's clause."""
    feats = []
    for cue in cues:
        feats.append(f"tx:{cue.age}")
        if _dates_clause_of(tok, tok.doc[cue.token]):
            feats.append(f"tx:own:{cue.age}")
    return feats


def _bounds(head: Token) -> bool:
    """Whether a time expression only bounds a span ("since 1979": ``span_bounds`` of the
    lexicon)."""
    return head.dep_ == "pobj" and head.head.lower_ in word_list("span_bounds")


def background(tok: Token, cues: list[TimeCue]) -> bool:
    """Whether the candidate's own clause dates it more than 14 months before the document
    ("troops seized the town in 1998", "the two sides signed a treaty in 2009"): background,
    which the annotation conventions code no event for. A date that only bounds a span is
    not the act's ("the first visit since 1979")."""
    if _weeks_apart(tok):
        return True
    for cue in cues:
        head = tok.doc[cue.token]
        if cue.age not in BACKGROUND_AGES or _bounds(head):
            continue
        if _dates_clause_of(tok, head) or _inside_dated(tok, head) or _dated_scene(tok, head):
            return True
    return False


def _weeks_apart(tok: Token) -> bool:
    """Whether the candidate is what the news is timed against, weeks or more away:
    "reopened its embassy on Monday, *weeks after* the envoy *was expelled*", "resumed
    talks, a month after the fighting *stopped*" (``gap_units`` right before "after"
    or "before"). An act days away is still news ("two days after the strike")."""
    clause = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    if clause.dep_ == "advcl":
        marks = [k for k in clause.children if k.dep_ == "mark"]
    elif tok.dep_ in {"pcomp", "pobj"}:
        marks = [tok.head]
    else:
        return False
    return any(m.lower_ in word_list("gap_marks") and m.i > 0
               and m.doc[m.i - 1].lemma_.lower() in word_list("gap_units") for m in marks)


def _dated_scene(tok: Token, head: Token) -> bool:
    """Whether an act noun is where the act the expression dates happened: "died in the
    hotel siege *a decade ago*", "killed in an attack in 1998"."""
    prep = tok.head
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and prep.lower_ in {"in", "during"} \
        and _dates_clause_of(prep.head, head)


def _inside_dated(tok: Token, head: Token) -> bool:
    """Whether the candidate's clause is a time clause of an act the expression ``head``
    dates, or of the date itself: "broke off ties in 1979, after an envoy *was
    kidnapped*", "in 1991, when the two sides *signed* an accord". The act inside is as old
    as the act or the date it tells the time of."""
    clause = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    if clause.dep_ not in {"advcl", "relcl"} or not any(
            k.dep_ in {"mark", "advmod"} and k.lower_ in word_list("time_clause_words")
            for k in clause.children):
        return False
    return clause.head.i == head.i or _dates_clause_of(clause.head, head)
