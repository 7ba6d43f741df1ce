"""``eventwire eval``: score the system on a gold set and print the figures."""

from __future__ import annotations

import json

import click

from eventwire.cli.common import config_options, fail_on_error, main
from eventwire.progress import RunProgress


@main.command("eval", epilog="""\b
Examples:
  eventwire eval seed tests/data/eval/seed/defectors-2002.gold.json
  eventwire eval plover-gsr gold.jsonl --split dev --json
  eventwire eval geo lgl.xml --limit 40
""")
@click.argument("kind", metavar="KIND")
@click.argument("path", type=click.Path(exists=True))
@click.option(
    "--limit", type=click.IntRange(min=0), default=None, help="Evaluate only the first N items."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with every figure.")
@click.option(
    "--split",
    type=click.Choice(["dev", "check", "all"]),
    default="all",
    show_default=True,
    help="Score the dev part, the locked check part, or all of the set (docs/eval.md).",
)
@click.option(
    "--pages",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="The folder of the pages, for html-meta (default: html/ beside the gold file).",
)
@config_options
@fail_on_error
def eval_cmd(
    kind: str,
    path: str,
    limit: int | None,
    as_json: bool,
    split: str,
    pages: str | None,
    config_files: tuple[str, ...],
    overrides: tuple[str, ...],
    model: str | None,
    dictionaries: tuple[str, ...],
) -> None:
    """Evaluate on gold data at PATH.

    KIND: plover-gsr, petrarch, timeml, geo, aeb, html-meta, seed.
    """
    from eventwire.eval.runner import run_eval
    from eventwire.eval.table import render

    with RunProgress("eval") as progress:
        report = run_eval(
            kind,
            path,
            limit=limit,
            config_files=config_files,
            overrides=overrides,
            model=model,
            dictionaries=dictionaries,
            split=split,
            progress=progress,
            pages=pages,
        )
    click.echo(progress.summary(), err=True)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        render(report)
