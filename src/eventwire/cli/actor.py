"""``eventwire actor NAME``: the code eventwire gives a name, and the entry behind it."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from eventwire.actors.explain import ActorAnswer, explain_actor
from eventwire.api import make_config
from eventwire.cli.common import config_options, fail_on_error, main


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@main.command("actor", epilog="""\b
Examples:
  eventwire actor "Vladimir Putin" --date 1999-09-01
  eventwire actor Hamas --json
  eventwire actor "Jane Doe" --dictionary mine.yaml    # check a user dictionary's entry
""")
@click.argument("name", nargs=-1, required=True)
@click.option("--date", callback=_date, metavar="YYYY-MM-DD",
              help="The story's or the event's date (default: no date, the plain code).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@config_options
@fail_on_error
def actor_cmd(
    name: tuple[str, ...], date: str | None, as_json: bool, config_files: tuple[str, ...],
    overrides: tuple[str, ...], model: str | None, dictionaries: tuple[str, ...],
) -> None:
    """Print the code eventwire gives NAME on a date, the entry it comes from and its period.

    The configuration's dictionaries (and --dictionary) are read first, as when coding.
    """
    config = make_config(config_files, overrides, model=model, dictionaries=dictionaries)
    specs = tuple(str(d) for d in config.get("dictionaries") or [])
    query = " ".join(name)
    answer = explain_actor(query, date, specs)
    if answer is None:
        click.echo(f"eventwire: no actor is named {query!r} in the knowledge base, the "
                   "lexicon or the dictionaries; add it with a user dictionary "
                   "(docs/actors.md)", err=True)
        sys.exit(1)
    click.echo(json.dumps(answer.as_dict(), ensure_ascii=False) if as_json else _lines(answer))


def _span(start: str | None, end: str | None) -> str:
    return f"{start or '...'} to {end or '...'}"


def _lines(a: ActorAnswer) -> str:
    period = (f"{_span(a.period.start, a.period.end)}"
              + (f" ({a.period.office})" if a.period.office else "")
              if a.period and a.period.dated else "outside every period: the plain code")
    out = [f"code     {a.code or '-'}", f"entry    {a.entry} ({a.name}; {a.kind})",
           f"source   {a.source}", f"period   {period}", "periods"]
    out += [f"  {p.code:<10} {_span(p.start, p.end) if p.dated else 'plain code'}"
            + (f"  {p.office}" if p.office else "") for p in a.periods]
    return "\n".join(out)
