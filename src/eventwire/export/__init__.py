"""Exports of a store's events to the formats analysts already load.

``gdelt`` (the 61-column GDELT 2.0 event table), ``gdelt-mentions`` (the GDELT 2.0
mentions table), ``plover`` (PLOVER JSON records), ``polecat`` (a POLECAT-style
tab-separated table), ``jsonl``, ``csv`` and ``parquet`` (one row per event mention with
its cluster's counts). Every format takes the same filters as ``eventwire events`` and
streams its rows in chunks, so a million-row export never holds them all.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

import duckdb

from eventwire.errors import Errors
from eventwire.export.gdelt import GDELT_COLUMNS, write_gdelt
from eventwire.export.mentions import MENTION_COLUMNS, write_mentions
from eventwire.export.plover import write_plover
from eventwire.export.polecat import POLECAT_COLUMNS, write_polecat
from eventwire.export.tables import write_csv, write_jsonl, write_parquet
from eventwire.store import EventFilter, Store

__all__ = ["FORMATS", "TEXT_WRITERS", "GDELT_COLUMNS", "MENTION_COLUMNS", "POLECAT_COLUMNS",
           "export_store"]

Writer = Callable[[duckdb.DuckDBPyConnection, IO[str], EventFilter | None], int]

#: Formats written as text, and the function that streams each.
TEXT_WRITERS: dict[str, Writer] = {
    "gdelt": write_gdelt, "gdelt-mentions": write_mentions, "plover": write_plover,
    "polecat": write_polecat, "jsonl": write_jsonl, "csv": write_csv,
}
FORMATS = (*TEXT_WRITERS, "parquet")


def export_store(
    store: Store, fmt: str, output: str | Path | None = None,
    filters: EventFilter | None = None,
) -> int:
    """Write the store's events matching ``filters`` (all when None) in ``fmt`` to
    ``output`` (stdout when None or ``-``). Returns the number of rows written.
    """
    if fmt not in FORMATS:
        raise Errors.E410_format.error(fmt=fmt, formats=", ".join(FORMATS), stage="export")
    to_stdout = output is None or str(output) == "-"
    if fmt == "parquet":
        if to_stdout:
            raise Errors.E410_stdout.error(stage="export")
        return write_parquet(store.con, Path(str(output)), filters)
    if to_stdout:
        return TEXT_WRITERS[fmt](store.con, sys.stdout, filters)
    try:
        with open(str(output), "w", encoding="utf-8", newline="") as out:
            return TEXT_WRITERS[fmt](store.con, out, filters)
    except OSError as exc:
        raise Errors.E410.error(output=output, reason=exc, stage="export") from exc
