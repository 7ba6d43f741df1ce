"""Terminal manners of code and ingest: a "loading model" step, one step per document, a
summary line on standard error, nothing of it on standard output."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

from eventwire.api import make_config
from eventwire.app.ingest import _write_all
from eventwire.engines import Outcome
from eventwire.errors import InputError
from eventwire.progress import LOADING, RunProgress
from eventwire.store import Store
from eventwire.store.store import IngestStats

SUMMARY = re.compile(r"^eventwire: code: (\d+) document\(s\), (\d+) event\(s\), (\d+) failed, "
                     r"[\d.]+ s$")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_says_loading_model_then_counts_each_document() -> None:
    stream = _Terminal()
    with RunProgress("code", total=3, stream=stream) as progress:
        progress.loading()
        task = progress._bar.tasks[0]  # type: ignore[union-attr]
        assert task.description == LOADING and task.completed == 0
        progress.document(events=2)
        assert task.description == "code" and task.completed == 1
        progress.document(failed=True)
        progress.document(events=1)
        assert task.completed == 3
    assert progress.summary().startswith("eventwire: code: 3 document(s), 3 event(s), 1 failed, ")
    assert "3/3" in stream.getvalue()


def test_no_bar_when_standard_error_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with RunProgress("ingest", total=2, stream=stream) as progress:
        progress.loading()
        progress.document()
        progress.note("eventwire: a failure")
    assert stream.getvalue() == "eventwire: a failure\n"


def test_ingest_counts_each_document_when_it_is_coded_not_per_stored_batch(
    tmp_path: Path,
) -> None:
    outcomes = [Outcome(f"d{i}", "in.jsonl", None,
                        InputError("unreadable", code="E104", doc_id=f"d{i}"))
                for i in range(5)]
    counted: list[int] = []
    with Store(tmp_path / "s.duckdb", config=make_config()) as store:
        _write_all(store, outcomes, IngestStats(), counted.append)
        assert len(store.failures()) == 5
    assert counted == [1, 1, 1, 1, 1]  # a store batch holds 64


def test_code_to_a_file_prints_a_summary_and_stdout_keeps_only_records(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Rebels shelled the harbour of an invented town on Monday, "
                     "officials said.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    to_file = subprocess.run(
        [sys.executable, "-m", "eventwire", "code", str(story), "--workers", "1", "-o",
         str(out)], capture_output=True, text=True, timeout=600, check=False)
    assert to_file.returncode == 0, to_file.stderr
    assert to_file.stdout == ""
    summary = SUMMARY.match(to_file.stderr.strip().splitlines()[-1])
    assert summary and summary.group(1) == "1" and summary.group(3) == "0"
    record = json.loads(out.read_text("utf-8"))
    assert int(summary.group(2)) == len(record["events"])


def test_eval_counts_the_documents_it_codes_and_ends_with_a_summary() -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    from ..eval.test_cli import PLOVER

    result = CliRunner().invoke(main, ["eval", "plover-gsr", str(PLOVER), "--limit", "2",
                                       "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["figures"]["items"] == 2  # stdout: the JSON alone
    summary = re.match(r"^eventwire: eval: (\d+) document\(s\), \d+ event\(s\), 0 failed, ",
                       result.stderr.strip().splitlines()[-1])
    assert summary and int(summary.group(1)) >= 2
