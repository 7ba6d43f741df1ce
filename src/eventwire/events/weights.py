"""The learned event model's files: plain arrays and a JSON vocabulary, read with numpy.

Why not pickle: a pickled scikit-learn model runs code when it is loaded and breaks when
scikit-learn changes version. The trainer writes each linear classifier's weights to
``events.npz`` and the feature names and labels to ``events.json``; coding needs numpy only,
loads in milliseconds and cannot be made to execute anything.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.errors import Errors

__all__ = ["LinearModel", "EventModel", "load_event_model", "shipped_model_dir", "FORMAT"]

FORMAT = 1
HEADS = ("event", "code", "modality", "role")
@dataclass(frozen=True)
class LinearModel:
    """One multinomial logistic regression: sparse string features plus a dense vector."""

    labels: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # (classes or 1, sparse features + dense size)
    bias: np.ndarray  # (classes or 1,)
    dense: int

    def __post_init__(self) -> None:
        # The weights feature by feature (one contiguous row per feature): summing a few
        # rows is several times faster than gathering columns of the (classes, features)
        # matrix, and scoring runs for every candidate of every sentence. ``weights`` then
        # becomes a view of it, so each process holds the weights once, not twice.
        by_feature = np.ascontiguousarray(self.weights.T)
        object.__setattr__(self, "by_feature", by_feature)
        object.__setattr__(self, "weights", by_feature.T)

    def rows_of(self, feats: Sequence[str]) -> set[int]:
        """The weight rows of the features the head knows, each once: a feature listed
        twice counts once, as in training. One dict look-up per feature, and the set is of
        small ints, cheaper to build than a set of the strings."""
        rows = set(map(self.index.get, feats))
        rows.discard(None)
        return rows  # type: ignore[return-value]

    def scores(self, feats: Sequence[str], vector: np.ndarray | None = None) -> np.ndarray:
        rows = list(self.rows_of(feats))
        by_feature: np.ndarray = self.by_feature  # type: ignore[attr-defined]
        score = by_feature[rows].sum(axis=0) + self.bias
        if self.dense and vector is not None:
            score = score + vector @ by_feature[-self.dense:]
        return score

    def proba(self, feats: Sequence[str], vector: np.ndarray | None = None) -> np.ndarray:
        """The probability of each label, in ``labels`` order."""
        return _softmax(self.scores(feats, vector)[None, :])[0]

    def scores_many(self, feats: Sequence[Sequence[str]],
                    vectors: np.ndarray | None = None) -> np.ndarray:
        """:meth:`scores` of many rows at once, one per feature list (``vectors``: one dense
        row each). Why: a sentence has a dozen candidates, and one gather and one sum for
        all of them costs about what one candidate did alone."""
        by_feature: np.ndarray = self.by_feature  # type: ignore[attr-defined]
        rows: list[int] = []
        starts: list[int] = []
        for one in feats:
            starts.append(len(rows))
            rows.extend(self.rows_of(one))
        score = np.zeros((len(starts), by_feature.shape[1]))
        ends = [*starts[1:], len(rows)]
        filled = [i for i, (at, end) in enumerate(zip(starts, ends, strict=True)) if at < end]
        if filled:  # reduceat sums from each start to the next: rows with no feature skipped
            score[filled] = np.add.reduceat(by_feature[rows], [starts[i] for i in filled], axis=0)
        score += self.bias
        if self.dense and vectors is not None:
            score += vectors @ by_feature[-self.dense:]
        return score

    def proba_many(self, feats: Sequence[Sequence[str]],
                   vectors: np.ndarray | None = None) -> np.ndarray:
        """:meth:`proba` of many rows at once: one row of label probabilities each."""
        if not feats:
            return np.zeros((0, len(self.labels)))
        return _softmax(self.scores_many(feats, vectors))


def _softmax(score: np.ndarray) -> np.ndarray:
    """Label probabilities of rows of scores; a binary classifier keeps one weight row."""
    if score.shape[1] == 1:
        p = 1.0 / (1.0 + np.exp(-score[:, 0]))
        return np.stack([1.0 - p, p], axis=1)
    e = np.exp(score - score.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class EventModel:
    """The four heads and what they were trained on: ``event`` (no event, or the CAMEO
    root, as its root code "190"), ``code`` (the finer CAMEO code within the root),
    ``modality`` and ``role`` (none, source or target of an actor mention)."""

    event: LinearModel
    code: LinearModel
    modality: LinearModel
    role: LinearModel
    event_nouns: frozenset[str]
    meta: dict[str, Any]


def shipped_model_dir() -> Path:
    """The model that ships inside the package."""
    return Path(str(resources.files("eventwire").joinpath("data", "models", "events")))


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        meta = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise Errors.E241.error(path=path) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Errors.E242.error(path=path, reason=exc) from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise Errors.E242_format.error(path=path, format=FORMAT)
    return meta


def _read_arrays(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as data:
            return {name: np.asarray(data[name], dtype=np.float64) for name in data.files}
    except FileNotFoundError as exc:
        raise Errors.E241.error(path=path) from exc
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise Errors.E242.error(path=path, reason=exc) from exc


def _head(name: str, meta: dict[str, Any], arrays: dict[str, np.ndarray],
          where: Path) -> LinearModel:
    try:
        vocab = [str(f) for f in meta["vocab"][name]]
        labels = tuple(str(label) for label in meta["labels"][name])
        weights, bias = arrays[f"{name}_W"], arrays[f"{name}_b"]
        dense = int(meta["dense"][name])
    except (KeyError, TypeError, ValueError) as exc:
        raise Errors.E242_head.error(path=where, name=name, reason=exc) from exc
    rows = 1 if len(labels) == 2 else len(labels)
    if weights.shape != (rows, len(vocab) + dense) or bias.shape != (rows,):
        raise Errors.E242_shape.error(path=where, name=name, shape=weights.shape,
                                      expected=(rows, len(vocab) + dense))
    if not np.isfinite(weights).all() or not np.isfinite(bias).all():
        raise Errors.E242_finite.error(path=where, name=name)
    return LinearModel(labels, {f: i for i, f in enumerate(vocab)}, weights, bias, dense)


def read_event_model(folder: Path) -> EventModel:
    """The model in ``folder`` (``events.json`` + ``events.npz``), or a coded ModelError."""
    meta = _read_meta(folder / "events.json")
    arrays = _read_arrays(folder / "events.npz")
    heads = [_head(name, meta, arrays, folder / "events.npz") for name in HEADS]
    nouns = frozenset(str(n) for n in meta.get("event_nouns", []))
    return EventModel(heads[0], heads[1], heads[2], heads[3], nouns, meta)


@lru_cache(maxsize=4)
def load_event_model(folder: str | None = None) -> EventModel:
    """The model in ``folder`` (the shipped one when None), read once per process."""
    return read_event_model(Path(folder) if folder else shipped_model_dir())
