"""The anchor rules' word lists, read by name from ``data/anchor/words.yaml``.

Why a data file: which prepositions put an event at a time or on a path is vocabulary that
users read and extend there, not in the rules' code. A name the file lacks raises, since a
misspelt list would match nothing and switch its rule off without a word.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from eventwire.config import load_yaml
from eventwire.errors import Errors

__all__ = ["word_list"]

_FILE = "data/anchor/words.yaml"


@cache
def _lists() -> dict[str, Any]:
    path = resources.files("eventwire") / "data" / "anchor" / "words.yaml"
    try:
        data = load_yaml(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise Errors.E229.error(file=_FILE, reason=exc, stage="anchor") from exc
    return data if isinstance(data, dict) else {}


@cache
def word_list(name: str) -> frozenset[str]:
    """One word list of the file, lower-cased; an unknown name raises."""
    data = _lists()
    if name not in data:
        raise Errors.E228.error(file=_FILE, name=name, known=", ".join(data), stage="anchor")
    return frozenset(str(w).lower() for w in data[name] or ())
