"""Score the ``times`` stage on TimeML files and list its mistakes.

Runs only clean (verbatim, so offsets are the file's), dating, parse and times over the
text of each file, dated by its ``<DCT>``, and scores them with the same counts as
``eventwire eval timeml``. ``--show`` prints every missed, spurious and wrongly valued
expression, which the eval command does not.

    python bench/timeml_check.py [PATH] [--show]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventwire.api import load_pipeline, make_config
from eventwire.eval.metrics import overlaps
from eventwire.eval.timeml import SpanCounts, TimemlItem, Timex, load, report_from, score_spans
from eventwire.model import Document
from eventwire.pipeline import Pipeline

#: The shared data folder beside the repository (found relative to it, not by an absolute path).
SHARED = Path(__file__).resolve().parents[2] / "shared"

DEFAULT = SHARED / "eval/dev/te3-platinum"
STAGES = ["clean", "dating", "parse", "times"]


def _predict(pipeline: Pipeline, item: TimemlItem) -> list[Timex]:
    doc = Document(doc_id=item.id, source=item.location, raw=item.text, dct=item.dct)
    doc = pipeline(doc)
    if doc.error is not None:
        raise doc.error
    if doc.text != item.text:
        raise SystemExit(f"{item.id}: verbatim cleaning changed the text; offsets would not match")
    return [Timex(m.start, m.end, m.type, m.value) for m in doc.times]


def _show(item: TimemlItem, pred: list[Timex]) -> None:
    text = item.text
    for g in item.timexes:
        hits = [p for p in pred if overlaps((p.start, p.end), (g.start, g.end))]
        gold = f"{text[g.start:g.end]!r} {g.type} {g.value}"
        if not hits:
            print(f"  MISS  {gold}   ...{text[max(0, g.start - 40):g.end + 20]!r}")
        elif hits[0].value != g.value or hits[0].type != g.type:
            p = hits[0]
            print(f"  VALUE {gold} -> {text[p.start:p.end]!r} {p.type} {p.value}")
    for p in pred:
        if not any(overlaps((p.start, p.end), (g.start, g.end)) for g in item.timexes):
            ctx = text[max(0, p.start - 30):p.end + 20]
            print(f"  EXTRA {text[p.start:p.end]!r} {p.type} {p.value}   ...{ctx!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", action="store_true", help="list every mistake")
    args = parser.parse_args()
    config = make_config(overrides=["stages.clean.verbatim=true"])
    config["pipeline"] = STAGES
    pipeline = load_pipeline(config)
    gold = load(args.path)
    total = SpanCounts()
    began = time.perf_counter()
    for item in gold.items:
        pred = _predict(pipeline, item)
        total.add(score_spans(item.timexes, pred))
        if args.show:
            print(f"{item.id} (DCT {item.dct})")
            _show(item, pred)
    elapsed = time.perf_counter() - began
    report = report_from(total, str(args.path))
    for name in report.FIGURES:
        value = getattr(report, name)
        print(f"{name:18s} {value:.3f}" if value is not None else f"{name:18s} -")
    print(f"gold {total.gold}  predicted {total.pred}  files {len(gold.items)}  "
          f"{elapsed:.1f}s")


if __name__ == "__main__":
    main()
