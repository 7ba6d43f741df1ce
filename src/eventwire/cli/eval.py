"""Commands of the ``eval`` family (registered on the root group)."""

from __future__ import annotations

from eventwire.cli.common import main  # noqa: F401 - commands register on it
