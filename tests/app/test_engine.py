"""The engine comes from engine.kind; --engine and --master are shortcuts for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from eventwire.api import make_config
from eventwire.app import make_engine
from eventwire.engines.local import InProcessEngine


def test_the_default_kind_is_a_local_engine() -> None:
    assert isinstance(make_engine(make_config(workers=1)), InProcessEngine)


def test_kind_spark_is_the_spark_engine_on_the_configured_master() -> None:
    from eventwire.engines.spark import SparkEngine

    engine = make_engine(make_config(overrides=["engine.kind=spark",
                                                "engine.master=local[1]"]))
    assert isinstance(engine, SparkEngine) and engine.master == "local[1]"
    engine.close()  # no session was started: nothing to stop


def test_the_engine_and_master_options_set_the_configuration() -> None:
    config = make_config(engine="spark", master="spark://cluster.example:7077")
    assert (config["engine"]["kind"], config["engine"]["master"]) == \
        ("spark", "spark://cluster.example:7077")


def test_ingest_with_kind_spark_from_the_configuration_needs_out(tmp_path: Path) -> None:
    """--set engine.kind=spark chooses Spark as --engine spark does (Parquet needs --out)."""
    story = tmp_path / "story.txt"
    story.write_text("Rebels shelled an invented harbour town on Monday.\n", "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "ingest", str(story), "--db",
         str(tmp_path / "s.duckdb"), "--set", "engine.kind=spark"],
        capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 2 and "--out" in proc.stderr
    assert not (tmp_path / "s.duckdb").exists()
