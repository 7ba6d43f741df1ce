"""The place resolver's scoring weights, read from ``data/places/weights.yaml``.

Why a data file: the weights are judgements that ``bench/geo_weights.py`` checks and
refits on gold data; kept as data, a refit is a diff of one YAML file that anyone can read,
and the code holds no number to keep in step with it. Every key is required: a weight
that silently fell back to a default would make a typo look like a measured choice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from eventwire.config import load_yaml
from eventwire.errors import Errors
from eventwire.places.gazetteer import DATA

__all__ = ["Weights", "TERMS", "WEIGHTS_FILE", "load_weights", "read_weights", "factors_yaml"]

WEIGHTS_FILE = "weights.yaml"
#: The named terms of a score (``Resolver.terms``), each scaled by its ``term_factors``.
TERMS = ("prior", "alias", "qualified", "story_country", "neighbour", "story_state",
         "home_country", "home_state", "near_state", "near", "capital_over_state", "list",
         "cue")


@dataclass(frozen=True)
class Weights:
    """Every weight of the resolver; see ``weights.yaml`` for what each one rewards."""

    feature_bonus: Mapping[str, float]
    us_state: float
    alias_only: float
    alias_min_population: int
    neighbour: float
    capital_over_state: float
    clear_margin: float
    near_clear: float
    near_any: float
    near_max: float
    close_km: float
    near_close: float
    near_max_close: float
    max_cell_candidates: int
    qualified: float
    list_kind: float
    story_country: float
    story_state: float
    near_story_state: float
    near_state_km: float
    cue: float
    ambiguous_margin: float
    ambiguous_km: float
    home_state: float
    home_country: float
    home_min_votes: float
    ambiguous_vote: float
    vote_min_population: int
    outlet_votes: float
    term_factors: Mapping[str, float]


def _number(key: str, value: Any, kind: type, source: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Errors.E252_number.error(file=source, key=key, value=value, stage="places")
    if kind is int and not float(value).is_integer():
        raise Errors.E252_whole.error(file=source, key=key, value=value, stage="places")
    return kind(value)


def _table(key: str, value: Any, source: str, keys: tuple[str, ...] = ()) -> dict[str, float]:
    if not isinstance(value, dict):
        raise Errors.E252_table.error(file=source, key=key, value=value, stage="places")
    if keys and set(value) != set(keys):
        raise Errors.E252_keys.error(file=source, key=key, keys=", ".join(keys),
                                     stage="places")
    return {str(k): _number(f"{key}.{k}", v, float, source) for k, v in value.items()}


def read_weights(data: Any, source: str) -> Weights:
    """Weights from a parsed YAML mapping; a DictionaryError (E252) names a bad key."""
    if not isinstance(data, dict):
        raise Errors.E252_weights.error(file=source, stage="places")
    fields = {f.name: f for f in dataclasses.fields(Weights)}
    missing, unknown = sorted(set(fields) - set(data)), sorted(set(data) - set(fields))
    if missing or unknown:
        raise Errors.E252_fields.error(file=source, missing=missing, unknown=unknown,
                                       stage="places")
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name == "feature_bonus":
            values[name] = _table(name, value, source)
        elif name == "term_factors":
            values[name] = _table(name, value, source, TERMS)
        else:
            values[name] = _number(name, value, int if fields[name].type == "int" else float,
                                   source)
    return Weights(**values)


@cache
def load_weights(path: Path | None = None) -> Weights:
    """The weights of a YAML file (the shipped one by default), read once per process."""
    source = str(path) if path is not None else f"data/places/{WEIGHTS_FILE}"
    try:
        text = path.read_text("utf-8") if path is not None else (
            (DATA / WEIGHTS_FILE).read_text("utf-8"))
        data = load_yaml(text)
    except (OSError, yaml.YAMLError) as exc:
        raise Errors.E252_read.error(file=source, reason=exc, stage="places") from exc
    return read_weights(data, source)


def factors_yaml(factors: Mapping[str, float]) -> str:
    """The ``term_factors`` line of a weights file, as ``bench/geo_weights.py`` writes it."""
    body = ", ".join(f"{name}: {round(float(factors[name]), 4)}" for name in TERMS)
    return f"term_factors: {{{body}}}\n"
