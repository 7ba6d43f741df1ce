"""The root command group and options shared by several commands."""

from __future__ import annotations

import functools
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import click

from eventwire import __version__
from eventwire.errors import EventwireError

F = TypeVar("F", bound=Callable[..., Any])


class _Commands(click.Group):
    """The root group: Ctrl-C in any command exits 130, never click's "Aborted!" and 1.

    Why: exit status 1 means "some documents failed"; a run the user stopped is not that.
    ``code`` and ``ingest`` say more (what is kept) through :func:`interruptible`.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("eventwire: interrupted (SIGINT)", err=True)
            ctx.exit(128 + int(signal.SIGINT))


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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


def _raise_interrupt(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends at once
    raise KeyboardInterrupt(signum)


def interruptible(note: str) -> Callable[[F], F]:
    """Ctrl-C and SIGTERM stop the run cleanly and exit with 128 + the signal's number.

    Why: a run stopped by a user or a supervisor is neither "some documents failed" (1)
    nor a configuration error (2). SIGTERM is turned into the same KeyboardInterrupt as
    Ctrl-C, so both unwind the same way: workers stopped, open files and stores closed,
    no traceback. ``note`` tells the user what is kept.
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            main_thread = threading.current_thread() is threading.main_thread()
            previous = signal.signal(signal.SIGTERM, _raise_interrupt) if main_thread else None
            try:
                return func(*args, **kwargs)
            except KeyboardInterrupt as exc:
                given = exc.args[0] if exc.args else None
                signum = given if isinstance(given, int) else signal.SIGINT
                name = signal.Signals(signum).name
                click.echo(f"eventwire: interrupted ({name}); {note}", err=True)
                sys.exit(128 + int(signum))
            finally:
                if previous is not None:
                    signal.signal(signal.SIGTERM, previous)

        return wrapper  # type: ignore[return-value]

    return decorate
