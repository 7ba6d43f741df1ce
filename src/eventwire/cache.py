"""An on-disk cache for lookup structures that are slow to build and never change.

Why: every process that codes news builds the same indexes from packaged data (the
gazetteer's 400,000 names take seconds). A one-off ``eventwire code`` and every worker of
a pool pay that again at each start. The first build is written here as a pickle; later
processes read it back in a fraction of the time.

A cache file is named by a digest of everything its content depends on (the caller's
``inputs``: data files, the building code, package versions), so a changed input is a
new file and a stale one is never read. Files are written to a temporary name and moved
into place, so two workers starting together never see half a file. Any failure to
read or write falls back to building: the cache can only make a start faster.

Where: ``$EVENTWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventwire``, else
``~/.cache/eventwire``. ``EVENTWIRE_CACHE_DIR=off`` turns it off. The files are pickles:
keep the folder as private as the home directory it lives in.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from eventwire import __version__

__all__ = ["cache_dir", "cached", "digest"]

log = logging.getLogger(__name__)
T = TypeVar("T")
_OFF = {"off", "none", "0", "false", "no"}


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when caching is turned off."""
    env = os.environ.get("EVENTWIRE_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in _OFF or not env.strip() else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def digest(inputs: Iterable[str | bytes | Path]) -> str:
    """A short hex digest of strings, bytes and the contents of files."""
    h = hashlib.sha256(f"{__version__}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for item in inputs:
        if isinstance(item, Path):
            h.update(item.name.encode())
            h.update(item.read_bytes())
        elif isinstance(item, str):
            h.update(item.encode("utf-8"))
        else:
            h.update(item)
        h.update(b"\0")
    return h.hexdigest()[:24]


def cached(name: str, inputs: Iterable[str | bytes | Path], build: Callable[[], T]) -> T:
    """``build()``, or the result of an earlier identical build read from the cache."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{digest(inputs)}.pickle"
    except OSError as exc:
        log.debug("cache key for %s not computed (%s); building", name, exc)
        return build()
    value = _read(path)
    if value is not None:
        return value  # type: ignore[return-value]
    value = build()
    _write(path, name, value)
    return value


def _read(path: Path) -> object | None:
    # Why the collector is paused: unpickling allocates hundreds of thousands of
    # objects at once, and the cyclic collector would scan them over and over (2x).
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged or foreign file: rebuild and overwrite it
        log.debug("cache file %s unreadable (%s); rebuilding", path, exc)
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, name: str, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:  # read-only home, full disk: the cache is only a speed-up
        log.debug("cache file %s not written (%s)", path, exc)
        return
    _remove_stale(path, name)


def _remove_stale(path: Path, name: str) -> None:
    """Delete the files an earlier version of the same structure left behind."""
    for old in path.parent.glob(f"{name}-*.pickle"):
        if old != path and len(old.name) == len(path.name):
            with contextlib.suppress(OSError):
                old.unlink()
