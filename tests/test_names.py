"""One name, one type: no two public classes of eventwire share a name.

Why: three ``Lexicon`` classes, two ``Outcome`` and two ``Candidate`` types made every
import a guess and every traceback ambiguous. A new class named like an existing one fails
here; the names below are the ones still shared, each in modules that never meet.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"
#: Still shared: the place resolver's and the time stage's own context.
SHARED = {"Context"}


def test_public_class_names_are_distinct() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                where[node.name].append(str(path.relative_to(PACKAGE)))
    shared = {name: paths for name, paths in where.items() if len(paths) > 1}
    assert set(shared) <= SHARED, shared
