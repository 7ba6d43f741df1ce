"""Dating one event from the time expressions that govern it in the parse.

GDELT dates an event by the day its article was found; eventwire dates it by the text.
The order of evidence, strongest first:

1. a time expression attached to the trigger or to its own clause ("police nabbed them
   ... on May 8": ``npadvmod``, ``tmod`` or a ``prep`` on/in/at/during/since);
2. another time expression of the same sentence that dates a clause, not a noun ("the
   1950-53 Korean War" dates the war, not the sentence's event);
3. the story's time frame: the date of the main reported event, when the first
   sentences of the article establish one (never a day after the document's: a story
   reports what happened, and a lead's "talks resume next Monday" is a plan);
4. the tense: a past perfect ("had been arrested", "had fled") puts the event before the
   story's time, on a day the text does not give, so the event gets no date rather than
   the publication day;
5. the document date: the publication day of what the text reports without a date
   ("police said", "talks will resume").

``date_source`` says which of them gave the date: "clause", "sentence", "story", "tense"
or "document".

Durations, sets, vague references ("recently") and values without a year never date an
event.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from eventwire.anchor.trigger import relative_adverb, span_root, trigger_token
from eventwire.anchor.words import word_list
from eventwire.model import Document, Event, TimeMention
from eventwire.time.calendar import Anchor, value_as_date
from eventwire.time.tense import governing_verb

__all__ = ["date_event", "story_frame"]

DateResult = tuple[str | None, str | None, str | None]

ADVERBIAL_DEPS = frozenset({"npadvmod", "tmod", "obl", "obl:tmod", "nmod:tmod", "advmod"})
ADNOMINAL_DEPS = frozenset({"compound", "nummod", "amod", "poss", "nmod", "appos"})
#: Dependencies that stay inside the trigger's own clause when walking up from it.
SAME_CLAUSE = frozenset({"xcomp", "aux", "auxpass", "prep", "pobj", "dobj", "nsubj",
                         "nsubjpass", "compound", "amod", "acomp", "attr", "oprd", "agent",
                         "dative", "pcomp", "conj"})
FRAME_SENTENCES = 3
FRAME_BEFORE_DAYS = 62  # how far before the document date a story's own events may lie
FRAME_AFTER_DAYS = 1  # a day of slack for time zones; later days are plans, not the news
_MAX_CLIMB = 6


def _governor(sdoc: Any, mention: TimeMention) -> Any | None:
    """The token a time expression modifies as an adverbial, or None if it does not."""
    tok = span_root(sdoc, mention.start, mention.end)
    if tok is None:
        return None
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.head if tok.head.lower_ in word_list("at_preps") else None
    if tok.dep_ in ADVERBIAL_DEPS or tok.dep_ == "ROOT":
        return tok.head if tok.dep_ != "ROOT" else None
    return None


def _adnominal(sdoc: Any, mention: TimeMention, trigger: Any | None) -> bool:
    """True when the expression modifies a noun other than the trigger ("the 2010 raid")."""
    tok = span_root(sdoc, mention.start, mention.end)
    if tok is None or tok.dep_ not in ADNOMINAL_DEPS:
        return False
    return trigger is None or tok.head.i != trigger.i


def _clause_chain(trigger: Any) -> Iterator[Any]:
    """The trigger, then the heads above it that are still in its own clause."""
    tok = trigger
    yield tok
    for _ in range(_MAX_CLIMB):
        participle = tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN") and not any(
            c.dep_ == "mark" for c in tok.children)
        if tok.dep_ not in SAME_CLAUSE and not participle or tok.head.i == tok.i:
            return
        tok = tok.head
        yield tok


DateCandidate = tuple[TimeMention, tuple[str, str] | None]


def _dating(doc: Document, sentence: tuple[int, int], *, unresolved: bool = False
            ) -> list[DateCandidate]:
    """The dates and times of a sentence with their event date; with ``unresolved``, also
    those the text gives but that could not be resolved ("the following day" with no
    earlier date), whose event date is None."""
    out: list[DateCandidate] = []
    for m in doc.times:
        if m.type not in ("DATE", "TIME") or m.fuzzy or not sentence[0] <= m.start < sentence[1]:
            continue
        as_date = value_as_date(m.value)
        if as_date is not None or unresolved:
            out.append((m, as_date))
    return out


def _sentence_bounds(doc: Document, event: Event) -> tuple[int, int] | None:
    index = event.sentence_index
    if not 0 <= index < len(doc.sentences):
        found = doc.sentence_index_at(event.trigger_start or event.start)
        if found is None:
            return None
        index = found
    sent = doc.sentences[index]
    return sent.start, sent.end


def _in_clause(doc: Document, trigger: Any, cands: list[DateCandidate]) -> DateCandidate | None:
    """The time expression that governs the trigger's own clause, resolved or not."""
    governed = [(_governor(doc.spacy, m), (m, d)) for m, d in cands]
    for tok in _clause_chain(trigger):
        for gov, cand in governed:
            if gov is not None and gov.i == tok.i:
                return cand
    return None


def _in_other_relative(sdoc: Any, mention: TimeMention, trigger: Any | None) -> bool:
    """True when the expression dates a relative clause the trigger is not in: that
    clause tells of another event, earlier or later than the sentence's own."""
    gov = _governor(sdoc, mention)
    if gov is None or gov.dep_ not in ("relcl", "acl"):
        return False
    return trigger is None or not any(t.i == gov.i for t in _clause_chain(trigger))


def _in_sentence(doc: Document, trigger: Any | None, at: int,
                 cands: list[DateCandidate]) -> tuple[str, str] | None:
    usable = []
    for m, as_date in cands:
        if as_date is None:
            continue
        tok = span_root(doc.spacy, m.start, m.end) if doc.spacy is not None else None
        if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ not in word_list("at_preps"):
            continue  # "before May 8" does not put the event on May 8
        if doc.spacy is not None and _adnominal(doc.spacy, m, trigger):
            continue
        if doc.spacy is not None and _in_other_relative(doc.spacy, m, trigger):
            continue  # "condemned the attack, which took place the day before"
        usable.append((abs(m.start - at), as_date))
    return min(usable)[1] if usable else None


def _backgrounded(trigger: Any | None) -> bool:
    """True for a trigger in a clause that modifies a noun ("five North Koreans arrested by
    police"): such a clause tells what happened before, not the story's main event. Not a
    relative clause of "where" or "when", which tells what happened there or then ("visited
    Tehran, where he met Iranian leaders")."""
    if trigger is None or trigger.dep_ not in ("acl", "relcl"):
        return False
    return relative_adverb(trigger) is None


def _recent(as_date: tuple[str, str], doc_date: date | None) -> bool:
    """Whether a date can be the story's own: a day or month, near the document date.

    A lead's year ("writing to Lincoln in 1848") is background, not the news.
    """
    value, precision = as_date
    if precision not in ("day", "month"):
        return False
    if doc_date is None:
        return True
    if precision == "month":
        value = f"{value}-01"
        doc_date = doc_date.replace(day=1)
    delta = (doc_date - date.fromisoformat(value)).days
    return -FRAME_AFTER_DAYS <= delta <= FRAME_BEFORE_DAYS


def story_frame(doc: Document) -> tuple[str, str] | None:
    """The date of the story's main reported event: the first day or month that dates a
    clause in the first sentences of the article and lies near the document date."""
    if doc.spacy is None:
        return None
    anchor = Anchor.parse(doc.date)
    doc_date = anchor.date if anchor is not None else None
    for sent in doc.sentences[:FRAME_SENTENCES]:
        for m, as_date in _dating(doc, (sent.start, sent.end)):
            if as_date is None or not _recent(as_date, doc_date):
                continue
            if (_governor(doc.spacy, m) is not None and not _adnominal(doc.spacy, m, None)
                    and not _in_other_relative(doc.spacy, m, None)):
                return as_date
    return None


def _document_date(doc: Document) -> DateResult:
    anchor = Anchor.parse(doc.date)
    if anchor is None:
        return None, None, None
    if anchor.month is None:
        return f"{anchor.year:04d}", "year", "document"
    if anchor.day is None:
        return f"{anchor.year:04d}-{anchor.month:02d}", "month", "document"
    return f"{anchor.year:04d}-{anchor.month:02d}-{anchor.day:02d}", "day", "document"


def _pluperfect(trigger: Any | None) -> bool:
    """Whether the trigger's clause is in the past perfect ("had been arrested", "had
    fled", "the men, who had crossed ..."): an event before the story's own time.

    A trigger that is not a verb takes the verb of its clause ("had been under arrest").
    """
    verb = governing_verb(trigger) if trigger is not None else None
    for _ in range(_MAX_CLIMB):
        if verb is None:
            return False
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ == "had" for a in auxes) and verb.tag_ == "VBN":
            return True
        if auxes or verb.dep_ not in ("xcomp", "conj"):
            return False
        verb = governing_verb(verb.head)  # "had agreed to release": the verb above
    return False


def date_event(doc: Document, event: Event) -> DateResult:
    """(date, precision, source) of an event: from the text when it dates the event (its
    clause, its sentence, the story's time frame), else from its tense, else the document
    date; (None, None, None) when there is neither a text date nor a document date."""
    bounds = _sentence_bounds(doc, event)
    cands = _dating(doc, bounds, unresolved=True) if bounds is not None else []
    trigger = trigger_token(doc, event)
    own = _in_clause(doc, trigger, cands) if trigger is not None and cands else None
    if own is not None and own[1] is None:
        return _document_date(doc)  # the text dates it, but not in a way we can resolve
    if own is not None and own[1] is not None:
        return own[1][0], own[1][1], "clause"
    if cands:
        at = event.trigger_start if event.trigger_start is not None else event.start
        found = _in_sentence(doc, trigger, at, cands)
        if found is not None:
            return found[0], found[1], "sentence"
    if _pluperfect(trigger):
        return (None, None, "tense") if doc.date else (None, None, None)
    found = story_frame(doc) if not _backgrounded(trigger) else None
    if found is not None:
        return found[0], found[1], "story"
    return _document_date(doc)
