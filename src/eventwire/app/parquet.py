"""Code inputs into Parquet tables with Spark: ``eventwire ingest --engine spark --out DIR``.

The inputs are read here with the same readers as a local run, and coded and written by
:class:`~eventwire.engines.spark.SparkEngine`: one Parquet folder per store table
(``documents``, ``sentences``, ``mentions``, ``events``, ``failures``), with exactly the
columns of the DuckDB store.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from eventwire.app.inputs import read_documents
from eventwire.config import Config, load_config
from eventwire.errors import Errors
from eventwire.pipeline import check_stages

__all__ = ["ingest_to_parquet"]


def ingest_to_parquet(
    paths: Iterable[str | Path],
    out: str | Path,
    config: Config | None = None,
    *,
    dct: str | None = None,
) -> dict[str, int]:
    """Read, code and write every store table under ``out/<table>/`` on ``engine.master``.

    Returns the number of rows written per table.
    """
    from eventwire.engines.spark import SparkEngine

    paths = list(paths)
    if not paths:  # nothing to read would silently overwrite the tables with empty ones
        raise Errors.E702.error()
    config = config if config is not None else load_config()
    check_stages(config)
    engine = SparkEngine(config)
    try:
        return engine.write_parquet(read_documents(paths, config, dct=dct), out)
    finally:
        engine.close()
