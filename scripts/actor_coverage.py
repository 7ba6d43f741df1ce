"""How many gold actors of the event corpus the ``actors`` stage gives a mention, and with
which country (train split only).

Why a script of its own: both event coders, the rules and the learned one, can only give
an event an actor the ``actors`` stage found. A gold source or target whose country no
mention carries is lost to either coder whatever it does with the trigger, so this is
measured on its own, on the corpus's ``train`` split (the ``test`` split is there to
report the coders, never to tune on).

For every gold source and target of the split whose CAMEO code has a country, the
sentence goes through eventwire's front stages (``clean``, ``dating``, ``parse``,
``actors``, as in training) and the span is put in one class:

* ``right``: an actor mention overlapping the span carries the gold country;
* ``other country``: overlapping mentions carry countries, none the gold one;
* ``no country``: overlapping mentions carry no country (a bare role, an organisation);
* ``no mention``: no actor mention overlaps the span.

A breakdown by the kind of the span's head (its part of speech and entity label, and
whether the gold code has a role) shows which phrases are missed. ``--samples N`` prints N
spans of each class that is not ``right``, with the mentions of their sentence.

Run from the repository root: ``python scripts/actor_coverage.py [--all] [--samples 20]``.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from eventwire.model import ActorMention, Document
from eventwire.train.corpus import CorpusSentence, Span, read_corpus
from eventwire.train.parsing import parse_sentences
from eventwire.train.score import _country

CLASSES = ["right", "other country", "no country", "no mention"]


@dataclass(frozen=True)
class Case:
    """One gold actor span and what the actors stage made of it."""

    sentence: CorpusSentence
    role: str
    span: Span
    gold: str
    klass: str
    kind: str
    mentions: tuple[ActorMention, ...]


def _same(country: str | None) -> str | None:
    return {"KSV": "XKX"}.get(country or "", country)


def classify(span: Span, gold: str, mentions: list[ActorMention]) -> tuple[str, list[ActorMention]]:
    """The class of one gold span and the mentions overlapping it."""
    over = [m for m in mentions if m.start < span.end and span.start < m.end]
    if not over:
        return "no mention", over
    countries = {_same(m.country) for m in over if m.country}
    if _same(gold) in countries:
        return "right", over
    return ("other country" if countries else "no country"), over


def kind_of(doc: Document, span: Span) -> str:
    """The span head's part of speech and entity label ("PROPN/GPE", "NOUN/-")."""
    sdoc = doc.spacy
    piece = sdoc.char_span(span.start, span.end, alignment_mode="expand") if sdoc else None
    if piece is None or len(piece) == 0:
        return "?"
    root = piece.root
    return f"{root.pos_}/{root.ent_type_ or '-'}"


def cases(sentences: list[CorpusSentence], coded_only: bool) -> list[Case]:
    """Every gold actor span with a country, classified."""
    found: list[Case] = []
    for sentence, doc in parse_sentences(sentences):
        mentions = list(doc.actors)
        for event in sentence.events:
            if coded_only and not event.coded:
                continue
            for role, span in (("source", event.source), ("target", event.target)):
                gold = _country(span)
                if span is None or gold is None:
                    continue
                klass, over = classify(span, gold, mentions)
                found.append(Case(sentence, role, span, gold, klass, kind_of(doc, span),
                                  tuple(over or mentions)))
    return found


def _share(part: int, whole: int) -> str:
    return f"{part:5d} ({part / whole:6.1%})" if whole else f"{part:5d}"


def report(found: list[Case]) -> None:
    """Shares per role and class, then the classes by the kind of the span's head."""
    for role in ("source", "target"):
        mine = [c for c in found if c.role == role]
        counts = Counter(c.klass for c in mine)
        print(f"{role}s with a country: {len(mine)}")
        for klass in CLASSES:
            print(f"  {klass:14s} {_share(counts[klass], len(mine))}")
    print("\nby kind of head (all roles): " + " | ".join(CLASSES))
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for case in found:
        by_kind[case.kind][case.klass] += 1
    for kind, counts in sorted(by_kind.items(), key=lambda kv: -sum(kv[1].values()))[:15]:
        total = sum(counts.values())
        cells = " ".join(f"{counts[k]:5d}" for k in CLASSES)
        print(f"  {kind:14s} {total:5d}: {cells}")


def samples(found: list[Case], n: int, seed: int) -> None:
    """``n`` random spans of each class that is not ``right``."""
    rng = random.Random(seed)
    for klass in CLASSES[1:]:
        pool = [c for c in found if c.klass == klass]
        print(f"\n== {klass} ({len(pool)}) ==")
        for case in rng.sample(pool, min(n, len(pool))):
            got = "; ".join(f"{m.text}={m.code}" for m in case.mentions) or "-"
            where = f"[{case.role} {case.gold} {case.kind}]"
            print(f"{where} {case.span.text!r} <- {case.sentence.text}")
            print(f"    mentions: {got}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default="corpus/events", type=Path)
    parser.add_argument("--all", action="store_true",
                        help="every gold event, not only the asserted (coded) ones")
    parser.add_argument("--samples", type=int, default=0, help="spans to show per class")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sentences = [s for s in read_corpus(args.corpus) if s.split == "train"]
    found = cases(sentences, coded_only=not args.all)
    print(f"train split: {len(sentences)} sentences, "
          f"{'all' if args.all else 'asserted'} events\n")
    report(found)
    if args.samples:
        samples(found, args.samples, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
