"""The error catalogue (``eventwire.errors.Errors``) is the one place codes are written.

A code is read by users and scripts as one meaning: a code written as a literal in some
module, documented with another class than it is raised with, or a hint naming a command
that does not exist, is a code that means two things (or nothing) to its reader. So:

- no module but ``errors.py`` spells a code (``"E407"``); they name ``Errors.E407``;
- every code of the catalogue is in docs/errors.md, with the same class, and every row of
  docs/errors.md has an entry (or is a class's default code);
- every ``eventwire …`` command a hint or the table names exists, with its options;
- every call that builds an error gives the fields its template and hint ask for.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import click
import pytest

from eventwire import errors
from eventwire.cli import main
from eventwire.errors import Entry, Errors, EventwireError, catalogue_markdown

from .conftest import ROOT

SRC = ROOT / "src" / "eventwire"
DOC = ROOT / "docs" / "errors.md"
ROW = re.compile(r"^\| (E\d{3})(?:–(E\d{3}))? \| (\w+) \|[^|]*\|(.*)\|$", re.M)
LITERAL = re.compile(r"""^[rbuRBU]?(['"])E\d{3}\1$""")


def _entries() -> dict[str, Entry[EventwireError]]:
    return {name: value for name, value in vars(Errors).items() if isinstance(value, Entry)}


def _classes() -> list[type[EventwireError]]:
    return [c for c in vars(errors).values()
            if isinstance(c, type) and issubclass(c, EventwireError)]


def _codes_table() -> str:
    """The section of docs/errors.md that says what each code means."""
    return DOC.read_text("utf-8").split("## Codes", 1)[1].split("\n## ", 1)[0]


def _documented() -> dict[str, tuple[str, str]]:
    """code -> (class, what to do), ranges such as E201–E209 spelt out."""
    rows = {}
    for first, last, cls, todo in ROW.findall(_codes_table()):
        for n in range(int(first[1:]), int((last or first)[1:]) + 1):
            rows[f"E{n:03d}"] = (cls, todo.strip())
    return rows


def _sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _literals(path: Path) -> list[tuple[int, str]]:
    """(line, code) of every string token that is a bare code."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline)
    return [(tok.start[0], tok.string.strip("'\"")) for tok in tokens
            if tok.type == tokenize.STRING and LITERAL.match(tok.string)]


def test_the_literal_finder_finds_a_code() -> None:
    probe = SRC / "errors.py"
    assert any(code == "E000" for _, code in _literals(probe))


def test_no_module_but_errors_py_spells_a_code() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line} {code}"
        for path in _sources()
        if path.name != "errors.py" or path.parent != SRC
        for line, code in _literals(path)
    ]
    assert not found, f"use the catalogue (eventwire.errors.Errors) instead: {found}"


def test_no_module_builds_an_error_by_hand() -> None:
    """``raise InputError("...")`` would bypass the catalogue with the class's bare code."""
    names = {cls.__name__ for cls in _classes()}
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.func.id}(...)"
        for path in _sources() if path != SRC / "errors.py"
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        and node.func.id in names
    ]
    assert not found, f"build it with Errors.EXXX.error(...) instead: {found}"


def test_an_entry_takes_its_code_from_its_name() -> None:
    assert Errors.E601.code == "E601"
    assert all(entry.code == name[:4] and re.fullmatch(r"E\d{3}(_\w+)?", name)
               for name, entry in _entries().items())


def test_one_code_is_one_class() -> None:
    classes: dict[str, set[str]] = {}
    for entry in _entries().values():
        classes.setdefault(entry.code, set()).add(entry.cls.__name__)
    assert {code: c for code, c in classes.items() if len(c) > 1} == {}


def test_every_entry_is_documented_with_its_class() -> None:
    documented = _documented()
    wrong = [
        f"{name}: {entry.cls.__name__}, documented as {documented.get(entry.code, ('nothing',))[0]}"
        for name, entry in _entries().items()
        if documented.get(entry.code, ("",))[0] != entry.cls.__name__
    ]
    assert not wrong, wrong


def test_every_documented_code_is_raised_or_a_default() -> None:
    known = {entry.code: entry.cls.__name__ for entry in _entries().values()}
    known.update({cls.default_code: cls.__name__ for cls in _classes()})
    wrong = {code: cls for code, (cls, _) in _documented().items()
             if known.get(code) != cls}
    assert not wrong, f"documented but not in the catalogue (or another class): {wrong}"


def test_the_documented_messages_are_the_catalogue() -> None:
    text = DOC.read_text("utf-8")
    start, end = "<!-- catalogue: generated by scripts/errors_table.py -->\n", "<!-- end"
    assert start in text, "docs/errors.md lacks the catalogue's table"
    documented = text.split(start, 1)[1].split(end, 1)[0]
    assert documented == catalogue_markdown(), (
        "docs/errors.md's Messages table is not the catalogue's: run "
        "python scripts/errors_table.py")


def test_the_table_lists_each_code_once_in_order() -> None:
    codes = [m.group(1) for m in ROW.finditer(_codes_table())]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes))


# --- hints name commands that exist -------------------------------------------------------

#: ``eventwire`` followed by a word, where the word is a command (not "reinstall eventwire,
#: or ..." nor "upgrade eventwire to read it").
MENTION = re.compile(r"(?<!reinstall )(?<!upgrade )\beventwire ((?:[a-z][\w-]*)(?:[ ][^`;,()]*)?)")
NOT_COMMANDS = {"and", "or", "to", "is", "does", "knows", "wrote", "writes", "package", "process"}


def _hint_texts() -> list[tuple[str, str]]:
    texts = [(name, entry.hint) for name, entry in _entries().items() if entry.hint]
    texts += [(code, todo) for code, (_, todo) in _documented().items()]
    return texts


def _check_command(words: list[str]) -> str | None:
    """None if ``eventwire WORDS`` is a command with those options, else what is wrong."""
    command: click.Command = main
    words = list(words)
    while isinstance(command, click.Group) and words and words[0] in command.commands:
        command = command.commands[words.pop(0)]
    if command is main:
        return f"no command {words[0]!r}"
    options = {opt for param in command.params for opt in param.opts + param.secondary_opts}
    unknown = [w.split("=")[0] for w in words
               if w.startswith("-") and w.split("=")[0] not in options]
    return f"{command.name} has no option {unknown}" if unknown else None


def _mentions(text: str) -> list[list[str]]:
    found = []
    for match in MENTION.finditer(text):
        words = match.group(1).split()
        if words[0] not in NOT_COMMANDS:
            found.append(words)
    return found


def test_the_mention_finder_reads_commands_and_options() -> None:
    assert _mentions("run `eventwire serve --create` or reinstall eventwire, or") == [
        ["serve", "--create"]
    ]
    assert _check_command(["serve", "--create"]) is None
    assert _check_command(["serve", "--no-such-option"]) is not None
    assert _check_command(["frobnicate"]) is not None


def test_every_hint_names_commands_and_options_that_exist() -> None:
    wrong = [
        f"{where}: {problem}"
        for where, text in _hint_texts()
        for words in _mentions(text)
        if (problem := _check_command(words))
    ]
    assert not wrong, wrong


def _all_options(command: click.Command = main) -> set[str]:
    options = {opt for param in command.params for opt in param.opts + param.secondary_opts}
    for sub in getattr(command, "commands", {}).values():
        options |= _all_options(sub)
    return options


def test_every_option_a_hint_names_exists() -> None:
    """``--workers``, ``--db``, ``--set``: an option named alone is one some command takes
    (a ``curl`` command line's own options aside)."""
    known = _all_options()
    wrong = [
        f"{where}: {option}"
        for where, text in _hint_texts()
        for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", re.sub(r"curl [^;()]*", "", text))
        if option not in known
    ]
    assert not wrong, wrong


# --- templates get their fields ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(_entries()))
def test_each_template_formats_with_its_fields(name: str) -> None:
    entry = _entries()[name]
    assert not entry.fields & {"doc_id", "stage", "source", "detail", "status"}, (
        "a field of the template has the name of the error's own context")
    error = entry.error(**dict.fromkeys(entry.fields, 1))
    assert isinstance(error, entry.cls) and error.code == entry.code
    assert "{" not in error.message or "{" in entry.template.replace("{{", "")


def _entry_name(node: ast.expr) -> str | None:
    """``X`` for the expression ``Errors.X``."""
    if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id == "Errors"):
        return node.attr
    return None


def _calls() -> list[tuple[str, str, set[str], bool]]:
    """(where, entry name, keywords, has **kwargs) of every ``Errors.X.error(...)`` call, and
    of every call handing ``Errors.X`` to a helper with the fields (``gold_error``)."""
    calls = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = None
            if isinstance(node.func, ast.Attribute) and node.func.attr == "error":
                name = _entry_name(node.func.value)
            declares = isinstance(node.func, ast.Name) and node.func.id == "Code"
            if not declares:  # Code(Errors.X) names a settings field's entry; settings fill it
                name = name or next(filter(None, map(_entry_name, node.args)), None)
            if name:
                names = {k.arg for k in node.keywords if k.arg}
                splat = any(k.arg is None for k in node.keywords)
                calls.append((f"{path.relative_to(ROOT)}:{node.lineno}", name, names, splat))
    return calls


def test_every_call_gives_the_fields_its_entry_asks_for() -> None:
    entries = _entries()
    calls = _calls()
    assert calls, "the call finder found no Errors.X.error(...) call"
    wrong = [
        f"{where}: {name} lacks {sorted(entries[name].fields - names)}"
        if name in entries else f"{where}: no entry {name}"
        for where, name, names, splat in calls
        if name not in entries or (not splat and entries[name].fields - names)
    ]
    assert not wrong, wrong


def test_every_entry_is_used() -> None:
    text = "\n".join(p.read_text("utf-8") for p in _sources() if p != SRC / "errors.py")
    unused = [name for name in _entries() if not re.search(rf"\b{name}\b", text)]
    assert not unused, f"entries no module uses: {unused}"
