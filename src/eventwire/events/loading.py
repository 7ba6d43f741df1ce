"""Reading the learned coder's tables: the garbage collector paused while they are built.

Why: a table of 90,000 rows makes some 200,000 lists and tuples, and each few hundred of
them start a pass of Python's cycle collector, which in a process that has loaded spaCy
walks millions of objects: most of the time reading the verb classes and WordNet tables
took went there (0.7 s of 0.8 s after the parse stage was built). The tables hold no
cycles, so nothing is left for the collector to find; it runs again once they are read.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block, and turn it back on after it (unless it
    was off before)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
