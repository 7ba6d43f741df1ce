"""The README's promises: two Quick start commands, and CI runs the second one exactly."""

import re

from .conftest import ROOT


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands() -> None:
    cmds = _quick_start_commands()
    assert len(cmds) == 2
    assert "examples/defectors-2002.txt" in cmds[0]
    assert "pytest" in cmds[1]


def test_ci_runs_the_readme_test_command_exactly() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert _quick_start_commands()[1] in ci
