"""Fast bulk inserts into DuckDB from Python rows.

Why not ``executemany``: DuckDB binds and runs one statement per row, about a thousand
rows a second. Here the rows are turned into columns and inserted in one statement:
through an in-memory Arrow table when pyarrow is installed (about 750,000 rows a second
measured on 4 columns), else through one ``INSERT ... SELECT unnest($1), unnest($2), ...``
with each column passed as a typed list parameter (about 250,000 rows a second). Both
keep the core install free of pandas, and both are a single statement, so they take part
in the caller's transaction.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import duckdb

__all__ = ["bulk_insert", "run", "scalar", "HAVE_ARROW"]

try:  # pyarrow is optional: the fast path when present
    import pyarrow as _pa
except ImportError:  # pragma: no cover - depends on the install
    _pa = None

HAVE_ARROW = _pa is not None

_ARROW_TYPES: dict[str, Any] = {}
if _pa is not None:
    _ARROW_TYPES = {
        "VARCHAR": _pa.string(),
        "INTEGER": _pa.int32(),
        "BIGINT": _pa.int64(),
        "DOUBLE": _pa.float64(),
        "BOOLEAN": _pa.bool_(),
        "DATE": _pa.date32(),
        "TIMESTAMP": _pa.timestamp("us"),
        "VARCHAR[]": _pa.list_(_pa.string()),
    }

_counter = itertools.count()


def run(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> None:
    """Execute a statement and drain its result, so the connection is free for the next."""
    con.execute(sql, params).fetchall()


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> Any:
    """The first value of the first row (None when there is no row), result drained."""
    rows = con.execute(sql, params).fetchall()
    return rows[0][0] if rows else None


def _columns(rows: Sequence[dict[str, Any]], names: list[str]) -> list[list[Any]]:
    return [[row[name] for row in rows] for name in names]


def _insert_arrow(
    con: duckdb.DuckDBPyConnection, table: str, columns: list[tuple[str, str]],
    data: list[list[Any]],
) -> None:
    assert _pa is not None
    arrays = [
        _pa.array(col, type=_ARROW_TYPES[kind])
        for (_, kind), col in zip(columns, data, strict=True)
    ]
    arrow = _pa.Table.from_arrays(arrays, names=[name for name, _ in columns])
    view = f"_ew_bulk_{next(_counter)}"
    con.register(view, arrow)
    try:
        names = ", ".join(f'"{name}"' for name, _ in columns)
        run(con, f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}")
    finally:
        con.unregister(view)


def _insert_unnest(
    con: duckdb.DuckDBPyConnection, table: str, columns: list[tuple[str, str]],
    data: list[list[Any]],
) -> None:
    names = ", ".join(f'"{name}"' for name, _ in columns)
    values = ", ".join(
        f"unnest(${i}::{kind}[])" for i, (_, kind) in enumerate(columns, 1)
    )
    run(con, f"INSERT INTO {table} ({names}) SELECT {values}", data)


def bulk_insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: list[tuple[str, str]],
    rows: Sequence[dict[str, Any]],
    *,
    arrow: bool | None = None,
) -> int:
    """Insert ``rows`` (dicts keyed by column name) into ``table``; returns the row count.

    ``table`` and ``columns`` come from the schema, never from users; values are passed
    as data. ``arrow`` forces one path (None: Arrow when available).
    """
    if not rows:
        return 0
    data = _columns(rows, [name for name, _ in columns])
    use_arrow = HAVE_ARROW if arrow is None else arrow
    if use_arrow:
        _insert_arrow(con, table, columns, data)
    else:
        _insert_unnest(con, table, columns, data)
    return len(rows)
