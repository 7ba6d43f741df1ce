"""The learned event coder: a trained model decides, for every candidate, what happened.

Why a model over the lexicon alone: a lexicon widened to find more events also finds more
events that did not happen (threats read as acts, "attack" in a football report). Here every
verb and event noun is a candidate; three small linear classifiers trained on the project's
corpus (``eventwire train events``) decide whether it is an event and which CAMEO code, its
modality (asserted, negated, hypothetical, future, generic, rumour, historical), and which
actor mentions are its source and target. Lexicon hits are features among others.

``confidence`` is the model's probability of the chosen CAMEO root times that of the
modality it was coded with: the share of such events that a careful coder would keep.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

from eventwire.events.actorlink import ActorLink, to_event_actor
from eventwire.events.coder import EventCandidate, Settings, _keep, finish_events, tabular
from eventwire.events.context import place_target, with_country
from eventwire.events.features import (
    LIGHT_VERBS,
    MentionRef,
    candidate_tokens,
    pair_features,
    rule_arguments,
    sentence_cues,
    sentence_mentions,
    trigger_features,
)
from eventwire.events.lexicon import EventLexicon
from eventwire.events.ontology import Ontology
from eventwire.events.weights import EventModel
from eventwire.model import Document, Event, EventActor

__all__ = ["LearnedCoder", "Decision", "decide", "trigger_vector", "NONE"]

NONE = "none"
_NOT_DONE = {"negated": (True, False), "hypothetical": (False, True), "future": (False, True),
             "generic": (False, True), "rumour": (False, True), "historical": (False, True)}


@dataclass(frozen=True, slots=True)
class Decision:
    """What the model says about one candidate."""

    cameo: str
    modality: str
    confidence: float


def trigger_vector(tok: Token) -> np.ndarray:
    """The trigger's row of spaCy's ``doc.tensor``, scaled to unit length (zeros if none)."""
    tensor = tok.doc.tensor
    if tensor is None or getattr(tensor, "shape", (0,))[0] <= tok.i or tensor.ndim != 2:
        return np.zeros(0)
    row = np.asarray(tensor[tok.i], dtype=np.float64)
    norm = float(np.linalg.norm(row))
    return row / norm if norm > 0 else row


def _vector_for(model_dense: int, tok: Token) -> np.ndarray:
    vec = trigger_vector(tok)
    if vec.shape[0] != model_dense:  # another spaCy model: the sparse features still code
        return np.zeros(model_dense)
    return vec


#: A candidate is an event when the model gives "no event" less than this probability. Above
#: one half on purpose: an act the model spreads over two roots is still an act.
NONE_MAX = 0.6


def _fine(model: EventModel, feats: list[str], vec: np.ndarray, root: str) -> str:
    """The finer CAMEO code within ``root`` that the code head likes best."""
    probs = model.code.proba(feats, vec)
    inside = [(float(p), label) for label, p in zip(model.code.labels, probs, strict=False)
              if label[:2] == root[:2]]
    return max(inside)[1] if inside else root


def decide(model: EventModel, feats: list[str], vec: np.ndarray) -> Decision | None:
    """The CAMEO code and modality of a candidate, or None when it is no event."""
    probs = model.event.proba(feats, vec)
    labels = model.event.labels
    none_at = labels.index(NONE)
    if probs[none_at] >= NONE_MAX:
        return None
    order = np.argsort(-probs)
    best = next(int(i) for i in order if int(i) != none_at)
    root_p = float(probs[best])
    code = _fine(model, feats, vec, labels[best])
    mod_probs = model.modality.proba(feats, vec)
    mod_at = int(np.argmax(mod_probs))
    confidence = root_p * float(mod_probs[mod_at])
    return Decision(code, model.modality.labels[mod_at], round(min(max(confidence, 0.0), 1.0), 4))


class LearnedCoder:
    """Codes a parsed document's events with a trained :class:`EventModel`."""

    def __init__(self, model: EventModel, lex: EventLexicon, onto: Ontology,
                 settings: Settings) -> None:
        self.model = model
        self.lex = lex
        self.onto = onto
        self.settings = settings

    def _roles(self, tok: Token, refs: list[MentionRef],
               link: ActorLink) -> tuple[list[MentionRef], MentionRef | None]:
        """The source mentions (with their conjuncts) and the target mention."""
        if not refs:
            return [], None
        rule_args = rule_arguments(link, tok, self.lex)
        lemma = tok.lemma_.lower()
        role = self.model.role
        probs = [role.proba(pair_features(tok, r, link, rule_args, lemma)) for r in refs]
        src_at, tgt_at = role.labels.index("source"), role.labels.index("target")
        source = _best(refs, probs, src_at, set(), ROLE_MIN["source"])
        used = {source.head.i} if source is not None else set()
        target = _best(refs, probs, tgt_at, used, ROLE_MIN["target"])
        sources = [source] if source is not None else []
        if source is not None:
            conj = {t.i for t in source.head.conjuncts}
            sources += [r for r in refs if r.head.i in conj and r is not target]
        return sources, target

    def _actor(self, ref: MentionRef | None, doc: Document, sent: Span) -> EventActor:
        if ref is None:
            return EventActor()
        return with_country(to_event_actor(ref.mention), doc, sent)

    def candidates(self, sent: Span, link: ActorLink) -> list[EventCandidate]:
        """Every candidate the model codes as an event, one per source."""
        refs = sentence_mentions(link, sent)
        out: list[EventCandidate] = []
        cues = sentence_cues(sent)
        for tok in candidate_tokens(sent, self.lex, self.model.event_nouns):
            feats = trigger_features(tok, self.lex, cues)
            decision = decide(self.model, feats, _vector_for(self.model.event.dense, tok))
            if decision is None:
                continue
            negated, hypothetical = _NOT_DONE.get(decision.modality, (False, False))
            sources, target = self._roles(tok, refs, link)
            clause = tok.head if tok.pos_ == "NOUN" and tok.head.lemma_ in LIGHT_VERBS else tok
            tgt = self._actor(target, link.doc, sent)
            if target is None and self.onto.info(decision.cameo).quad_class in (3, 4):
                tgt = place_target(link.doc, clause) or tgt  # "shelled Juba": where it hit
            options: list[MentionRef | None] = list(sources) or [None]
            for src_ref in options:
                cand = EventCandidate(decision.cameo, tok, clause,
                                      self._actor(src_ref, link.doc, sent), tgt,
                                      f"learned:{tok.lemma_.lower()}:{decision.modality}",
                                      negated, hypothetical)
                cand.extra["confidence"] = decision.confidence
                cand.extra["modality"] = decision.modality
                out.append(cand)
        return out

    def code(self, doc: Document) -> list[Event]:
        """Every event of a parsed document, numbered in text order."""
        link = ActorLink(doc)
        found: list[tuple[Span, int, list[EventCandidate]]] = []
        for index, sent in enumerate(doc.spacy.sents):
            if tabular(sent):
                continue
            kept = [c for c in self.candidates(sent, link) if _keep(c, self.settings)]
            found.append((sent, index, kept))
        return finish_events(doc, found, self.settings, self.onto)


#: A mention becomes the source or target when the model gives it that role with at least
#: this probability (and more than any other mention); below it, the side stays empty.
ROLE_MIN = {"source": 0.35, "target": 0.3}


def _best(refs: list[MentionRef], probs: list[np.ndarray], at: int, used: set[int],
          minimum: float) -> MentionRef | None:
    """The mention most likely in role ``at``, when that is likely enough."""
    best, best_p = None, minimum
    for ref, p in zip(refs, probs, strict=False):
        if ref.head.i in used:
            continue
        if float(p[at]) >= best_p:
            best, best_p = ref, float(p[at])
    return best
