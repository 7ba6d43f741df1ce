"""Both bulk-insert paths (Arrow and typed list parameters) store the same rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.store import TABLE_COLUMNS, record_to_rows
from eventwire.store.bulk import HAVE_ARROW, bulk_insert
from eventwire.store.schema import create_statements

from .factory import event, record


def _fill(path: Path, arrow: bool) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(path))
    for stmt in create_statements():
        con.execute(stmt)
    rec = record("d", [event(1, place=(1.5, 2.5), country="CHN"), event(2, source=None)])
    for table, rows in record_to_rows(rec).items():
        assert bulk_insert(con, table, TABLE_COLUMNS[table], rows, arrow=arrow) == len(rows)
    out = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLE_COLUMNS}
    con.close()
    return out


@pytest.mark.skipif(not HAVE_ARROW, reason="pyarrow is not installed")
def test_arrow_and_list_paths_agree(tmp_path: Path) -> None:
    via_arrow = _fill(tmp_path / "a.duckdb", arrow=True)
    via_lists = _fill(tmp_path / "b.duckdb", arrow=False)
    assert via_arrow == via_lists
    assert len(via_arrow["events"]) == 2 and via_arrow["events"][1][13] is None


def test_nothing_to_insert_is_a_no_op(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "c.duckdb"))
    assert bulk_insert(con, "t", [("a", "INTEGER")], []) == 0
    con.close()
