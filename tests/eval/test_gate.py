"""The CI gate: every fixed gold subset must score at least its recorded floors.

The floors in ``baseline.json`` are measured figures, written by
``python -m eventwire.eval.baseline --write``. Raising one is a commit; lowering one must
be explained in the commit message (see docs/eval.md). Each subset's data must be the
data its floors were measured on (its SHA-256 is recorded with them).
"""

import json

import pytest

from eventwire.eval.baseline import (
    BASELINE,
    SUBSETS,
    Subset,
    check,
    check_digest,
    measure,
    repo_root,
)


@pytest.mark.parametrize("subset", SUBSETS, ids=[s.name for s in SUBSETS])
def test_subset_keeps_its_floors(subset: Subset) -> None:
    root = repo_root()
    baseline = json.loads((root / BASELINE).read_text("utf-8"))
    assert subset.name in baseline, f"no floors for {subset.name}: run the baseline script"
    changed = check_digest(subset, baseline[subset.name], root)
    assert changed is None, changed
    report = measure(subset, root)
    assert report.skipped == [], f"{subset.name}: the subset has malformed records"
    failures = check(report.figures(), baseline[subset.name], subset.name)
    header = "figures past their floors or ceilings (see docs/eval.md):"
    assert not failures, "\n".join([header, *failures])
