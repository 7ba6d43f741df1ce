"""The model files' linear heads: scoring many rows at once gives what one row gives."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.events.weights import LinearModel, read_event_model, shipped_model_dir


def _head(classes: int) -> LinearModel:
    rng = np.random.default_rng(7)
    vocab = ["a", "b", "c", "d"]
    dense = 3
    rows = 1 if classes == 2 else classes
    weights = rng.normal(size=(rows, len(vocab) + dense))
    labels = tuple(f"l{i}" for i in range(classes))
    return LinearModel(labels, {f: i for i, f in enumerate(vocab)}, weights,
                       rng.normal(size=rows), dense)


# Rows with no known feature at all sit between, before and after rows with some: the
# batched sum must give those the bias alone, not a neighbour's weights.
_ROWS = [[], ["a", "b"], ["zzz"], ["c", "c", "d"], [], ["b"], []]


@pytest.mark.parametrize("classes", [2, 5])
def test_many_rows_at_once_equal_one_row_at_a_time(classes: int) -> None:
    head = _head(classes)
    vectors = np.random.default_rng(3).normal(size=(len(_ROWS), 3))
    many = head.proba_many(_ROWS, vectors)
    one = np.array([head.proba(f, v) for f, v in zip(_ROWS, vectors, strict=True)])
    assert many.shape == (len(_ROWS), classes)
    np.testing.assert_allclose(many, one, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(many.sum(axis=1), 1.0)


def test_no_rows_give_an_empty_table() -> None:
    assert _head(5).proba_many([]).shape == (0, 5)


def test_the_shipped_event_head_scores_a_batch_as_it_scores_each_row() -> None:
    head = read_event_model(shipped_model_dir()).event
    names = list(head.index)[:40]
    rows = [names[i:i + 7] for i in range(0, 40, 5)] + [[]]
    vectors = np.zeros((len(rows), head.dense))
    one = np.array([head.proba(f, v) for f, v in zip(rows, vectors, strict=True)])
    np.testing.assert_allclose(head.proba_many(rows, vectors), one, rtol=1e-9, atol=1e-12)
