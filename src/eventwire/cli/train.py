"""``eventwire train``: fit the event model on the annotated corpus, and score coders on it.

``train events CORPUS -o DIR [--seed N]`` writes ``events.json`` and ``events.npz`` into DIR
(the same corpus and seed give the same bytes); ``--set stages.events.model=DIR`` codes with
them. ``train score CORPUS`` runs the whole pipeline on the corpus's test split and prints
event F1 and modality accuracy for the configured coder.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli.common import fail_on_error, main
from eventwire.errors import Errors, GoldFormatError


@main.group("train")
def train_group() -> None:
    """Train the event model on the annotated corpus (corpus/events)."""


def _corpus_error(exc: ValueError, corpus: str) -> GoldFormatError:
    return Errors.E504.error(problems=exc, corpus=corpus)


@train_group.command("events")
@click.argument("corpus", type=click.Path(exists=True))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False),
              help="Folder for the model files (events.json, events.npz).")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed.")
@fail_on_error
def train_events_cmd(corpus: str, out: str, seed: int) -> None:
    """Fit the learned event coder on CORPUS's train split and write it to OUT."""
    from eventwire.train.events import train_events

    try:
        report = train_events(Path(corpus), Path(out), seed=seed,
                              progress=lambda m: click.echo(f"eventwire: {m}", err=True))
    except ValueError as exc:
        raise _corpus_error(exc, corpus) from exc
    click.echo(f"eventwire: trained on {report.sentences} sentences "
               f"({report.gold_events} annotated events); wrote "
               + ", ".join(str(p) for p in report.paths), err=True)


@train_group.command("score")
@click.argument("corpus", type=click.Path(exists=True))
@click.option("--split", default="test", show_default=True, type=click.Choice(["test", "train"]))
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE",
              help="Override one configuration key, e.g. stages.events.coder=learned.")
@fail_on_error
def train_score_cmd(corpus: str, split: str, overrides: tuple[str, ...]) -> None:
    """Event F1 and modality accuracy of the configured coder on CORPUS's test split."""
    from eventwire.train.score import score_corpus

    try:
        score = score_corpus(Path(corpus), split, overrides)
    except ValueError as exc:
        raise _corpus_error(exc, corpus) from exc
    click.echo(json.dumps(score.as_dict()))
