"""``eventwire code`` run as a user runs it: a real subprocess on real files."""

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.schema import record_errors

from ..conftest import EXAMPLE


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire", "code", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


def test_example_gives_one_valid_record_covering_the_body() -> None:
    proc = _run(str(EXAMPLE), "--workers", "1")
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert record_errors(rec) == []
    body = "Police nabbed the two men, two woman and a toddler"
    start = rec["text"].index(body)
    assert any(s["start"] <= start < s["end"] for s in rec["sentences"])
    last = "kept apart from family members"
    pos = rec["text"].index(last)
    assert any(s["start"] <= pos < s["end"] for s in rec["sentences"])


def test_bad_files_are_reported_and_good_one_still_coded(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text("Police arrested five men in Shenyang on May 8.")
    (tmp_path / "b-empty.txt").write_text("")
    (tmp_path / "c-binary.txt").write_bytes(bytes(range(256)) * 40)
    proc = _run(str(tmp_path), "--workers", "1")
    assert proc.returncode != 0
    records = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(records) == 1 and "Shenyang" in records[0]["text"]
    err = proc.stderr.decode()
    assert "b-empty.txt" in err and "empty" in err
    assert "c-binary.txt" in err and "binary" in err


def test_stdin_and_dct_override() -> None:
    proc = _run("-", "--dct", "2002-05-22", "--workers", "1", stdin=b"Japan protested on Monday.")
    assert proc.returncode == 0, proc.stderr.decode()
    rec = json.loads(proc.stdout)
    assert rec["date"] == "2002-05-22" and rec["source"] == "-"


def test_jsonl_order_is_kept_with_two_workers(tmp_path: Path) -> None:
    f = tmp_path / "many.jsonl"
    f.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": f"Story number {i}."}) + "\n" for i in range(40))
    )
    proc = _run(str(f), "--workers", "2", "--set", "engine.batch_size=3")
    assert proc.returncode == 0, proc.stderr.decode()
    ids = [json.loads(x)["doc_id"] for x in proc.stdout.decode().splitlines()]
    assert ids == [f"d{i}" for i in range(40)]


def test_bad_dct_is_a_clear_error() -> None:
    proc = _run(str(EXAMPLE), "--dct", "22/05/2002")
    assert proc.returncode == 2
    assert "YYYY-MM-DD" in proc.stderr.decode()


def _many(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": f"Farmers marched in town {i}."})
                            + "\n" for i in range(n)), encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["2", "auto"])
def test_a_bad_dictionary_is_exit_2_with_its_code_whatever_the_input_size(
    tmp_path: Path, workers: str
) -> None:
    src = _many(tmp_path / "many.jsonl", 80)
    empty = tmp_path / "dict"
    empty.mkdir()
    proc = _run(str(src), "--workers", workers, "--set", "engine.batch_size=2",
                "--dictionary", f"petrarch:{empty}")
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "E234" in err and "Traceback" not in err and "BrokenProcessPool" not in err


@pytest.mark.slow
def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    src = _many(tmp_path / "many.jsonl", 400)
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "code", str(src), "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0,
    )
    assert proc.stdout is not None
    # Unbuffered, so that readline takes no bytes past the first record:
    # communicate() reads the descriptor and would never see them.
    proc.stdout.readline()  # one record out: the run is coding
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert "interrupted (SIGINT)" in err.decode() and "Traceback" not in err.decode()
    for line in out.decode().splitlines():  # what was printed is whole records
        json.loads(line)
