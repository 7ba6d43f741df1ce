"""``eventwire train events``: the event model from the annotated corpus, reproducibly.

Only the corpus's ``train`` split is read for fitting; the ``test`` split is there to report
(:mod:`eventwire.train.score`). The same corpus and seed give byte-identical model files.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eventwire.events.lexicon import builtin_lexicon
from eventwire.events.ontology import Ontology, load_ontology
from eventwire.train.corpus import CorpusSentence, read_corpus
from eventwire.train.examples import Rows, collect, noun_triggers
from eventwire.train.fit import Head, fit_head, write_model
from eventwire.train.parsing import parse_sentences

__all__ = ["TrainReport", "train_events", "fine_labels"]

log = logging.getLogger(__name__)

#: A CAMEO code needs this many training events to be a label of its own; rarer codes are
#: learned as their root ("1951" -> "190"), so that no label rests on a handful of examples.
MIN_FINE = 12
DENSE = 96  # en_core_web_sm's doc.tensor width; other widths are ignored at coding time


@dataclass(frozen=True)
class TrainReport:
    """What was trained on and written."""

    sentences: int
    gold_events: int
    aligned_events: int
    rows: dict[str, int]
    paths: list[Path]


def fine_labels(sentences: list[CorpusSentence], known: Ontology) -> dict[str, str]:
    """Each CAMEO code of the corpus -> the label the model learns for it."""
    counts: Counter[str] = Counter(e.cameo for s in sentences for e in s.events)
    out = {}
    for code, n in counts.items():
        root = f"{code[:2]}0"
        out[code] = code if n >= MIN_FINE or root not in known else root
    return out


def _heads(rows: Rows, seed: int) -> dict[str, Head]:
    return {
        "event": fit_head(rows.trigger_feats, rows.event_labels, seed=seed, c=0.3,
                          min_count=2, vecs=rows.trigger_vecs, dense=DENSE),
        "code": fit_head(rows.modality_feats, rows.code_labels, seed=seed, c=0.5,
                         min_count=2, vecs=rows.modality_vecs, dense=DENSE),
        "modality": fit_head(rows.modality_feats, rows.modality_labels, seed=seed, c=0.5,
                             min_count=2, vecs=rows.modality_vecs, dense=DENSE),
        "role": fit_head(rows.role_feats, rows.role_labels, seed=seed, c=1.0, min_count=2),
    }


def train_events(corpus: Path, out: Path, seed: int = 0,
                 progress: Callable[[str], None] | None = None) -> TrainReport:
    """Fit the event model on the corpus's train split and write it into ``out``."""
    say = progress or log.info
    sentences = [s for s in read_corpus(corpus) if s.split == "train"]
    say(f"parsing {len(sentences)} training sentences")
    parsed = [(s, d) for s, d in parse_sentences(sentences)]
    lex = builtin_lexicon(statements=False)  # the lexicon the coders give the model
    nouns = noun_triggers(parsed)
    label_of = fine_labels(sentences, load_ontology())
    rows = Rows()
    for sentence, doc in parsed:
        collect(rows, sentence, doc, lex, nouns, label_of)
    say(f"fitting on {len(rows.event_labels)} candidates, {len(rows.modality_labels)} "
        f"aligned events, {len(rows.role_labels)} actor pairs")
    heads = _heads(rows, seed)
    meta = {
        "trained_on": {"sentences": len(sentences), "gold_events": rows.gold_events,
                       "aligned_events": rows.aligned_events, "split": "train"},
        "seed": seed,
        "min_fine": MIN_FINE,
    }
    paths = write_model(out, heads, nouns, meta)
    return TrainReport(len(sentences), rows.gold_events, rows.aligned_events,
                       {"candidates": len(rows.event_labels),
                        "events": len(rows.modality_labels),
                        "pairs": len(rows.role_labels)}, paths)
