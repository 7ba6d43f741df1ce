"""House rules that CI enforces: lint-clean, type-clean, and a deliberate public surface."""

import subprocess
import sys

import eventwire

from .conftest import ROOT


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_ruff_is_clean() -> None:
    proc = _run(sys.executable, "-m", "ruff", "check", "src", "tests", "bench", "scripts")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_is_clean() -> None:
    proc = _run(sys.executable, "-m", "mypy")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_public_surface_is_what_is_meant() -> None:
    assert set(eventwire.__all__) == {
        "__version__", "code_text", "code_paths", "load_pipeline", "make_config", "events_frame",
        "load_config", "build_pipeline", "register_stage", "Pipeline", "Document", "Event",
        "to_record", "from_record", "EventwireError", "InputError", "ConfigError",
        "ModelError", "DictionaryError", "StageError", "StoreError", "GoldFormatError",
        "EngineError",
    }
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name


def test_no_absolute_path_of_a_machine_in_the_repo() -> None:
    """Shared data is found relative to the repository, so a clone works anywhere."""
    tracked = _run("git", "ls-files", "src", "tests", "bench", "scripts", "docs").stdout.split()
    offenders = [
        name for name in tracked
        if name.endswith((".py", ".md", ".yaml")) and name != "tests/test_quality.py"
        and any(p in (ROOT / name).read_text(encoding="utf-8", errors="replace")
                for p in ("/work/", "/home/", "/Users/"))
    ]
    assert offenders == []
