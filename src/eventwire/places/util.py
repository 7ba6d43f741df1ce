"""Shared helpers of the places package: the context rules, read once."""

from __future__ import annotations

from functools import cache
from typing import Any

from eventwire.config import load_yaml
from eventwire.errors import Errors
from eventwire.places.gazetteer import DATA

__all__ = ["context_words", "load_context"]


@cache
def load_context() -> dict[str, Any]:
    """``data/places/context.yaml``: cue words and locative prepositions."""
    data = load_yaml((DATA / "context.yaml").read_text("utf-8"))
    return data if isinstance(data, dict) else {}


@cache
def context_words(key: str) -> frozenset[str]:
    """One word list of ``context.yaml``, lower-cased.

    A name the file lacks raises: a misspelt list would otherwise match nothing, and the
    rule that reads it would be silently switched off.
    """
    data = load_context()
    if key not in data:
        raise Errors.E252_list.error(key=key, stage="places")
    return frozenset(str(w).lower() for w in data[key] or [])
