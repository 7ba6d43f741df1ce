"""Help texts show examples, and every option an example uses exists on its command;
``eventwire config --show`` is what error hints and users call it."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from eventwire.cli import main

COMMANDS = ("code", "ingest", "eval", "serve", "config", "actor")


def _examples(command: str) -> list[str]:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    _, found, examples = result.output.partition("Examples:")
    assert found, f"eventwire {command} --help shows no examples"
    return [line.strip() for line in examples.splitlines() if line.strip()]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_examples_with_real_options(command: str) -> None:
    lines = [x for x in _examples(command) if f"eventwire {command}" in x]
    assert lines, f"no example runs eventwire {command}"
    known = {opt for p in main.commands[command].params for opt in p.opts}
    for line in lines:
        used = re.findall(r"(?<!\S)(--?[a-z][a-z-]*)", line.split("#")[0])
        assert set(used) <= known, (line, set(used) - known)


def test_config_show_prints_the_merged_configuration() -> None:
    runner = CliRunner()
    plain = runner.invoke(main, ["config", "--set", "engine.workers=2"])
    shown = runner.invoke(main, ["config", "--show", "--set", "engine.workers=2"])
    assert shown.exit_code == 0, shown.output
    assert shown.output == plain.output and "workers: 2" in shown.output
