"""The layers of docs/architecture.md, checked on the imports of the source tree.

Every ``import eventwire.X`` and ``from eventwire.X import ...`` of every module counts,
at the top of a module or inside a function: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "eventwire"

#: The packages that hold stages and what they know (one concern each).
CONCERNS = frozenset({"ingest", "nlp", "actors", "events", "anchor", "places", "time",
                      "quantities"})
#: The bottom layer: what every other layer may import, and which imports none of them.
BASE = frozenset({"errors", "model", "config", "settings", "cache", "schema"})
#: The application layer and the shells over it.
APP = frozenset({"app", "api"})
SHELLS = frozenset({"cli", "serve"})

#: What each part of the package must not import (top-level names under ``eventwire``).
FORBIDDEN: dict[str, frozenset[str]] = {
    **{name: frozenset({"pipeline", "progress", "engines", "store", "export", "eval", "train",
                        "api", "app", "cli", "serve"} | CONCERNS) for name in BASE},
    "pipeline": frozenset({"engines", "store", "export", "eval", "train"} | APP | SHELLS),
    **{name: frozenset({"engines", "store", "export", "eval", "train"} | APP | SHELLS)
       for name in CONCERNS},
    "engines": frozenset({"export", "eval", "train"} | APP | SHELLS),
    "store": frozenset({"pipeline", "progress", "engines", "eval", "train"} | CONCERNS
                       | APP | SHELLS),
    "export": frozenset({"pipeline", "engines", "eval", "train"} | APP | SHELLS),
    "app": frozenset({"api", "export", "eval", "train"} | SHELLS),
    "api": SHELLS,
    "eval": SHELLS,
    "train": SHELLS,
    "serve": frozenset({"cli", "engines"}),
    "progress": frozenset({"engines", "store"} | APP | SHELLS),
}
#: Nothing imports the command line except the command line and ``python -m eventwire``.
CLI_ALLOWED = frozenset({"cli", "__main__"})

#: Imports that break a rule above on purpose, each with its reason.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("eventwire.store.vocab", "eventwire.actors.lexicon"):
        "the store checks an actor filter's role code against the actor lexicon's table "
        "of role codes (data, no pipeline), so that a typo gets close matches (E415)",
}


def _part(module: str) -> str:
    """``eventwire.store.ingest`` -> ``store``; ``eventwire.api`` -> ``api``."""
    return module.split(".")[1]


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, module: str) -> set[str]:
    """The ``eventwire.*`` modules that ``path`` imports (relative imports resolved)."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("eventwire.")}


def _is_excepted(module: str, imported: str) -> bool:
    return any(module == m and (imported == i or imported.startswith(i + "."))
               for m, i in EXCEPTIONS)


def _module_exists(name: str) -> bool:
    """Whether ``name`` is a module or package of the tree (not a name inside one)."""
    rel = Path(*name.split(".")[1:])
    return (SRC / rel).with_suffix(".py").exists() or (SRC / rel / "__init__.py").exists()


def violations() -> list[str]:
    """Every import that crosses a layer it must not, as ``module -> imported``."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        module = _module_name(path)
        if module == "eventwire":
            continue
        part = _part(module)
        forbidden = FORBIDDEN.get(part, frozenset())
        for imported in sorted(_imports(path, module)):
            if not _module_exists(imported):
                continue
            target = _part(imported)
            if target == part:
                continue
            bad = target in forbidden or (target == "cli" and part not in CLI_ALLOWED)
            if bad and not _is_excepted(module, imported):
                found.append(f"{module} -> {imported}")
    return found


def test_no_package_imports_a_layer_it_must_not() -> None:
    assert violations() == []


def test_every_exception_is_still_needed() -> None:
    """An exception that no import uses any more is removed, so the list stays true."""
    used = {(m, i) for m, i in EXCEPTIONS
            for path in SRC.rglob("*.py") if _module_name(path) == m
            for imported in _imports(path, m)
            if imported == i or imported.startswith(i + ".")}
    assert set(EXCEPTIONS) == used


@pytest.mark.parametrize(("source", "expected"), [
    ("from eventwire.engines import make_engine\n", "eventwire.store.fake -> eventwire.engines"),
    ("def f():\n    from eventwire.api import code_text\n",
     "eventwire.store.fake -> eventwire.api"),
    ("from ..pipeline import build_pipeline\n", "eventwire.store.fake -> eventwire.pipeline"),
])
def test_the_check_sees_a_forbidden_import(
    source: str, expected: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The check itself can fail: a store module importing an engine, the library's
    front door (inside a function) or the pipeline (relatively) is reported."""
    tree = tmp_path / "eventwire"
    (tree / "store").mkdir(parents=True)
    for name in ("engines", "api.py", "pipeline.py"):
        target = tree / name
        if name.endswith(".py"):
            target.write_text("", "utf-8")
        else:
            target.mkdir()
            (target / "__init__.py").write_text("", "utf-8")
    (tree / "__init__.py").write_text("", "utf-8")
    (tree / "store" / "__init__.py").write_text("", "utf-8")
    (tree / "store" / "fake.py").write_text(source, "utf-8")
    monkeypatch.setattr(sys.modules[__name__], "SRC", tree)
    assert violations() == [expected]
