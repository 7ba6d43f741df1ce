"""What the recogniser knows about one actor phrase before it becomes an ActorMention.

Kept apart from :class:`~eventwire.model.ActorMention` because coreference needs more than
the record carries: the phrase's number (for "they"), whether it names a person (for
"he"), its count ("five", for "the five") and its grammatical role (subjects are the
likeliest antecedents).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from eventwire.model import ActorMention

__all__ = ["Found", "compose_code"]


def compose_code(country: str | None, sectors: tuple[str, ...], org: str | None) -> str | None:
    """The CAMEO actor code: the organisation's or country's code, then the roles."""
    base = org or country or ""
    code = base + "".join(s for s in sectors if not (org and s in org))
    return code or None


@dataclass(frozen=True, slots=True)
class Found:
    """An actor phrase: tokens ``start:end`` headed by ``head``, with its coding."""

    head: int
    start: int
    end: int
    country: str | None
    sectors: tuple[str, ...]
    rule: str
    org: str | None = None
    plural: bool = False
    person: bool = False
    quantity: int | None = None
    subject: bool = False
    sent: int = 0
    lemma: str = ""
    #: Tokens of the antecedent as written, when the phrase refers back to one.
    ante: tuple[int, int] | None = None

    @property
    def code(self) -> str | None:
        return compose_code(self.country, self.sectors, self.org)

    @property
    def coded(self) -> bool:
        return bool(self.country or self.sectors or self.org)

    def with_coding(self, other: Found, rule: str) -> Found:
        """This phrase coded as ``other`` (an antecedent), keeping its own span and role;
        the antecedent's own antecedent, if any, is the name ("he ... his")."""
        ante = other.ante or (other.start, other.end)
        return replace(self, country=other.country, sectors=other.sectors, org=other.org,
                       rule=rule, ante=ante)

    def mention(self, sdoc: Any) -> ActorMention:
        span = sdoc[self.start : self.end]
        return ActorMention(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            code=self.code,
            country=self.country,
            sectors=list(self.sectors),
            head=sdoc[self.head].idx,
            rule=self.rule,
            resolved=sdoc[self.ante[0] : self.ante[1]].text if self.ante else None,
        )
