"""Commands of the store family: ``ingest``, ``events`` and ``export``.

They only parse options and call :mod:`eventwire.store` and :mod:`eventwire.export`.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from eventwire.api import check_dct, make_config
from eventwire.cli.common import config_options, fail_on_error, interruptible, main
from eventwire.config import Config
from eventwire.errors import StoreError
from eventwire.export import FORMATS, export_store
from eventwire.store import EventFilter, Store
from eventwire.store.ingest import ingest_paths

_DB_HELP = "The DuckDB store (default: store.path, eventwire.duckdb in the current folder)."


def _db(config: Config, db: str | None) -> str:
    return db or str(config["store"]["path"])


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, type=click.Path(dir_okay=False), help=_DB_HELP)
@click.option("--workers", default=None, help="Worker processes ('auto' = all cores).")
@click.option("--dct", default=None, metavar="YYYY-MM-DD",
              help="Document creation date for every input; overrides dates found in them.")
@click.option("--engine", default="local", show_default=True,
              type=click.Choice(["local", "spark"]),
              help="local: worker processes into DuckDB; spark: a Spark job into Parquet.")
@click.option("--master", default="local[2]", show_default=True,
              help="With --engine spark: the Spark master URL.")
@click.option("--out", default=None, type=click.Path(file_okay=False),
              help="With --engine spark: the folder for the Parquet tables.")
@config_options
@fail_on_error
@interruptible("the batches written so far are kept; run the same command again to go on")
def ingest_cmd(
    paths: tuple[str, ...], db: str | None, workers: str | None, dct: str | None,
    engine: str, master: str, out: str | None,
    config_files: tuple[str, ...], overrides: tuple[str, ...], model: str | None,
    dictionaries: tuple[str, ...],
) -> None:
    """Code PATHS and store documents, events and failures; stored documents are skipped."""
    config = make_config(config_files, overrides, model=model, workers=workers,
                         dictionaries=dictionaries)
    if engine == "spark":
        _ingest_spark(paths, out, master, config, check_dct(dct))
        return
    path = _db(config, db)
    with Store(path, config=config) as store:
        stats, seconds = ingest_paths(store, paths, config, dct=dct)
    rate = stats.added / seconds if seconds > 0 else 0.0
    click.echo(
        f"eventwire: {stats.added} document(s) added, {stats.skipped} already stored, "
        f"{stats.failed} failed, {stats.events} event(s); {rate:.2f} documents/s -> {path}",
        err=True,
    )
    if stats.failed:
        click.echo(f"eventwire: {stats.failed} document(s) failed; their reasons are in the "
                   f"failures table", err=True)
        sys.exit(1)


def _ingest_spark(
    paths: tuple[str, ...], out: str | None, master: str, config: Config, dct: str | None
) -> None:
    from eventwire.engines.spark import ingest_to_parquet

    if out is None:
        raise click.UsageError("--engine spark needs --out DIR for the Parquet tables")
    counts = ingest_to_parquet(list(paths), out, master=master, config=config, dct=dct)
    summary = ", ".join(f"{n} {table}" for table, n in counts.items())
    click.echo(f"eventwire: wrote {summary} -> {out}", err=True)
    if counts.get("failures"):
        sys.exit(1)


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(v) for v in value.split(","))
    except ValueError as exc:
        raise StoreError(f"--near {value!r} must be LAT,LON,KM", code="E407") from exc
    return lat, lon, km


_TABLE_COLUMNS = (
    ("date", "day"), ("source", "source_code"), ("target", "target_code"),
    ("cameo", "cameo"), ("plover", "plover_type"), ("place", "location_name"),
    ("reports", "num_articles"),
)


def _print_table(rows: list[dict[str, Any]]) -> None:
    table = Table(show_lines=False)
    for title, _ in _TABLE_COLUMNS:
        table.add_column(title, no_wrap=True)
    table.add_column("evidence", overflow="fold", min_width=30, ratio=1)
    for row in rows:
        cells = ["" if row.get(key) is None else str(row[key]) for _, key in _TABLE_COLUMNS]
        table.add_row(*cells, (row.get("sentence") or "")[:160])
    console = Console()
    if not console.is_terminal:  # piped: no terminal width to fit, keep rows readable
        console = Console(width=160)
    console.print(table)


def _print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "table":
        _print_table(rows)
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif rows:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ";".join(v) if isinstance(v, list) else v
                             for k, v in row.items()})


@main.command("events")
@click.option("--db", default=None, type=click.Path(dir_okay=False), help=_DB_HELP)
@click.option("--actor", default=None, metavar="CODE", help="CAMEO actor code prefix.")
@click.option("--country", default=None, metavar="ISO3", help="Source or target country.")
@click.option("--cameo", default=None, metavar="CODE", help="CAMEO event code prefix.")
@click.option("--plover", default=None, metavar="TYPE", help="PLOVER event type.")
@click.option("--since", default=None, metavar="DATE", help="First day (inclusive).")
@click.option("--until", default=None, metavar="DATE", help="Last day (inclusive).")
@click.option("--near", default=None, metavar="LAT,LON,KM", help="Within KM of a point.")
@click.option("--text", default=None, metavar="WORDS", help="Words of the evidence sentence.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "jsonl", "csv"]))
@config_options
@fail_on_error
def events_cmd(
    db: str | None, actor: str | None, country: str | None, cameo: str | None,
    plover: str | None, since: str | None, until: str | None, near: str | None,
    text: str | None, limit: int, fmt: str, config_files: tuple[str, ...],
    overrides: tuple[str, ...], model: str | None, dictionaries: tuple[str, ...],
) -> None:
    """Stored events matching all the given filters, newest first."""
    config = make_config(config_files, overrides, model=model, dictionaries=dictionaries)
    filters = EventFilter(actor=actor, country=country, cameo=cameo, plover=plover,
                          since=since, until=until, near=_near(near), text=text)
    with Store(_db(config, db), read_only=True, config=config) as store:
        page = store.query_events(filters, limit=limit)
    _print_rows(page.rows, fmt)


@main.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(list(FORMATS)),
              help="gdelt: GDELT 2.0 event table (TSV); plover: PLOVER JSON records; "
                   "jsonl, csv, parquet: one row per event mention.")
@click.option("-o", "--output", default=None, help="Output file (default: standard output).")
@click.option("--db", default=None, type=click.Path(dir_okay=False), help=_DB_HELP)
@config_options
@fail_on_error
def export_cmd(
    fmt: str, output: str | None, db: str | None, config_files: tuple[str, ...],
    overrides: tuple[str, ...], model: str | None, dictionaries: tuple[str, ...],
) -> None:
    """Export the stored events in a standard format."""
    config = make_config(config_files, overrides, model=model, dictionaries=dictionaries)
    with Store(_db(config, db), read_only=True, config=config) as store:
        count = export_store(store, fmt, output)
    if output not in (None, "-"):
        click.echo(f"eventwire: {count} row(s) written to {output}", err=True)
