"""The resolver's weights are data: read from weights.yaml, every key required."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.config import load_yaml
from eventwire.errors import DictionaryError
from eventwire.model import Document
from eventwire.places.gazetteer import DATA
from eventwire.places.resolve import Resolver
from eventwire.places.stages import PlacesStage
from eventwire.places.weights import (
    TERMS,
    WEIGHTS_FILE,
    Weights,
    factors_yaml,
    load_weights,
    read_weights,
)
from tests.places.helpers import by_text

SHIPPED = (DATA / WEIGHTS_FILE).read_text("utf-8")


def _shipped() -> dict:
    return load_yaml(SHIPPED)


def test_the_shipped_file_gives_every_weight() -> None:
    weights = load_weights()
    assert isinstance(weights, Weights)
    assert set(weights.term_factors) == set(TERMS)
    assert isinstance(weights.max_cell_candidates, int)
    assert weights.feature_bonus["PCLI"] > weights.feature_bonus["ADM1"]


def test_a_missing_weight_is_an_error_naming_it() -> None:
    data = _shipped()
    del data["cue"]
    with pytest.raises(DictionaryError) as info:
        read_weights(data, "mine.yaml")
    assert info.value.code == "E252"
    assert "'cue'" in str(info.value) and "mine.yaml" in str(info.value)


def test_an_unknown_or_misspelt_weight_is_an_error() -> None:
    data = _shipped()
    data["qualifed"] = data.pop("qualified")
    with pytest.raises(DictionaryError, match="qualifed"):
        read_weights(data, "mine.yaml")


@pytest.mark.parametrize(
    ("key", "value"),
    [("cue", "high"), ("cue", True), ("max_cell_candidates", 2.5), ("feature_bonus", 3)],
)
def test_a_weight_of_the_wrong_type_is_an_error(key: str, value: object) -> None:
    data = _shipped()
    data[key] = value
    with pytest.raises(DictionaryError, match=key):
        read_weights(data, "mine.yaml")


def test_term_factors_must_name_every_term() -> None:
    data = _shipped()
    del data["term_factors"]["near"]
    with pytest.raises(DictionaryError, match="term_factors"):
        read_weights(data, "mine.yaml")


def test_an_unreadable_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError) as info:
        load_weights(tmp_path / "none.yaml")
    assert info.value.code == "E252"


def test_written_factors_load_back_in_term_order() -> None:
    factors = {name: 1.0 + i / 10 for i, name in enumerate(TERMS)}
    head = SHIPPED[: SHIPPED.index("term_factors:")]
    weights = read_weights(load_yaml(head + factors_yaml(factors)), "written.yaml")
    assert dict(weights.term_factors) == factors


def test_the_resolver_scores_with_the_weights_it_is_given(pipeline) -> None:
    # The qualifier settles the town; with its term's factor at zero and the prior alone
    # left, the biggest place of the name wins instead.
    text = "The rodeo opened in Paris, Texas, on Saturday."
    parse = pipeline.get_stage("parse")
    shipped = PlacesStage({}, pipeline.config)
    flat = PlacesStage({}, pipeline.config)
    only_prior = {name: (1.0 if name == "prior" else 0.0) for name in TERMS}
    flat._resolver = Resolver(
        shipped.resolver.gaz,
        shipped.resolver.cues,
        dataclasses.replace(load_weights(), term_factors=only_prior),
    )
    kept = by_text(shipped(parse(Document(doc_id="a", source="t", text=text))))["Paris"]
    assert kept.country == "USA" and kept.lon is not None and -100 < kept.lon < -94
    moved = by_text(flat(parse(Document(doc_id="b", source="t", text=text))))["Paris"]
    assert moved.country == "FRA"

