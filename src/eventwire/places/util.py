"""Shared helpers of the places package: the context rules, read once."""

from __future__ import annotations

from functools import cache
from typing import Any

from eventwire.config import load_yaml
from eventwire.places.gazetteer import DATA

__all__ = ["context_words", "load_context"]


@cache
def load_context() -> dict[str, Any]:
    """``data/places/context.yaml``: cue words and locative prepositions."""
    data = load_yaml((DATA / "context.yaml").read_text("utf-8"))
    return data if isinstance(data, dict) else {}


@cache
def context_words(key: str) -> frozenset[str]:
    """One word list of ``context.yaml``, lower-cased (empty when the key is absent)."""
    return frozenset(str(w).lower() for w in load_context().get(key) or [])
