"""Score eventwire's events on the PLOVER gold-standard records (one sentence each).

Usage: python bench/plover_check.py [DEV_JSONL] [--show N] [--misses N] [--set KEY=VALUE ...]

``--show N`` lists N sentences whose gold type is missing; ``--misses N`` lists N whose
type is found but not with the gold source and target countries (the dyad misses).

Metrics (as ../shared/eval/README.md): event-type recall (the gold type, older names
mapped onto current PLOVER, among the sentence's predicted types), dyad recall (type and
source country and, where gold has one, target country) and extra events per sentence
(predicted events beyond the one gold event).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.api import code_text, load_pipeline, make_config

#: The shared data folder beside the repository (found relative to it, not by an absolute path).
SHARED = Path(__file__).resolve().parents[2] / "shared"

DEFAULT = SHARED / "eval/dev/plover-gsr/dev.jsonl"
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT"}


def _countries(actors: list[dict[str, str]] | None) -> set[str]:
    return {a.get("code") or "" for a in actors or []} - {""}


def _names(actor: object) -> set[str]:
    """What a predicted actor can match: its country and its code's first three letters
    (gold writes IGO for any intergovernmental organisation)."""
    code = getattr(actor, "code", None) or ""
    return {getattr(actor, "country", None) or "", code[:3]} - {""}


def _dyad_ok(rec: dict, events: list, gold_type: str) -> bool:
    src, tgt = _countries(rec.get("source")), _countries(rec.get("target"))
    for ev in events:
        if ev.plover.event_type != gold_type:
            continue
        if src and not (_names(ev.source) & src):
            continue
        if tgt and not (_names(ev.target) & tgt):
            continue
        return True
    return False


def _print_miss(rec: dict, gold: str, text: str, events: list) -> None:
    src, tgt = sorted(_countries(rec.get("source"))), sorted(_countries(rec.get("target")))
    got = [(e.cameo, e.trigger, e.source.code, e.target.code) for e in events
           if e.plover.event_type == gold]
    print(f"{gold} {src}->{tgt}: {text[:150]}\n   got {got}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("records", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--set", action="append", default=[], dest="overrides")
    args = ap.parse_args()
    pipeline = load_pipeline(make_config(overrides=args.overrides))
    lines = Path(args.records).read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    typed = dyad = extra = worst = 0
    shown = missed = 0
    for rec in records:
        gold = OLD_NAMES.get(rec["event"], rec["event"])
        text = rec["text"].strip("{} ")
        doc = code_text(text, pipeline=pipeline, dct=rec.get("date") or None)
        types = [e.plover.event_type for e in doc.events]
        hit = gold in types
        typed += hit
        dyad_hit = _dyad_ok(rec, doc.events, gold)
        dyad += dyad_hit
        if hit and not dyad_hit and missed < args.misses:
            missed += 1
            _print_miss(rec, gold, text, doc.events)
        extra += max(len(doc.events) - 1, 0) if hit else len(doc.events)
        worst = max(worst, len(doc.events))
        if not hit and shown < args.show:
            shown += 1
            got = [(e.cameo, e.plover.event_type, e.trigger, e.source.country,
                    e.target.country) for e in doc.events]
            print(f"{gold}: {text[:150]}\n   got {got}")
    n = len(records)
    print(f"type recall {typed}/{n} = {typed / n:.1%}; dyad recall {dyad}/{n} = {dyad / n:.1%}; "
          f"extra events/sentence {extra / n:.2f}; max events in a sentence {worst}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
