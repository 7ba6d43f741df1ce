"""The root command group and options shared by several commands."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from eventwire import __version__
from eventwire.errors import EventwireError

F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """eventwire: news in, coded political events (CAMEO, PLOVER) out, with evidence."""


def config_options(func: F) -> F:
    """--config, --set, --model and --dictionary, the options every coding command takes."""
    func = click.option("--dictionary", "dictionaries", multiple=True, metavar="SPEC",
                        help="A user dictionary (YAML) or petrarch:DIR; repeatable.")(func)
    func = click.option(
        "--model",
        default=None,
        metavar="NAME",
        help="An installed spaCy pipeline to use instead of the default.",
    )(func)
    func = click.option(
        "--set",
        "overrides",
        multiple=True,
        metavar="KEY=VALUE",
        help="Override one configuration key, e.g. engine.workers=2.",
    )(func)
    func = click.option(
        "--config",
        "config_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="A YAML file layered over the default configuration.",
    )(func)
    return func


def fail_on_error(func: F) -> F:
    """Print an EventwireError as one clear line and exit 2, instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except EventwireError as exc:
            click.echo(f"eventwire: error: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]
