"""The library's front door: build a pipeline, code a text, code files, read a store.

These names are the public library surface and stay stable; the work is done by the
application layer (:mod:`eventwire.app`), which the CLI and the server call too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.app import check_dct, code_paths, code_text, load_pipeline, with_dct
from eventwire.config import Config, load_config

__all__ = [
    "make_config", "load_pipeline", "code_text", "code_paths", "with_dct", "check_dct",
    "events_frame",
]


def make_config(
    config_files: Iterable[str | Path] = (),
    overrides: Iterable[str] = (),
    *,
    model: str | None = None,
    workers: int | str | None = None,
    dictionaries: Iterable[str] = (),
    engine: str | None = None,
    master: str | None = None,
) -> Config:
    """The effective configuration, with the common command-line options applied.

    ``engine`` and ``master`` are the shortcuts of ``--set engine.kind=...`` and
    ``--set engine.master=...`` (``--engine spark --master local[2]``).
    """
    updates: list[dict[str, object]] = []
    if engine is not None:
        updates.append({"engine": {"kind": engine}})
    if master is not None:
        updates.append({"engine": {"master": master}})
    if model is not None:
        # Another model is another version: accept what is installed under that name.
        updates.append({"model": {"name": model, "version": None}})
    if workers is not None:
        # The command line gives text: "4" means 4 (anything else is checked as given).
        count = int(workers) if isinstance(workers, str) and workers.isdigit() else workers
        updates.append({"engine": {"workers": count}})
    config = load_config(config_files, overrides, updates)
    config["dictionaries"] = list(config.get("dictionaries") or []) + list(dictionaries)
    return config


def events_frame(db: str | Path, *, kind: str = "pandas", **filters: Any) -> Any:
    """The stored events matching ``filters`` as a pandas DataFrame (``kind="polars"``:
    a polars DataFrame, ``kind="arrow"``: a pyarrow Table), newest first.

    ``filters`` are those of ``eventwire events`` (``source="USA"``, ``dyad="USA,CHN"``,
    ``quad=4``, ``since="2009-03"``, ...), checked as there: an unknown code raises E415
    with close matches. One row per event mention with its cluster's counts; codes stay
    strings (``cameo`` ``"070"``) and ``day`` is a date. Why a function and not a method:
    it opens the store read-only and closes it, so a notebook never holds the file's lock.
    """
    from eventwire.store import EventFilter, Store
    from eventwire.store.frames import events_table, to_kind

    chosen = EventFilter.from_options(**filters)
    with Store(db, read_only=True) as store:
        table = events_table(store.con, chosen)
    return to_kind(table, kind)
