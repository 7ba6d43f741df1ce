"""Ctrl-C in any command exits 130 with one line, not click's "Aborted!" and status 1."""

from __future__ import annotations

import click
from click.testing import CliRunner

from eventwire.cli import main


def test_ctrl_c_in_any_command_exits_130() -> None:
    @click.command("interrupted-for-test")
    def interrupted() -> None:
        raise KeyboardInterrupt

    main.add_command(interrupted)
    try:
        result = CliRunner().invoke(main, ["interrupted-for-test"])
    finally:
        main.commands.pop("interrupted-for-test")
    assert result.exit_code == 130
    assert "interrupted" in result.output
    assert "Aborted" not in result.output
