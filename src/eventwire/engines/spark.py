"""The Spark engine: the same pipeline, unchanged, over a DataFrame or files on a cluster.

Install with ``pip install 'eventwire[spark]'``. Each Python worker of each executor builds
the pipeline once (the spaCy model is loaded once per worker process and reused by every
partition it runs), codes its partition with :func:`eventwire.engines.process_batch`, and
flattens the records with :func:`eventwire.store.record_to_rows`, so the DataFrames have
exactly the columns of the DuckDB store's tables (``eventwire.store.TABLE_COLUMNS``) and a
Spark run gives the same events as a local one.

Inputs: :func:`code_dataframe` takes a DataFrame of articles with a ``text`` column (and
optionally ``id``, ``title``, ``date``, ``url``, or the news-please names). :func:`read_paths`
reads files the way ``eventwire code`` does (JSON Lines line by line, other files whole,
gzip included) into the DataFrame that :func:`code_dataframe` expects.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from eventwire.config import Config, load_config, section
from eventwire.engines.base import Outcome, process_batch
from eventwire.errors import EngineError, InputError
from eventwire.ingest.readers import (
    SUFFIXES,
    content_id,
    record_fields,
    record_id,
    record_to_document,
)
from eventwire.model import Document
from eventwire.pipeline import Pipeline, build_pipeline
from eventwire.settings import EngineSettings

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["SparkTables", "code_dataframe", "read_paths", "ingest_to_parquet", "spark_session"]

TABLES = ("documents", "sentences", "mentions", "events", "failures")
INPUT_COLUMNS = (
    "source", "id", "text", "html", "title", "date", "url", "raw", "fmt", "error", "code",
)

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
        raise EngineError(
            "the Spark engine needs pyspark", code="E701",
            hint="pip install 'eventwire[spark]' (and Java 17 for a local Spark)",
        ) from exc


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
    return pipeline


def _row_to_document(row: dict[str, Any], dct: str | None) -> Document:
    source = str(row.get("source") or "")
    raw = row.get("raw")
    if row.get("error"):
        doc = Document(doc_id=source, source=source)
        doc.error = InputError(str(row["error"]), code=row.get("code") or "E100",
                               doc_id=source, stage="read", source=source)
    elif raw is not None:
        doc = Document(doc_id=content_id(raw), source=source, raw=bytes(raw),
                       fmt=row.get("fmt") or "text")
    else:
        doc = record_to_document({k: v for k, v in row.items() if v is not None}, source)
    doc.dct = dct
    return doc


def _outcome_rows(outcome: Outcome, when: datetime) -> Iterator[tuple[str, tuple[Any, ...]]]:
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


def _partition_coder(
    config_json: str, dct: str | None, batch_size: int
) -> Callable[[Iterable[Any]], Iterator[tuple[str, tuple[Any, ...]]]]:
    def run(rows: Iterable[Any]) -> Iterator[tuple[str, tuple[Any, ...]]]:
        pipeline = _pipeline_for(config_json)
        when = datetime.now(UTC).replace(tzinfo=None)
        docs = (_row_to_document(r.asDict(), dct) for r in rows)
        while batch := list(islice(docs, batch_size)):
            for outcome in process_batch(pipeline, batch):
                yield from _outcome_rows(outcome, when)

    return run


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
    batch = section(config, "engine", EngineSettings).batch_size
    coder = _partition_coder(json.dumps(config, sort_keys=True), dct, batch)
    coded = articles.rdd.mapPartitions(coder).cache()
    spark = articles.sparkSession
    frames = {
        table: spark.createDataFrame(coded.flatMap(_rows_of(table)), schema=_schema(table))
        for table in TABLES
    }
    return SparkTables(**frames)


def _rows_of(table: str) -> Callable[[tuple[str, tuple[Any, ...]]], list[tuple[Any, ...]]]:
    """A flatMap function keeping the rows of one table."""

    def keep(item: tuple[str, tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        return [item[1]] if item[0] == table else []

    return keep


def _decompress(path: str, data: bytes) -> tuple[str, bytes]:
    if path.lower().endswith(".gz"):
        try:
            return path[:-3], gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"cannot read: {exc}", code="E101", doc_id=path, source=path,
                             hint="is the file truncated?") from exc
    return path, data


def _local(path: str) -> str:
    return path.removeprefix("file://").removeprefix("file:")


def _file_rows(item: Any) -> list[dict[str, Any]]:
    """A whole file (not JSON Lines) as one input row; gzip opened here, on the executor."""
    source = _local(str(item["path"]))
    try:
        name, data = _decompress(source, bytes(item["content"]))
    except InputError as exc:
        return [{"source": source, "error": exc.message, "code": exc.code}]
    kind = SUFFIXES.get(Path(name).suffix.lower(), "text")
    if kind == "csv":  # rows are records, which only the local engine reads from CSV
        return [{"source": source, "code": "E114",
                 "error": "CSV records are read by the local engine only: run without "
                          "--engine spark, or give the records as JSON Lines"}]
    return [{"source": source, "raw": data, "fmt": "html" if kind == "html" else "text"}]


def _line_rows(item: tuple[str, int], path: str) -> list[dict[str, Any]]:
    line, index = item
    source = f"{path}:{index + 1}"
    if not line.strip():
        return []
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return [{"source": source, "error": f"not valid JSON: {exc}", "code": "E106"}]
    if not isinstance(rec, dict):
        return [{"source": source, "error": "JSON record is not an object", "code": "E104"}]
    fields = record_fields(rec)
    try:
        fields["id"] = record_id(fields["id"])
    except InputError as exc:
        return [{"source": source, "error": exc.message, "code": exc.code}]
    return [{**_as_strings(fields), "source": source}]


def _as_strings(fields: dict[str, Any]) -> dict[str, str | None]:
    """Record fields as the string columns of the input DataFrame.

    Text and HTML that are not strings stay empty (as the local reader ignores them);
    the other fields are turned into strings as :func:`record_to_document` does.
    """
    def column(name: str, value: Any) -> str | None:
        if name in ("text", "html"):
            return value if isinstance(value, str) else None
        return str(value) if value is not None else None

    return {name: column(name, value) for name, value in fields.items()}


def read_paths(spark: SparkSession, paths: Iterable[str]) -> DataFrame:
    """Files and folders as an input DataFrame: JSON Lines split by line, others whole.

    Rows keep the same ``source`` (``path:line`` for JSON Lines) and ids as the local
    readers, so local and Spark runs agree.
    """
    from pyspark.sql import Row

    schema = (
        "source string, id string, text string, html string, title string, date string, "
        "url string, raw binary, fmt string, error string, code string"
    )
    rdds = []
    for p in paths:
        name = str(p)
        if name.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
            lines = spark.sparkContext.textFile(name).zipWithIndex()
            rdds.append(lines.flatMap(functools.partial(_line_rows, path=name)))
        else:
            files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
                     .load(name).select("path", "content").rdd)
            rdds.append(files.flatMap(_file_rows))
    if not rdds:
        raise EngineError("no input paths given", code="E702")
    union = spark.sparkContext.union(rdds)
    rows = union.map(lambda d: Row(**{c: d.get(c) for c in INPUT_COLUMNS}))
    return spark.createDataFrame(rows, schema=schema)


def ingest_to_parquet(
    paths: Iterable[str],
    out: str | Path,
    *,
    master: str = "local[2]",
    config: Config | None = None,
    dct: str | None = None,
) -> dict[str, int]:
    """Read, code and write every store table as Parquet under ``out/<table>/``.

    Returns the number of rows written per table.
    """
    spark = spark_session(master)
    articles = read_paths(spark, paths)
    tables = code_dataframe(articles, config, dct=dct)
    counts = {}
    for table, frame in zip(TABLES, tables, strict=True):
        frame.write.mode("overwrite").parquet(str(Path(out) / table))
        counts[table] = frame.count()
    return counts
