"""Open a store file: connect with clear errors, create the schema, migrate older ones.

The schema version lives in the ``meta`` table. A database of an older version is
migrated step by step, each step in one transaction with the version bump, so that a
crash during a migration leaves the old, still readable version. A database of a newer
version is refused (E404): this eventwire does not know its columns and must not write.

Version 0 is the layout before deduplication: the tables ``documents``, ``sentences``,
``mentions``, ``events`` (without ``cluster_id``, ``seq`` and ``order_key``) and
``failures``, and no ``meta`` or ``event_clusters`` table. The step 0 -> 1 adds both
tables and the columns, numbers the events in ingestion order and builds the clusters
from them. The step 1 -> 2 adds ``events.confidence``, the step 2 -> 3
``events.location_source`` and ``events.location_precision``, the step 3 -> 4 the
resolved names ``events.source_resolved``, ``events.target_resolved`` and
``mentions.resolved``, the step 4 -> 5 the word index of the sentences (``words``,
``event_words``, see ``store.words``), the step 5 -> 6 every event's row as JSON for
pages (``event_json``, see ``store.listing``), and the word index ordered by word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import duckdb

from eventwire.errors import Errors, StoreError
from eventwire.store.bulk import run, scalar
from eventwire.store.clusters import rebuild_clusters
from eventwire.store.dedup import DedupRule
from eventwire.store.listing import build_json
from eventwire.store.lock import lock_error
from eventwire.store.schema import (
    CLUSTER_COLUMNS,
    ORDER_SHIFT,
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    create_statements,
    index_statements,
)
from eventwire.store.words import build_words, sort_words

__all__ = [
    "connect",
    "prepare",
    "schema_version",
    "v0_columns",
    "v0_statements",
    "is_damage",
    "damage_error",
]

STAGE = "store"


#: DuckDB's lock conflict ("Could not set lock on file ... Conflicting lock is held"); a
#: whole word, because damage messages speak of a "block".
_LOCK = re.compile(r"\block(?:ed)?\b")

#: What DuckDB says of a file whose bytes are damaged: a header or block that fails its
#: checksum, a block cut off by truncation, a catalogue entry that cannot be read.
_DAMAGE = ("corrupt database", "checksum", "could not read enough bytes",
           "failed to deserialize")

def is_damage(exc: BaseException) -> bool:
    """Whether a DuckDB error says the file itself is damaged (not a query or a lock)."""
    low = str(exc).lower()
    return isinstance(exc, duckdb.Error) and any(w in low for w in _DAMAGE)


def damage_error(exc: BaseException, path: Path, *, opening: bool) -> StoreError:
    """The coded error of a damaged file: E413 when it cannot be opened, else E414.

    Why two codes: a damaged header or catalogue makes the whole file unusable, while a
    damaged data block fails only the reads (or writes) that touch it; the remedy is the
    same, the extent is not.
    """
    first = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
    if opening:
        return Errors.E413.error(path=path, reason=first, stage=STAGE)
    return Errors.E414.error(path=path, reason=first, stage=STAGE)


def _open_error(exc: duckdb.Error, path: Path, read_only: bool) -> StoreError:
    text = str(exc)
    low = text.lower()
    if is_damage(exc):
        return damage_error(exc, path, opening=True)
    if _LOCK.search(low):
        return lock_error(text, path)
    if "not a valid duckdb" in low or "invalid" in low or "magic" in low:
        return Errors.E401.error(path=path, stage=STAGE)
    if "no such file" in low:
        return Errors.E403_folder.error(path=path, stage=STAGE)
    if "permission" in low or "read-only" in low or "read only" in low:
        return Errors.E403_permission.error(path=path, reason=text, stage=STAGE)
    return Errors.E401_open.error(path=path, reason=text, stage=STAGE)


def connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to ``path``, or a StoreError that says why there is none."""
    if read_only and not path.exists():
        raise Errors.E409.error(path=path, stage=STAGE)
    if path.is_dir():
        raise Errors.E401_directory.error(path=path, stage=STAGE)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise _open_error(exc, path, read_only) from exc


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {r[0] for r in rows}


def schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The stored version; 0 for the pre-versioning layout; None for an empty database."""
    tables = _tables(con)
    if "meta" in tables:
        value = scalar(con, "SELECT value FROM meta WHERE key = 'schema_version'")
        return int(value) if value is not None else 0
    return 0 if "documents" in tables else None


def _set_version(con: duckdb.DuckDBPyConnection, version: int) -> None:
    run(con, "DELETE FROM meta WHERE key = 'schema_version'")
    run(con, "INSERT INTO meta VALUES ('schema_version', ?)", [str(version)])


#: The events columns version 1 added.
V1_EVENT_COLUMNS = ("cluster_id", "seq", "order_key")
#: The events columns version 2 added.
V2_EVENT_COLUMNS = ("confidence",)
#: The events columns version 3 added.
V3_EVENT_COLUMNS = ("location_source", "location_precision")
#: The columns version 4 added, by table.
V4_COLUMNS = {"events": ("source_resolved", "target_resolved"), "mentions": ("resolved",)}


def v0_columns(table: str) -> list[tuple[str, str]]:
    """The columns of a table in version 0."""
    later: tuple[str, ...] = V4_COLUMNS.get(table, ())
    if table == "events":
        later += V1_EVENT_COLUMNS + V2_EVENT_COLUMNS + V3_EVENT_COLUMNS
    return [c for c in TABLE_COLUMNS[table] if c[0] not in later]


def v0_statements() -> list[str]:
    """The DDL of version 0 (kept to build old databases in tests and to document it)."""
    stmts = []
    for table in TABLE_COLUMNS:
        cols = ", ".join(f'"{n}" {k}' for n, k in v0_columns(table))
        stmts.append(f"CREATE TABLE {table} ({cols})")
    return stmts


_NUMBER_EVENTS = f"""
UPDATE events SET seq = n.seq,
       order_key = (coalesce(events.day - DATE '0001-01-01', 0)::BIGINT << {ORDER_SHIFT}) | n.seq
FROM (SELECT e.event_id, row_number() OVER (ORDER BY d.seq, e.idx) AS seq
      FROM events e JOIN documents d ON d.doc_id = e.doc_id) n
WHERE events.event_id = n.event_id
"""


def _v0_to_v1(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> None:
    cols = ", ".join(f'"{n}" {k}' for n, k in CLUSTER_COLUMNS)
    run(con, f"CREATE TABLE event_clusters ({cols}, PRIMARY KEY (cluster_id))")
    run(con, "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    for name, kind in TABLE_COLUMNS["events"]:
        if name in V1_EVENT_COLUMNS:
            run(con, f"ALTER TABLE events ADD COLUMN {name} {kind}")
    run(con, _NUMBER_EVENTS)
    for stmt in index_statements():
        run(con, stmt)
    rebuild_clusters(con, rule)


def _v1_to_v2(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> None:
    """Events get the coder's ``confidence``; events coded before it existed keep NULL
    (unknown), which ``--min-confidence`` leaves out."""
    for name, kind in TABLE_COLUMNS["events"]:
        if name in V2_EVENT_COLUMNS:
            run(con, f"ALTER TABLE events ADD COLUMN {name} {kind}")


def _v2_to_v3(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> None:
    """Events get ``location_source`` and ``location_precision``; events placed before
    they existed keep NULL (unknown)."""
    for name, kind in TABLE_COLUMNS["events"]:
        if name in V3_EVENT_COLUMNS:
            run(con, f"ALTER TABLE events ADD COLUMN {name} {kind}")


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()
    return {r[0] for r in rows}


def _v3_to_v4(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> None:
    """Events and actor mentions get the name their actor resolves to; rows stored before
    keep NULL, which exports read as the text itself. A column already there is kept."""
    for table, added in V4_COLUMNS.items():
        present = _columns(con, table)
        for name, kind in TABLE_COLUMNS[table]:
            if name in added and name not in present:
                run(con, f"ALTER TABLE {table} ADD COLUMN {name} {kind}")


def _v4_to_v5(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> None:
    """The word index of event sentences that answers the ``text`` filter
    (``store.words``), built from the stored events."""
    build_words(con)


def _v5_to_v6(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> None:
    """Every event's row as JSON, which pages read instead of the rows
    (``store.listing``), built from the stored events; the word index ordered by word,
    so that a word's postings are found by zone maps (``store.words``)."""
    build_json(con)
    sort_words(con)


def _v6_to_v7(con: duckdb.DuckDBPyConnection, rule: DedupRule) -> None:
    """Every event's JSON carries its cluster's counts (``store.listing``), so that a page
    reads no cluster: built again from the stored events and clusters."""
    build_json(con)


#: version -> the step that brings a database of that version to the next one.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection, DedupRule], None]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
}


def _run_step(con: duckdb.DuckDBPyConnection, version: int, rule: DedupRule, path: Path) -> None:
    run(con, "BEGIN TRANSACTION")
    try:
        MIGRATIONS[version](con, rule)
        _set_version(con, version + 1)
        run(con, "COMMIT")
    except duckdb.Error as exc:
        run(con, "ROLLBACK")
        raise Errors.E405_failed.error(path=path, version=version, reason=exc,
                                       stage=STAGE) from exc


def _create(con: duckdb.DuckDBPyConnection) -> None:
    run(con, "BEGIN TRANSACTION")
    for stmt in create_statements():
        run(con, stmt)
    _set_version(con, SCHEMA_VERSION)
    run(con, "COMMIT")


def _check_columns(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Refuse tables that lack columns of the current schema (a foreign or damaged file)."""
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'main'"
    ).fetchall()
    have = {(t, c) for t, c in rows}
    expected = [(t, c) for t, cols in TABLE_COLUMNS.items() for c, _ in cols]
    expected += [("event_clusters", c) for c, _ in CLUSTER_COLUMNS]
    missing = [f"{t}.{c}" for t, c in expected if (t, c) not in have]
    if missing:
        raise Errors.E412.error(path=path, version=SCHEMA_VERSION,
                                missing=", ".join(missing[:5]), stage=STAGE)


def prepare(
    con: duckdb.DuckDBPyConnection, path: Path, read_only: bool, rule: DedupRule
) -> int:
    """Create, check or migrate the schema; returns the version now in the database."""
    version = schema_version(con)
    if version is None:
        if read_only:
            raise Errors.E409_empty.error(path=path, stage=STAGE)
        _create(con)
        return SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise Errors.E404.error(path=path, version=version, known=SCHEMA_VERSION, stage=STAGE)
    if version < SCHEMA_VERSION and read_only:
        raise Errors.E405.error(path=path, version=version, stage=STAGE)
    while version < SCHEMA_VERSION:
        _run_step(con, version, rule, path)
        version += 1
    _check_columns(con, path)
    return version
