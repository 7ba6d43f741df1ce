"""A full disk while ingesting: a clear E403, whole documents only, a database that opens.

The full disk is a file-size limit (RLIMIT_FSIZE) on a child process: its writes past
the limit fail with "File too large", as they would on a full file system.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.store import Store

from ..conftest import ROOT

_CHILD = """
import os, resource, signal, sys
sys.path.insert(0, sys.argv[2])
from tests.store.factory import event, record
from eventwire.config import load_config
from eventwire.errors import StoreError
from eventwire.store import Store

path = sys.argv[1]
config = load_config(overrides=["store.batch_size=50"])
with Store(path, config=config) as st:
    st.add_records([record("first", [event(1)])])
    st.con.execute("CHECKPOINT")
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = os.path.getsize(path) + 100_000
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
docs = [record(f"d{i:04d}", [event(1, date=f"2002-06-{i % 28 + 1:02d}")]) for i in range(1500)]
for doc in docs:
    doc["text"] = doc["text"] * 20
try:
    with Store(path, config=config) as st:
        st.add_records(docs)
    print("no error")
except StoreError as exc:
    print(exc.code, exc.message)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_full_disk_stops_with_whole_documents_only(db_path: Path) -> None:
    child = subprocess.run([sys.executable, "-c", _CHILD, str(db_path), str(ROOT)],
                           capture_output=True, text=True, timeout=300)
    assert child.stdout.startswith("E403"), child.stdout + child.stderr[-2000:]
    with Store(db_path) as st:
        counts = st.counts()
        assert (counts["documents"] - 1) % 50 == 0 and counts["documents"] < 1501
        assert counts["sentences"] == 2 * counts["documents"]
        assert counts["events"] == counts["documents"] and counts["failures"] == 0
        first = st.get_document("first")
        assert first is not None
        st.add_records([{**first, "doc_id": "after"}])  # still writable once space is back
        assert st.has_document("after")
