"""Spark in local mode runs the same pipeline and gives exactly the local run's events."""

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.api import code_paths, make_config
from eventwire.store import TABLE_COLUMNS, record_to_rows

from ..conftest import DATA

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:  # pragma: no cover - .ci/run installs Java
    pytest.fail("Java is needed for Spark in local mode; .ci/run installs openjdk-17")

from eventwire.engines.spark import SparkEngine, code_dataframe, spark_session  # noqa: E402

WIRE = DATA / "engines" / "wire.jsonl"
_VOLATILE = {"seq", "time", "cluster_id"}


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    session = spark_session("local[2]", "eventwire-tests")
    yield session
    session.stop()


def _local_rows(table: str) -> list[tuple[Any, ...]]:
    cols = [c for c, _ in TABLE_COLUMNS[table] if c not in _VOLATILE]
    rows = []
    for outcome in code_paths([WIRE], make_config(workers=1)):
        if outcome.record is not None:
            rows += [tuple(r[c] for c in cols) for r in record_to_rows(outcome.record)[table]]
    return sorted(rows, key=repr)


def _spark_rows(frame: Any, table: str) -> list[tuple[Any, ...]]:
    cols = [c for c, _ in TABLE_COLUMNS[table] if c not in _VOLATILE]
    rows = [tuple(row[c] for c in cols) for row in frame.collect()]
    return sorted(rows, key=repr)


def test_spark_engine_gives_the_local_outcomes_in_order(spark: Any) -> None:
    """engine.kind: spark behind the same code_paths: same records, failures and order."""
    local = list(code_paths([WIRE], make_config(workers=1)))
    remote = list(code_paths([WIRE], make_config(overrides=["engine.kind=spark"])))
    assert [(o.doc_id, o.source, o.record) for o in remote] == \
        [(o.doc_id, o.source, o.record) for o in local]
    assert [o.error.code for o in remote if o.error is not None] == ["E106", "E105"]


def test_spark_tables_equal_local_rows(spark: Any, tmp_path: Path) -> None:
    from eventwire.app import read_documents

    config = make_config(overrides=["engine.kind=spark"])
    SparkEngine(config).write_parquet(read_documents([WIRE], config), tmp_path / "t")
    events = spark.read.parquet(str(tmp_path / "t" / "events"))
    documents = spark.read.parquet(str(tmp_path / "t" / "documents"))
    assert _spark_rows(events, "events") == _local_rows("events")
    assert _spark_rows(documents, "documents") == _local_rows("documents")
    failures = spark.read.parquet(str(tmp_path / "t" / "failures")).collect()
    assert {row["doc_source"].rsplit(":", 1)[1]: row["code"] for row in failures} == \
        {"4": "E106", "5": "E105"}


def test_a_bad_engine_kind_is_a_coded_config_error() -> None:
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError) as caught:
        make_config(overrides=["engine.kind=hadoop"])
    assert caught.value.code == "E219" and "engine.kind" in str(caught.value)


def test_dataframe_columns_are_the_store_columns(spark: Any) -> None:
    frame = spark.createDataFrame(
        [("d1", "Police arrested a man in Paris.")], "id string, text string"
    )
    tables = code_dataframe(frame, make_config())
    for name, table in zip(("documents", "events"), (tables.documents, tables.events), strict=True):
        assert table.columns == [c for c, _ in TABLE_COLUMNS[name]]
    assert [r["doc_id"] for r in tables.documents.collect()] == ["d1"]


def test_ingest_to_parquet_writes_every_table(spark: Any, tmp_path: Path) -> None:
    from eventwire.app import ingest_to_parquet

    counts = ingest_to_parquet([str(WIRE)], tmp_path / "out", make_config())
    assert counts["documents"] == 4 and counts["failures"] == 2
    import pyarrow.parquet as pq

    docs = pq.read_table(tmp_path / "out" / "documents")
    assert sorted(docs.column("doc_id").to_pylist()) == ["w1", "w2", "w3", "w5"]


def test_ingest_command_with_spark_engine(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "pq"
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "ingest", "--engine", "spark", "--master",
         "local[1]", str(WIRE), "--out", str(out)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 1, proc.stderr  # the two bad lines are failures
    assert "4 documents" in proc.stderr and "2 failures" in proc.stderr
    assert {p.name for p in out.iterdir()} >= {"documents", "events", "failures"}
