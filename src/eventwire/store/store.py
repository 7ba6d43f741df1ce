"""The event store: one DuckDB file with documents, mentions, events and their clusters.

Why DuckDB: it is embedded (no server to run), columnar (filters over millions of events
read only the columns they name) and transactional with a write-ahead log, which is what
makes ingestion crash-safe: every batch of documents is written in one transaction, so a
kill at any moment leaves whole documents only. One process writes at a time (DuckDB
locks the file); a second writer gets a clear error (E402) rather than a corrupt file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

import duckdb

from eventwire.config import Config, section
from eventwire.errors import Errors, EventwireError
from eventwire.model import Outcome
from eventwire.settings import StoreSettings
from eventwire.store import analytics
from eventwire.store.bulk import bulk_insert, run, scalar
from eventwire.store.clusters import assign_clusters, rebuild_clusters, save_clusters
from eventwire.store.dedup import DedupRule
from eventwire.store.facets import count_events, facets
from eventwire.store.listing import add_json, build_json, event_columns
from eventwire.store.migrate import connect, damage_error, is_damage, prepare
from eventwire.store.query import EventFilter, EventPage, read_page
from eventwire.store.records import jsonable, rows_to_record
from eventwire.store.rows import failure_row, record_to_rows
from eventwire.store.schema import TABLE_COLUMNS, order_key
from eventwire.store.words import add_words

__all__ = ["Store", "IngestStats"]

Row = dict[str, Any]
_TABLES = ("documents", "sentences", "mentions", "events")
MAX_LIMIT = 10_000


@dataclass
class IngestStats:
    """What one call added: documents stored, skipped as already there, failed; events."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0

    def __iadd__(self, other: IngestStats) -> IngestStats:
        self.added += other.added
        self.skipped += other.skipped
        self.failed += other.failed
        self.events += other.events
        return self


class _RowError(Exception):
    """A batch could not be written because of a value in it (the cause is chained)."""


#: What a bad value raises on its way into DuckDB (Arrow's errors subclass these).
_ROW_ERRORS = (duckdb.Error, ValueError, TypeError, ArithmeticError)

_DISK_WORDS = ("no space", "disk", "permission", "read-only", "read only", "i/o error",
               "could not write", "file too large", "failed to commit", "invalidated")


def _is_disk_error(exc: BaseException) -> bool:
    """A failure of the file, not of a value: a full disk, a read-only file, a dead WAL."""
    if isinstance(exc, duckdb.IOException | duckdb.FatalException):
        return True
    low = str(exc).lower()
    return isinstance(exc, duckdb.Error) and any(w in low for w in _DISK_WORDS)


P = ParamSpec("P")
R = TypeVar("R")


def _reading(method: Callable[P, R]) -> Callable[P, R]:
    """A Store method whose DuckDB error for a damaged file becomes a StoreError (E414).

    Why: a damaged data block is only found when a query reads it, so every method that
    reads must say so in eventwire's terms instead of raising DuckDB's exception.
    """

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except duckdb.Error as exc:
            if is_damage(exc):
                store = args[0]
                raise damage_error(exc, store.path, opening=False) from exc  # type: ignore[attr-defined]
            raise

    return wrapper


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[Row]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


class Store:
    """An eventwire database file: opened (created, migrated) on construction."""

    def __init__(
        self, path: str | Path, *, read_only: bool = False, config: Config | None = None
    ) -> None:
        settings = section(config or {}, "store", StoreSettings)
        self.path = Path(path)
        self.read_only = read_only
        self.rule = DedupRule.from_config(dataclasses.asdict(settings.dedup))
        self.batch_size = settings.batch_size
        self.con = connect(self.path, read_only)
        self._event_columns: list[str] | None = None  # read once, for pages (see query_events)
        try:
            self.version = prepare(self.con, self.path, read_only, self.rule)
        except duckdb.Error as exc:
            self.con.close()
            if is_damage(exc):
                raise damage_error(exc, self.path, opening=True) from exc
            raise
        except BaseException:
            self.con.close()
            raise

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close; a damaged-file error raised by code that used ``con`` directly (the
        exports) leaves the block as a StoreError (E414)."""
        self.close()
        if exc is not None and is_damage(exc):
            raise damage_error(exc, self.path, opening=False) from exc

    # -- writing ---------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise Errors.E408.error(path=self.path, stage="store")

    @_reading
    def stored_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of these document ids are stored already."""
        ids = sorted(set(doc_ids))
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def has_document(self, doc_id: str) -> bool:
        return bool(self.stored_ids([doc_id]))

    @_reading
    def add_outcomes(self, outcomes: Iterable[Outcome]) -> IngestStats:
        """Store coded documents and failures, one transaction per batch; skip stored ids."""
        self._check_writable()
        stats = IngestStats()
        for batch in _chunks(outcomes, self.batch_size):
            stats += self.write_batch(batch)
        return stats

    def add_records(self, records: Iterable[Row], *, strict: bool = False) -> IngestStats:
        """Store JSON records of ``eventwire code``; a malformed one becomes a failure (E406).

        With ``strict``, a malformed record raises instead and nothing of the call is
        written.
        """
        if strict:
            records = list(records)
            for rec in records:
                record_to_rows(rec)
        outcomes = (
            Outcome(str(r.get("doc_id")) if isinstance(r, dict) else "?",
                    str(r.get("source", "")) if isinstance(r, dict) else "", r, None)
            for r in records
        )
        return self.add_outcomes(outcomes)

    def _rows_of(
        self, batch: list[Outcome], now: datetime
    ) -> tuple[dict[str, list[Row]], list[Row], IngestStats]:
        stats = IngestStats()
        stored = self.stored_ids(o.doc_id for o in batch)
        tables: dict[str, list[Row]] = {t: [] for t in _TABLES}
        failures: list[Row] = []
        for o in batch:
            if o.doc_id in stored:
                stats.skipped += 1
                continue
            try:
                if o.error is not None:
                    raise o.error
                rows = record_to_rows(o.record or {})
            except EventwireError as exc:
                failures.append(failure_row(exc.with_context(doc_id=o.doc_id, source=o.source),
                                            o.doc_id, o.source, now))
                stats.failed += 1
                stored.add(o.doc_id)  # a repeated id in the batch is not recorded twice
                continue
            stored.add(o.doc_id)
            for table in _TABLES:
                tables[table] += rows[table]
        stats.added = len(tables["documents"])
        stats.events = len(tables["events"])
        return tables, failures, stats

    @_reading
    def write_batch(self, batch: list[Outcome]) -> IngestStats:
        """One transaction: the batch's new documents with all their rows, and failures.

        When a row cannot be stored (a value DuckDB refuses), the batch is rolled back and
        written again one document per transaction, so that only the culprit becomes a
        failure (E406). A full disk or a read-only file (E403) stops the run instead.
        """
        self._check_writable()
        now = datetime.now(UTC).replace(tzinfo=None)
        tables, failures, stats = self._rows_of(batch, now)
        if not (tables["documents"] or failures):
            return stats
        try:
            self._transaction(tables, failures)
            return stats
        except _RowError as exc:
            if len(batch) > 1:
                total = IngestStats()
                for outcome in batch:
                    total += self.write_batch([outcome])
                return total
            return self._store_failure(batch[0], exc, now)

    def _store_failure(self, outcome: Outcome, exc: _RowError, now: datetime) -> IngestStats:
        """Record a document whose rows DuckDB refused; raise if even that cannot be done."""
        error = Errors.E406.error(reason=exc.__cause__, doc_id=outcome.doc_id,
                                  source=outcome.source, stage="store")
        try:
            self._transaction({t: [] for t in _TABLES},
                              [failure_row(error, outcome.doc_id, outcome.source, now)])
        except _RowError as again:
            raise Errors.E403_failure.error(path=self.path, reason=again.__cause__,
                                            stage="store") from again
        return IngestStats(failed=1)

    def _transaction(self, tables: dict[str, list[Row]], failures: list[Row]) -> None:
        run(self.con, "BEGIN TRANSACTION")
        try:
            self._insert(tables, failures)
            run(self.con, "COMMIT")
        except _ROW_ERRORS as exc:
            self._rollback()
            if is_damage(exc):
                raise damage_error(exc, self.path, opening=False) from exc
            if _is_disk_error(exc):
                raise Errors.E403.error(path=self.path, reason=exc, stage="store") from exc
            raise _RowError() from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        with contextlib.suppress(duckdb.Error):
            run(self.con, "ROLLBACK")

    def _number(self, tables: dict[str, list[Row]]) -> None:
        """Ingestion order: sequence numbers for documents and events, and sort keys."""
        seq = int(scalar(self.con, "SELECT coalesce(max(seq), 0) + 1 FROM documents"))
        for i, doc in enumerate(tables["documents"]):
            doc["seq"] = seq + i
        seq = int(scalar(self.con, "SELECT coalesce(max(seq), 0) + 1 FROM events"))
        for i, ev in enumerate(tables["events"]):
            ev["seq"] = seq + i
            ev["order_key"] = order_key(ev["day"], seq + i)

    def _insert(self, tables: dict[str, list[Row]], failures: list[Row]) -> None:
        self._number(tables)
        dedup = assign_clusters(self.con, self.rule, tables["events"])
        for table in _TABLES:
            bulk_insert(self.con, table, TABLE_COLUMNS[table], tables[table])
        add_words(self.con, tables["events"])
        save_clusters(self.con, dedup.touched.values())
        if tables["events"]:  # after the clusters: the JSON carries their counts
            add_json(self.con, tables["events"][0]["seq"], sorted(dedup.touched))
        done = [d["doc_id"] for d in tables["documents"]] + [f["doc_id"] for f in failures]
        run(self.con,
            "DELETE FROM failures WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))", [done]
        )
        bulk_insert(self.con, "failures", TABLE_COLUMNS["failures"], failures)

    @_reading
    def rebuild_clusters(self) -> int:
        """Recompute all clusters with the current rule (after changing ``store.dedup``)."""
        self._check_writable()
        run(self.con, "BEGIN TRANSACTION")
        try:
            count = rebuild_clusters(self.con, self.rule)
            build_json(self.con)  # the events' cluster_id changed in place
            run(self.con, "COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            if is_damage(exc):
                raise damage_error(exc, self.path, opening=False) from exc
            raise Errors.E403_clusters.error(path=self.path, reason=exc, stage="store") from exc
        return count

    # -- reading ---------------------------------------------------------------------
    @_reading
    def query_events(
        self, filters: EventFilter, *, limit: int = 50, cursor: str | None = None,
        total: bool = False,
    ) -> EventPage:
        """Events matching ``filters``, newest first, with their cluster's counts; with
        ``total``, the page also says how many events match in all."""
        limit = max(1, min(int(limit), MAX_LIMIT))
        if self._event_columns is None:  # the table's columns change only by a migration
            self._event_columns = event_columns(self.con)
        return read_page(self.con, filters, limit, cursor, total, columns=self._event_columns)

    @_reading
    def get_event(self, event_id: str) -> Row | None:
        """An event with its cluster and every mention of the cluster (the evidence)."""
        rows = _dicts(self.con.execute("SELECT * FROM events WHERE event_id = ?", [event_id]))
        if not rows:
            return None
        event = jsonable(rows[0])
        cid = event["cluster_id"]
        cluster = _dicts(self.con.execute(
            "SELECT * FROM event_clusters WHERE cluster_id = ?", [cid]))
        event["cluster"] = jsonable(cluster[0]) if cluster else None
        event["mentions"] = [jsonable(r) for r in _dicts(self.con.execute(_MENTIONS, [cid]))]
        return event

    @_reading
    def get_document(self, doc_id: str) -> Row | None:
        """The stored document as its JSON record, with its mentions and events."""
        docs = _dicts(self.con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id]))
        if not docs:
            return None
        parts = [
            _dicts(self.con.execute(f"SELECT * FROM {t} WHERE doc_id = ?", [doc_id]))
            for t in ("sentences", "mentions", "events")
        ]
        return rows_to_record(docs[0], *parts)

    @_reading
    def count_events(self, filters: EventFilter) -> int:
        """How many event mentions match ``filters``."""
        return count_events(self.con, filters)

    @_reading
    def facets(self, filters: EventFilter, *, limit: int = 10) -> dict[str, list[Row]]:
        """Top values of sources, targets, PLOVER types, CAMEO roots, location countries
        and QuadClasses for the events matching ``filters`` (see ``store.facets``)."""
        return facets(self.con, filters, limit)

    @_reading
    def actor_counts(self, filters: EventFilter, *, limit: int = 100) -> list[Row]:
        return analytics.actor_counts(self.con, filters, limit)

    @_reading
    def timeline(
        self, filters: EventFilter, *, interval: str = "day", by: str = "quad_class"
    ) -> list[Row]:
        return analytics.timeline(self.con, filters, interval, by)

    @_reading
    def network(self, filters: EventFilter, *, limit: int = 200) -> list[Row]:
        return analytics.network(self.con, filters, limit)

    @_reading
    def failures(self) -> list[Row]:
        """Every document that could not be read, coded or stored, with the reason."""
        cur = self.con.execute("SELECT * FROM failures ORDER BY time, doc_id")
        return [jsonable(r) for r in _dicts(cur)]

    @_reading
    def counts(self) -> dict[str, int]:
        """Rows per table (for summaries and checks)."""
        out = {}
        for table in (*TABLE_COLUMNS, "event_clusters"):
            out[table] = int(scalar(self.con, f"SELECT count(*) FROM {table}"))
        return out


_MENTIONS = """
SELECT e.event_id, e.doc_id, d.title, d.url, d.outlet, d.date AS doc_date, e.sentence_index,
       e.sentence, e.char_start, e.char_end, e.trigger, e.trigger_start, e.trigger_end,
       e.date, e.source_code, e.target_code, e.cameo, e.rule
FROM events e JOIN documents d ON d.doc_id = e.doc_id
WHERE e.cluster_id = ? ORDER BY e.seq
"""
