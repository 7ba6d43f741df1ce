"""``eventwire config``: print the effective configuration, checked, as YAML."""

from __future__ import annotations

import click
import yaml

from eventwire.api import make_config
from eventwire.cli.common import config_options, fail_on_error, main
from eventwire.pipeline import check_stages


@main.command("config")
@config_options
@fail_on_error
def config_cmd(
    config_files: tuple[str, ...], overrides: tuple[str, ...], model: str | None,
    dictionaries: tuple[str, ...],
) -> None:
    """Print the configuration the other commands would use (defaults, --config, --set).

    Every key is checked against its settings model first, stage settings included, so
    this is also how to check a configuration file without running anything.
    """
    config = make_config(config_files, overrides, model=model, dictionaries=dictionaries)
    check_stages(config)
    click.echo(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), nl=False)
