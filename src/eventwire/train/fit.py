"""Fitting the event model's heads with scikit-learn and writing them as plain arrays.

Why the files are written by hand: ``numpy.savez`` stamps each member with the current time,
so two trainings with the same seed would give different bytes. Here the zip members carry a
fixed date, features and labels are sorted, and weights are rounded, so the same corpus and
seed give identical files.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from eventwire.events.weights import FORMAT

__all__ = ["Head", "fit_head", "write_model"]

_STAMP = (1980, 1, 1, 0, 0, 0)


class Head:
    """A fitted classifier: vocabulary, labels, weights (rows x (vocab + dense)), bias."""

    def __init__(self, vocab: list[str], labels: list[str], weights: np.ndarray,
                 bias: np.ndarray, dense: int) -> None:
        self.vocab = vocab
        self.labels = labels
        self.weights = weights
        self.bias = bias
        self.dense = dense


def _vocab(rows: list[list[str]], min_count: int) -> list[str]:
    counts: Counter[str] = Counter(f for row in rows for f in set(row))
    return sorted(f for f, n in counts.items() if n >= min_count)


def _matrix(rows: list[list[str]], vocab: list[str], vecs: list[np.ndarray] | None,
            dense: int) -> sparse.csr_matrix:
    index = {f: i for i, f in enumerate(vocab)}
    data, cols, ptr = [], [], [0]
    for row in rows:
        found = sorted({index[f] for f in row if f in index})
        cols.extend(found)
        data.extend([1.0] * len(found))
        ptr.append(len(cols))
    shape = (len(rows), len(vocab))
    matrix = sparse.csr_matrix((data, cols, ptr), shape=shape, dtype=np.float64)
    if not dense or vecs is None:
        return matrix
    block = np.zeros((len(rows), dense))
    for i, vec in enumerate(vecs):
        if vec.shape[0] == dense:
            block[i] = vec
    return sparse.hstack([matrix, sparse.csr_matrix(block)], format="csr")


def fit_head(rows: list[list[str]], labels: list[str], *, seed: int, c: float,
             min_count: int = 2, vecs: list[np.ndarray] | None = None,
             dense: int = 0) -> Head:
    """A multinomial logistic regression over sparse features (and a dense vector)."""
    vocab = _vocab(rows, min_count)
    classes = sorted(set(labels))
    if len(classes) < 2:  # one label only: a constant classifier that always says it
        classes = [*classes, "_never"]
        rows_n = 1
        weights = np.zeros((rows_n, len(vocab) + dense))
        bias = np.array([-20.0 if classes[1] == "_never" else 20.0])
        return Head(vocab, classes, weights, bias, dense)
    x = _matrix(rows, vocab, vecs, dense)
    model = LogisticRegression(C=c, max_iter=1000, random_state=seed, tol=1e-5)
    model.fit(x, np.array(labels))
    fitted_w: np.ndarray = np.round(np.asarray(model.coef_, dtype=np.float64), 5)
    fitted_b: np.ndarray = np.round(np.asarray(model.intercept_, dtype=np.float64), 5)
    return Head(vocab, [str(c_) for c_ in model.classes_], fitted_w, fitted_b, dense)


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(arrays[name]),
                                      allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, member.getvalue())
    return buffer.getvalue()


def write_model(folder: Path, heads: dict[str, Head], event_nouns: frozenset[str],
                meta: dict[str, Any]) -> list[Path]:
    """Write ``events.json`` and ``events.npz`` into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {}
    for name, head in heads.items():
        arrays[f"{name}_W"] = head.weights.astype(np.float32)
        arrays[f"{name}_b"] = head.bias.astype(np.float32)
    info = {
        "format": FORMAT,
        **meta,
        "labels": {name: head.labels for name, head in heads.items()},
        "dense": {name: head.dense for name, head in heads.items()},
        "event_nouns": sorted(event_nouns),
        "vocab": {name: head.vocab for name, head in heads.items()},
    }
    paths = [folder / "events.json", folder / "events.npz"]
    paths[0].write_text(json.dumps(info, ensure_ascii=False, indent=0, sort_keys=False) + "\n",
                        encoding="utf-8")
    paths[1].write_bytes(_npz_bytes(arrays))
    return paths
