"""Measure the fixed gold subsets of the test data, and keep the CI gate's floors.

``python -m eventwire.eval.baseline`` prints the figures of every subset;
``--write`` records them in ``tests/eval/baseline.json`` as floors (rounded down to 3
decimals) or, for figures where lower is better, ceilings (rounded up). A floor is never
lowered (nor a ceiling raised) unless ``--allow-lower`` is given: a drop in accuracy must
be a deliberate, explained change, not a side effect of re-measuring.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.eval.base import Figure, Report

__all__ = ["Subset", "SUBSETS", "repo_root", "measure", "check", "updated_entry", "main"]


@dataclass(frozen=True)
class Subset:
    """A small fixed gold subset of the test data, evaluated as KIND."""

    name: str
    kind: str
    path: str


SUBSETS = (
    Subset("plover-gsr", "plover-gsr", "tests/data/eval/plover-gsr/subset.jsonl"),
    Subset("petrarch", "petrarch", "tests/data/eval/petrarch/PETR.UnitTest.subset.xml"),
    Subset("timeml", "timeml", "tests/data/eval/timeml"),
    Subset("geovirus", "geo", "tests/data/eval/geo/GeoVirus.subset.xml"),
    Subset("lgl", "geo", "tests/data/eval/geo/LGL.subset.xml.gz"),
    Subset("aeb", "aeb", "tests/data/eval/aeb"),
    Subset("seed", "seed", "tests/data/eval/seed/defectors-2002.gold.json"),
)
BASELINE = "tests/eval/baseline.json"


def repo_root() -> Path:
    """The repository holding the test data: the working directory or the source tree."""
    for candidate in (Path.cwd(), Path(__file__).resolve().parents[3]):
        if (candidate / "tests" / "data" / "eval").is_dir():
            return candidate
    raise SystemExit("eventwire: the test data (tests/data/eval) is not here; run from a clone")


def measure(subset: Subset, root: Path) -> Report:
    """Evaluate the system on one subset with the default configuration."""
    from eventwire.eval.runner import run_eval

    return run_eval(subset.kind, root / subset.path)


def _down(value: float | int) -> float | int:
    """Rounded down to 3 decimals (counts stay integers)."""
    return value if isinstance(value, int) else math.floor(round(value * 1000, 6)) / 1000


def _up(value: float | int) -> float | int:
    """Rounded up to 3 decimals (counts stay integers)."""
    return value if isinstance(value, int) else math.ceil(round(value * 1000, 6)) / 1000


def check(figures: Mapping[str, Figure], entry: Mapping[str, Any], name: str) -> list[str]:
    """The gate: one message per figure below its floor or above its ceiling."""
    failures = []
    for bound, worse in (("floors", lambda v, b: v < b), ("ceilings", lambda v, b: v > b)):
        for figure, limit in (entry.get(bound) or {}).items():
            value = figures.get(figure)
            if value is None or worse(value, limit):
                side = "below its floor" if bound == "floors" else "above its ceiling"
                failures.append(f"{name}: {figure} = {value} is {side} {limit}")
    return failures


def updated_entry(
    report: Report, old: Mapping[str, Any], allow_lower: bool, log: list[str]
) -> dict[str, dict[str, float | int]]:
    """New floors and ceilings from a report; never looser than ``old`` unless allowed."""
    floors = dict(old.get("floors") or {})
    ceilings = dict(old.get("ceilings") or {})
    for figure, value in report.figures().items():
        if value is None:
            continue
        if figure in report.LOWER_IS_BETTER:
            new, previous = _up(value), ceilings.get(figure)
            looser = previous is not None and new > previous
            target = ceilings
        else:
            new, previous = _down(value), floors.get(figure)
            looser = previous is not None and new < previous
            target = floors
        if looser and not allow_lower:
            log.append(f"kept {figure} at {previous} (measured {value}); --allow-lower to change")
            continue
        if previous != new:
            log.append(f"{figure}: {previous} -> {new}")
        target[figure] = new
    return {"floors": floors, "ceilings": ceilings}


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m eventwire.eval.baseline",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    parser.add_argument("--write", action="store_true", help=f"record the figures in {BASELINE}")
    parser.add_argument(
        "--allow-lower",
        action="store_true",
        help="let --write lower a floor or raise a ceiling (explain it in the commit message)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=None,
        metavar="SUBSET",
        help="measure only this subset (repeatable)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Measure the subsets; print their figures, and with --write update the baseline."""
    args = _arguments(argv)
    root = repo_root()
    path = root / BASELINE
    baseline = json.loads(path.read_text("utf-8")) if path.exists() else {}
    for subset in SUBSETS:
        if args.only and subset.name not in args.only:
            continue
        report = measure(subset, root)
        print(json.dumps({"subset": subset.name, "figures": report.figures()}))
        if args.write:
            log: list[str] = []
            baseline[subset.name] = updated_entry(
                report, baseline.get(subset.name) or {}, args.allow_lower, log
            )
            for line in log:
                print(f"  {subset.name}: {line}", file=sys.stderr)
    if args.write:
        path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", "utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
