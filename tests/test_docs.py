"""The README's promises: two Quick start commands, and CI runs the second one exactly;
every command and option is described, and docs/index.md lists every page."""

import re

import click

from eventwire.cli import main

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


def _prose() -> str:
    """The README and every page of docs/, where users look up a command or option."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(p.read_text("utf-8") for p in pages)


def _described(opts: list[str], text: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", text) for o in opts)


def test_every_command_is_described() -> None:
    text = _prose()
    missing = [name for name in main.commands if f"eventwire {name}" not in text]
    assert not missing, f"commands not described in README.md or docs/: {missing}"


def test_every_option_of_every_command_is_described() -> None:
    text = _prose()
    commands = [("eventwire", main), *((f"eventwire {n}", c) for n, c in main.commands.items())]
    missing = [
        f"{name} {param.opts[0]}"
        for name, command in commands
        for param in command.params
        if isinstance(param, click.Option) and not _described(param.opts, text)
    ]
    assert not missing, f"options not described in README.md or docs/: {missing}"


def test_the_option_check_can_fail() -> None:
    assert {"code", "ingest", "events", "export", "eval", "serve"} <= set(main.commands)
    assert not _described(["--no-such-option"], _prose())
    assert not _described(["-o"], "--one and -oo")


def test_the_docs_index_lists_every_page_once() -> None:
    index = (ROOT / "docs" / "index.md").read_text("utf-8")
    linked = re.findall(r"^- \[([\w-]+\.md)\]\(\1\): \S", index, re.M)
    pages = sorted(p.name for p in (ROOT / "docs").glob("*.md") if p.name != "index.md")
    assert sorted(linked) == pages
    assert len(linked) == len(set(linked))
