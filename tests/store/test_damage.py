"""Damaged store files: each kind of damage has its own code and says what to do.

The files are real: a store is written, closed, and then bytes of it are overwritten, as a
failing disk or an interrupted copy would.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.store import EventFilter, Store

from .factory import event, record

#: Enough events that the middle of the file holds their data, not the catalogue.
DOCS, EVENTS = 300, 39


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("damage") / "good.duckdb"
    with Store(path) as store:
        store.add_records(
            record(f"d{i}", [event(j, date=f"2002-05-{1 + j % 28:02d}") for j in range(EVENTS)])
            for i in range(DOCS))
    return path


def _damaged(good: Path, tmp_path: Path, offset: int | None, data: bytes) -> Path:
    """A copy of ``good`` with ``data`` written at ``offset`` (None: the middle)."""
    path = tmp_path / "damaged.duckdb"
    shutil.copy(good, path)
    with path.open("r+b") as fh:
        fh.seek(os.path.getsize(path) // 2 if offset is None else offset)
        fh.write(data)
    return path


@pytest.fixture
def bad_header(good_db: Path, tmp_path: Path) -> Path:
    """The file's magic kept, its main header and first database header overwritten."""
    return _damaged(good_db, tmp_path, 16, b"\xab" * 8000)


@pytest.fixture
def bad_block(good_db: Path, tmp_path: Path) -> Path:
    """64 KiB of data written over the first block of the events' ``order_key`` (every
    listing and export reads it) and over that of the clusters' ids (ingest links new
    events to them)."""
    path = _damaged(good_db, tmp_path, _block_of(good_db, "events", "order_key"),
                    bytes(range(256)) * 256)
    with path.open("r+b") as fh:
        fh.seek(_block_of(good_db, "event_clusters", "cluster_id"))
        fh.write(bytes(range(256)) * 256)
    return path


#: DuckDB's file layout: three 4 KiB headers, then blocks of 256 KiB.
HEADERS, BLOCK = 3 * 4096, 256 * 1024


def _block_of(path: Path, table: str, column: str) -> int:
    """Where a column's data lies, asked of DuckDB rather than guessed from the file size
    (a new column of the events moves the middle of the file to another block)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        block = con.execute("SELECT min(block_id) FROM pragma_storage_info(?) "
                            "WHERE column_name = ? AND block_id >= 0",
                            [table, column]).fetchone()
    finally:
        con.close()
    assert block is not None and block[0] is not None
    return HEADERS + int(block[0]) * BLOCK


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), input="Rebels shelled the town on Monday.\n")


def _assert_coded(result: Any, code: str) -> None:
    assert result.exit_code == 2, result.output
    assert f"[{code}]" in result.output and "Traceback" not in result.output
    assert "eventwire ingest" in result.output  # what to do: code the documents again


def test_a_damaged_header_is_e413_not_a_lock(bad_header: Path) -> None:
    for read_only in (True, False):
        with pytest.raises(StoreError) as info:
            Store(bad_header, read_only=read_only)
        assert info.value.code == "E413", info.value
        assert "another process" not in str(info.value)


def test_a_header_overwritten_with_its_magic_is_not_a_duckdb_file(
    good_db: Path, tmp_path: Path
) -> None:
    with pytest.raises(StoreError) as info:
        Store(_damaged(good_db, tmp_path, 0, b"\xab" * 12288), read_only=True)
    assert info.value.code == "E401"


@pytest.mark.parametrize("command", [
    ["events"], ["export", "--format", "csv"], ["ingest", "-"],
])
def test_every_command_reports_a_damaged_header(bad_header: Path, command: list[str]) -> None:
    _assert_coded(_cli(*command, "--db", str(bad_header)), "E413")


@pytest.mark.parametrize("command", [
    ["events"], ["export", "--format", "csv"], ["export", "--format", "gdelt"], ["ingest", "-"],
])
def test_every_command_reports_a_damaged_block(bad_block: Path, command: list[str]) -> None:
    _assert_coded(_cli(*command, "--db", str(bad_block)), "E414")


def test_the_event_query_the_server_makes_raises_e414(bad_block: Path) -> None:
    with Store(bad_block, read_only=True) as store, pytest.raises(StoreError) as info:
        store.query_events(EventFilter(), limit=10_000)
    assert info.value.code == "E414"


def test_a_write_into_a_damaged_block_stops_instead_of_failing_each_document(
    bad_block: Path,
) -> None:
    with Store(bad_block) as store, pytest.raises(StoreError) as info:
        store.add_records([record("new", [event(1)])])
    assert info.value.code == "E414"
    assert "NEW.duckdb" in (info.value.hint or "")
