"""Measure the fixed gold subsets of the test data, and keep the CI gate's floors.

``python -m eventwire.eval.baseline`` prints the figures of every subset;
``--write`` records them in ``tests/eval/baseline.json`` as floors (rounded down to 3
decimals) or, for figures where lower is better, ceilings (rounded up). A floor is never
lowered (nor a ceiling raised) unless ``--allow-lower`` is given: a drop in accuracy must
be a deliberate, explained change, not a side effect of re-measuring.

Each entry also pins the SHA-256 digest of the data its bounds were measured on (as
trafilatura's gate does). Why: a floor guards a figure on one fixed set of items; if the
items change, the floor silently means something else. The gate fails on a digest that
is not the recorded one, and ``--write`` replaces the bounds of a changed subset only with
``--new-data``, which records the new digest and the figures measured on it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.eval.base import Figure, Report

__all__ = [
    "Subset",
    "SUBSETS",
    "repo_root",
    "measure",
    "check",
    "digest",
    "check_digest",
    "updated_entry",
    "pinned_entry",
    "main",
]


@dataclass(frozen=True)
class Subset:
    """A small fixed gold subset of the test data, evaluated as KIND.

    ``pin`` is the file or folder whose digest is recorded with the floors: the subset's
    path, or a folder holding what else the KIND reads next to it (dictionaries).
    ``overrides`` are ``--set`` values the subset is measured with: the same data can
    guard another configuration (the learned event coder) under its own name and floors.
    """

    name: str
    kind: str
    path: str
    pin: str | None = None
    overrides: tuple[str, ...] = ()

    @property
    def pinned(self) -> str:
        return self.pin or self.path


SUBSETS = (
    Subset("plover-gsr", "plover-gsr", "tests/data/eval/plover-gsr/subset.jsonl"),
    Subset(
        "plover-gsr-learned",
        "plover-gsr",
        "tests/data/eval/plover-gsr/subset.jsonl",
        overrides=("stages.events.coder=learned",),
    ),
    Subset(
        "plover-gsr-hybrid",
        "plover-gsr",
        "tests/data/eval/plover-gsr/subset.jsonl",
        overrides=("stages.events.coder=hybrid",),
    ),
    Subset(
        "petrarch",
        "petrarch",
        "tests/data/eval/petrarch/PETR.UnitTest.subset.xml",
        pin="tests/data/eval/petrarch",
    ),
    Subset("timeml", "timeml", "tests/data/eval/timeml"),
    Subset("geovirus", "geo", "tests/data/eval/geo/GeoVirus.subset.xml"),
    Subset("lgl", "geo", "tests/data/eval/geo/LGL.subset.xml.gz"),
    Subset("aeb", "aeb", "tests/data/eval/aeb"),
    Subset(
        "html-meta",
        "html-meta",
        "tests/data/eval/html-meta/meta.jsonl",
        pin="tests/data/eval/html-meta",
    ),
    Subset("seed", "seed", "tests/data/eval/seed"),
    Subset("seed-learned", "seed", "tests/data/eval/seed",
           overrides=("stages.events.coder=learned",)),
    Subset("seed-hybrid", "seed", "tests/data/eval/seed",
           overrides=("stages.events.coder=hybrid",)),
)
BASELINE = "tests/eval/baseline.json"


def repo_root() -> Path:
    """The repository holding the test data: the working directory or the source tree."""
    for candidate in (Path.cwd(), Path(__file__).resolve().parents[3]):
        if (candidate / "tests" / "data" / "eval").is_dir():
            return candidate
    raise SystemExit("eventwire: the test data (tests/data/eval) is not here; run from a clone")


def measure(subset: Subset, root: Path) -> Report:
    """Evaluate the system on one subset: the default configuration and its overrides."""
    from eventwire.eval.runner import run_eval

    return run_eval(subset.kind, root / subset.path, overrides=subset.overrides)


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, or of a folder's files (relative paths and contents,
    in sorted order, hidden files left out): the same data gives the same digest anywhere.
    """
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        rel = file.relative_to(path).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        file_digest = hashlib.sha256(file.read_bytes()).hexdigest()
        manifest.update(f"{rel}\0{file_digest}\n".encode())
    return manifest.hexdigest()


def check_digest(subset: Subset, entry: Mapping[str, Any], root: Path) -> str | None:
    """A message when the subset's data is not the data its bounds were measured on."""
    recorded = entry.get("sha256")
    found = digest(root / subset.pinned)
    if recorded == found:
        return None
    return (
        f"{subset.name}: {subset.pinned} has sha256 {found[:12]}..., but its floors were "
        f"measured on {str(recorded)[:12]}...; re-measure with `python -m "
        f"eventwire.eval.baseline --write --new-data --only {subset.name}` and say in the "
        "commit message why the data changed"
    )


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


def pinned_entry(
    subset: Subset,
    report: Report,
    old: Mapping[str, Any],
    root: Path,
    log: list[str],
    *,
    allow_lower: bool = False,
    new_data: bool = False,
) -> dict[str, Any]:
    """The subset's new entry: its data's digest and bounds updated by ``report``.

    Bounds measured on other data are no guide for this data: when the digest changed they
    are kept as they were, unless ``new_data`` says to measure them afresh.
    """
    found = digest(root / subset.pinned)
    recorded = old.get("sha256")
    if recorded == found:
        pass
    elif new_data:
        log.append(
            f"new data (sha256 {str(recorded)[:12]} -> {found[:12]}): bounds measured afresh"
        )
        old = {}
    elif recorded is not None:
        log.append(
            f"its data changed (sha256 {found[:12]}...): bounds kept; --new-data "
            "to measure them afresh on it"
        )
        return dict(old)
    else:
        log.append(f"sha256 recorded: {found[:12]}...")
    return {"sha256": found, **updated_entry(report, old, allow_lower, log)}


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
        "--new-data",
        action="store_true",
        help="let --write replace the bounds of a subset whose data changed (say why in the "
        "commit message)",
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
            baseline[subset.name] = pinned_entry(
                subset,
                report,
                baseline.get(subset.name) or {},
                root,
                log,
                allow_lower=args.allow_lower,
                new_data=args.new_data,
            )
            for line in log:
                print(f"  {subset.name}: {line}", file=sys.stderr)
    if args.write:
        path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", "utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
