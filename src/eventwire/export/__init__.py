"""Exports of a store's events to the formats analysts already load.

``gdelt`` (the 61-column GDELT 2.0 event table), ``plover`` (PLOVER JSON records),
``jsonl``, ``csv`` and ``parquet`` (one row per event mention with its cluster's counts).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from eventwire.errors import StoreError
from eventwire.export.gdelt import GDELT_COLUMNS, write_gdelt
from eventwire.export.plover import write_plover
from eventwire.export.tables import write_csv, write_jsonl, write_parquet
from eventwire.store import Store

__all__ = ["FORMATS", "GDELT_COLUMNS", "export_store"]

_TEXT_WRITERS = {"gdelt": write_gdelt, "plover": write_plover, "jsonl": write_jsonl,
                 "csv": write_csv}
FORMATS = (*_TEXT_WRITERS, "parquet")


def _write_text(store: Store, fmt: str, out: IO[str]) -> int:
    return _TEXT_WRITERS[fmt](store.con, out)


def export_store(store: Store, fmt: str, output: str | Path | None = None) -> int:
    """Write the store's events in ``fmt`` to ``output`` (stdout when None or ``-``).

    Returns the number of rows written.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}",
                         code="E410", stage="export")
    to_stdout = output is None or str(output) == "-"
    if fmt == "parquet":
        if to_stdout:
            raise StoreError("parquet is a binary format: give a file with -o",
                             code="E410", stage="export")
        return write_parquet(store.con, Path(str(output)))
    if to_stdout:
        return _write_text(store, fmt, sys.stdout)
    try:
        with open(str(output), "w", encoding="utf-8", newline="") as out:
            return _write_text(store, fmt, out)
    except OSError as exc:
        raise StoreError(f"cannot write {output}: {exc}", code="E410", stage="export") from exc
