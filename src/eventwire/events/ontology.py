"""The CAMEO ontology and its PLOVER mapping, read from the package's own CSV files.

Why its own module: every coder (the built-in lexicon, PETRARCH dictionaries) ends with a
CAMEO code, and turning that code into root, QuadClass, Goldstein score and PLOVER type is
the same table lookup for all of them. Codes missing from the PLOVER table take the
mapping of their nearest ancestor ("0841" -> "084" -> "08").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.errors import Errors

__all__ = ["CameoInfo", "Ontology", "load_ontology"]


@dataclass(frozen=True, slots=True)
class CameoInfo:
    """What eventwire knows about one CAMEO code."""

    code: str
    name: str
    root: str
    quad_class: int | None
    goldstein: float | None
    event_type: str | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)


def _read_csv(name: str) -> list[dict[str, str]]:
    try:
        text = resources.files("eventwire.data.events").joinpath(name).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise Errors.E230.error(name=name) from exc
    return list(csv.DictReader(text.splitlines()))


class Ontology:
    """CAMEO codes with their scores and PLOVER mapping."""

    def __init__(self, cameo: list[dict[str, str]], plover: list[dict[str, str]]) -> None:
        self._cameo = {row["code"]: row for row in cameo}
        self._plover = {row["code"]: row for row in plover}

    def __contains__(self, code: str) -> bool:
        return code in self._cameo

    def codes(self) -> list[str]:
        """Every CAMEO code of the table, in its order."""
        return list(self._cameo)

    def _ancestor(self, table: dict[str, dict[str, str]], code: str) -> dict[str, str] | None:
        while code:
            if code in table:
                return table[code]
            code = code[:-1] if len(code) > 2 else ""
        return None

    def info(self, code: str) -> CameoInfo:
        """Everything about ``code``; unknown codes keep their root and nothing else."""
        row = self._ancestor(self._cameo, code)
        plover = self._ancestor(self._plover, code)
        root = code[:2]
        return CameoInfo(
            code=code,
            name=row["name"] if row else "",
            root=root,
            quad_class=int(row["quad_class"]) if row else None,
            goldstein=float(row["goldstein"]) if row and row["goldstein"] else None,
            event_type=(plover["event_type"] or None) if plover else None,
            mode=(plover["mode"] or None) if plover else None,
            context=[c for c in (plover["context"] if plover else "").split(";") if c],
        )


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The shipped ontology (read once per process)."""
    return Ontology(_read_csv("cameo.csv"), _read_csv("cameo_plover.csv"))
