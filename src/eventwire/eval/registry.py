"""The KINDs of gold data eventwire can be evaluated on, by name.

Each KIND module declares one :class:`Kind`; the CLI only looks a name up here and
dispatches, so adding a gold format is adding a module and a line below.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import Errors
from eventwire.eval.base import Gold, Report
from eventwire.pipeline import Pipeline

__all__ = ["Kind", "KIND_MODULES", "kinds", "get_kind"]


@dataclass(frozen=True)
class Kind:
    """One gold format: how to read it and how to score the system on it.

    ``verbatim``: gold offsets index the text as given, so the clean stage must keep it
    (or spans are aligned back). ``default_dictionaries`` finds the dictionaries that go
    with a gold file when the user names none. ``stages``: when set, only these stages of
    the configured pipeline run (a KIND that measures one stage need not wait for, or
    crash in, the others). ``load_pages``: for a KIND whose gold file and pages are kept
    apart (the pages belong to their publishers), reads the gold with its pages in the
    folder ``--pages`` names (None: the KIND's default place).
    """

    name: str
    summary: str
    load: Callable[[Path], Gold[Any]]
    score: Callable[[Sequence[Any], Pipeline, str], Report]
    verbatim: bool = False
    default_dictionaries: Callable[[Path], list[str]] | None = None
    stages: tuple[str, ...] | None = None
    load_pages: Callable[[Path, Path | None], Gold[Any]] | None = None


#: The modules that declare a KIND (each has a module-level ``KIND``), in display order.
KIND_MODULES = (
    "eventwire.eval.plover",
    "eventwire.eval.petrarch",
    "eventwire.eval.timeml",
    "eventwire.eval.geo",
    "eventwire.eval.aeb",
    "eventwire.eval.htmlmeta",
    "eventwire.eval.seed",
)


def kinds() -> dict[str, Kind]:
    """Every KIND by name."""
    found: dict[str, Kind] = {}
    for module in KIND_MODULES:
        kind = importlib.import_module(module).KIND
        found[kind.name] = kind
    return found


def get_kind(name: str) -> Kind:
    """The KIND called ``name``; a ConfigError naming the known ones otherwise."""
    known = kinds()
    if name not in known:
        raise Errors.E217.error(name=name, known=", ".join(known))
    return known[name]
