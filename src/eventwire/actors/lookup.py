"""From a parse token to the actor it names: the event coder's way into the actors.

Why a lookup by token: the event stage finds the subject and object of a trigger in the
dependency parse and needs their actors. The actor stage has already coded every phrase
(coreference included: "the five", "they", "its police", "Beijing" as a subject), so the
answer is the mention headed by the token, else the smallest mention covering it.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import ActorMention, Document

__all__ = ["actor_for_token", "expand_conjuncts"]


def actor_for_token(doc: Document, token: Any) -> ActorMention | None:
    """The coded actor mention headed by ``token`` or covering it, or None."""
    offset = int(token.idx)
    best: ActorMention | None = None
    for mention in doc.actors:
        if mention.head == offset:
            return mention
        inside = mention.start <= offset < mention.end
        if inside and (best is None or mention.end - mention.start < best.end - best.start):
            best = mention
    return best


def expand_conjuncts(doc: Document, token: Any) -> list[ActorMention]:
    """The actors of ``token`` and of every token coordinated with it, in text order.

    "The United States and Jordan agreed" has two sources; "two men, two women and a
    toddler" three targets. Each distinct mention appears once.
    """
    tokens = sorted([token, *token.conjuncts], key=lambda t: t.i)
    out: list[ActorMention] = []
    for tok in tokens:
        first = actor_for_token(doc, tok)
        shared = [m for m in doc.actors if m.head == tok.idx]  # "French and Egyptian ships"
        for mention in [first, *shared]:
            if mention is not None and all(mention is not m for m in out):
                out.append(mention)
    return out
