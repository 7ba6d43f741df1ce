"""From a token of the parse to the actor it names.

Why a bridge: the actors package owns actor coding. When it exposes
``actor_for_token``/``expand_conjuncts`` they are used; otherwise the actor mentions in
``doc.actors`` that cover the token are used. A phrase that names no coded actor still
gives the event its text, so that a user sees who the sentence says acted.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from eventwire.events.lexicon import EventLexicon, word_list
from eventwire.events.matching import Match, match_token
from eventwire.model import ActorMention, Document, EventActor

__all__ = ["ActorLink", "to_event_actor"]

_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def _actors_api(name: str) -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("eventwire.actors")
    except ImportError:  # pragma: no cover - the package ships with eventwire
        return None
    fn = getattr(module, name, None)
    return fn if callable(fn) else None


def to_event_actor(mention: ActorMention) -> EventActor:
    """The event's actor: the mention as written, with the name it resolves to."""
    return EventActor(mention.text, mention.code, mention.country, list(mention.sectors),
                      mention.resolved or mention.text)


class ActorLink:
    """Actor lookups for one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._for_token = _actors_api("actor_for_token")
        self._conjuncts = _actors_api("expand_conjuncts")
        self._matches: dict[tuple[int, int], Match | None] = {}

    def match(self, tok: Token, lex: EventLexicon) -> Match | None:
        """The lexicon entry ``tok`` triggers (:func:`match_token`, with this document's
        actors to tell an agent from a modifier), worked out once per token and lexicon:
        the hybrid coder's rules and model both ask it of most words."""
        key = (id(lex), tok.i)
        if key not in self._matches:
            self._matches[key] = match_token(tok, lex, self.names_actor)
        return self._matches[key]

    def _covering(self, tok: Token) -> ActorMention | None:
        best = None
        for m in self.doc.actors:
            if m.start <= tok.idx < m.end:
                if m.head == tok.idx:
                    return m
                if best is None or (m.end - m.start) < (best.end - best.start):
                    best = m
        return best

    def mention(self, tok: Token) -> ActorMention | None:
        """The coded actor the token names (itself, or through "members of X" and "X's
        deputies")."""
        found = self._for_token(self.doc, tok) if self._for_token else None
        found = found or self._covering(tok)
        if found is not None:
            return found
        if tok.lemma_.lower() in word_list("member_nouns"):
            for kid in tok.children:
                if kid.dep_ == "poss" and kid.tag_ != "PRP$":
                    return self._actor_at(kid)  # "the sheriff's deputies"
                if kid.dep_ == "prep" and kid.lower_ in {"of", "from"}:
                    for obj in kid.children:
                        if obj.dep_ == "pobj":
                            return self._actor_at(obj)
        return None

    def _actor_at(self, tok: Token) -> ActorMention | None:
        """The actor mention at a token, by the actors stage's lookup when there is one."""
        return self._for_token(self.doc, tok) if self._for_token else self._covering(tok)

    def names_actor(self, tok: Token) -> bool:
        """Whether the token names an actor: what the argument finder asks of the
        modifiers of an act ("Israeli" in "an Israeli air strike" does, "air" does not)."""
        return self.mention(tok) is not None

    def resolve(self, tok: Token) -> EventActor:
        """The event actor for a token: coded when possible, else the phrase's text."""
        if tok.lower_ in _PRONOUNS and tok.head.dep_ == "relcl":
            tok = tok.head.head
        mention = self.mention(tok)
        if mention is not None:
            return to_event_actor(mention)
        return EventActor(text=_phrase(tok))

    def conjuncts(self, tok: Token) -> list[Token]:
        """The token and the tokens coordinated with it ("Japan and China")."""
        out = [tok]
        for conj in tok.conjuncts:
            if conj.i > tok.i and conj.pos_ in {"PROPN", "NOUN", "PRON"}:
                out.append(conj)
        return out


def _phrase(tok: Token) -> str:
    """A short text for an uncoded argument: the head with its left modifiers."""
    left = [t for t in tok.lefts if t.dep_ in {"compound", "amod", "det", "poss", "nummod"}]
    start = min([tok.i] + [t.left_edge.i for t in left])
    return tok.doc[start : tok.i + 1].text


def actors_for(link: ActorLink, tok: Token) -> list[EventActor]:
    """Every actor a (possibly coordinated) argument names: one per conjunct."""
    if link._conjuncts is not None:
        mentions = link._conjuncts(link.doc, tok) or []
        if len(mentions) > 1:
            return [to_event_actor(m) for m in mentions]
    return [link.resolve(t) for t in link.conjuncts(tok)]
