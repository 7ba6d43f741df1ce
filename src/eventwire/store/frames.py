"""Filtered events as a table for analysis: a pyarrow Table, a pandas or a polars DataFrame.

Why through Arrow: DuckDB hands its columns to Arrow without copying them value by value,
and Arrow keeps each column's type, so CAMEO codes stay strings (``"070"``, never ``70``),
``day`` stays a date and lists stay lists. pandas and polars are optional
(``pip install 'eventwire[pandas]'`` or ``'eventwire[polars]'``); pyarrow comes with either.
"""

from __future__ import annotations

import importlib
from typing import Any

import duckdb

from eventwire.errors import Errors
from eventwire.store.filters import EventFilter, check_columns, where_sql
from eventwire.store.query import ORDER

__all__ = ["KINDS", "events_table", "to_kind"]

KINDS = ("pandas", "polars", "arrow")

_SQL = """
SELECT e.*, c.global_id, c.num_mentions, c.num_sources, c.num_articles
FROM events e LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id
WHERE {where} ORDER BY {order}
"""


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise Errors.E416_missing.error(module=module, extra=extra, stage="frame") from exc


def events_table(con: duckdb.DuckDBPyConnection, filters: EventFilter) -> Any:
    """The matching event mentions, newest first, with their cluster's counts (Arrow)."""
    _require("pyarrow", "pandas")
    check_columns(con, filters)
    where, params = where_sql(filters)
    # A relation hands its columns to Arrow without the extra copy of a DB-API result;
    # DuckDB 2 names the call to_arrow_table, 1.x arrow.
    rel = con.sql(_SQL.format(where=where, order=ORDER), params=params)
    fetch = getattr(rel, "to_arrow_table", None) or rel.arrow
    return fetch()


def to_kind(table: Any, kind: str) -> Any:
    """``table`` as ``kind``: the Arrow table itself, or a pandas or polars DataFrame.

    pandas gets ``day`` and ``doc_day`` as ``datetime64`` (not Python ``date`` objects)
    and strings as pandas' string dtype, so ``"070"`` stays ``"070"``.
    """
    if kind == "arrow":
        return table
    if kind == "polars":
        return _require("polars", "polars").from_arrow(table)
    if kind == "pandas":
        pd = _require("pandas", "pandas")
        return table.to_pandas(date_as_object=False, types_mapper=_pandas_types(pd))
    raise Errors.E416.error(kind=kind, kinds=", ".join(KINDS), stage="frame")


def _pandas_types(pd: Any) -> Any:
    import pyarrow as pa

    mapping = {pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype()}
    return mapping.get
