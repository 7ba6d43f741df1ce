"""What coreference asks of the actor recogniser: the phrases found so far in a document.

Why its own module: the recogniser calls coreference, and coreference reads the phrases
the recogniser has found and makes new ones. Naming that contract here lets both depend on
this module rather than on each other, so the actors package has no import cycle.
"""

from __future__ import annotations

from typing import Any, Protocol

from eventwire.actors.found import Found
from eventwire.actors.lexicon import ActorLexicon

__all__ = ["PhrasesSoFar"]


class PhrasesSoFar(Protocol):
    """The actor phrases of one document found so far, and how to make another one."""

    lex: ActorLexicon
    #: Phrases in the order found, earliest first.
    found: list[Found]
    #: Each analysed token's phrase (None when it names no actor).
    memo: dict[int, Found | None]
    #: The sentence index of each token.
    sent_of: dict[int, int]
    #: More phrases of the same head, by head token ("the Kenyan and Ugandan governments").
    extras: dict[int, list[Found]]

    def analyze(self, tok: Any) -> Found | None:
        """The actor phrase headed by ``tok``, or None (found on demand, memoised)."""
        ...

    def make(
        self,
        tok: Any,
        country: str | None,
        sectors: tuple[str, ...],
        rule: str,
        org: str | None = None,
        end: int | None = None,
        **kw: Any,
    ) -> Found:
        """A phrase headed by ``tok`` with the given coding."""
        ...
