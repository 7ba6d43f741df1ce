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
from functools import lru_cache

import numpy as np
from spacy.tokens import Span, Token

from eventwire.actors.lookup import listed_with
from eventwire.events.actorlink import ActorLink, to_event_actor
from eventwire.events.coder import (
    EventCandidate,
    Found,
    Settings,
    _keep,
    finish_events,
    is_mutual,
    tabular,
)
from eventwire.events.context import place_target, with_country
from eventwire.events.features import (
    LIGHT_VERBS,
    MentionRef,
    candidate_matches,
    class_roots,
    mentions_by_head,
    mentions_by_sentence,
    pair_features,
    rule_arguments,
    sentence_cues,
    sentence_mentions,
    trigger_features,
)
from eventwire.events.lexicon import EventLexicon
from eventwire.events.matching import Match
from eventwire.events.ontology import Ontology
from eventwire.events.timecues import sentence_times
from eventwire.events.tree import Tree
from eventwire.events.weights import EventModel
from eventwire.model import Document, Event, EventActor

__all__ = ["LearnedCoder", "Decision", "Decoding", "decide", "decide_many", "trigger_vector",
           "NONE"]

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


def unit_rows(tensor: np.ndarray | None, dense: int) -> np.ndarray | None:
    """Every row of a document's ``doc.tensor`` scaled to unit length, computed once per
    document (what :func:`trigger_vector` gives token by token); None when the tensor is
    missing or of another width than the model's (another spaCy model: the sparse
    features still code)."""
    if tensor is None or getattr(tensor, "ndim", 0) != 2 or tensor.shape[1] != dense:
        return None
    rows = np.asarray(tensor, dtype=np.float64)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)  # type: ignore[no-any-return]


def _vectors_at(rows: np.ndarray | None, dense: int, at: list[int]) -> np.ndarray:
    """The rows of tokens ``at`` of a document's :func:`unit_rows`, by one gather (zeros
    for a token past the tensor's end, or for all when there is no tensor)."""
    out = np.zeros((len(at), dense))
    if rows is not None and at:
        where = np.asarray(at)
        inside = where < rows.shape[0]
        out[inside] = rows[where[inside]]
    return out


#: A candidate is an event when the model gives "no event" less than this probability.
#: Chosen by cross-validation by scenario group on the corpus's train split (0.5 against 0.6:
#: event F1 up on each fold, and a sixth fewer events output). Since the event head reads
#: the actors around a candidate, event F1 is flat from 0.35 to 0.6 (0.323 to 0.325), and
#: 0.45 is the largest value that outputs no more events than the model before it did.
NONE_MAX = 0.45


@dataclass(frozen=True, slots=True)
class Decoding:
    """How the heads' probabilities become events: one value object, so that
    ``scripts/events_crossval.py`` can score other choices on the same fold models and the
    shipped values are the ones chosen there (docs/model-card-events.md).

    ``none_max``: a candidate is an event when P(no event) is below it. ``source_min`` /
    ``target_min``: a mention takes a role when the role head gives it at least that (and
    more than any other mention); below it, the side stays empty, or (``rule_target``) the
    target is the rule-based argument finder's object. ``reciprocal_roots``: the CAMEO
    roots of acts done with one another (intent to cooperate, consult, diplomatic and
    material cooperation, fight), whose coordinated sources with no target act on each
    other; ``reciprocal_codes`` adds the codes of ``mutual_codes`` of the lexicon, as the
    rules coder reads them. ``place_target``: which acts with no target mention take the
    place in the trigger's clause as target ("any", "conflict" for QuadClass 3 and 4, or
    "none").
    ``target_conjuncts``: the target's conjuncts are targets too, as the source's are
    sources. ``shared_heads``: mentions over the same head word are one actor each, in
    the same role ("Syrian and Russian warplanes" is a Syrian and a Russian actor, both
    the source). ``destinations``: where an act with no target goes is its place target
    too ("flew to Tehran"). ``listed_sources``: the names a headline lists with commas
    with the source are sources too ("Trump, Putin agree").
    """

    none_max: float = NONE_MAX
    source_min: float = 0.35
    target_min: float = 0.3
    rule_target: bool = True
    reciprocal_roots: str = "03 04 05 06 19"
    reciprocal_codes: bool = False
    place_target: str = "any"
    target_conjuncts: bool = True
    shared_heads: bool = True
    destinations: bool = True
    listed_sources: bool = True


def _fine(model: EventModel, probs: np.ndarray, root: str) -> str:
    """The finer CAMEO code within ``root`` that the code head's ``probs`` like best."""
    inside = _codes_of(model.code.labels).get(root[:2])
    if not inside:
        return root
    return str(max((float(probs[i]), model.code.labels[i]) for i in inside)[1])


@lru_cache(maxsize=8)
def _codes_of(labels: tuple[str, ...]) -> dict[str, list[int]]:
    """The code head's label positions by CAMEO root, worked out once per model."""
    out: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        out.setdefault(label[:2], []).append(i)
    return out


def decide(model: EventModel, feats: list[str], vec: np.ndarray,
           decoding: Decoding | None = None) -> Decision | None:
    """The CAMEO code and modality of a candidate, or None when it is no event."""
    probs = model.event.proba(feats, vec)
    return decide_many(model, probs[None, :], [feats], vec[None, :], decoding)[0]


def decide_many(model: EventModel, probs: np.ndarray, feats: list[list[str]],
                vecs: np.ndarray, decoding: Decoding | None = None,
                floor: float = 0.0) -> list[Decision | None]:
    """:func:`decide` of a sentence's candidates, from the event head's probabilities
    ``probs`` (one row each). Why at once: the code and modality heads then score all the
    events of a sentence in one call each, as the event head scores its candidates.
    ``floor``: the least confidence wanted; since a decision's confidence is at most its
    root's probability, a candidate whose best root is less likely is no event here, and
    the code and modality heads do not score it."""
    decoding = decoding or Decoding()
    labels = model.event.labels
    none_at = labels.index(NONE)
    roots = probs.copy()
    roots[:, none_at] = -np.inf
    top = np.max(roots, axis=1) if len(feats) else np.zeros(0)
    events = [at for at in range(len(feats))
              if probs[at, none_at] < decoding.none_max and top[at] >= floor]
    out: list[Decision | None] = [None] * len(feats)
    if not events:
        return out
    roots = roots[events]
    best = np.argmax(roots, axis=1)
    codes = _codes_of(model.code.labels)
    finer = [n for n, b in enumerate(best) if codes.get(labels[b][:2])]
    code_probs = model.code.proba_many([feats[events[n]] for n in finer],
                                       vecs[[events[n] for n in finer]])
    fine = dict(zip(finer, code_probs, strict=True))
    mod_probs = model.modality.proba_many([feats[at] for at in events], vecs[events])
    for n, at in enumerate(events):
        root = labels[best[n]]
        code = _fine(model, fine[n], root) if n in fine else root
        mod_at = int(np.argmax(mod_probs[n]))
        confidence = float(probs[at, best[n]]) * float(mod_probs[n, mod_at])
        out[at] = Decision(code, model.modality.labels[mod_at],
                           round(min(max(confidence, 0.0), 1.0), 4))
    return out


class LearnedCoder:
    """Codes a parsed document's events with a trained :class:`EventModel`."""

    def __init__(self, model: EventModel, lex: EventLexicon, onto: Ontology,
                 settings: Settings, decoding: Decoding | None = None) -> None:
        self.model = model
        self.lex = lex
        self.onto = onto
        self.settings = settings
        self.decoding = decoding or Decoding()

    def role_probs(self, tok: Token, refs: list[MentionRef], link: ActorLink,
                   match: tuple[Match | None], act: str | None = None,
                   ) -> tuple[list[np.ndarray], tuple[int | None, int | None]]:
        """The role head's (none, source, target) probabilities of every mention for the
        trigger ``tok`` coded as an act of CAMEO root ``act``, and the heads the rule-based
        argument finder takes."""
        rule_args = rule_arguments(link, tok, self.lex, match)
        lemma, roots = tok.lemma_.lower(), class_roots(tok)
        rows = [pair_features(tok, r, link, rule_args, lemma, roots, refs, act) for r in refs]
        return list(self.model.role.proba_many(rows)), rule_args

    def _roles(self, tok: Token, refs: list[MentionRef], link: ActorLink,
               match: tuple[Match | None], act: str,
               ) -> tuple[list[MentionRef], MentionRef | None]:
        """The source mentions (with their conjuncts) and the target mention (its conjuncts
        are added by :meth:`_dyads`) of an act of CAMEO root ``act``."""
        if not refs:
            return [], None
        probs, rule_args = self.role_probs(tok, refs, link, match, act)
        labels, dec = self.model.role.labels, self.decoding
        src_at, tgt_at = labels.index("source"), labels.index("target")
        source = _best(refs, probs, src_at, set(), dec.source_min)
        used = {source.head.i} if source is not None else set()
        target = _best(refs, probs, tgt_at, used, dec.target_min)
        if target is None and dec.rule_target:  # unsure: the rule-based finder's object
            target = next((r for r in refs if r.head.i == rule_args[1] and r.head.i not in used),
                          None)
        sources = [source] if source is not None else []
        if source is not None:
            conj = {t.i for t in source.head.conjuncts}
            if self.decoding.shared_heads:
                conj.add(source.head.i)
            if self.decoding.listed_sources:
                listed = listed_with(link.doc, source.mention, tok.sent.start_char)
                conj |= {r.head.i for r in refs if any(r.mention is m for m in listed)}
            sources += [r for r in refs if r.head.i in conj and r is not target
                        and r is not source]
        return sources, target

    def _actor(self, ref: MentionRef | None, doc: Document, sent: Span) -> EventActor:
        if ref is None:
            return EventActor()
        return with_country(to_event_actor(ref.mention), doc, sent)

    def _dyads(self, tok: Token, clause: Token, refs: list[MentionRef], link: ActorLink,
               match: tuple[Match | None], cameo: str,
               sent: Span | None = None) -> list[tuple[EventActor, EventActor]]:
        """(source, target) of each event the trigger gives: one per source and target,
        with the target's conjuncts ("condemned France and Germany"). Sources coordinated
        with no target of an act done with one another act on each other ("Japan and India
        signed a pact", "rebels and troops clashed"), as a careful coder reads them; else a
        place in the trigger's clause is the target ("shelled Juba", "visited Beirut")."""
        sources, target = self._roles(tok, refs, link, match, cameo[:2])
        doc, sent = link.doc, tok.sent if sent is None else sent
        actors = [self._actor(ref, doc, sent) for ref in sources] or [EventActor()]
        if target is None and len(actors) > 1 and self._mutual(cameo):
            return [(a, b) for a in actors for b in actors
                    if a is not b and (a.code or a.text) != (b.code or b.text)]
        tgt = self._actor(target, doc, sent)
        if target is None and self._placed(cameo):
            tgt = place_target(doc, clause, self.decoding.destinations) or tgt
        targets = [tgt]
        if target is not None and self.decoding.target_conjuncts:
            taken = {ref.head.i for ref in sources}
            conj = {t.i for t in target.head.conjuncts} - taken
            if self.decoding.shared_heads and target.head.i not in taken:
                conj.add(target.head.i)
            targets += [self._actor(r, doc, sent) for r in refs
                        if r.head.i in conj and r is not target]
        return [(src, t) for src in actors for t in targets]

    def _mutual(self, cameo: str) -> bool:
        """Whether coordinated sources of an act with no target act on each other."""
        if self.decoding.reciprocal_codes and is_mutual(cameo, self.lex):
            return True
        return cameo[:2] in self.decoding.reciprocal_roots.split()

    def _placed(self, cameo: str) -> bool:
        """Whether an act with no target mention may take its place as target."""
        where = self.decoding.place_target
        return where == "any" or where == "conflict" and self.onto.info(cameo).quad_class in (3, 4)

    def candidates(self, sent: Span, link: ActorLink, vectors: np.ndarray | None = None,
                   tree: Tree | None = None) -> list[EventCandidate]:
        """Every candidate the model codes as an event, one per source; ``vectors`` are
        the document's :func:`unit_rows` (computed here when not given) and ``tree`` its
        children lists (each candidate walks its own when not given)."""
        if vectors is None:
            vectors = unit_rows(sent.doc.tensor, self.model.event.dense)
        refs = sentence_mentions(link, sent)
        read = self._read(sent, tree, link, refs)
        return self._events(read, self._decide([read], vectors)[0], link, refs)

    def _read(self, sent: Span, tree: Tree | None, link: ActorLink,
              refs: list[MentionRef]) -> _Read:
        """A sentence's candidates, their lexicon matches and features (``link``: the
        actor lookups of the document the sentence is of, whose date its time cues are
        measured from; ``refs``: the sentence's actor mentions)."""
        doc = link.doc
        words = None if tree is None else tree.tokens[sent.start:sent.end]
        cues = sentence_cues(sent, words)
        times = sentence_times(doc, sent)
        found = candidate_matches(sent, self.lex, self.model.event_nouns, words, link)
        toks = [tok for tok, _ in found]
        matches = [match for _, match in found]
        actors = mentions_by_head(refs)
        feats = [trigger_features(tok, self.lex, cues, m, sent, tree, times, actors)
                 for tok, m in zip(toks, matches, strict=True)]
        return _Read(sent, toks, matches, feats)

    def _decide(self, reads: list[_Read], vectors: np.ndarray | None, floor: float = 0.0,
                ) -> list[list[Decision | None]]:
        """The decisions on the candidates of sentences, in one batch per head: a head
        costs about as much for a document's candidates at once as for one sentence's
        (``floor``: the least confidence of an event wanted, see :func:`decide_many`)."""
        dense = self.model.event.dense
        feats = [f for read in reads for f in read.feats]
        vecs = _vectors_at(vectors, dense, [tok.i for read in reads for tok in read.toks])
        probs = self.model.event.proba_many(feats, vecs)
        decisions = decide_many(self.model, probs, feats, vecs, self.decoding, floor)
        out, at = [], 0
        for read in reads:
            out.append(decisions[at:at + len(read.toks)])
            at += len(read.toks)
        return out

    def _events(self, read: _Read, decisions: list[Decision | None], link: ActorLink,
                refs: list[MentionRef], floor: float | None = None) -> list[EventCandidate]:
        """A sentence's events from its candidates' decisions and its actor mentions
        ``refs``: one per source and target. With a ``floor``, a decision the settings
        would not keep (less confident than the floor, or an act not done that is not
        kept) finds no actors: that is most of the cost of an event."""
        sent = read.sent
        out: list[EventCandidate] = []
        for tok, match, decision in zip(read.toks, read.matches, decisions, strict=True):
            if decision is None or floor is not None and not self._wanted(decision, floor):
                continue
            negated, hypothetical = _NOT_DONE.get(decision.modality, (False, False))
            clause = tok.head if tok.pos_ == "NOUN" and tok.head.lemma_ in LIGHT_VERBS else tok
            rule = f"learned:{tok.lemma_.lower()}:{decision.modality}"
            for src, tgt in self._dyads(tok, clause, refs, link, match, decision.cameo, sent):
                cand = EventCandidate(decision.cameo, tok, clause, src, tgt, rule,
                                      negated, hypothetical)
                cand.extra["confidence"] = decision.confidence
                cand.extra["modality"] = decision.modality
                out.append(cand)
        return out

    def _wanted(self, decision: Decision, floor: float) -> bool:
        """Whether the settings keep an event of this decision."""
        negated, hypothetical = _NOT_DONE.get(decision.modality, (False, False))
        return decision.confidence >= floor \
            and (self.settings.keep_negated or not negated) \
            and (self.settings.keep_hypothetical or not hypothetical)

    def code(self, doc: Document) -> list[Event]:
        """Every event of a parsed document, numbered in text order."""
        return finish_events(doc, self.sentence_candidates(doc), self.settings, self.onto)

    def sentence_candidates(self, doc: Document, with_actors: bool = False,
                            floor: float = 0.0, link: ActorLink | None = None) -> Found:
        """The kept candidates of each sentence of a parsed document that is not a table;
        ``with_actors``: only of the sentences with an actor mention (what the hybrid coder
        adds elsewhere is an act whose only actor is a place, and reading every sentence
        of a long local story costs the most); ``floor``: only events of at least this
        confidence (the hybrid coder's ``learned_min``), besides ``min_confidence``;
        ``link``: the document's actor lookups, when the rules share them)."""
        floor = max(floor, self.settings.min_confidence)
        link = ActorLink(doc) if link is None else link
        vectors = unit_rows(doc.spacy.tensor, self.model.event.dense)
        tree = Tree(doc.spacy)
        sents = [(index, sent) for index, sent in enumerate(doc.spacy.sents)
                 if not tabular(sent, tree.tokens[sent.start:sent.end])]
        refs = mentions_by_sentence(link, [sent for _, sent in sents])
        if with_actors:
            sents, refs = [s for s, own in zip(sents, refs, strict=True) if own], \
                [own for own in refs if own]
        reads = [self._read(sent, tree, link, own) for (_, sent), own in zip(sents, refs,
                                                                             strict=True)]
        found: Found = []
        for (index, sent), read, decisions, own in zip(sents, reads,
                                                       self._decide(reads, vectors, floor),
                                                       refs, strict=True):
            kept = [c for c in self._events(read, decisions, link, own, floor)
                    if _keep(c, self.settings)]
            found.append((sent, index, kept))
        return found


@dataclass(frozen=True, slots=True)
class _Read:
    """What the event head reads of a sentence: its candidates, each one's lexicon match
    (a one-tuple) and features."""

    sent: Span
    toks: list[Token]
    matches: list[tuple[Match | None]]
    feats: list[list[str]]


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
