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
        "__version__", "code_text", "code_paths", "load_pipeline", "make_config",
        "load_config", "build_pipeline", "register_stage", "Pipeline", "Document", "Event",
        "to_record", "from_record", "EventwireError", "InputError", "ConfigError",
        "ModelError", "DictionaryError", "StageError", "StoreError", "GoldFormatError",
        "EngineError",
    }
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name
