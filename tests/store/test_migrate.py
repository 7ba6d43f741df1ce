"""Opening store files: schema versions, migrations and bad files, never corrupting them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.store import SCHEMA_VERSION, EventFilter, Store, record_to_rows
from eventwire.store.bulk import bulk_insert
from eventwire.store.migrate import v0_columns, v0_statements

from .factory import event, record


def _make_v0(path: Path) -> None:
    """A database as written before deduplication existed (schema 0)."""
    con = duckdb.connect(str(path))
    for stmt in v0_statements():
        con.execute(stmt)
    for seq, rec in enumerate([record("a", [event(1)]), record("b", [event(1)])], 1):
        rows = record_to_rows(rec)
        rows["documents"][0]["seq"] = seq
        for table, table_rows in rows.items():
            bulk_insert(con, table, v0_columns(table), table_rows)
    con.close()


def _error(path: Path, **kwargs: bool) -> StoreError:
    with pytest.raises(StoreError) as info:
        Store(path, **kwargs)
    return info.value


def test_new_database_records_its_schema_version(db_path: Path) -> None:
    with Store(db_path) as st:
        assert st.version == SCHEMA_VERSION
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("SELECT value FROM meta").fetchall() == [(str(SCHEMA_VERSION),)]
    con.close()


def test_v0_database_is_migrated_with_its_clusters(db_path: Path) -> None:
    _make_v0(db_path)
    with Store(db_path) as st:
        assert st.version == SCHEMA_VERSION
        assert [r["event_id"] for r in st.query_events(EventFilter()).rows] == ["b/e1", "a/e1"]
        ev = st.get_event("b/e1")
        assert ev is not None and ev["cluster_id"] == "a/e1"
        assert ev["cluster"]["num_articles"] == 2
        st.add_records([record("c", [event(1)])])
        assert st.get_event("c/e1")["cluster"]["num_articles"] == 3  # type: ignore[index]


def test_v0_database_opened_read_only_is_not_touched(db_path: Path) -> None:
    _make_v0(db_path)
    assert _error(db_path, read_only=True).code == "E405"
    con = duckdb.connect(str(db_path), read_only=True)
    tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    con.close()
    assert "meta" not in tables and "event_clusters" not in tables


def test_newer_schema_is_refused(db_path: Path) -> None:
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                [str(SCHEMA_VERSION + 1)])
    con.close()
    error = _error(db_path)
    assert error.code == "E404" and "newer" in error.message


def test_a_file_that_is_not_duckdb_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    content = b"these are my notes, not a database\n" * 200
    path.write_bytes(content)
    assert _error(path).code == "E401"
    assert path.read_bytes() == content


def test_database_in_a_missing_folder(tmp_path: Path) -> None:
    error = _error(tmp_path / "no" / "such" / "events.duckdb")
    assert error.code == "E403" and "folder" in error.message


def test_missing_database_opened_read_only(tmp_path: Path) -> None:
    assert _error(tmp_path / "none.duckdb", read_only=True).code == "E409"
    assert not (tmp_path / "none.duckdb").exists()


_HOLDER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(60)
"""


def test_database_locked_by_another_writer(db_path: Path) -> None:
    Store(db_path).close()
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        error = _error(db_path)
        assert error.code == "E402" and "another process" in error.message
    finally:
        holder.kill()
        holder.wait()
    with Store(db_path) as st:  # usable again once the other writer is gone
        assert st.counts()["documents"] == 0


@pytest.fixture
def read_only_db(db_path: Path) -> Iterator[Path]:
    """A store file that cannot be written: by permissions, or on a read-only mount.

    Permissions do not stop root, so as root the file is put on a tmpfs remounted
    read-only (the same error a read-only disk gives).
    """
    Store(db_path).close()
    db_path.chmod(0o444)
    if not os.access(db_path, os.W_OK):
        yield db_path
        db_path.chmod(0o644)
        return
    mount = Path(tempfile.mkdtemp(prefix="eventwire-ro-"))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("cannot make a read-only file system here (mount refused)")
    try:
        target = mount / db_path.name
        shutil.copy(db_path, target)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield target
    finally:
        subprocess.run(["umount", str(mount)], check=False)
        mount.rmdir()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_file_gives_a_clear_error(read_only_db: Path) -> None:
    error = _error(read_only_db)
    assert error.code == "E403" and "for writing" in error.message
    with Store(read_only_db, read_only=True) as store:  # reading still works
        assert store.counts()["documents"] == 0


def test_tables_without_the_schema_columns_are_refused(db_path: Path) -> None:
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("CREATE OR REPLACE TABLE failures (doc_id VARCHAR, note VARCHAR)")
    con.close()
    error = _error(db_path)
    assert error.code == "E412" and "failures.code" in error.message
