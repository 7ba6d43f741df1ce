"""Commands that read a store: ``events``, ``show`` and ``export``.

They share one set of filter options (the vocabulary of :class:`EventFilter`, also the
API's query parameters) and only parse options and call :mod:`eventwire.store` and
:mod:`eventwire.export`. They take ``--config`` and ``--set`` (for ``store.path``) but not
the coding options (``--model``, ``--dictionary``), which would do nothing here.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventwire.api import make_config
from eventwire.cli.common import fail_on_error, main
from eventwire.config import Config
from eventwire.errors import Errors
from eventwire.export import FORMATS, export_store
from eventwire.serve.shapes import event_view, sentence_starts
from eventwire.store import EventFilter, Store

F = TypeVar("F", bound=Callable[..., Any])

_DB_HELP = "The DuckDB store (default: store.path, eventwire.duckdb in the current folder)."

#: (option, metavar, help) of every filter; the option name is the filter's, with dashes.
_FILTERS = (
    ("--source", "CODE", "Source actor: CAMEO code prefix (USAGOV, IGO) or ISO3 country."),
    ("--target", "CODE", "Target actor: CAMEO code prefix or ISO3 country."),
    ("--dyad", "A,B", "Source A and target B (see --undirected)."),
    ("--actor", "CODE", "Either side's CAMEO code prefix."),
    ("--country", "ISO3", "Either side's country."),
    ("--cameo", "CODE", "CAMEO event code prefix (17, 173)."),
    ("--plover", "TYPE[:MODE]", "PLOVER event type, optionally with its mode (ASSAULT:beat)."),
    ("--plover-context", "CONTEXT", "PLOVER context (military, economic, ...)."),
    ("--location-country", "ISO3", "Country of the event's place."),
    ("--near", "LAT,LON,KM", "Within KM of a point."),
    ("--since", "DATE", "First day (inclusive): YYYY, YYYY-MM or YYYY-MM-DD."),
    ("--until", "DATE", "Last day (inclusive): YYYY, YYYY-MM or YYYY-MM-DD."),
    ("--text", "WORDS", "Words of the evidence sentence."),
)


def store_options(func: F) -> F:
    """--db, --config and --set: what a command that reads a store needs."""
    func = click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE",
                        help="Override one configuration key, e.g. store.path=x.duckdb.")(func)
    func = click.option("--config", "config_files", multiple=True,
                        type=click.Path(exists=True, dir_okay=False),
                        help="A YAML file layered over the default configuration.")(func)
    return click.option("--db", default=None, type=click.Path(dir_okay=False),
                        help=_DB_HELP)(func)  # type: ignore[no-any-return]


def filter_options(func: F) -> F:
    """The filter options, in the order of ``--help``."""
    func = click.option("--min-confidence", default=None, type=click.FloatRange(0, 1),
                        metavar="P", help="Events coded with at least this confidence.")(func)
    func = click.option("--quad", multiple=True, metavar="1-4",
                        help="QuadClass (repeatable or 3,4).")(func)
    func = click.option("--undirected", is_flag=True,
                        help="With --dyad: either direction.")(func)
    for name, metavar, text in reversed(_FILTERS):
        func = click.option(name, default=None, metavar=metavar, help=text)(func)
    return func


def make_filter(options: dict[str, Any]) -> EventFilter:
    """The EventFilter of the filter options (``--plover T:mode`` split in two)."""
    values = {k: v for k, v in options.items() if v not in (None, (), False)}
    plover = values.pop("plover", None)
    if plover:
        kind, _, mode = str(plover).partition(":")
        values["plover"] = kind
        if mode:
            values["plover_mode"] = mode
    if "quad" in values:
        values["quad"] = tuple(values["quad"])
    return EventFilter.from_options(**values)


def _open(db: str | None, config_files: tuple[str, ...], overrides: tuple[str, ...]) -> Store:
    config: Config = make_config(config_files, overrides)
    return Store(db or str(config["store"]["path"]), read_only=True, config=config)


_TABLE_COLUMNS = (
    ("id", "event_id"), ("date", "day"), ("source", "source_code"), ("target", "target_code"),
    ("cameo", "cameo"), ("plover", "plover_type"), ("place", "location_name"),
    ("reports", "num_articles"),
)


def _console() -> Console:
    console = Console()
    return console if console.is_terminal else Console(width=160)  # piped: readable rows


def _print_table(rows: list[dict[str, Any]]) -> None:
    table = Table(show_lines=False)
    for title, _ in _TABLE_COLUMNS:
        table.add_column(title, no_wrap=True)
    table.add_column("evidence", overflow="fold", min_width=30, ratio=1)
    for row in rows:
        cells = ["" if row.get(key) is None else str(row[key]) for _, key in _TABLE_COLUMNS]
        table.add_row(*cells, (row.get("sentence") or "")[:160])
    _console().print(table)


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


def _notes(notes: list[str] | tuple[str, ...]) -> None:
    for note in notes:
        click.echo(f"eventwire: note: {note}", err=True)


@main.command("events", epilog="""\b
Examples:
  eventwire events --dyad USA,CHN --since 2009-03
  eventwire events --country SDN --quad 4 --limit 20
  eventwire events --plover ASSAULT:beat --location-country IRQ --format csv
""")
@store_options
@filter_options
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000),
              help="Events to print (newest first).")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "jsonl", "csv"]))
@fail_on_error
def events_cmd(db: str | None, config_files: tuple[str, ...], overrides: tuple[str, ...],
               limit: int, fmt: str, **filters: Any) -> None:
    """Stored events matching all the given filters, newest first, with their ids and the
    number matching in all (on standard error). `eventwire show ID` prints one."""
    chosen = make_filter(filters)
    with _open(db, config_files, overrides) as store:
        page = store.query_events(chosen, limit=limit, total=True)
    _print_rows(page.rows, fmt)
    _notes(page.notes)
    click.echo(f"eventwire: {len(page.rows)} of {page.total} matching event(s) shown", err=True)


def _highlighted(evidence: dict[str, Any]) -> Text:
    """The evidence sentence with its trigger, source and target in colour."""
    text = Text(evidence.get("sentence") or "")
    styles = {"trigger": "bold reverse yellow", "source": "bold cyan", "target": "bold magenta"}
    for span in evidence.get("spans") or []:
        style = styles.get(str(span.get("kind")), "bold")
        text.stylize(style, int(span["start"]), int(span["end"]))
    return text


def _print_event(view: dict[str, Any]) -> None:
    ev = view["event"]
    console = _console()
    console.print(f"[bold]{ev['event_id']}[/bold]  {ev.get('date') or 'undated'}  "
                  f"CAMEO {ev.get('cameo')}  PLOVER {ev.get('plover_type') or '-'}"
                  f"{':' + ev['plover_mode'] if ev.get('plover_mode') else ''}  "
                  f"QuadClass {ev.get('quad_class')}  Goldstein {ev.get('goldstein')}")
    console.print(f"source [cyan]{ev.get('source_code') or '-'}[/cyan] "
                  f"({ev.get('source_text') or ''})  target [magenta]"
                  f"{ev.get('target_code') or '-'}[/magenta] ({ev.get('target_text') or ''})  "
                  f"place {ev.get('location_name') or '-'} {ev.get('location_country') or ''}")
    for item in view["evidence"]:
        where = item.get("url") or item.get("doc_id")
        console.print(Text(f"\n{where}, sentence {int(item.get('sentence_index') or 0) + 1}:",
                           style="dim"))
        console.print(_highlighted(item))
    console.print(Text(f"\nrule {ev.get('rule')}", style="dim"))


@main.command("show", epilog="""\b
Examples:
  eventwire show 3f2a9c1e/e1
  eventwire events --dyad USA,CHN --limit 5    # to find ids
""")
@click.argument("event_id")
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print the event as one JSON object.")
@fail_on_error
def show_cmd(event_id: str, db: str | None, config_files: tuple[str, ...],
             overrides: tuple[str, ...], as_json: bool) -> None:
    """One stored event with every sentence that reported it, trigger and actors
    highlighted."""
    with _open(db, config_files, overrides) as store:
        event = store.get_event(event_id)
        if event is None:
            raise Errors.E417.error(event_id=event_id)
        view = event_view(event, sentence_starts(store, event))
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, default=str))
    else:
        _print_event(view)


@main.command("export", epilog="""\b
Examples:
  eventwire export --format gdelt -o events.tsv
  eventwire export --format csv --dyad USA,CHN --undirected -o usa-chn.csv
  eventwire export --format polecat --since 2009 --quad 4 -o conflict.tsv
""")
@click.option("--format", "fmt", required=True, type=click.Choice(list(FORMATS)),
              help="gdelt: GDELT 2.0 events (TSV); gdelt-mentions: GDELT 2.0 mentions; "
                   "plover: PLOVER JSON records; polecat: POLECAT-style TSV; "
                   "jsonl, csv, parquet: one row per event mention.")
@click.option("-o", "--output", default=None, help="Output file (default: standard output).")
@store_options
@filter_options
@fail_on_error
def export_cmd(fmt: str, output: str | None, db: str | None, config_files: tuple[str, ...],
               overrides: tuple[str, ...], **filters: Any) -> None:
    """Export the stored events matching the filters (all by default) in a standard
    format, streamed row by row."""
    chosen = make_filter(filters)
    with _open(db, config_files, overrides) as store:
        count = export_store(store, fmt, output, chosen)
    _notes(chosen.notes)
    if output not in (None, "-"):
        click.echo(f"eventwire: {count} row(s) written to {output}", err=True)
