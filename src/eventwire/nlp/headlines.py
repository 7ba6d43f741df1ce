"""Headlines whose verb the tagger reads as a noun: "Tokyo and Canberra sign pact".

Why: headlines drop articles and auxiliaries, and a parser trained on running text reads
the verb after an opening name as a modifier of the next noun ("Tokyo and Canberra sign
pact": "sign" a compound of "pact") or as a plural noun ("Chile's Boric flies to Lima").
The sentence then has no verb: no event is found in it, and its names act on nothing. The
same words with a pronoun in place of the names ("They sign pact", "It flies to Lima")
parse as a clause, because nothing then invites the noun reading.

So a sentence with no finite verb that opens with proper names followed by a lower-case
word is parsed again with "It" (one name) or "They" (a list) in their place. When that
parse takes the word after the pronoun for a finite verb heading the sentence, with the
pronoun its subject, the sentence takes the new tags, lemmas and dependencies, and the
names become the verb's subject; otherwise the sentence keeps its parse. Nothing else of
the document changes (its tokens, entities and token vectors stay the first parse's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

__all__ = ["Opening", "headline_openings", "repair_headlines"]

#: Tags of a finite verb: a sentence with one has a verb the parser found.
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
#: Tags the pronoun's parse must give the word after it (present tense, as headlines write).
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]

Parser = Callable[[list[str]], Iterable[Any]]


@dataclass(frozen=True, slots=True)
class Opening:
    """A sentence's opening names (tokens ``start:end``) and the text to parse again, with
    ``pronoun`` in their place."""

    start: int
    end: int
    sent_end: int
    pronoun: str
    text: str


def _joins_names(tok: Any) -> bool:
    """ "and", a comma or a possessive between two proper names ("Seoul, Tokyo",
    "Pakistan's Khan")."""
    nxt = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN"
    return nxt and (tok.lower_ == "and" or tok.text == "," or tok.tag_ == "POS")


def _opening(sent: Any) -> Opening | None:
    """The opening names of a sentence with no finite verb, when a lower-case word follows
    them (in a headline written in title case every word is capitalised: left alone)."""
    if any(t.tag_ in FINITE_TAGS for t in sent):
        return None
    end = sent.start
    while end < sent.end and (sent.doc[end].pos_ == "PROPN" or
                              end > sent.start and _joins_names(sent.doc[end])):
        end += 1
    if end == sent.start or end >= sent.end - 1:
        return None
    word = sent.doc[end]
    if not word.is_alpha or not word.is_lower:
        return None
    listed = any(t.lower_ == "and" or t.text == "," for t in sent.doc[sent.start:end])
    pronoun = "They" if listed else "It"
    text = pronoun + " " + sent.doc.text[word.idx:sent.end_char]
    return Opening(sent.start, end, sent.end, pronoun, text)


def headline_openings(doc: Any) -> list[Opening]:
    """Every sentence of a parsed ``doc`` that may be a headline whose verb was misread."""
    return [o for o in (_opening(s) for s in doc.sents) if o is not None]


def _verb_found(words: list[str], again: Any) -> bool:
    """Whether the parse with the pronoun is one clause headed by a present-tense verb
    right after it, over the same words as the first parse."""
    if [t.text for t in again[1:]] != words or len(list(again.sents)) != 1:
        return False
    subject, verb = again[0], again[1]
    return (verb.tag_ in PRESENT_TAGS and verb.dep_ == "ROOT"
            and subject.dep_ == "nsubj" and subject.head.i == 1)


def _name_heads(doc: Any, start: int, end: int) -> list[tuple[int, int, str]]:
    """The opening names ``start:end`` as a noun phrase, each token with its head and
    label: a name's last word heads it ("North Korea", "Chile's Boric": the words before
    are compounds, a possessor with its "'s"), the first name heads the others
    ("Tokyo and Canberra", "Seoul, Tokyo": conjuncts, with "and" and commas), and it is
    marked by the head -1 to be the verb's subject."""
    out: list[tuple[int, int, str]] = []
    segment: list[int] = []
    heads: list[int] = []
    joins: list[int] = []

    def close() -> None:
        if not segment:
            return
        last = segment[-1]
        for i in segment[:-1]:
            if doc[i].tag_ == "POS":
                out.append((i, i - 1, "case"))
            elif i + 1 < last and doc[i + 1].tag_ == "POS":
                out.append((i, last, "poss"))
            else:
                out.append((i, last, "compound"))
        heads.append(last)
        segment.clear()

    for i in range(start, end):
        if doc[i].lower_ == "and" or doc[i].text == ",":
            close()
            joins.append(i)
        else:
            segment.append(i)
    close()
    first = heads[0]
    out.append((first, -1, "nsubj"))
    out += [(i, first, "conj") for i in heads[1:]]
    out += [(i, first, "cc" if doc[i].lower_ == "and" else "punct") for i in joins]
    return out


def _apply(doc: Any, arrays: np.ndarray, opening: Opening, again: Any) -> None:
    """Write the pronoun parse of the words after the names into ``arrays`` (``doc``'s
    ``_ATTRS`` columns), and the names as a noun phrase (:func:`_name_heads`) that is
    the verb's subject; what the new parse hung from the pronoun hangs from the names."""
    start, end = opening.start, opening.end
    new = again.to_array(_ATTRS)
    heads = arrays.view(np.int64)[:, 4]  # relative offsets, negative to the left
    names = _name_heads(doc, start, end)
    subject = next(i for i, head, _ in names if head < 0)
    for j in range(1, len(again)):
        i = end + j - 1
        arrays[i, :4] = new[j, :4]
        arrays[i, 5] = new[j, 5]
        head = again[j].head.i
        heads[i] = (end + head - 1 if head > 0 else subject) - i
    for i, head, label in names:
        heads[i] = (end if head < 0 else head) - i
        arrays[i, 5] = doc.vocab.strings.add(label)


def repair_headlines(docs: list[Any], parse: Parser) -> int:
    """Re-parse, in one batch, the sentences of ``docs`` that may be headlines whose verb
    was read as a noun, and take the new parse where it finds the verb; return how many
    sentences changed. ``parse`` parses texts with the same pipeline (``nlp.pipe``)."""
    todo = [(doc, o) for doc in docs for o in headline_openings(doc)]
    if not todo:
        return 0
    changed: dict[int, tuple[Any, np.ndarray]] = {}
    fixed = 0
    for (doc, opening), again in zip(todo, parse([o.text for _, o in todo]), strict=True):
        words = [t.text for t in doc[opening.end:opening.sent_end]]
        if not _verb_found(words, again):
            continue
        _, arrays = changed.setdefault(id(doc), (doc, doc.to_array(_ATTRS)))
        _apply(doc, arrays, opening, again)
        fixed += 1
    for doc, arrays in changed.values():
        doc.from_array(_ATTRS, arrays)
    return fixed
