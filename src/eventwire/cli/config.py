"""``eventwire config``: print the effective configuration, checked, as YAML."""

from __future__ import annotations

import click
import yaml

from eventwire.api import make_config
from eventwire.cli.common import config_options, fail_on_error, main
from eventwire.pipeline import check_stages


@main.command("config", epilog="""\b
Examples:
  eventwire config                               # the merged configuration
  eventwire config --show --set engine.workers=2
  eventwire config --config mine.yaml            # checks mine.yaml, prints the result
""")
@click.option("--show", is_flag=True,
              help="Print the merged configuration (what the command does without it too).")
@config_options
@fail_on_error
def config_cmd(
    show: bool, config_files: tuple[str, ...], overrides: tuple[str, ...],
    model: str | None, dictionaries: tuple[str, ...],
) -> None:
    """Print the configuration the other commands would use (defaults, --config, --set).

    Every key is checked against its settings model first, stage settings included, so
    this is also how to check a configuration file without running anything. ``--show``
    is accepted because error hints and habit name it; printing is all this command does.
    """
    config = make_config(config_files, overrides, model=model, dictionaries=dictionaries)
    check_stages(config)
    click.echo(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), nl=False)
