"""Progress of a coding run on standard error: a "loading model" step, then one step per
document, then a summary line.

Why its own module: ``code``, ``ingest`` and ``eval`` report the same way, and a user who
pipes JSON Lines out of ``eventwire code`` must never find a progress line in them. So
everything here writes to standard error only; the bar is drawn only when standard error
is a terminal (a log file gets no control characters), and the summary line (documents,
events, failures, seconds) is printed in every case, because a script wants it too.

Why "loading model" is a step of its own: loading spaCy and the lexicons takes seconds
before the first document is coded, and a bar standing at 0 for that long looks hung.
The step starts when the engine does and lasts until its first document comes back.

Documents are counted one by one as the engine hands them back (a store still writes
them a batch per transaction). The engine codes a batch of ``engine.batch_size``
documents at a time per worker, so on a terminal the count moves by up to that many at
once; it no longer waits for a store batch (64) to be written.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from eventwire.model import Document
from eventwire.pipeline import Pipeline

__all__ = ["RunProgress", "CountingPipeline"]

LOADING = "loading model"


class _SpeedColumn(ProgressColumn):
    """Documents per second since the first document (rich's own speed is too jumpy)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} docs/s")


class RunProgress:
    """Counts of one run, with a bar on a terminal; use as a context manager.

    ``verb`` names the run (``code``, ``ingest``, ``eval``) in the bar and the summary.
    ``total`` is the number of documents when known (the bar then shows an ETA).
    ``show`` None draws the bar only when ``stream`` (standard error) is a terminal.
    """

    def __init__(self, verb: str, *, total: int | None = None, show: bool | None = None,
                 stream: TextIO | None = None) -> None:
        self.verb = verb
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.show = self.stream.isatty() if show is None else show
        self.documents = self.events = self.failures = 0
        self.started = time.perf_counter()
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._loading = False

    def __enter__(self) -> RunProgress:
        self.started = time.perf_counter()
        if self.show:
            self._bar = _bar(Console(file=self.stream, stderr=True))
            self._bar.start()
            self._task = self._bar.add_task(self.verb, total=self.total)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def expect(self, total: int) -> None:
        """The number of documents, once known (the bar then shows an ETA)."""
        self.total = total
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, total=total)

    def loading(self) -> None:
        """The engine is starting: the model loads until the next document is back."""
        self._loading = True
        self._describe(LOADING)

    def document(self, *, events: int = 0, failed: bool = False) -> None:
        """One more document done (coded, failed or skipped), with its events."""
        self.documents += 1
        self.events += events
        self.failures += int(failed)
        if self._loading:
            self._loading = False
            self._describe(self.verb)
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, 1)

    def _describe(self, text: str) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, description=text)

    def note(self, message: str) -> None:
        """A line for the user (a failed document), printed above the bar when drawn."""
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=self.stream, flush=True)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary(self) -> str:
        """One line: documents, events, failures, seconds (printed whether or not the bar
        was drawn)."""
        return (f"eventwire: {self.verb}: {self.documents} document(s), {self.events} "
                f"event(s), {self.failures} failed, {self.seconds:.1f} s")


def _bar(console: Console) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _SpeedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
        redirect_stdout=False,  # standard output carries the records: never touched
        redirect_stderr=False,
    )


class CountingPipeline(Pipeline):
    """A pipeline that reports each document it hands back to a :class:`RunProgress`.

    Why: ``eval`` runs the pipeline inside each gold set's scorer, which knows nothing of
    progress; counting where the documents leave the pipeline covers every set alike.
    """

    def __init__(self, pipeline: Pipeline, progress: RunProgress) -> None:
        super().__init__(pipeline.stages, pipeline.config)
        self.progress = progress

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in super().pipe(docs):
            self.progress.document(events=len(doc.events), failed=doc.error is not None)
            yield doc
