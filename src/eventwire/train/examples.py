"""From annotated sentences to training rows for the three heads of the event model.

Why alignment by character overlap: annotators write a trigger as it appears ("bombed",
"held talks"), the parser offers tokens. A candidate token is the gold trigger when its
characters overlap the trigger's, preferring a verb, and a noun over a light verb ("held
talks": "talks"). Actor mentions are matched to gold actors the same way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Span, Token

from eventwire.events.actorlink import ActorLink
from eventwire.events.features import (
    LIGHT_VERBS,
    candidate_tokens,
    class_roots,
    mentions_by_head,
    overlaps,
    pair_features,
    rule_arguments,
    sentence_mentions,
    trigger_features,
)
from eventwire.events.learned import NONE, trigger_vector
from eventwire.events.lexicon import EventLexicon
from eventwire.events.timecues import sentence_times
from eventwire.model import Document
from eventwire.train.corpus import CorpusEvent, CorpusSentence

__all__ = ["Rows", "trigger_token", "collect", "noun_triggers"]


@dataclass
class Rows:
    """Feature rows and labels for each head."""

    trigger_feats: list[list[str]] = field(default_factory=list)
    trigger_vecs: list[np.ndarray] = field(default_factory=list)
    event_labels: list[str] = field(default_factory=list)
    modality_feats: list[list[str]] = field(default_factory=list)
    modality_vecs: list[np.ndarray] = field(default_factory=list)
    modality_labels: list[str] = field(default_factory=list)
    code_labels: list[str] = field(default_factory=list)
    role_feats: list[list[str]] = field(default_factory=list)
    role_labels: list[str] = field(default_factory=list)
    gold_events: int = 0
    aligned_events: int = 0


def trigger_token(sent: Span, event: CorpusEvent) -> Token | None:
    """The token that carries a gold trigger, or None when no token overlaps it."""
    start, end = event.trigger.start, event.trigger.end
    toks = [t for t in sent if overlaps(t, start, end)]
    if not toks:
        return None
    nouns = [t for t in toks if t.pos_ == "NOUN"]
    verbs = [t for t in toks if t.pos_ == "VERB"]
    if verbs and nouns and all(v.lemma_.lower() in LIGHT_VERBS for v in verbs):
        return _head_noun(nouns, toks)
    if verbs:
        return verbs[0]
    if nouns:
        return _head_noun(nouns, toks)
    return min(toks, key=lambda t: len(list(t.ancestors)))


def _head_noun(nouns: list[Token], toks: list[Token]) -> Token:
    """The noun that heads a trigger of several words: "car bomb" is a bomb, "a state of
    emergency" a state, "police violence" violence; the others modify it."""
    inside = {t.i for t in toks}
    return next((n for n in nouns if n.head.i not in inside or n.head.i == n.i), nouns[0])


#: A noun is a candidate of its own (without a lexicon entry) when the corpus annotates
#: it as a trigger at least this share of the times it occurs: "blockade" and "talks"
#: name acts, "school" or "day" head a trigger now and then ("day of action") and are
#: otherwise things, and reading each of them costs as much as reading a verb.
NOUN_SHARE = 0.1


def noun_triggers(parsed: list[tuple[CorpusSentence, Document]]) -> frozenset[str]:
    """The lemmas of nouns annotated as triggers, at least ``NOUN_SHARE`` of the times the
    parse offers them: nominal events."""
    seen: Counter[str] = Counter()
    triggers: Counter[str] = Counter()
    for sentence, doc in parsed:
        if doc.spacy is None:
            continue
        for sent in doc.spacy.sents:
            seen.update(t.lemma_.lower() for t in sent if t.pos_ == "NOUN")
            heads = {tok.i: tok for event in sentence.events
                     if (tok := trigger_token(sent, event)) is not None and tok.pos_ == "NOUN"}
            triggers.update(tok.lemma_.lower() for tok in heads.values())
    return frozenset(lemma for lemma, n in triggers.items() if n >= NOUN_SHARE * seen[lemma])


def _spans(event: CorpusEvent, role: str) -> list[tuple[int, int]]:
    actor = event.source if role == "source" else event.target
    return [(actor.start, actor.end)] if actor is not None else []


def _role_rows(rows: Rows, tok: Token, events: list[CorpusEvent], sent: Span,
               link: ActorLink, lex: EventLexicon) -> None:
    refs = sentence_mentions(link, sent)
    if not refs:
        return
    sources = [s for e in events for s in _spans(e, "source")]
    targets = [s for e in events for s in _spans(e, "target")]
    rule_args = rule_arguments(link, tok, lex)
    lemma, roots, act = tok.lemma_.lower(), class_roots(tok), events[0].cameo[:2]
    for ref in refs:
        m = ref.mention
        label = "none"
        if any(m.start < e and s < m.end for s, e in sources):
            label = "source"
        elif any(m.start < e and s < m.end for s, e in targets):
            label = "target"
        rows.role_feats.append(pair_features(tok, ref, link, rule_args, lemma, roots, refs,
                                             act))
        rows.role_labels.append(label)


def collect(rows: Rows, sentence: CorpusSentence, doc: Document, lex: EventLexicon,
            nouns: frozenset[str], label_of: dict[str, str]) -> None:
    """Add the rows of one parsed sentence. The event head learns "none" or the root (as
    "190"); the code head learns ``label_of[code]`` on the annotated triggers."""
    if doc.spacy is None:
        return
    link = ActorLink(doc)
    rows.gold_events += len(sentence.events)
    for sent in doc.spacy.sents:
        gold: dict[int, list[CorpusEvent]] = {}
        for event in sentence.events:
            tok = trigger_token(sent, event)
            if tok is not None:
                gold.setdefault(tok.i, []).append(event)
        cands = candidate_tokens(sent, lex, nouns, link)
        seen = {t.i for t in cands}
        cands += [sent.doc[i] for i in sorted(gold) if i not in seen]
        times = sentence_times(doc, sent)
        actors = mentions_by_head(sentence_mentions(link, sent))
        for tok in cands:
            feats = trigger_features(tok, lex, match=(link.match(tok, lex),), sent=sent,
                                     times=times, actors=actors)
            vec = trigger_vector(tok)
            events = gold.get(tok.i, [])
            rows.trigger_feats.append(feats)
            rows.trigger_vecs.append(vec)
            rows.event_labels.append(f"{events[0].cameo[:2]}0" if events else NONE)
            if not events:
                continue
            rows.aligned_events += len(events)
            rows.modality_feats.append(feats)
            rows.modality_vecs.append(vec)
            rows.modality_labels.append(events[0].modality)
            rows.code_labels.append(label_of.get(events[0].cameo, f"{events[0].cameo[:2]}0"))
            _role_rows(rows, tok, events, sent, link, lex)
