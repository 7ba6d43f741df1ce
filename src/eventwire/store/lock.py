"""What to say when another process holds the store's lock (E402).

DuckDB lets one process open a file for writing, and its refusal names the process that
holds the lock ("Conflicting lock is held in /usr/bin/python3 (PID 4242)"). Why read it:
"wait for the other process" is no help when that process is ``eventwire serve``, which
never finishes on its own; the user needs to know that documents can be posted to that
server instead, at which address, or that it must be stopped first.
"""

from __future__ import annotations

import re
from pathlib import Path

from eventwire.errors import Errors, StoreError

__all__ = ["lock_error", "lock_holder"]

_HOLDER = re.compile(r"held in (?P<exe>.+?) \(PID (?P<pid>\d+)\)")


def lock_holder(text: str) -> tuple[int, list[str]] | None:
    """(pid, command line) of the process DuckDB names in ``text``, if it names one."""
    match = _HOLDER.search(text)
    if match is None:
        return None
    pid = int(match["pid"])
    return pid, _argv(pid) or [match["exe"]]


def _argv(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # not Linux, or the process just ended
        return []
    return [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]


def _serve_address(argv: list[str]) -> str | None:
    """The address of an ``eventwire serve`` command line; None for any other command."""
    names = [Path(a).name for a in argv]
    if "eventwire" not in names or "serve" not in names[names.index("eventwire"):]:
        return None
    host, port = _option(argv, "--host") or "127.0.0.1", _option(argv, "--port") or "8000"
    return f"http://{host}:{port}"


def _option(argv: list[str], name: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def lock_error(text: str, path: Path) -> StoreError:
    """E402, naming the process that holds ``path`` and what to do about it."""
    holder = lock_holder(text)
    if holder is None:
        return Errors.E402_unknown.error(path=path, reason=text, stage="store")
    pid, argv = holder
    command = " ".join(argv)[:200]
    address = _serve_address(argv)
    if address is None:
        return Errors.E402_process.error(path=path, pid=pid, command=command, stage="store")
    return Errors.E402_serve.error(path=path, pid=pid, command=command, address=address,
                                   stage="store")
