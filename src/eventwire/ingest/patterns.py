"""Loading the news-layout patterns shipped in ``data/ingest/patterns.yaml``.

The patterns are data so that a new wire format is a one-line change, reviewed as data,
not a code change. They are read once per process and compiled lazily.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from eventwire.config import load_yaml
from eventwire.errors import Errors
from eventwire.time.grammar import calendar_names

__all__ = ["read_data", "patterns", "compiled", "month_number", "weekday_number"]


def read_data(name: str, what: str) -> dict[str, Any]:
    """A YAML mapping of ``data/ingest/`` (``what`` names it in errors, E120)."""
    path = resources.files("eventwire").joinpath(f"data/ingest/{name}")
    try:
        data = load_yaml(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise Errors.E120.error(what=what, reason=exc) from exc
    if not isinstance(data, dict):
        raise Errors.E120_mapping.error(what=what)
    return data


@cache
def patterns() -> dict[str, Any]:
    """The parsed pattern file (a fresh read once per process)."""
    return read_data("patterns.yaml", "ingest patterns")


@cache
def compiled(section: str, key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One pattern of the file, compiled (``flags=0`` for case-sensitive ones)."""
    return re.compile(patterns()[section][key], flags | re.MULTILINE)


@cache
def compiled_list(section: str, key: str) -> tuple[re.Pattern[str], ...]:
    """A list of patterns of the file, compiled case-insensitively."""
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns()[section][key])


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "MAY"), else None.

    The names are the shared calendar table of ``eventwire.time.grammar``."""
    return calendar_names().month(name)


def weekday_number(name: str) -> int | None:
    """0 (Monday) to 6 (Sunday) for a weekday name or abbreviation, else None."""
    number = calendar_names().weekday(name)
    return None if number is None else number - 1
