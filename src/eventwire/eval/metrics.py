"""Pure metric functions shared by the KINDs: counts in, numbers out, no I/O.

Kept apart from the parsers and the runs so that each can be tested with exact expected
numbers on hand-made inputs.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "ratio",
    "PRF",
    "prf",
    "overlaps",
    "haversine_km",
    "mean_or_none",
    "median_or_none",
    "tokens",
    "shingles",
    "shingle_counts",
    "span_match",
]

EARTH_RADIUS_KM = 6371.0088
_WORD = re.compile(r"\w+")


def ratio(num: float, den: float) -> float | None:
    """``num / den``, or None when there is nothing to divide by (no data is not zero)."""
    return num / den if den else None


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 (None where undefined)."""

    precision: float | None
    recall: float | None
    f1: float | None


def prf(
    tp_pred: int | float, n_pred: int | float, tp_gold: int | float, n_gold: int | float
) -> PRF:
    """P = matched predictions / predictions, R = matched gold / gold, F1 their harmonic mean.

    Matched predictions and matched gold are counted apart because overlap matching is not
    one-to-one: one long predicted span may cover two gold spans.
    """
    p = ratio(tp_pred, n_pred)
    r = ratio(tp_gold, n_gold)
    if p is None or r is None:
        return PRF(p, r, None)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def span_match(gold: tuple[int, int], preds: Sequence[tuple[int, int]]) -> int | None:
    """The index of the prediction overlapping ``gold`` the most, or None."""
    best, best_len = None, 0
    for i, pred in enumerate(preds):
        common = min(gold[1], pred[1]) - max(gold[0], pred[0])
        if common > best_len:
            best, best_len = i, common
    return best


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a spherical Earth (mean radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def mean_or_none(values: Iterable[float]) -> float | None:
    vals = list(values)
    return statistics.fmean(vals) if vals else None


def median_or_none(values: Iterable[float]) -> float | None:
    vals = list(values)
    return statistics.median(vals) if vals else None


def tokens(text: str) -> list[str]:
    """Words as the extraction benchmark counts them: runs of ``\\w`` characters, case kept."""
    return _WORD.findall(text or "")


def shingles(text: str, n: int = 4) -> list[tuple[str, ...]]:
    """Every run of ``n`` consecutive tokens; a text shorter than ``n`` is one shingle."""
    toks = tokens(text)
    if not toks:
        return []
    if len(toks) < n:
        return [tuple(toks)]
    return [tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)]


def shingle_counts(gold: str, pred: str, n: int = 4) -> tuple[int, int, int]:
    """(tp, fp, fn) over shingles counted with multiplicity."""
    g, p = Counter(shingles(gold, n)), Counter(shingles(pred, n))
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp
