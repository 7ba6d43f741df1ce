"""What code eventwire gives a name, and why: the answer behind ``eventwire actor``.

Why a function of its own: a user who finds a surprising code in the output checks the
name here, sees the entry and the period it came from, and fixes it with a user
dictionary. The lookup follows the actor stage's precedence: a user dictionary's entry
first, then the knowledge base of named actors, then the built-in country and
organisation lexicon.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from eventwire.actors.kb import KbPeriod, code_on, fold, load_kb
from eventwire.actors.lexicon import NameEntry

__all__ = ["ActorAnswer", "explain_actor"]


@dataclass
class ActorAnswer:
    """The code of a name on a date, the entry it comes from and that entry's periods."""

    query: str
    date: str | None
    code: str | None
    entry: str
    name: str
    kind: str
    source: str
    period: KbPeriod | None = None
    periods: list[KbPeriod] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def explain_actor(name: str, date: str | None = None,
                  dictionaries: tuple[str, ...] = ()) -> ActorAnswer | None:
    """How the actor stage would code ``name`` in a story of ``date`` (None: unknown)."""
    from eventwire.actors.stages import lexicon_for

    lexicon = lexicon_for(dictionaries)
    entry = lexicon.names.get(" ".join(name.lower().split()))
    if entry is not None and entry.rule.startswith(("dictionary:", "petrarch:")):
        return _from_lexicon(name, date, entry)
    kb_entry = load_kb().lookup(name)
    if kb_entry is not None:
        coded = code_on(kb_entry, date)
        return ActorAnswer(name, date, coded.code, kb_entry.id, kb_entry.name, kb_entry.kind,
                           kb_entry.source, coded.period, list(kb_entry.periods))
    entry = entry or lexicon.names.get(fold(name))
    return _from_lexicon(name, date, entry) if entry is not None else None


def _from_lexicon(name: str, date: str | None, entry: NameEntry) -> ActorAnswer:
    coded = entry.at(date)
    code = coded.code or coded.country
    if code and coded.country and coded.sectors and code == coded.country:
        code += "".join(coded.sectors)
    period = next((p for p in entry.periods if date and p.covers(date)), None)
    periods = [KbPeriod(p.code, p.start, p.end) for p in entry.periods]
    return ActorAnswer(name, date, code, entry.rule, name, entry.kind, entry.rule.split(":")[0],
                       KbPeriod(period.code, period.start, period.end) if period else None,
                       periods)
