"""Score eventwire on PETRARCH's own unit suite (exact match of each record's event set).

Usage: python bench/petrarch_check.py [RECORDS_JSONL] [--show N] [--set KEY=VALUE ...]

Codes each record's text with ``--dictionary petrarch:DIR`` (DIR = the records' folder,
holding the PETR.Validate.* dictionaries) and compares the set of (source, target, code)
triples with the record's ``expected`` set. Prints the exact-match share, event precision
and recall, and the records that crashed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.api import code_text, load_pipeline, make_config
from eventwire.eval.petrarch import RecordOptions

#: The shared data folder beside the repository (found relative to it, not by an absolute path).
SHARED = Path(__file__).resolve().parents[2] / "shared"

DEFAULT = SHARED / "eval/dev/petrarch-unit/records.jsonl"


def _date(raw: str) -> str | None:
    raw = (raw or "").strip()
    if len(raw) == 8 and raw.isdigit():
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return None


def _predicted(doc: object) -> set[tuple[str, str, str]]:
    return {
        (e.source.code or "", e.target.code or "", e.cameo)
        for e in getattr(doc, "events", [])
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("records", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", type=int, default=0, help="print this many mismatches")
    ap.add_argument("--set", action="append", default=[], dest="overrides")
    ap.add_argument("--codes-only", action="store_true",
                    help="compare the sets of codes only (checks verb coding without actors)")
    args = ap.parse_args()
    path = Path(args.records)
    config = make_config(overrides=args.overrides, dictionaries=[f"petrarch:{path.parent}"])
    pipeline = load_pipeline(config)
    record_options = RecordOptions(config)
    exact = tp = n_pred = n_gold = crashed = 0
    shown = 0
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    for rec in records:
        gold = {(g["source"], g["target"], g["code"]) for g in rec.get("expected") or []}
        doc = code_text(rec["text"], pipeline=pipeline, dct=_date(rec.get("date", "")),
                        doc_id=rec["id"])
        record_options.apply(doc, rec.get("config") or {})
        if doc.error is not None:
            crashed += 1
        pred = _predicted(doc)
        if args.codes_only:
            gold = {("", "", c) for _, _, c in gold}
            pred = {("", "", c) for _, _, c in pred}
        exact += pred == gold
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
        if pred != gold and shown < args.show:
            shown += 1
            print(f"{rec['id']}: {rec['text'][:160]}\n  gold {sorted(gold)}\n  got  {sorted(pred)}")
    total = len(records)
    print(f"exact {exact}/{total} = {exact / total:.1%}; "
          f"precision {tp / max(n_pred, 1):.2f}; recall {tp / max(n_gold, 1):.2f}; "
          f"crashed {crashed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
