"""``eventwire code``: print one JSON record per input document (JSON Lines)."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from eventwire.api import make_config
from eventwire.app import code_paths, count_inputs
from eventwire.cli.common import config_options, fail_on_error, interruptible, main
from eventwire.config import Config
from eventwire.ingest.stages import input_limit
from eventwire.model import Outcome
from eventwire.progress import RunProgress


def with_min_confidence(overrides: tuple[str, ...], value: float | None) -> list[str]:
    """``--min-confidence P`` is ``--set stages.events.min_confidence=P``."""
    extra = [] if value is None else [f"stages.events.min_confidence={value}"]
    return [*overrides, *extra]


def _open_out(path: str | None) -> IO[str]:
    if path is None or path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller


@main.command("code", epilog="""\b
Examples:
  eventwire code story.txt                       # one JSON record on stdout
  eventwire code news/ -o coded.jsonl --workers auto
  eventwire code articles.jsonl --dct 2009-03-14 > coded.jsonl
  cat story.txt | eventwire code - --min-confidence 0.5
""")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", default=None, help="Write JSON Lines here instead of stdout.")
@click.option(
    "--dct",
    default=None,
    metavar="YYYY-MM-DD",
    help="Document creation date for every input; overrides dates found in them.",
)
@click.option("--workers", default=None, help="Worker processes ('auto' = all cores).")
@click.option("--min-confidence", "min_confidence", default=None, type=click.FloatRange(0, 1),
              metavar="P", help="Keep only events coded with at least this confidence (0-1).")
@config_options
@fail_on_error
@interruptible("the records printed so far are complete")
def code_cmd(
    paths: tuple[str, ...],
    output: str | None,
    dct: str | None,
    workers: str | None,
    min_confidence: float | None,
    config_files: tuple[str, ...],
    overrides: tuple[str, ...],
    model: str | None,
    dictionaries: tuple[str, ...],
) -> None:
    """Code PATHS (files, directories or - for stdin) and print JSON Lines records."""
    config = make_config(
        config_files, with_min_confidence(overrides, min_confidence), model=model,
        workers=workers, dictionaries=dictionaries,
    )
    out = _open_out(output)
    try:
        with RunProgress("code", total=_total(paths, config)) as progress:
            progress.loading()
            for outcome in code_paths(paths, config, dct=dct):
                _emit(outcome, out, progress)
    finally:
        if out is not sys.stdout:
            out.close()
    click.echo(progress.summary(), err=True)
    if progress.failures:
        sys.exit(1)


def _emit(outcome: Outcome, out: IO[str], progress: RunProgress) -> None:
    """Write a coded record, or report a failure on standard error; count either."""
    if outcome.record is not None:
        out.write(json.dumps(outcome.record, ensure_ascii=False) + "\n")
        out.flush()
    else:
        progress.note(f"eventwire: {outcome.error}")
    events = len(outcome.record.get("events") or []) if outcome.record is not None else 0
    progress.document(events=events, failed=outcome.record is None)


def _total(paths: tuple[str, ...], config: Config) -> int | None:
    """The number of input documents for the bar's ETA, counted only when the bar is
    drawn (it reads the inputs once more) and never from a stream."""
    if not sys.stderr.isatty():
        return None
    return count_inputs(paths, input_limit(config))
