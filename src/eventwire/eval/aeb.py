"""``aeb``: an article-extraction benchmark folder (``ground-truth.json`` + ``html/``).

Only the clean stage runs: it turns each page into text, which is compared with the page's gold
``articleBody`` over shingles of 4 consecutive tokens (words matched by ``\\w+``, case
kept), counted with multiplicity. Headline figures are micro-averaged (counts summed over
pages); the benchmark's own page-averaged figures are reported too, for comparison with
published results.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from eventwire.errors import Errors
from eventwire.eval.base import Gold, Report, gold_error, make_document, run_documents
from eventwire.eval.files import read_bytes, read_text
from eventwire.eval.metrics import mean_or_none, prf, shingle_counts
from eventwire.eval.registry import Kind
from eventwire.pipeline import Pipeline

__all__ = ["AebItem", "AebReport", "load", "page_scores", "KIND"]

GROUND_TRUTH = "ground-truth.json"


@dataclass(frozen=True)
class AebItem:
    """One page: its id, the path of its HTML and the gold article body."""

    id: str
    location: str
    html: Path
    body: str


def _html_path(folder: Path, key: str) -> Path | None:
    for name in (f"{key}.html.gz", f"{key}.html"):
        candidate = folder / "html" / name
        if candidate.exists():
            return candidate
    return None


def _item(folder: Path, key: str, entry: Any) -> AebItem:
    if not isinstance(entry, dict) or not isinstance(entry.get("articleBody"), str):
        raise ValueError("an entry needs a string 'articleBody'")
    html = _html_path(folder, key)
    if html is None:
        raise ValueError(f"no html/{key}.html.gz or html/{key}.html")
    return AebItem(key, f"{GROUND_TRUTH}[{key}]", html, entry["articleBody"])


def load(path: Path) -> Gold[AebItem]:
    """Read the ground truth of a benchmark folder (or of its ``ground-truth.json``)."""
    folder = path if path.is_dir() else path.parent
    truth_path = folder / GROUND_TRUTH
    try:
        truth = json.loads(read_text(truth_path))
    except json.JSONDecodeError as exc:
        raise gold_error(Errors.E501_truth, str(truth_path), path=truth_path, reason=exc) from exc
    if not isinstance(truth, dict):
        raise gold_error(Errors.E501_truth_map, str(truth_path), path=truth_path)
    gold: Gold[AebItem] = Gold()
    for key in sorted(truth):
        try:
            gold.items.append(_item(folder, key, truth[key]))
        except ValueError as exc:
            gold.skip(f"{GROUND_TRUTH}[{key}]", str(exc))
    return gold


def page_scores(tp: int, fp: int, fn: int) -> tuple[float | None, float | None]:
    """One page's (precision, recall) as the benchmark computes them; None if undefined."""
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


@dataclass
class AebReport(Report):
    """Figures of the ``aeb`` KIND."""

    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    benchmark_precision: float | None = None
    benchmark_recall: float | None = None
    benchmark_f1: float | None = None
    tokenizer: str = r"\w+ (Unicode word characters, case kept), 4-token shingles"

    FIGURES: ClassVar[tuple[str, ...]] = (
        "precision",
        "recall",
        "f1",
        "benchmark_precision",
        "benchmark_recall",
        "benchmark_f1",
    )


def report_from(counts: Sequence[tuple[int, int, int]], path: str, crashed: int = 0) -> AebReport:
    """Micro-averaged and page-averaged figures of per-page (tp, fp, fn)."""
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    micro = prf(tp, tp + fp, tp, tp + fn)
    pages = [page_scores(*c) for c in counts]
    bp = mean_or_none(p for p, _ in pages if p is not None)
    br = mean_or_none(r for _, r in pages if r is not None)
    bf = 2 * bp * br / (bp + br) if bp is not None and br is not None and bp + br else None
    return AebReport(
        kind=KIND.name,
        path=path,
        crashed=crashed,
        precision=micro.precision,
        recall=micro.recall,
        f1=micro.f1,
        benchmark_precision=bp,
        benchmark_recall=br,
        benchmark_f1=bf,
    )


def article_text(record: dict[str, object]) -> str:
    """The article as extracted: the text, after the dateline the clean stage moved to
    ``meta`` (the benchmark's gold bodies keep it; the coder must not read it)."""
    text = str(record.get("text") or "")
    meta = record.get("meta")
    dateline = meta.get("dateline") if isinstance(meta, dict) else None
    return f"{dateline} {text}" if dateline else text


def score(items: Sequence[AebItem], pipeline: Pipeline, path: str) -> AebReport:
    """Run the system over every page and compare its text with the gold body."""
    docs = (
        make_document(it.id, read_bytes(it.html), source=it.location, fmt="html") for it in items
    )
    counts, crashed = [], 0
    errors: list[str] = []
    for item, outcome in zip(items, run_documents(pipeline, docs, errors), strict=True):
        crashed += outcome.crashed
        counts.append(shingle_counts(item.body, article_text(outcome.record or {})))
    report = report_from(counts, path, crashed)
    report.crash_examples = errors
    return report


KIND = Kind(
    name="aeb",
    summary="HTML extraction benchmark folder (ground-truth.json + html/*.html.gz)",
    load=load,
    score=score,
    stages=("clean",),
)
