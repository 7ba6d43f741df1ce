"""A parse's children lists, read once: what the coders' checks walk again and again.

Why: spaCy makes a new ``Token`` for every child each time ``tok.children`` is walked, and
the learned coder's features and mood checks walk the same few tokens' children a dozen
times per candidate (its own, its head's, its clause's). :class:`Tree` lists every token's
children once per document; :func:`memo_children` remembers the lists of the tokens one
check walks. Either gives the tokens ``tok.children`` gives, in the same order.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.tokens import Doc, Token

__all__ = ["PAST_FORMS", "KidsOf", "Tree", "own_children", "memo_children", "unstopped",
           "headline_passive"]

#: How a check reads a token's children: :func:`own_children`, a :class:`Tree` or a
#: :func:`memo_children`. The lists are shared: callers read them, never change them.
KidsOf = Callable[[Token], list[Token]]


def own_children(tok: Token) -> list[Token]:
    """``tok.children`` as a list, walked on every call."""
    return list(tok.children)


def memo_children() -> KidsOf:
    """A :data:`KidsOf` that walks each token's children once, for the tokens of one
    document and as long as its parse stays as it is (one candidate's checks)."""
    seen: dict[int, list[Token]] = {}

    def kids(tok: Token) -> list[Token]:
        found = seen.get(tok.i)
        if found is None:
            found = seen[tok.i] = list(tok.children)
        return found

    return kids


class Tree:
    """Every token of a parsed document and its children, listed once: a token's children
    are the tokens whose head it is, in text order (what ``tok.children`` walks), read
    from the document's head offsets without making a ``Token`` per head. Valid as long as
    the document's parse stays as it is (the events stage reads it, never changes it)."""

    def __init__(self, doc: Doc) -> None:
        self.tokens: list[Token] = list(doc)
        offsets = doc.to_array("HEAD").astype(np.int64) if len(doc) else np.zeros(0, np.int64)
        self._kids: list[list[Token]] = [[] for _ in self.tokens]
        for i, head in enumerate((offsets + np.arange(len(doc))).tolist()):
            if head != i:
                self._kids[head].append(self.tokens[i])

    def __call__(self, tok: Token) -> list[Token]:
        """The children of ``tok``, a token of this document."""
        return self._kids[tok.i]


#: What closes a sentence of running text (a headline has none).
_STOPS = frozenset({".", "!", "?", '"', "'", "\u201d", "\u2019", ")"})


def unstopped(tok: Token) -> bool:
    """Whether the sentence of ``tok`` has no closing stop, as a headline has none: its
    verbs may then be passives whose auxiliary it dropped ("Opposition leader arrested")."""
    last = next((t for t in reversed(tok.sent) if not t.is_space), tok)
    return last.text not in _STOPS  # a line break after the stop is no part of the text


#: The tags of a headline's passive verb: a participle, or a past tense, as the tagger
#: often reads "called off" in "visit called off" or "shot" in "plane shot down" (headlines
#: write no simple past).
PAST_FORMS = frozenset({"VBN", "VBD"})


def headline_passive(verb: Token, tags: frozenset[str] = frozenset({"VBN"}),
                     kids: KidsOf = own_children) -> bool:
    """A verb of one of ``tags`` heading a sentence with no closing stop (a headline), with
    a subject, no auxiliary and no object: headlines write the passive so ("Opposition
    leader arrested in capital", "summit called off"). Running text with a stop is left
    to the tagger, whose participles there are often past tenses ("HRW called on X")."""
    if verb.dep_ != "ROOT" or verb.tag_ not in tags:
        return False  # most verbs: no need to read their children
    deps = {k.dep_ for k in kids(verb)}
    return "nsubj" in deps and not deps & {"aux", "dobj"} and unstopped(verb)
