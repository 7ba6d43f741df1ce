"""The ``eventwire`` command line: thin shells over library functions.

Each command lives in its own module and registers itself on :data:`main`; the modules
are listed in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import importlib

from eventwire.cli.common import main

__all__ = ["main"]

COMMAND_MODULES = (
    "eventwire.cli.code",
    "eventwire.cli.serve",
    "eventwire.cli.eval",
    "eventwire.cli.store",
    "eventwire.cli.events",
    "eventwire.cli.actor",
    "eventwire.cli.config",
    "eventwire.cli.train",
)

for _module in COMMAND_MODULES:
    importlib.import_module(_module)
