"""How well a coder reads the corpus's test split: event F1 and modality accuracy.

Why these two: an event counts when its CAMEO root and both actors' countries are right
(what a user of the data aggregates on), and modality says whether the coder tells an act
from a threat, a denial, a plan or a rumour. Both are measured by running the whole
pipeline on each test sentence, as a user would, with any ``--set`` overrides.

Event F1 matches, sentence by sentence, the coded events (the gold ``asserted`` ones)
against the output as multisets of (root, source country, target country); a missing actor
or one without a country is None on either side. Modality accuracy is read with negated and
hypothetical events kept, over the gold events (of any modality) whose trigger the coder
read: the learned coder names the modality, the rule coders' flags read as ``negated``,
``hypothetical`` or ``asserted``. ``coded_accuracy`` asks only "coded or not".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventwire.actors.lexicon import CAMEO_COUNTRIES
from eventwire.model import Document, Event
from eventwire.pipeline import build_pipeline
from eventwire.train.corpus import CorpusEvent, CorpusSentence, Span, read_corpus
from eventwire.train.corpus import _countries as countries
from eventwire.train.parsing import full_config, parse_sentences

__all__ = ["Score", "score_corpus"]


@dataclass(frozen=True)
class Score:
    """The figures of one coder on one split."""

    sentences: int
    gold: int
    predicted: int
    matched: int
    modality_read: int
    modality_right: int
    coded_right: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def modality_accuracy(self) -> float:
        return self.modality_right / self.modality_read if self.modality_read else 0.0

    @property
    def coded_accuracy(self) -> float:
        return self.coded_right / self.modality_read if self.modality_read else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"sentences": self.sentences, "gold_events": self.gold,
                "output_events": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "modality_read": self.modality_read,
                "modality_accuracy": round(self.modality_accuracy, 3),
                "coded_accuracy": round(self.coded_accuracy, 3)}


def _country(span: Span | None) -> str | None:
    code = (span.code or "") if span is not None else ""
    head = CAMEO_COUNTRIES.get(code[:3], code[:3])  # the corpus writes CAMEO's KSV
    return head if head in countries() else None


def _gold_key(event: CorpusEvent) -> tuple[str, str | None, str | None]:
    return event.cameo[:2], _country(event.source), _country(event.target)


def _key(event: Event) -> tuple[str, str | None, str | None]:
    return event.cameo_root, event.source.country or None, event.target.country or None


def _matched(gold: list[tuple[str, str | None, str | None]], output: list[Event]) -> int:
    left = Counter(gold)
    hits = 0
    for event in output:
        key = _key(event)
        if left[key] > 0:
            left[key] -= 1
            hits += 1
    return hits


def modality_of(event: Event) -> str:
    """The modality an event was coded with (learned rule names carry it)."""
    if event.rule.startswith("learned:"):
        return event.rule.rsplit(":", 1)[-1]
    if event.negated:
        return "negated"
    return "hypothetical" if event.hypothetical else "asserted"


def _modality(gold: CorpusEvent, events: list[Event]) -> str | None:
    start, end = gold.trigger.start, gold.trigger.end
    for event in events:
        if event.trigger_start is not None and event.trigger_end is not None \
                and event.trigger_start < end and start < event.trigger_end:
            return modality_of(event)
    return None


def _docs(sentences: list[CorpusSentence], overrides: list[str]) -> list[Document]:
    pipeline = build_pipeline(full_config(overrides))
    return [doc for _, doc in parse_sentences(sentences, pipeline)]


def score_sentences(sentences: list[CorpusSentence], overrides: Iterable[str] = ()) -> Score:
    """Run the whole pipeline on ``sentences`` twice (as configured, and keeping flagged
    events for modality) and score it."""
    overrides = list(overrides)
    coded = _docs(sentences, overrides)
    kept = _docs(sentences, [*overrides, "stages.events.keep_negated=true",
                             "stages.events.keep_hypothetical=true",
                             "stages.events.require_actor=none"])
    gold = predicted = matched = read = right = coded_right = 0
    for sentence, doc, wide in zip(sentences, coded, kept, strict=False):
        keys = [_gold_key(e) for e in sentence.events if e.coded]
        gold += len(keys)
        predicted += len(doc.events)
        matched += _matched(keys, doc.events)
        for event in sentence.events:
            found = _modality(event, wide.events)
            if found is None:
                continue
            read += 1
            right += found == event.modality
            coded_right += (found == "asserted") == event.coded
    return Score(len(sentences), gold, predicted, matched, read, right, coded_right)


def score_corpus(corpus: Path, split: str = "test", overrides: Iterable[str] = ()) -> Score:
    """The coder's figures on one split of the corpus (``test`` by default)."""
    sentences = [s for s in read_corpus(corpus) if s.split == split]
    return score_sentences(sentences, overrides)
