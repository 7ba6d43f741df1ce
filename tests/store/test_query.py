"""The date filters (``since``, ``until``) are read exactly as ``YYYY-MM-DD``, by the
store, ``eventwire events`` and the API alike."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.store import EventFilter, Store
from eventwire.store.query import parse_day

from .factory import event, record


def test_a_day_is_exactly_year_month_day() -> None:
    assert parse_day("2002-05-08", "since") == date(2002, 5, 8)
    assert parse_day(date(2002, 5, 8), "since") == date(2002, 5, 8)


@pytest.mark.parametrize("value", ["2002-01-01garbage", "2002-01-01T00:00:00", "20020101",
                                   "2002-01-01 ", " 2002-01-01", "2002-1-1", "2002-13-01",
                                   "２００２-01-01", "2002-W01-1"])
def test_anything_else_is_refused(value: str) -> None:
    with pytest.raises(StoreError) as info:
        EventFilter(since=value)
    assert info.value.code == "E407" and "YYYY-MM-DD" in info.value.message


def test_events_refuses_a_date_with_trailing_text(store: Store, db_path: Path) -> None:
    store.add_records([record("a", [event(1, date="2002-01-05")])])
    store.close()
    runner = CliRunner()
    bad = runner.invoke(main, ["events", "--db", str(db_path), "--since", "2002-01-01garbage"])
    assert bad.exit_code == 2 and "E407" in bad.stderr
    good = runner.invoke(main, ["events", "--db", str(db_path), "--since", "2002-01-01",
                                "--format", "jsonl"])
    assert good.exit_code == 0 and good.stdout.count("\n") == 1
