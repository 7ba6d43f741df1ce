"""The hand-written hard dating cases of ``tests/data/ingest/dating`` (see expected.yaml)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from eventwire.ingest.dating import estimate_date
from eventwire.ingest.plaintext import parse_plaintext

CASES = Path(__file__).resolve().parent.parent / "data" / "ingest" / "dating"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((CASES / "expected.yaml").read_text())

#: Cases eventwire gets wrong, with the reason; kept so that a fix shows up as XPASS.
KNOWN_WRONG = {
    "27-crawl-date-wrong-un.txt": "one 'so far this year' comparison with a single named "
    "year is deliberately not enough to overturn a stated date, and the text names no day",
}


def _as_text(value: Any) -> str | None:
    return None if value is None else str(value)


def _same_date(got: str | None, want: str | None, tolerance: int) -> bool:
    if got and want and len(got) == len(want) == 10:
        return abs((date.fromisoformat(got) - date.fromisoformat(want)).days) <= tolerance
    return got == want


def test_there_are_at_least_twenty_cases_with_all_kinds() -> None:
    assert len(EXPECTED) >= 20
    assert all((CASES / name).is_file() for name in EXPECTED)
    kinds = {(e["stated"] is None, e["warning"]) for e in EXPECTED.values()}
    assert kinds == {(True, True), (False, True), (False, False)}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dating_case(name: str) -> None:
    if name in KNOWN_WRONG:
        pytest.xfail(KNOWN_WRONG[name])
    want = EXPECTED[name]
    parsed = parse_plaintext((CASES / name).read_text("utf-8"))
    result = estimate_date(parsed.text, parsed.meta, parsed.stated_date)
    assert parsed.stated_date == _as_text(want["stated"])
    assert _same_date(result.date, _as_text(want["written"]), int(want.get("tolerance", 0)))
    assert bool(result.warnings) == want["warning"], result.warnings
