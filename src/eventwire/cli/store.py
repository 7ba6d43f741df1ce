"""The ``ingest`` command: code inputs into a store (``events``, ``show`` and ``export``,
which read one, are in :mod:`eventwire.cli.events`).

It only parses options and calls the application layer (:mod:`eventwire.app`).
"""

from __future__ import annotations

import sys

import click

from eventwire.api import make_config
from eventwire.app import engine_kind, ingest_to_parquet
from eventwire.app.ingest import ingest_paths
from eventwire.cli.code import with_min_confidence
from eventwire.cli.common import config_options, fail_on_error, interruptible, main
from eventwire.config import Config
from eventwire.store import Store

_DB_HELP = "The DuckDB store (default: store.path, eventwire.duckdb in the current folder)."


def _db(config: Config, db: str | None) -> str:
    return db or str(config["store"]["path"])


@main.command("ingest", epilog="""\b
Examples:
  eventwire ingest news/ --db events.duckdb      # run it again to go on after a stop
  eventwire ingest articles.jsonl articles.csv --workers 2
  eventwire ingest big.jsonl --engine spark --master local[2] --out tables/
""")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, type=click.Path(dir_okay=False), help=_DB_HELP)
@click.option("--workers", default=None, help="Worker processes ('auto' = all cores).")
@click.option("--dct", default=None, metavar="YYYY-MM-DD",
              help="Document creation date for every input; overrides dates found in them.")
@click.option("--engine", default=None, type=click.Choice(["local", "spark"]),
              help="local: worker processes into DuckDB; spark: a Spark job into Parquet "
                   "(--set engine.kind=..., default local).")
@click.option("--master", default=None,
              help="With --engine spark: the Spark master URL (--set engine.master=..., "
                   "default local[2]).")
@click.option("--out", default=None, type=click.Path(file_okay=False),
              help="With --engine spark: the folder for the Parquet tables.")
@click.option("--min-confidence", "min_confidence", default=None, type=click.FloatRange(0, 1),
              metavar="P", help="Keep only events coded with at least this confidence (0-1).")
@config_options
@fail_on_error
@interruptible("the batches written so far are kept; run the same command again to go on")
def ingest_cmd(
    paths: tuple[str, ...], db: str | None, workers: str | None, dct: str | None,
    engine: str | None, master: str | None, out: str | None, min_confidence: float | None,
    config_files: tuple[str, ...], overrides: tuple[str, ...], model: str | None,
    dictionaries: tuple[str, ...],
) -> None:
    """Code PATHS and store documents, events and failures; stored documents are skipped."""
    config = make_config(config_files, with_min_confidence(overrides, min_confidence),
                         model=model, workers=workers, dictionaries=dictionaries,
                         engine=engine, master=master)
    if engine_kind(config) == "spark":
        _ingest_spark(paths, out, config, dct)
        return
    path = _db(config, db)
    with Store(path, config=config) as store:
        stats, seconds = ingest_paths(store, paths, config, dct=dct)
    rate = stats.added / seconds if seconds > 0 else 0.0
    click.echo(
        f"eventwire: {stats.added} document(s) added, {stats.skipped} already stored, "
        f"{stats.failed} failed, {stats.events} event(s); {seconds:.1f} s, "
        f"{rate:.2f} documents/s -> {path}",
        err=True,
    )
    if stats.failed:
        click.echo(f"eventwire: {stats.failed} document(s) failed; their reasons are in the "
                   f"failures table", err=True)
        sys.exit(1)


def _ingest_spark(
    paths: tuple[str, ...], out: str | None, config: Config, dct: str | None
) -> None:
    if out is None:
        raise click.UsageError("--engine spark (engine.kind: spark) needs --out DIR for "
                               "the Parquet tables")
    counts = ingest_to_parquet(list(paths), out, config, dct=dct)
    summary = ", ".join(f"{n} {table}" for table, n in counts.items())
    click.echo(f"eventwire: wrote {summary} -> {out}", err=True)
    if counts.get("failures"):
        sys.exit(1)
