"""The Spark engine: the same pipeline, unchanged, as Spark jobs on a cluster.

Install with ``pip install 'eventwire[spark]'``. Chosen by ``engine.kind: spark`` (the
master URL is ``engine.master``), :class:`SparkEngine` is an :class:`~eventwire.engines.Engine`
like the local ones: raw Documents in, outcomes out in input order. Its inputs are read
by the application layer with the same readers as a local run (``eventwire.app``), so ids,
sources and reading errors are the same; the driver sends them to the executors a window
at a time (``batch_size * max_in_flight`` per core, the local pool's back-pressure), so a
large input never sits whole in the driver's memory.

Each Python worker of each executor builds the pipeline once (the spaCy model is loaded
once per worker process and reused by every partition it runs), codes its partition with
:func:`eventwire.engines.process_batch`, and for tables flattens the records with
:func:`eventwire.store.record_to_rows`, so the DataFrames and the Parquet tables of
:meth:`SparkEngine.write_parquet` have exactly the columns of the DuckDB store's tables
(``eventwire.store.TABLE_COLUMNS``), and a Spark run gives the same events as a local one.

:func:`code_dataframe` codes a DataFrame of articles read by Spark itself (a ``text``
column, and optionally ``id``, ``title``, ``date``, ``url``, or the news-please names):
the way in for inputs that live on the cluster's file system.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from eventwire.config import Config, load_config, section
from eventwire.engines.base import keep_for_life, process_batch
from eventwire.errors import Errors
from eventwire.ingest.readers import content_id, record_to_document
from eventwire.model import Document, Outcome
from eventwire.pipeline import Pipeline, build_pipeline
from eventwire.settings import EngineSettings

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["SparkEngine", "SparkTables", "code_dataframe", "spark_session"]

TABLES = ("documents", "sentences", "mentions", "events", "failures")

_SPARK_TYPES = {
    "VARCHAR": "string",
    "BIGINT": "bigint",
    "INTEGER": "int",
    "DOUBLE": "double",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "VARCHAR[]": "array<string>",
}

Rows = Iterator[tuple[str, tuple[Any, ...]]]


class SparkTables(NamedTuple):
    """The DataFrames of a Spark run, one per store table."""

    documents: DataFrame
    sentences: DataFrame
    mentions: DataFrame
    events: DataFrame
    failures: DataFrame


def _require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise Errors.E701.error() from exc


def spark_session(master: str = "local[2]", app_name: str = "eventwire") -> SparkSession:
    """A SparkSession for ``master`` (``local[N]`` for a local run, or a cluster URL)."""
    _require_pyspark()
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )


def _schema(table: str) -> str:
    from eventwire.store import TABLE_COLUMNS

    return ", ".join(f"`{name}` {_SPARK_TYPES[kind]}" for name, kind in TABLE_COLUMNS[table])


# --- the work of one Python worker -------------------------------------------------------

_WORKER_PIPELINES: dict[str, Pipeline] = {}


def _pipeline_for(config_json: str) -> Pipeline:
    """The pipeline for a configuration, built once per worker process."""
    pipeline = _WORKER_PIPELINES.get(config_json)
    if pipeline is None:
        pipeline = build_pipeline(json.loads(config_json))
        _WORKER_PIPELINES[config_json] = pipeline
        keep_for_life()
    return pipeline


def _row_to_document(row: dict[str, Any], dct: str | None) -> Document:
    """An article row of a DataFrame as a raw Document (``raw`` bytes, or record fields)."""
    source = str(row.get("source") or "")
    raw = row.get("raw")
    if raw is not None:
        doc = Document(doc_id=content_id(raw), source=source, raw=bytes(raw),
                       fmt=row.get("fmt") or "text")
    else:
        doc = record_to_document({k: v for k, v in row.items() if v is not None}, source)
    doc.dct = dct
    return doc


def _outcome_rows(outcome: Outcome, when: datetime) -> Rows:
    from eventwire.store import TABLE_COLUMNS, record_to_rows
    from eventwire.store.rows import failure_row

    if outcome.record is not None:
        tables = record_to_rows(outcome.record)
    else:
        assert outcome.error is not None
        tables = {"failures": [failure_row(outcome.error, outcome.doc_id, outcome.source, when)]}
    for table, rows in tables.items():
        columns = [name for name, _ in TABLE_COLUMNS[table]]
        for row in rows:
            yield table, tuple(row.get(c) for c in columns)


def _partition_outcomes(
    config_json: str, batch_size: int
) -> Callable[[Iterable[Document]], Iterator[Outcome]]:
    """What one partition does: code its documents a batch at a time, in order."""
    def run(docs: Iterable[Document]) -> Iterator[Outcome]:
        pipeline = _pipeline_for(config_json)
        it = iter(docs)
        while batch := list(islice(it, batch_size)):
            yield from process_batch(pipeline, batch)

    return run


def _rows_of(table: str) -> Callable[[tuple[str, tuple[Any, ...]]], list[tuple[Any, ...]]]:
    """A flatMap function keeping the rows of one table."""

    def keep(item: tuple[str, tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        return [item[1]] if item[0] == table else []

    return keep


def _tables(spark: SparkSession, rows: RDD[tuple[str, tuple[Any, ...]]]) -> SparkTables:
    """One DataFrame per store table from the cached (table, row) pairs."""
    return SparkTables(**{
        table: spark.createDataFrame(rows.flatMap(_rows_of(table)), schema=_schema(table))
        for table in TABLES
    })


def _engine_settings(config: Config) -> tuple[str, int]:
    """The configuration as the workers receive it, and the documents per batch."""
    batch = section(config, "engine", EngineSettings).batch_size
    return json.dumps(config, sort_keys=True), batch


# --- the driver ----------------------------------------------------------------------------


def code_dataframe(
    articles: DataFrame, config: Config | None = None, *, dct: str | None = None
) -> SparkTables:
    """Code a DataFrame of articles; one DataFrame per store table, same columns as the store.

    ``articles`` needs a ``text`` column (string) or ``raw`` (binary) with ``fmt``; the
    other input columns (``id``, ``title``, ``date``, ``url``, ``source``) are optional.
    The coded rows are cached, so each table can be used without coding twice.
    """
    _require_pyspark()
    config = config if config is not None else load_config()
    config_json, batch = _engine_settings(config)
    docs = articles.rdd.map(lambda row: _row_to_document(row.asDict(), dct))
    coded = docs.mapPartitions(_partition_outcomes(config_json, batch))
    rows = coded.mapPartitions(_outcome_rows_now)
    return _tables(articles.sparkSession, rows.cache())


class SparkEngine:
    """Run the pipeline as Spark jobs on ``engine.master``, a window of documents at a time.

    Why windows rather than one job: the documents come from the driver's readers, and a
    window bounds what the driver holds while keeping every core of the cluster busy.
    """

    def __init__(self, config: Config) -> None:
        engine = section(config, "engine", EngineSettings)
        self.config = config
        self.master = engine.master
        self.batch_size = engine.batch_size
        self.max_in_flight = engine.max_in_flight
        self._config_json, _ = _engine_settings(config)
        self._spark: SparkSession | None = None
        self._owned = False

    def session(self) -> SparkSession:
        """The Spark session, started on first use (a session already running is reused
        and left running)."""
        if self._spark is None:
            _require_pyspark()
            from pyspark.sql import SparkSession

            self._owned = SparkSession.getActiveSession() is None
            self._spark = spark_session(self.master)
        return self._spark

    def _windows(self, docs: Iterable[Document]) -> Iterator[list[Document]]:
        """The documents in windows of ``batch_size * max_in_flight`` per core; one empty
        window for no documents, so that the tables are still written."""
        cores = self.session().sparkContext.defaultParallelism
        size = self.batch_size * self.max_in_flight * max(1, cores)
        it = iter(docs)
        first = list(islice(it, size))
        yield first
        while window := list(islice(it, size)):
            yield window

    def _coded(self, window: list[Document]) -> RDD[Outcome]:
        context = self.session().sparkContext
        slices = max(1, min(context.defaultParallelism, -(-len(window) // self.batch_size)))
        coder = _partition_outcomes(self._config_json, self.batch_size)
        return context.parallelize(window, slices).mapPartitions(coder)

    def run(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        """Outcomes of ``docs`` in input order (the Engine interface)."""
        for window in self._windows(docs):
            if window:
                yield from self._coded(window).collect()

    def write_parquet(self, docs: Iterable[Document], out: str | Path) -> dict[str, int]:
        """Code ``docs`` and write every store table as Parquet under ``out/<table>/``
        (replacing what was there); returns the number of rows written per table."""
        counts = dict.fromkeys(TABLES, 0)
        for index, window in enumerate(self._windows(docs)):
            rows = self._coded(window).mapPartitions(_outcome_rows_now).cache()
            tables = _tables(self.session(), rows)
            for table, frame in zip(TABLES, tables, strict=True):
                mode = "overwrite" if index == 0 else "append"
                frame.write.mode(mode).parquet(str(Path(out) / table))
                counts[table] += frame.count()
            rows.unpersist()
        return counts

    def close(self) -> None:
        if self._spark is not None and self._owned:
            self._spark.stop()
        self._spark = None


def _outcome_rows_now(outcomes: Iterable[Outcome]) -> Rows:
    """A partition's outcomes as (table, row) pairs, stamped with the partition's time."""
    when = datetime.now(UTC).replace(tzinfo=None)
    for outcome in outcomes:
        yield from _outcome_rows(outcome, when)
