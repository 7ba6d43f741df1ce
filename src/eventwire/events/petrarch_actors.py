"""Actor coding as PETRARCH does it, from the actors and agents dictionaries alone.

Why a separate coder: a PETRARCH actor code is the actor dictionary's code plus the codes
of the agents named in the same noun phrase ("Bree Prime Minister" is ``BRE`` + ``~GOV``
= ``BREGOV``; "MSF Arnor" is ``NGO~`` + ``ARN`` = ``NGOARN``), a country alone gets no
role, and a phrase with agents but no actor is ``---`` plus the agents. A phrase whose
own words name no actor takes the actors of its ``of``/``in``/``from`` phrase ("soldiers
from Gondor" is ``GONMIL``). Users' dictionaries were written for these rules, so
eventwire's own actor lexicon is not mixed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from eventwire.actors.dictionaries import petrarch_actor_records, petrarch_agent_records
from eventwire.actors.lexicon import Period
from eventwire.events.actorlink import ActorLink
from eventwire.model import ActorMention, Document, EventActor

__all__ = ["ActorBook", "PetrarchLink", "load_actor_book", "petrarch_actors_for"]

_CLIMB = frozenset({"compound", "poss", "nmod", "amod"})
_SKIP = frozenset({"punct", "cc", "conj", "appos", "relcl", "acl", "prep", "advcl", "case"})
_PP = frozenset({"of", "from", "in"})  # an agent's actor: "soldiers from X"
_OF = frozenset({"of"})  # any noun's: "the leaders of X" (not "an attack in X")
NULL = "---"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})  # pronouns resolved as PETRARCH needs
_PERSONAL = frozenset({"it", "they", "he", "she", "them", "him", "her"})


@dataclass(slots=True)
class _Actor:
    codes: tuple[str, ...]
    periods: tuple[Period, ...] = ()

    def at(self, date: str | None) -> tuple[str, ...]:
        """The codes on ``date``: the first dated code covering it, else the default."""
        if date:
            for period in self.periods:
                if period.covers(date):
                    return tuple(c for c in period.code.split("/") if c)
        return self.codes


@dataclass(slots=True)
class ActorBook:
    """Actor and agent phrases (tuples of upper-case words) of a PETRARCH folder."""

    actors: dict[tuple[str, ...], _Actor] = field(default_factory=dict)
    agents: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: int = 1

    def of_heads(self) -> frozenset[str]:
        """Words followed by OF inside an actor or agent phrase ("PRINCE OF X")."""
        keys = [*self.actors, *self.agents]
        return frozenset(key[i - 1] for key in keys for i in range(1, len(key)) if key[i] == "OF")

    def add(self, table: dict, phrase: str, value: object) -> None:
        words = tuple(phrase.upper().split())
        if words:
            table.setdefault(words, value)
            self.longest = max(self.longest, len(words))


def load_actor_book(folder: str | Path) -> ActorBook | None:
    """The actors and agents of a folder, or None when it has no actors file."""
    path = Path(folder)
    actors = sorted(p for p in path.iterdir() if "actors" in p.name.lower())
    if not actors:
        return None
    book = ActorBook()
    for file in actors:
        for names, code, periods in petrarch_actor_records(file):
            entry = _Actor(tuple(c for c in code.split("/") if c), tuple(periods))
            for name in names:
                book.add(book.actors, name, entry)
    for file in sorted(p for p in path.iterdir() if "agents" in p.name.lower()):
        for phrase, agent in petrarch_agent_records(file):
            book.add(book.agents, phrase, agent)
    return book


def _words(tok: Token, of_heads: frozenset[str]) -> list[Token]:
    """The head's own words: its left modifiers (recursively), without clauses, PPs and
    coordinated phrases, and the head itself; an ``of`` phrase only after a word that
    precedes OF in an actor's name ("Prince of X")."""
    out: list[Token] = []
    for child in tok.lefts:
        if (child.dep_ not in _SKIP or _glued(child)) and child.tag_ != "POS":
            out.extend(_words(child, of_heads))
    out.append(tok)
    for child in tok.rights:
        if child.i != out[-1].i + 1:
            break
        if child.dep_ in {"compound", "flat", "nmod"}:
            out.extend(_words(child, of_heads))
        elif child.dep_ == "prep" and child.lower_ == "of" and tok.text.upper() in of_heads:
            objs = [o for o in child.children if o.dep_ == "pobj"]
            out.append(child)
            out.extend(_words(objs[0], of_heads) if objs else [])
    return out


def _mix(actor: str, agents: list[str]) -> str:
    """PETRARCH's combination: ``~X`` agents appended, ``X~`` agents put before."""
    code = actor
    for agent in agents:
        if agent.startswith("~") or not agent.endswith("~"):
            part = agent.strip("~")
            if part and part not in code:
                code += part
    for agent in agents:
        if agent.endswith("~") and not agent.startswith("~"):
            part = agent.strip("~")
            if part and not code.startswith(part):
                code = part + code
    return code


class _Scanner:
    """Longest-match scan of a word sequence against the actor, then agent, phrases."""

    def __init__(self, book: ActorBook, date: str | None) -> None:
        self.book = book
        self.date = date

    def scan(self, words: list[str]) -> tuple[list[str], list[str], bool]:
        actors: list[str] = []
        agents: list[str] = []
        found_null = False
        i = 0
        while i < len(words):
            step = 0
            for n in range(min(self.book.longest, len(words) - i), 0, -1):
                key = tuple(words[i : i + n])
                if key in self.book.actors:  # the first actor of a phrase is its actor
                    codes = self.book.actors[key].at(self.date)
                    if not actors and not found_null:
                        actors.extend(codes)
                    found_null = found_null or not codes
                    step = n
                    break
                if key in self.book.agents:
                    agents.append(self.book.agents[key])
                    step = n
                    break
            i += step or 1
        return actors, agents, found_null


class PetrarchLink(ActorLink):
    """Actor lookups that code noun phrases with PETRARCH dictionaries."""

    def __init__(self, doc: Document, book: ActorBook) -> None:
        super().__init__(doc)
        self._for_token = None
        self._conjuncts = None
        self.scanner = _Scanner(book, doc.date or doc.dct)
        self._cache: dict[int, list[str]] = {}
        self.of_heads = book.of_heads()
        self._pp_agents: dict[int, list[str]] = {}  # heads coded by their PP's actors

    def head(self, tok: Token) -> Token:
        """The head of the noun phrase a token belongs to ("Arnor" in "Arnor police")."""
        while tok.dep_ in _CLIMB and tok.head is not tok and tok.head.pos_ in {
            "NOUN", "PROPN", "PRON", "NUM"
        }:
            tok = tok.head
        return tok

    def codes(self, tok: Token) -> list[str]:
        """Every code of the phrase headed by ``tok`` (several for ``FRO/BIL/SAM``)."""
        if tok.i not in self._cache:
            self._cache[tok.i] = []  # guards against cycles through PPs
            self._cache[tok.i] = self._code(tok)
        return self._cache[tok.i]

    def _code(self, tok: Token) -> list[str]:
        words = _upper_words(_words(tok, self.of_heads))
        actors, agents, null = self.scanner.scan(words)
        if not actors and not null:  # "soldiers from X", "the leaders of X"
            actors = self._pp_actors(tok, _PP if agents else _OF)
            if actors and agents:
                self._pp_agents[tok.i] = agents
        if not actors and not agents:
            return []
        return [_mix(a, agents) for a in actors] if actors else [_mix(NULL, agents)]

    def _pp_actors(self, tok: Token, preps: frozenset[str]) -> list[str]:
        out: list[str] = []
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        for conj in [obj, *[c for c in obj.conjuncts if c.i > obj.i]]:
                            out.extend(c for c in self.codes(conj) if not c.startswith(NULL))
                if out:
                    return out
        return out

    def mention(self, tok: Token) -> ActorMention | None:
        if tok.pos_ == "PRON" and tok.lower_ in _PERSONAL and tok.dep_ in _SUBJECTS:
            found = self.antecedent(tok)
            tok = found if found is not None else tok
        head = self.head(tok)
        codes = self.codes(head)
        if not codes:
            return None
        return ActorMention(head.left_edge.idx, head.idx + len(head.text), head.text,
                            codes[0], _country(codes[0]), [], head.idx, "petrarch")

    def resolve(self, tok: Token) -> EventActor:
        found = self.mention(tok)
        if found is None:
            return EventActor(text=tok.text, code=NULL)
        return EventActor(found.text, found.code, found.country, [])

    def _listed(self, head: Token) -> list[EventActor]:
        """A list the parser did not coordinate ("X, Y and the awful Z"): the words up to
        the head split at commas and conjunctions, when two or more parts name actors."""
        parts: list[list[Token]] = [[]]
        for tok in head.doc[head.left_edge.i : head.i + 1]:
            if tok.dep_ == "cc" or tok.text in {",", ";"}:
                parts.append([])
            elif tok.tag_ != "POS":
                parts[-1].append(tok)
        coded = [(part, self.scanner.scan(_upper_words(part))) for part in parts]
        if sum(1 for _, (actors, _, _) in coded if actors) < 2:
            return []
        out = []
        for part, (actors, agents, _) in coded:
            for code in [_mix(a, agents) for a in actors]:
                out.append(EventActor(" ".join(t.text for t in part), code, _country(code), []))
        return out

    def _member_codes(self, head: Token, member: Token) -> list[str]:
        """A coordinated bare actor after "officials in X" is another place of the same
        officials ("officials in X and Y"), whatever the parser attached it to."""
        codes = self.codes(member)
        agents = self._pp_agents.get(head.i)
        if member is head or not agents or len(_words(member, self.of_heads)) != 1:
            return codes
        return [_mix(c, agents) for c in codes if not c.startswith(NULL)]

    def antecedent(self, tok: Token) -> Token | None:
        """A personal pronoun's antecedent, as PETRARCH finds it: the nearest coded noun
        phrase before it in the sentence, preferring a subject ("X indicated it would")."""
        before = [t for t in tok.sent if t.i < tok.i and t.pos_ in {"NOUN", "PROPN"}]
        coded = [t for t in reversed(before) if self.codes(self.head(t))]
        subjects = [t for t in coded if self.head(t).dep_ in {"nsubj", "nsubjpass"}]
        found = subjects or coded
        return found[0] if found else None

    def actors(self, tok: Token) -> list[EventActor]:
        """One actor per code of the token's phrase and of each coordinated phrase."""
        if tok.pos_ == "PRON" and tok.lower_ in _PERSONAL and tok.dep_ in _SUBJECTS:
            tok = self.antecedent(tok) or tok
        head = self.head(tok)
        while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
            head = head.head  # the whole coordination, from its first member
        out = self._listed(head)
        for member in [] if out else _members(head):
            for code in self._member_codes(head, member):
                out.append(EventActor(member.text, code, _country(code), []))
        return out or [EventActor(text=tok.text, code=NULL)]


def _glued(tok: Token) -> bool:
    """A hyphen inside a word the tokenizer split ("Barad-dur")."""
    return tok.tag_ == "HYPH" and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ \
        and not tok.whitespace_


def _upper_words(tokens: list[Token]) -> list[str]:
    """Words as the dictionaries write them: upper case, ``_`` joining words, hyphenated
    words whole."""
    out: list[str] = []
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        joined = prev is not None and prev.i == tok.i - 1 and (_glued(tok) or _glued(prev))
        pieces = [w for w in tok.text.upper().split("_") if w]
        if joined and out and pieces:
            out[-1] += pieces.pop(0)
        out.extend(pieces)
    return out


def _members(head: Token) -> list[Token]:
    """The members of a coordination in text order; in a list ("X, the awful Y, and Z")
    an appositive is a member too."""
    conj = [c for c in head.conjuncts if c.i > head.i]
    appos = [c for c in head.children if c.dep_ == "appos"] if conj else []
    return sorted([head, *conj, *appos], key=lambda t: t.i)


def _country(code: str) -> str | None:
    """PETRARCH codes have no separate country: the first three letters stand for it, so
    that a dyad check sees any coded actor (``---GOV`` included) as named."""
    return code[:3] if code else None


def petrarch_actors_for(link: ActorLink, tok: Token) -> list[EventActor]:
    """The actors of an argument, with PETRARCH coding when the link does it."""
    if isinstance(link, PetrarchLink):
        return link.actors(tok)
    from eventwire.events.actorlink import actors_for

    return actors_for(link, tok)


_NOT_TARGET = frozenset({"conj", "cc", "punct", "nsubj", "nsubjpass", "csubj", "agent", "mark",
                         "aux", "auxpass", "neg", "expl"})


def right_target(link: ActorLink, verb: Token) -> Token | None:
    """PETRARCH's target: the first coded noun phrase after the verb inside its own
    phrase (objects, prepositional phrases, complements), in text order."""
    for child in verb.rights:
        if child.dep_ in _NOT_TARGET:
            continue
        for tok in child.subtree:  # a pronoun names no new actor ("whether he ... with X")
            if tok.pos_ in {"NOUN", "PROPN", "NUM", "ADJ"} and link.mention(tok):
                return tok
    return None


def passive_parts(verb: Token) -> tuple[Token | None, Token | None]:
    """(passive subject, ``by`` agent) of a verb: PETRARCH keeps a passive subject as the
    source unless a ``by`` phrase names the doer ("X was criticized over ...")."""
    passive = any(k.dep_ == "auxpass" for k in verb.children)
    subj = next((k for k in verb.children if k.dep_ == "nsubjpass"
                 or (passive and k.dep_ == "nsubj")), None)
    agent = next((o for k in verb.children if k.dep_ == "agent" for o in k.children
                  if o.dep_ == "pobj"), None)
    return subj, agent
