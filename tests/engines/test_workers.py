"""Worker processes: their errors come back coded, and they end with their parent."""

from __future__ import annotations

import gc
import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from eventwire.api import make_config
from eventwire.engines.local import ProcessPoolEngine, _init_worker
from eventwire.errors import DictionaryError, EngineError
from eventwire.model import Document
from eventwire.store import Store

SENTENCES = ["Police arrested two men in a northern town.",
             "The minister met farmers on Tuesday.",
             "Rebels attacked a convoy near the border."]


def _docs(n: int) -> list[Document]:
    return [Document(f"d{i}", f"mem:{i}", raw=f"{SENTENCES[i % 3]} Report {i}.")
            for i in range(n)]


def _write_jsonl(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"{SENTENCES[i % 3]} Report {i}."})
                            + "\n" for i in range(n)), encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_worker_that_cannot_build_the_pipeline_sends_its_coded_error(tmp_path: Path) -> None:
    config = make_config(dictionaries=[f"petrarch:{tmp_path}"])  # no verbs file: E234
    engine = ProcessPoolEngine(config, 2, checked=True)  # as if the parent check had passed
    try:
        with pytest.raises(DictionaryError) as caught:
            list(engine.run(_docs(4)))
    finally:
        engine.close()
    assert caught.value.code == "E234"


@pytest.mark.slow
def test_a_dead_worker_is_an_engine_error() -> None:
    config = make_config(overrides=["engine.batch_size=1", "engine.max_in_flight=1"])
    engine = ProcessPoolEngine(config, 2)
    outcomes = engine.run(_docs(30))
    try:
        next(outcomes)
        assert engine._pool is not None
        victim = next(iter(engine._pool._processes))  # type: ignore[attr-defined]
        os.kill(victim, signal.SIGKILL)
        with pytest.raises(EngineError) as caught:
            list(outcomes)
    finally:
        engine.close()
    assert caught.value.code == "E704"


class _BrokenPool:
    """A pool a dead worker has broken: it refuses every new batch."""

    def submit(self, *args: object, **kwargs: object) -> None:
        raise BrokenProcessPool("A child process terminated abruptly")

    def shutdown(self, **kwargs: object) -> None:
        return None


def test_a_pool_broken_before_the_next_batch_is_an_engine_error() -> None:
    engine = ProcessPoolEngine(make_config(), 2, checked=True)
    engine._pool = _BrokenPool()  # type: ignore[assignment]
    with pytest.raises(EngineError) as caught:
        list(engine.run(_docs(3)))
    engine.close()
    assert caught.value.code == "E704"


# --- a real command, killed while its workers code --------------------------------------

def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (workers and multiprocessing's helpers)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(tmp_path: Path, command: str) -> tuple[subprocess.Popen[bytes], set[int]]:
    """Start ``command`` with two workers; return once both workers have started."""
    src = _write_jsonl(tmp_path / "in.jsonl", 400)
    args = [sys.executable, "-m", "eventwire", command, str(src), "--workers", "2",
            "--set", "engine.batch_size=2"]
    if command == "ingest":
        args += ["--db", str(tmp_path / "s.duckdb")]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        kids = _children(proc.pid)
        if len(kids) >= 3:  # two workers and the resource tracker
            return proc, kids
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.2)
    proc.kill()
    raise AssertionError("the workers did not start")


def _gone_within(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.2)
    return {p for p in pids if _alive(p)}


@pytest.mark.slow
@pytest.mark.parametrize("command", ["code", "ingest"])
def test_workers_end_when_the_command_is_killed(tmp_path: Path, command: str) -> None:
    proc, kids = _start(tmp_path, command)
    time.sleep(1.0)  # let the workers load their pipelines
    proc.kill()
    proc.wait()
    assert _gone_within(kids, 20) == set()


@pytest.mark.slow
@pytest.mark.parametrize("command", ["code", "ingest"])
def test_sigterm_stops_the_run_like_ctrl_c(tmp_path: Path, command: str) -> None:
    proc, kids = _start(tmp_path, command)
    time.sleep(1.0)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    text = err.decode()
    assert "interrupted (SIGTERM)" in text and "Traceback" not in text
    assert _gone_within(kids, 5) == set()  # stopped by the parent, not by their watch
    if command == "ingest":  # the store was closed cleanly: it opens, stopped short
        with Store(tmp_path / "s.duckdb", read_only=True) as store:
            assert store.counts()["documents"] < 400


_CHECK = """
from eventwire.api import make_config
from eventwire.engines.local import check_and_release
from eventwire.nlp.model import load_model
from eventwire.places.gazetteer import load_gazetteer

check_and_release(make_config())
print(load_model.cache_info().currsize, load_gazetteer.cache_info().currsize)
"""


@pytest.mark.slow
def test_the_parent_check_keeps_no_model_or_gazetteer() -> None:
    done = subprocess.run([sys.executable, "-c", _CHECK], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "0"]


@pytest.mark.slow
def test_a_worker_keeps_its_pipeline_out_of_the_collectors_scans() -> None:
    """What a worker builds lives as long as it does: once built, it is frozen, so that
    full collections stop walking the gazetteer and the actor knowledge for every batch."""
    spawn = mp.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=spawn, initializer=_init_worker,
                             initargs=(make_config(), os.getpid(), False)) as pool:
        frozen = pool.submit(gc.get_freeze_count).result(timeout=120)
    assert frozen > 100_000
