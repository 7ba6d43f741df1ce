"""The on-disk cache: a hit returns what was built, a changed input is a new entry, and a
damaged, unwritable or disabled cache only means building again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.cache import cache_dir, cached, digest


class Builder:
    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_second_call_reads_the_first_build(folder: Path) -> None:
    build = Builder({"paris": [(48.85, 2.35)]})
    assert cached("thing", ["a"], build) == {"paris": [(48.85, 2.35)]}
    assert cached("thing", ["a"], build) == {"paris": [(48.85, 2.35)]}
    assert build.calls == 1
    (entry,) = folder.glob("thing-*.pickle")
    assert entry.stat().st_mode & 0o077 == 0  # private to its owner


def test_changed_input_builds_again_and_drops_the_stale_entry(
    folder: Path, tmp_path: Path
) -> None:
    data = tmp_path / "names.yaml"
    data.write_text("a: 1\n")
    first = Builder(1)
    cached("thing", [data], first)
    data.write_text("a: 2\n")
    second = Builder(2)
    assert cached("thing", [data], second) == 2
    assert (first.calls, second.calls) == (1, 1)
    assert len(list(folder.glob("thing-*.pickle"))) == 1


def test_damaged_file_is_rebuilt_and_replaced(folder: Path) -> None:
    cached("thing", ["a"], Builder([1, 2, 3]))
    (entry,) = folder.glob("thing-*.pickle")
    entry.write_bytes(b"\x80\x05 not a pickle")
    build = Builder([1, 2, 3])
    assert cached("thing", ["a"], build) == [1, 2, 3]
    assert build.calls == 1
    assert cached("thing", ["a"], build) == [1, 2, 3]
    assert build.calls == 1


def test_unwritable_folder_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(blocker / "cache"))
    build = Builder("x")
    assert cached("thing", ["a"], build) == "x"
    assert cached("thing", ["a"], build) == "x"
    assert build.calls == 2


@pytest.mark.parametrize("value", ["off", "OFF", "none", "0", ""])
def test_turned_off(value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", value)
    monkeypatch.chdir(tmp_path)
    assert cache_dir() is None
    build = Builder("x")
    cached("thing", ["a"], build)
    cached("thing", ["a"], build)
    assert build.calls == 2
    assert os.listdir(tmp_path) == []


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("EVENTWIRE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "eventwire"


def test_digest_depends_on_file_contents(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("1")
    before = digest(["k", f])
    f.write_text("2")
    assert digest(["k", f]) != before
    assert digest(["k", f]) == digest(["k", f])
