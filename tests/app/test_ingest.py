"""``eventwire ingest`` with the real pipeline: idempotent, failures kept, crash-safe."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.store import TABLE_COLUMNS

ACTORS = ["Police", "Soldiers", "The government", "Rebels", "Protesters", "The ministry"]
ACTIONS = ["arrested twelve students", "attacked a convoy", "met union leaders",
           "condemned the election", "signed a ceasefire"]
PLACES = ["Nairobi", "Lagos", "Caracas", "Manila", "Kabul"]


def _write_input(path: Path, n: int = 30) -> Path:
    """Short invented news sentences (no real articles), and one broken line."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = (f"{ACTORS[i % len(ACTORS)]} {ACTIONS[i % len(ACTIONS)]} in "
                    f"{PLACES[i % len(PLACES)]} on Monday, officials said in report {i}.")
            fh.write(json.dumps({"text": text, "date": f"2010-06-{i % 27 + 1:02d}",
                                 "url": f"https://site{i % 4}.example/{i}"}) + "\n")
            if i == 12:
                fh.write("{this line is not JSON\n")
    return path


def _ingest(src: Path, db: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "eventwire", "ingest", str(src), "--db", str(db),
           "--workers", "1", *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def _tables(db: Path) -> dict[str, list[Any]]:
    con = duckdb.connect(str(db), read_only=True)
    out = {}
    for table in [*TABLE_COLUMNS, "event_clusters", "meta"]:
        cols = "* EXCLUDE (time)" if table == "failures" else "*"
        out[table] = con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
    con.close()
    return out


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    tmp = tmp_path_factory.mktemp("ingest")
    src = _write_input(tmp / "news.jsonl")
    db = tmp / "clean.duckdb"
    done = _ingest(src, db)
    return src, db, done.stderr + f"\nexit={done.returncode}"


def test_ingest_stores_documents_and_reports_failures(clean_run: tuple[Path, Path, str]) -> None:
    src, db, log = clean_run
    assert "exit=1" in log and "30 document(s) added" in log and "1 failed" in log
    tables = _tables(db)
    assert len(tables["documents"]) == 30
    [failure] = tables["failures"]
    assert failure[0] == f"{src}:14" and failure[2] == "E106"
    assert len(tables["sentences"]) >= 30


def test_second_run_adds_nothing(clean_run: tuple[Path, Path, str], tmp_path: Path) -> None:
    src, db, _ = clean_run
    copy = tmp_path / "again.duckdb"
    copy.write_bytes(db.read_bytes())
    before = _tables(copy)
    again = _ingest(src, copy)
    assert "0 document(s) added, 30 already stored" in again.stderr
    assert _tables(copy) == before


_CHILD = """
import sys
from eventwire.api import make_config
from eventwire.store import Store
from eventwire.app.ingest import ingest_paths

class Announcing(Store):
    def write_batch(self, batch):
        stats = super().write_batch(batch)
        print("committed", len(batch), flush=True)
        return stats

config = make_config(overrides=["engine.workers=1", "store.batch_size=3",
                               "stages.parse.batch_size=4"])
with Announcing(sys.argv[2], config=config) as store:
    ingest_paths(store, [sys.argv[1]], config, progress=False)
"""


def test_killed_run_resumes_to_the_same_tables(
    clean_run: tuple[Path, Path, str], tmp_path: Path
) -> None:
    src, clean_db, _ = clean_run
    db = tmp_path / "crashed.duckdb"
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(src), str(db)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for _ in range(3):  # let three batches commit, then kill while it codes the next
        assert child.stdout.readline().startswith("committed")
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    partial = _tables(db)
    assert 0 < len(partial["documents"]) < 30
    resumed = _ingest(src, db)
    assert "already stored" in resumed.stderr
    assert _tables(db) == _tables(clean_db)


def test_progress_bar_reports_documents_per_second(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from eventwire.api import make_config
    from eventwire.app.ingest import ingest_paths
    from eventwire.store import Store

    src = tmp_path / "broken.jsonl"  # unreadable records: stored as failures, no model load
    src.write_text("{not json\n[1, 2]\n", encoding="utf-8")
    config = make_config(overrides=["engine.workers=1"])
    with Store(tmp_path / "p.duckdb", config=config) as store:
        stats, seconds = ingest_paths(store, [src], config, progress=True)
        assert [f["code"] for f in store.failures()] == ["E106", "E104"]
    assert (stats.added, stats.failed) == (0, 2) and seconds > 0
    err = capsys.readouterr().err
    assert "docs/s" in err and "2/2" in err


def _records(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_an_id_given_again_with_other_text_is_a_failure_not_already_stored(
    tmp_path: Path,
) -> None:
    from eventwire.api import make_config
    from eventwire.app.ingest import ingest_paths
    from eventwire.store import Store

    first = _records(tmp_path / "first.jsonl", [
        {"id": "a1", "text": "Police arrested two men in a harbour town."},
        {"id": "a2", "text": "Farmers marched to the capital on Monday."},
    ])
    second = _records(tmp_path / "second.jsonl", [
        {"id": "a1", "text": "Soldiers shelled a village in the hills."},  # other text
        {"id": "a2", "text": "Farmers marched to the capital on Monday.\n"},  # same text
        {"id": "a3", "text": "The mayor opened a bridge."},
        {"id": "a3", "text": "The mayor closed a school."},  # same id twice in this input
    ])
    config = make_config(overrides=["engine.workers=1"])
    with Store(tmp_path / "s.duckdb", config=config) as store:
        ingest_paths(store, [first], config, progress=False)
        stats, _ = ingest_paths(store, [second], config, progress=False)
        failures = {f["doc_source"]: f for f in store.failures()}
        text = store.con.execute("SELECT text FROM documents WHERE doc_id = 'a1'").fetchone()
    assert (stats.added, stats.skipped, stats.failed) == (1, 1, 2)
    assert text == ("Police arrested two men in a harbour town.",)
    assert sorted(failures) == [f"{second}:1", f"{second}:4"]
    assert {f["code"] for f in failures.values()} == {"E113"}
    assert "'a1'" in failures[f"{second}:1"]["message"]
    assert "'a3'" in failures[f"{second}:4"]["message"]


def test_a_named_pipe_is_not_read_twice_to_count_it(tmp_path: Path) -> None:
    import threading

    from eventwire.app import count_inputs

    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w", encoding="utf-8") as fh:
            fh.write('{"text": "Rain fell."}\n')

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    assert count_inputs([fifo], 1000) is None
    fifo.read_bytes()  # the pipe's one reading, left for the run
    writer.join()
