"""Where the learned event coder loses event F1, measured on the corpus's train split only.

Why a script of its own: the corpus's ``test`` split is there to report, never to tune on,
so every choice about the event model (features, thresholds, how roles are picked) is made
on K-fold cross-validation by scenario group inside ``train``. Each fold trains the model on
the other folds (the same code as ``eventwire train events``), codes its own sentences with
the learned coder and splits every missed gold event into one cause:

* ``a: no event at the trigger`` / ``a: another root``: trigger and root detection;
* ``b: source`` / ``c: target`` / ``b+c: both``: the right act with the wrong actor(s);
* ``d: no mention carries the country``: the gold actor's country is on no actor mention
  of the sentence (an actor the actors stage does not code, or one taken from context).

Run from the repository root: ``python scripts/events_crossval.py [--folds 3]``.
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from pathlib import Path

from eventwire.events.actorlink import ActorLink, to_event_actor
from eventwire.events.coder import Settings
from eventwire.events.context import with_country
from eventwire.events.features import sentence_mentions
from eventwire.events.learned import LearnedCoder
from eventwire.events.lexicon import builtin_lexicon
from eventwire.events.ontology import load_ontology
from eventwire.events.weights import EventModel, LinearModel
from eventwire.model import Document, Event
from eventwire.pipeline import build_pipeline
from eventwire.train.corpus import CorpusEvent, CorpusSentence, read_corpus
from eventwire.train.events import _heads, fine_labels
from eventwire.train.examples import Rows, collect, noun_triggers
from eventwire.train.fit import Head
from eventwire.train.parsing import full_config, parse_sentences
from eventwire.train.score import _gold_key, _key, _matched

Pair = tuple[CorpusSentence, Document]
CAUSES = ["ok", "a: no event at the trigger", "a: another root", "b: source", "c: target",
          "b+c: both", "d: no mention carries the country"]


def _fold(group: str, folds: int) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % folds


def _linear(head: Head) -> LinearModel:
    return LinearModel(tuple(head.labels), {f: i for i, f in enumerate(head.vocab)},
                       head.weights, head.bias, head.dense)


def _train(pairs: list[Pair], seed: int) -> EventModel:
    """The event model fitted on ``pairs``, in memory (what ``eventwire train events``
    writes to disk)."""
    lex, onto = builtin_lexicon(), load_ontology()
    nouns = noun_triggers(pairs)
    label_of = fine_labels([s for s, _ in pairs], onto)
    rows = Rows()
    for sentence, doc in pairs:
        collect(rows, sentence, doc, lex, nouns, label_of)
    heads = {name: _linear(head) for name, head in _heads(rows, seed).items()}
    return EventModel(heads["event"], heads["code"], heads["modality"], heads["role"], nouns,
                      {})


def _at(event: Event, gold: CorpusEvent) -> bool:
    start, end = event.trigger_start, event.trigger_end
    return start is not None and end is not None and start < gold.trigger.end \
        and gold.trigger.start < end


def _countries(doc: Document) -> set[str]:
    """Every country an actor mention of the document carries (as the coder sees it)."""
    link, out = ActorLink(doc), set()
    for sent in doc.spacy.sents:
        for ref in sentence_mentions(link, sent):
            actor = with_country(to_event_actor(ref.mention), doc, sent)
            if actor.country:
                out.add(actor.country)
    return out


def _cause(gold: CorpusEvent, output: list[Event], reachable: set[str]) -> str:
    root, source, target = _gold_key(gold)
    here = [e for e in output if _at(e, gold)]
    right = [e for e in here if e.cameo_root == root]
    if not here:
        return CAUSES[1]
    if not right:
        return CAUSES[2]
    event = right[0]
    bad_source = (event.source.country or None) != source
    bad_target = (event.target.country or None) != target
    if any(bad and country is not None and country not in reachable
           for bad, country in ((bad_source, source), (bad_target, target))):
        return CAUSES[6]
    if bad_source and bad_target:
        return CAUSES[5]
    return CAUSES[3] if bad_source else CAUSES[4]


def _score_fold(model: EventModel, pairs: list[Pair], tally: Counter[str]) -> None:
    coder = LearnedCoder(model, builtin_lexicon(), load_ontology(),
                         Settings(coder="learned", require_actor="any"))
    for sentence, doc in pairs:
        if doc.spacy is None:
            continue
        output = coder.code(doc)
        keys = [_gold_key(e) for e in sentence.events if e.coded]
        tally["gold"] += len(keys)
        tally["output"] += len(output)
        tally["matched"] += _matched(keys, output)
        left = Counter(_key(e) for e in output)
        reachable = _countries(doc)
        for gold in sentence.events:
            if not gold.coded:
                continue
            key = _gold_key(gold)
            if left[key] > 0:
                left[key] -= 1
                tally[CAUSES[0]] += 1
            else:
                tally[_cause(gold, output, reachable)] += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path("corpus/events"))
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    sentences = [s for s in read_corpus(args.corpus) if s.split == "train"]
    config = full_config()  # every stage before events: the places a target may fall back to
    config["pipeline"] = config["pipeline"][:config["pipeline"].index("events")]
    pairs = list(parse_sentences(sentences, build_pipeline(config)))
    tally: Counter[str] = Counter()
    for k in range(args.folds):
        fit = [p for p in pairs if _fold(p[0].group, args.folds) != k]
        held = [p for p in pairs if _fold(p[0].group, args.folds) == k]
        _score_fold(_train(fit, args.seed), held, tally)
    p = tally["matched"] / tally["output"] if tally["output"] else 0.0
    r = tally["matched"] / tally["gold"] if tally["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"train split, {args.folds}-fold by group: {tally['gold']} gold events, "
          f"{tally['output']} output, P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    print(f"{'gold asserted events by cause':40s} {'events':>7s} {'share':>6s}")
    for cause in CAUSES:
        print(f"{cause:40s} {tally[cause]:7d} {tally[cause] / tally['gold']:6.3f}")


if __name__ == "__main__":
    main()
