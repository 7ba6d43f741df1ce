"""Where the learned event coder loses event F1, measured on the corpus's train split only.

Why a script of its own: the corpus's ``test`` split is there to report, never to tune on,
so every choice about the event model (features, thresholds, how roles are picked) is made
on K-fold cross-validation by scenario group inside ``train``. Each fold trains the model on
the other folds (the same code as ``eventwire train events``), codes its own sentences with
the learned coder and splits every missed gold event into one cause:

* ``a: no candidate`` / ``a: the model says no event`` / ``a: another root``: trigger and
  root detection;
* ``a: coded, not asserted`` / ``a: coded, no actor`` / ``a: coded, one event per act``:
  the model codes the right trigger, and a step after it drops the event (its modality, the
  actor ``require_actor`` asks for, the one-event-per-act and duplicate checks);
* ``b: source`` / ``c: target`` / ``b+c: both``: the right act with the wrong actor(s);
* ``d: no mention carries the country``: the gold actor's country is on no actor mention
  of the sentence (an actor the actors stage does not code, or one taken from context);
* ``e: found once, a second gold event alike``: the sentence's gold has two events with
  the same root and countries (two acts, or one act told twice) and the output one.

A second table splits the wrong sources and targets: none where the gold has one, one where
the gold has none, another one; and for a gold actor some mention carries, the role head's
probability for the best such mention, or that only the event's other actor carries the
country (a domestic act: "Chile called up 20,000 reservists", the reservists no mention).

Decoding choices are scored on the same fold models: ``--variant NAME:FIELD=VALUE,...``
(fields of :class:`eventwire.events.learned.Decoding`) adds one, so a decoding-only change
needs no refit. ``--cache DIR`` keeps the parsed sentences and the fold models between
runs (pickles this script writes): empty it when the parse, the actors stage, the features
or the trainer change, or the cached models read features they were not trained on.

``--in-sample`` fits one model on the whole train split and codes those same sentences:
the same causes, with nothing in them that comes from generalising to unseen scenarios
(what the model cannot fit, or what no model of these features and actor mentions could).

Run from the repository root: ``python scripts/events_crossval.py [--folds 3]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pickle
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Span

from eventwire.events.actorlink import ActorLink, to_event_actor
from eventwire.events.coder import EventCandidate, Settings, _keep
from eventwire.events.context import with_country
from eventwire.events.features import candidate_tokens, sentence_mentions
from eventwire.events.learned import Decoding, LearnedCoder, unit_rows
from eventwire.events.lexicon import builtin_lexicon
from eventwire.events.ontology import load_ontology
from eventwire.events.weights import EventModel, LinearModel
from eventwire.model import Document, Event
from eventwire.pipeline import build_pipeline
from eventwire.train.corpus import CorpusEvent, CorpusSentence, read_corpus
from eventwire.train.events import _heads, fine_labels
from eventwire.train.examples import Rows, collect, noun_triggers, trigger_token
from eventwire.train.fit import Head
from eventwire.train.parsing import full_config, parse_sentences
from eventwire.train.score import _country, _gold_key, _key, _matched

Pair = tuple[CorpusSentence, Document]
CAUSES = ["ok", "a: no candidate at the trigger", "a: the model says no event",
          "a: coded, not asserted", "a: coded, no actor (require_actor)",
          "a: coded, one event per act", "a: another root", "b: source", "c: target",
          "b+c: both", "d: no mention carries the country",
          "e: found once, a second gold event alike"]
SETTINGS = Settings(coder="learned", require_actor="any")
T = TypeVar("T")


def _fold(group: str, folds: int) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % folds


def _linear(head: Head) -> LinearModel:
    return LinearModel(tuple(head.labels), {f: i for i, f in enumerate(head.vocab)},
                       head.weights, head.bias, head.dense)


def _train(pairs: list[Pair], seed: int) -> EventModel:
    """The event model fitted on ``pairs``, in memory (what ``eventwire train events``
    writes to disk)."""
    lex, onto = builtin_lexicon(statements=False), load_ontology()
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


class Reader:
    """One fold's coder on one parsed sentence, with what the diagnosis needs."""

    def __init__(self, coder: LearnedCoder, doc: Document) -> None:
        self.coder, self.doc = coder, doc
        self.link = ActorLink(doc)
        self.vectors = unit_rows(doc.spacy.tensor, coder.model.event.dense)
        self._cands: dict[int, list[EventCandidate]] = {}

    def sent_of(self, gold: CorpusEvent) -> Span | None:
        return next((s for s in self.doc.spacy.sents
                     if s.start_char <= gold.trigger.start < s.end_char), None)

    def cands(self, sent: Span) -> list[EventCandidate]:
        if sent.start not in self._cands:
            self._cands[sent.start] = self.coder.candidates(sent, self.link, self.vectors)
        return self._cands[sent.start]

    def lost_at_trigger(self, gold: CorpusEvent) -> str:
        """Why no event came out at a gold trigger."""
        sent = self.sent_of(gold)
        tok = trigger_token(sent, gold) if sent is not None else None
        if sent is None or tok is None or tok not in candidate_tokens(
                sent, self.coder.lex, self.coder.model.event_nouns, self.link):
            return CAUSES[1]
        here = [c for c in self.cands(sent) if c.trigger.i == tok.i]
        if not here:
            return CAUSES[2]
        if all(c.negated or c.hypothetical for c in here):
            return CAUSES[3]
        if not any(_keep(c, SETTINGS) for c in here):
            return CAUSES[4]
        return CAUSES[5]

    def role_detail(self, gold: CorpusEvent, event: Event, side: str) -> str:
        """How a wrong source or target is wrong, and what the role head gave the best
        mention carrying the gold country."""
        want = _country(gold.source if side == "source" else gold.target)
        got = (event.source if side == "source" else event.target).country or None
        kind = "none where gold has one" if got is None else \
            "one where gold has none" if want is None else "another"
        if want is None:
            return f"{side}: {kind}"
        sent = self.sent_of(gold)
        tok = trigger_token(sent, gold) if sent is not None else None
        if sent is None or tok is None:
            return f"{side}: {kind}, no token"
        refs = sentence_mentions(self.link, sent)
        other = (event.target if side == "source" else event.source).text
        carry = [i for i, r in enumerate(refs)
                 if with_country(to_event_actor(r.mention), self.doc, sent).country == want]
        if carry and all(refs[i].mention.text == other for i in carry):
            return f"{side}: {kind}, only the other actor carries the country"
        known = (self.link.match(tok, self.coder.lex),)
        probs, _ = self.coder.role_probs(tok, refs, self.link, known, event.cameo_root)
        at = self.coder.model.role.labels.index(side)
        best = max((float(probs[i][at]) for i in carry), default=-1.0)
        bucket = "no mention" if best < 0 else "p<0.1" if best < 0.1 else \
            "p 0.1-0.2" if best < 0.2 else "p 0.2-0.3" if best < 0.3 else "p>=0.3"
        return f"{side}: {kind}, gold mention {bucket}"


def _cause(gold: CorpusEvent, output: list[Event], reachable: set[str], reader: Reader,
           detail: Counter[str]) -> str:
    root, source, target = _gold_key(gold)
    here = [e for e in output if _at(e, gold)]
    if not here:
        return reader.lost_at_trigger(gold)
    right = [e for e in here if e.cameo_root == root]
    if not right:
        return CAUSES[6]

    def wrong(e: Event) -> tuple[bool, bool]:
        return (e.source.country or None) != source, (e.target.country or None) != target

    event = min(right, key=lambda e: sum(wrong(e)))
    bad_source, bad_target = wrong(event)
    if not (bad_source or bad_target):  # matched by another gold event with the same key
        return CAUSES[11]
    if any(bad and country is not None and country not in reachable
           for bad, country in ((bad_source, source), (bad_target, target))):
        return CAUSES[10]
    for bad, side in ((bad_source, "source"), (bad_target, "target")):
        if bad:
            detail[reader.role_detail(gold, event, side)] += 1
    if bad_source and bad_target:
        return CAUSES[9]
    return CAUSES[7] if bad_source else CAUSES[8]


def _tally_modality(reader: Reader, sentence: CorpusSentence, tally: Counter[str]) -> None:
    """Modality accuracy as ``eventwire train score`` reads it: over the gold events of any
    modality whose trigger the model codes as an event, the modality it gives there."""
    for gold in sentence.events:
        sent = reader.sent_of(gold)
        tok = trigger_token(sent, gold) if sent is not None else None
        if sent is None or tok is None:
            continue
        here = [c for c in reader.cands(sent) if c.trigger.i == tok.i]
        if here:
            tally["modality_read"] += 1
            tally["modality_right"] += here[0].extra["modality"] == gold.modality


def _score_fold(model: EventModel, pairs: list[Pair], decoding: Decoding,
                tally: Counter[str], detail: Counter[str]) -> None:
    coder = LearnedCoder(model, builtin_lexicon(statements=False), load_ontology(), SETTINGS,
                         decoding)
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
        reader = Reader(coder, doc)
        _tally_modality(reader, sentence, tally)
        for gold in sentence.events:
            if not gold.coded:
                continue
            key = _gold_key(gold)
            if left[key] > 0:
                left[key] -= 1
                tally[CAUSES[0]] += 1
            else:
                tally[_cause(gold, output, reachable, reader, detail)] += 1


def _variant(text: str) -> tuple[str, Decoding]:
    """``NAME:FIELD=VALUE,...`` -> a named :class:`Decoding` (values as the field's type)."""
    name, _, spec = text.partition(":")
    types = {f.name: type(getattr(Decoding(), f.name)) for f in dataclasses.fields(Decoding)}
    values: dict[str, object] = {}
    for item in filter(None, spec.split(",")):
        field, _, value = item.partition("=")
        kind = types[field]
        values[field] = value.lower() in {"1", "true", "yes"} if kind is bool else kind(value)
    return name, Decoding(**values)  # type: ignore[arg-type]


def _cached(path: Path | None, make: Callable[[], T]) -> T:
    """``make()``, kept in a pickle at ``path`` (this script's own file) when one is given."""
    if path is not None and path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]  # noqa: S301
    value = make()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            pickle.dump(value, fh)
    return value


def _parse(sentences: list[CorpusSentence]) -> list[Pair]:
    config = full_config()  # every stage before events: the places a target may fall back to
    config["pipeline"] = config["pipeline"][:config["pipeline"].index("events")]
    return list(parse_sentences(sentences, build_pipeline(config)))


def _report(name: str, folds: int, tally: Counter[str], detail: Counter[str]) -> None:
    p = tally["matched"] / tally["output"] if tally["output"] else 0.0
    r = tally["matched"] / tally["gold"] if tally["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    how = f"{folds}-fold by group" if folds else "in sample"
    print(f"\n[{name}] train split, {how}: {tally['gold']} gold events, "
          f"{tally['output']} output, P {p:.3f} R {r:.3f} F1 {f1:.3f}; modality "
          f"{tally['modality_right'] / max(tally['modality_read'], 1):.3f} of "
          f"{tally['modality_read']} read")
    print(f"{'gold asserted events by cause':40s} {'events':>7s} {'share':>6s}")
    for cause in CAUSES:
        print(f"{cause:40s} {tally[cause]:7d} {tally[cause] / tally['gold']:6.3f}")
    print(f"{'wrong actors, by side':60s} {'events':>7s}")
    for key, n in sorted(detail.items()):
        print(f"{key:60s} {n:7d}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path("corpus/events"))
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--variant", action="append", default=[],
                    help="NAME:FIELD=VALUE,... a decoding to score besides the shipped one")
    ap.add_argument("--cache", type=Path, default=None,
                    help="a folder keeping the parsed train split and the fold models")
    ap.add_argument("--in-sample", action="store_true",
                    help="train on the whole train split and code it: what the model "
                         "cannot fit even on sentences it was trained on")
    args = ap.parse_args()
    sentences = [s for s in read_corpus(args.corpus) if s.split == "train"]
    cache = args.cache
    pairs = _cached(cache and cache / "parsed.pkl", lambda: _parse(sentences))
    variants = [("shipped", Decoding()), *(_variant(v) for v in args.variant)]
    tallies = {name: (Counter[str](), Counter[str]()) for name, _ in variants}
    if args.in_sample:
        model = _cached(cache and cache / f"all-seed-{args.seed}.pkl",
                        partial(_train, pairs, args.seed))
        for name, decoding in variants:
            _score_fold(model, pairs, decoding, *tallies[name])
    for k in range(0 if args.in_sample else args.folds):
        fit = [p for p in pairs if _fold(p[0].group, args.folds) != k]
        held = [p for p in pairs if _fold(p[0].group, args.folds) == k]
        model = _cached(cache and cache / f"fold-{k}-of-{args.folds}-seed-{args.seed}.pkl",
                        partial(_train, fit, args.seed))
        for name, decoding in variants:
            _score_fold(model, held, decoding, *tallies[name])
    for name, _ in variants:
        _report(name, 0 if args.in_sample else args.folds, *tallies[name])


if __name__ == "__main__":
    main()
