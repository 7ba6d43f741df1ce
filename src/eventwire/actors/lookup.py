"""From a parse token to the actor it names: the event coder's way into the actors.

Why a lookup by token: the event stage finds the subject and object of a trigger in the
dependency parse and needs their actors. The actor stage has already coded every phrase
(coreference included: "the five", "they", "its police", "Beijing" as a subject), so the
answer is the mention headed by the token, else the smallest mention covering it.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.model import ActorMention, Document

__all__ = ["actor_for_token", "expand_conjuncts", "listed_with"]


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
    toddler" three targets; a headline's "Trump, Putin agree" two sources (see
    :func:`listed_with`). Each distinct mention appears once.
    """
    found: list[ActorMention | None] = []
    for tok in sorted([token, *token.conjuncts], key=lambda t: t.i):
        found.append(actor_for_token(doc, tok))
        found += [m for m in doc.actors if m.head == tok.idx]  # "French and Egyptian ships"
    own = actor_for_token(doc, token)
    shared = [m for m in doc.actors if m.head == token.idx]  # "the leaders of A, B and C"
    if own is not None and len(shared) < 2:
        found += listed_with(doc, own, int(token.sent.start_char))
    out: list[ActorMention] = []
    for mention in found:
        if mention is not None and all(mention is not m for m in out):
            out.append(mention)
    return sorted(out, key=lambda m: m.start)


def listed_with(doc: Document, member: ActorMention, sent_start: int) -> list[ActorMention]:
    """The other mentions of the comma list ``member`` is in, in text order, when the list
    opens the sentence (``sent_start``): a headline lists the actors of its verb so ("Trump,
    Putin agree", "Merkel, Macron, Johnson welcome"), and the parse hangs all but one of
    them anywhere but as conjuncts. "After talks with Merkel, Macron flew" lists no one."""
    by_end = {m.end: m for m in doc.actors}
    by_start = {m.start: m for m in doc.actors}
    before: list[ActorMention] = []
    mention = member
    while (text := doc.text[sent_start:mention.start].rstrip()).endswith(","):
        found = by_end.get(sent_start + len(text) - 1)
        if found is None or any(found is m for m in before):
            break
        before.insert(0, found)
        mention = found
    if (before[0] if before else member).start != sent_start:
        return []
    after: list[ActorMention] = []
    mention = member
    while (link := _LIST_LINK.match(doc.text, mention.end)) is not None:
        if link.group(1) and not before + after:
            break  # "A and B" is no list: the parse coordinates them
        found = by_start.get(link.end())
        if found is None or any(found is m for m in after):
            break
        after.append(found)
        mention = found
        if link.group(1):  # "A, B, C and D": the list ends with its last member
            break
    return before + after


#: What joins the members of a list: a comma, or "and" / "or" before the last ("Mali,
#: Chad and Niger": the parser often hangs the last on the one before, as an apposition).
_LIST_LINK = re.compile(r",?\s+(and|or)\s+|,\s*")
