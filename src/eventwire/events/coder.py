"""From the sentences of a parsed document to coded events with their provenance.

Why in this order: match triggers (what), check mood (did it happen), find arguments
(who to whom), expand coordination (one event per actor pair), then code (CAMEO ->
root, QuadClass, Goldstein, PLOVER). Each step is a pure function of the parse, so the
same code serves the built-in lexicon and PETRARCH dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from spacy.tokens import Span, Token

from eventwire.events.actorlink import ActorLink, actors_for
from eventwire.events.arguments import (
    Arguments,
    arguments_of,
    content_targets,
    holder_of,
    target_alternatives,
)
from eventwire.events.lexicon import Entry, Lexicon
from eventwire.events.matching import Match, lemma_keys, match_token
from eventwire.events.mood import Mood, mood_of
from eventwire.events.ontology import Ontology, load_ontology
from eventwire.model import Document, Event, EventActor, Plover

__all__ = ["Settings", "Candidate", "code_document", "Matcher"]


class Matcher(Protocol):
    """Anything that proposes candidate events for a sentence (built-in, PETRARCH)."""

    def candidates(self, sent: Span, link: ActorLink) -> list[Candidate]: ...


@dataclass(frozen=True, slots=True)
class Settings:
    """The ``stages.events`` settings, typed."""

    max_events_per_sentence: int = 12
    keep_negated: bool = False
    keep_hypothetical: bool = False
    require_actor: str = "any"  # "none", "any" or "both"

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Settings:
        return cls(
            max_events_per_sentence=int(raw.get("max_events_per_sentence", 12)),
            keep_negated=bool(raw.get("keep_negated", False)),
            keep_hypothetical=bool(raw.get("keep_hypothetical", False)),
            require_actor=str(raw.get("require_actor", "any")),
        )


@dataclass(slots=True)
class Candidate:
    """An event before numbering: code, trigger, actors, flags and rule."""

    cameo: str
    trigger: Token
    clause: Token
    source: EventActor
    target: EventActor
    rule: str
    negated: bool = False
    hypothetical: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _coded(actor: EventActor) -> bool:
    return bool(actor.code or actor.country)


def _actor_ok(cand: Candidate, settings: Settings) -> bool:
    src, tgt = _coded(cand.source), _coded(cand.target)
    if settings.require_actor == "both":
        return src and tgt
    if settings.require_actor == "any":
        return src or tgt
    return bool(cand.source.text or cand.target.text)


def _pairs(link: ActorLink, args: Arguments) -> list[tuple[EventActor, EventActor]]:
    sources = actors_for(link, args.source) if args.source is not None else [EventActor()]
    targets = actors_for(link, args.target) if args.target is not None else [EventActor()]
    out = []
    for src in sources:
        for tgt in targets:
            if src.code and src.code == tgt.code and src.text == tgt.text:
                continue
            out.append((src, tgt))
    return out


def _announced(match: Match, mood: Mood, lex: Lexicon, onto: Ontology) -> tuple[str, str] | None:
    """An act announced for the future ("will impose", "agreed to release", "vowed to
    fight") is an event of its own: intent (CAMEO 03) or, for a conflictual act, a threat."""
    entry = match.entry
    gov = mood.governor
    future = mood.modal == "future" and not mood.content and not mood.conditional
    promised = mood.content and gov is not None and bool(
        set(lemma_keys(gov)) & lex.word_list("intent_governors")
    )
    if mood.negated or not (future or promised):
        return None
    if onto.info(entry.cameo).quad_class in (3, 4) and not entry.cameo.startswith("13"):
        threat = lex.threat_codes.get(entry.cameo[:2])
        return (threat, f"{entry.id}:threat") if threat else None
    return (entry.intent, f"{entry.id}:intent") if entry.intent else None


def _decide(match: Match, mood: Mood, lex: Lexicon, onto: Ontology) -> tuple[str, str, bool]:
    """(code, rule, hypothetical) for a match given its mood."""
    announced = _announced(match, mood, lex, onto)
    if announced is not None:
        return announced[0], announced[1], False
    hypothetical = bool(mood.modal or mood.conditional or mood.content or mood.generic)
    return match.entry.cameo, match.entry.id, hypothetical


class LexiconMatcher:
    """Candidates from eventwire's own lexicon."""

    def __init__(self, lex: Lexicon, onto: Ontology | None = None) -> None:
        self.lex = lex
        self.onto = onto or load_ontology()

    def _one(self, tok: Token, link: ActorLink) -> tuple[list[Candidate], int | None]:
        match = match_token(tok, self.lex)
        if match is None:
            return [], None
        mood = mood_of(match.trigger, self.lex)
        code, rule, hypo = _decide(match, mood, self.lex, self.onto)
        args = arguments_of(match.verb, match.noun, match.entry.target, match.entry.opaque)
        if args.source is None and args.target is not None and code.startswith("08"):
            args.source = holder_of(args.target)  # the holder is who lets go
        args.target = _better_target(link, match.verb, args.target, match.entry)
        if "target" in match.entry.require and args.target is None:
            return [], None
        announced = rule.endswith((":intent", ":threat"))
        refined = mood.governor.i if announced and mood.governor is not None else None
        return [
            Candidate(code, match.trigger, match.verb, src, tgt, rule, mood.negated, hypo)
            for src, tgt in _pairs(link, args)
        ], refined

    def candidates(self, sent: Span, link: ActorLink) -> list[Candidate]:
        out: list[Candidate] = []
        refined: set[int] = set()
        for tok in sent:
            cands, gov = self._one(tok, link)
            out.extend(cands)
            if gov is not None:
                refined.add(gov)
        return [
            c for c in out
            if c.trigger.i not in refined or c.rule.endswith((":intent", ":threat"))
        ]


def _better_target(
    link: ActorLink, verb: Token, target: Token | None, entry: Entry
) -> Token | None:
    """The object when it names an actor, else the first other place that does."""
    options = [target] if target is not None else []
    if entry.opaque:
        options.extend(content_targets(verb))
    options.extend(target_alternatives(verb, target, entry.target))
    for option in options:
        if option.ent_type_ not in _NOT_ACTORS and link.mention(option) is not None:
            return option
    if target is not None and target.ent_type_ in _NOT_ACTORS:
        return None
    return target


_NOT_ACTORS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def _keep(cand: Candidate, settings: Settings) -> bool:
    if cand.negated and not settings.keep_negated:
        return False
    if cand.hypothetical and not settings.keep_hypothetical:
        return False
    return _actor_ok(cand, settings)


def _event(doc: Document, n: int, sent_index: int, cand: Candidate, onto: Ontology) -> Event:
    info = onto.info(cand.cameo)
    clause = cand.clause
    start = clause.left_edge.idx
    end = clause.right_edge.idx + len(clause.right_edge.text)
    trig = cand.trigger
    return Event(
        id=f"{doc.doc_id}-{n}",
        sentence_index=sent_index,
        start=start,
        end=end,
        trigger=trig.text,
        trigger_start=trig.idx,
        trigger_end=trig.idx + len(trig.text),
        source=cand.source,
        target=cand.target,
        cameo=cand.cameo,
        cameo_root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=Plover(info.event_type, info.mode, list(info.context)),
        negated=cand.negated,
        hypothetical=cand.hypothetical,
        rule=cand.rule,
    )


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in cands:
        key = (c.cameo, c.source.code or c.source.text, c.target.code or c.target.text)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def code_document(
    doc: Document, matchers: list[Matcher], settings: Settings, onto: Ontology | None = None
) -> list[Event]:
    """Every event of a parsed document, numbered in text order."""
    onto = onto or load_ontology()
    link = ActorLink(doc)
    events: list[Event] = []
    for index, sent in enumerate(doc.spacy.sents):
        cands: list[Candidate] = []
        for matcher in matchers:
            cands.extend(matcher.candidates(sent, link))
        kept = _dedupe([c for c in cands if _keep(c, settings)])
        for cand in kept[: settings.max_events_per_sentence]:
            events.append(_event(doc, len(events), _sentence_index(doc, sent, index), cand, onto))
    return events


def _sentence_index(doc: Document, sent: Span, fallback: int) -> int:
    found = doc.sentence_index_at(sent.start_char)
    return found if found is not None else fallback
