"""Worker processes end with the process that started them.

Why: a worker holds a spaCy model (hundreds of MB). When ``ingest`` or ``code`` is killed
(``kill -9``, the OOM killer, a closed terminal), nothing tells its workers, which would
live on with parent PID 1, and with them multiprocessing's resource tracker. Two guards:

- on Linux, ``prctl(PR_SET_PDEATHSIG)`` asks the kernel to send the worker SIGTERM the
  moment its parent dies. The kernel ties it to the *thread* that started the worker, so
  it is only asked for when that was the main thread;
- everywhere, a daemon thread checks every ``POLL_SECONDS`` that the parent is still the
  one that started the worker, and ends the worker when it is not.

Workers also ignore SIGINT: Ctrl-C reaches the whole process group, and the parent alone
decides how the run stops (it stops the workers itself).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

__all__ = ["exit_with_parent", "POLL_SECONDS", "ORPHAN_EXIT"]

POLL_SECONDS = 0.5
#: The exit status of a worker that found itself orphaned.
ORPHAN_EXIT = 70
_PR_SET_PDEATHSIG = 1


def _ask_for_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the watcher thread still ends the worker
        pass


def _watch(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(ORPHAN_EXIT)
        time.sleep(POLL_SECONDS)


def exit_with_parent(parent: int, *, death_signal: bool = True) -> None:
    """Make this (worker) process end when process ``parent`` ends.

    ``death_signal`` False skips the Linux signal, for workers started from a thread
    other than the parent's main thread (the signal would fire when that thread ends).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if death_signal:
        _ask_for_death_signal()
    if os.getppid() != parent:  # the parent died before the guards were in place
        os._exit(ORPHAN_EXIT)
    threading.Thread(target=_watch, args=(parent,), name="eventwire-lifeline",
                     daemon=True).start()
