"""Article-body extraction on the article-extraction benchmark pages: eventwire vs trafilatura.

Usage: python bench/aeb_check.py [AEB_DIR]   (default ../shared/eval/dev/aeb-dev)

The metric is the benchmark's own: shingles of 4 consecutive ``\\w+`` tokens counted with
multiplicity; per page, true positives, false positives and false negatives normalised to
sum to 1; precision and recall averaged over pages; F1 from those averages. The plain
micro-average (counts summed over all pages) is printed too.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from statistics import mean

import trafilatura

from eventwire.api import make_config
from eventwire.errors import EventwireError
from eventwire.eval.metrics import shingle_counts
from eventwire.ingest.stages import CleanStage
from eventwire.model import Document

Counts = tuple[float, float, float]


def match(true: str, pred: str) -> Counts:
    """(tp, fp, fn) shingles, counted as the ``aeb`` evaluation counts them."""
    tp, fp, fn = shingle_counts(true, pred)
    return float(tp), float(fp), float(fn)


def benchmark_scores(counts: list[Counts]) -> dict[str, float]:
    normed = [tuple(x / sum(c) for x in c) if sum(c) else c for c in counts]
    precision = mean(1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in normed if tp + fp)
    recall = mean(1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in normed if tp + fn)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall),
    }


def micro_scores(counts: list[Counts]) -> dict[str, float]:
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r)}


def eventwire_text(stage: CleanStage, key: str, raw: bytes) -> str:
    doc = Document(doc_id=key, source=key, raw=raw, fmt="html")
    try:
        return stage(doc).text
    except EventwireError as exc:
        print(f"  {key[:12]}: {exc}", file=sys.stderr)
        return ""


def main(root: Path) -> None:
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    config = make_config()
    stage = CleanStage(config["stages"]["clean"], config)
    ours: list[Counts] = []
    lib: list[Counts] = []
    for key in sorted(truth):
        raw = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        gold = truth[key].get("articleBody", "")
        lib.append(
            match(gold, trafilatura.extract(raw.decode("utf-8"), include_comments=False) or "")
        )
        ours.append(match(gold, eventwire_text(stage, key, raw)))
    print(f"pages: {len(truth)}")
    for name, counts in (("trafilatura.extract", lib), ("eventwire clean", ours)):
        b, m = benchmark_scores(counts), micro_scores(counts)
        print(
            f"{name:<20} benchmark P={b['precision']:.3f} R={b['recall']:.3f} F1={b['f1']:.3f}"
            f"   micro P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}"
        )


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "aeb-dev"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
