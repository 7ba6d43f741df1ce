"""Reading a gzip bomb costs about ``max_bytes`` of memory, not its decompressed size.

A child process reads the input and reports its peak resident set (``VmHWM`` from
``/proc/self/status``) before and after reading; the growth must stay far below the
256 MiB that the single line decompresses to.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

LINE_MIB = 256
MAX_BYTES = 1_000_000
BOUND_MIB = 64  # several times max_bytes, a quarter of the line

_CHILD = """
import json, sys
from eventwire.ingest.readers import read_inputs

def peak_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

before = peak_kib()
docs = [(d.error.code if d.error else None, d.source) for d in read_inputs([sys.argv[1]],
        max_bytes=int(sys.argv[2]))]
print(json.dumps({"docs": docs, "growth_kib": peak_kib() - before}))
"""


def _bomb(path: Path, body: bytes, tail: bytes) -> Path:
    """A gzip file of about 250 KB whose first line is LINE_MIB MiB of one letter."""
    pack = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    chunk = body * ((1 << 20) // len(body))
    with path.open("wb") as fh:
        fh.write(pack.compress(b'{"text": "'))
        for _ in range(LINE_MIB):
            fh.write(pack.compress(chunk))
        fh.write(pack.compress(b'"}\n' + tail) + pack.flush())
    return path


def _read_in_child(arg: str, stdin_from: Path | None = None) -> dict[str, object]:
    cmd = [sys.executable, "-c", _CHILD, arg, str(MAX_BYTES)]
    if stdin_from is None:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    else:
        gunzip = subprocess.Popen(["gzip", "-dc", str(stdin_from)], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
        assert gunzip.stdout is not None
        with gunzip.stdout:  # the child's copy only: gzip stops when the child stops reading
            proc = subprocess.run(cmd, stdin=gunzip.stdout, capture_output=True, text=True,
                                  timeout=300, check=False)
        gunzip.wait(timeout=60)
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout)
    return result


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tail = json.dumps({"id": "after", "text": "The river rose overnight."}).encode() + b"\n"
    return _bomb(tmp_path_factory.mktemp("bomb") / "bomb.jsonl.gz", b"a", tail)


@pytest.mark.slow
def test_a_jsonl_gz_bomb_is_refused_in_bounded_memory(bomb: Path) -> None:
    assert bomb.stat().st_size < 2_000_000
    out = _read_in_child(str(bomb))
    assert out["docs"] == [["E103", f"{bomb}:1"], [None, f"{bomb}:2"]]
    assert int(str(out["growth_kib"])) < BOUND_MIB * 1024


@pytest.mark.slow
def test_json_lines_on_stdin_are_refused_in_bounded_memory(bomb: Path) -> None:
    out = _read_in_child("-", stdin_from=bomb)
    assert out["docs"] == [["E103", "-:1"], [None, "-:2"]]
    assert int(str(out["growth_kib"])) < BOUND_MIB * 1024


@pytest.mark.slow
def test_a_text_gz_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.txt.gz", b"All quiet. ", b"")
    out = _read_in_child(str(bomb))
    assert out["docs"] == [["E103", str(bomb)]]
    assert int(str(out["growth_kib"])) < BOUND_MIB * 1024
