"""Choosing the engine: ``engine.kind`` in the configuration, ``local`` or ``spark``.

Why here: the CLI, the library and the server never pick an engine class themselves;
they give a configuration, and ``--engine spark`` is only a shortcut for
``--set engine.kind=spark``.
"""

from __future__ import annotations

from eventwire.config import Config, section
from eventwire.engines.base import Engine
from eventwire.engines.local import make_engine as make_local_engine
from eventwire.settings import EngineSettings

__all__ = ["make_engine", "engine_kind"]


def engine_kind(config: Config) -> str:
    """The engine the configuration asks for (checked: a bad value is E219)."""
    return section(config, "engine", EngineSettings).kind


def make_engine(config: Config) -> Engine:
    """The engine for ``config``: local worker processes, or Spark jobs on engine.master.

    Spark is imported only when asked for, so a local run never needs pyspark.
    """
    if engine_kind(config) == "spark":
        from eventwire.engines.spark import SparkEngine

        return SparkEngine(config)
    return make_local_engine(config)
