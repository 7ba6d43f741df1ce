"""Coding never loads the store: importing the library leaves DuckDB out.

Why it matters: a spawned worker process imports its parent's main module again, so a
script that imports ``eventwire`` would carry DuckDB (about 55 MB) into every worker.
"""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_library_and_the_coding_layer_does_not_load_duckdb() -> None:
    probe = ("import sys, eventwire, eventwire.api, eventwire.app; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'duckdb' "
             "or m.startswith('eventwire.store')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    assert out.strip() == "[]"
