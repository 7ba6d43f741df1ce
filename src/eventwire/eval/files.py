"""Reading gold files: gzip, JSON lists and JSON Lines, with a location for every record.

A record that is not valid JSON or not an object is handed back as an error with its
location (``file:line`` or ``file[index]``), so that the KIND reports and skips it.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import Errors
from eventwire.eval.base import gold_error

__all__ = ["read_bytes", "read_text", "json_records", "Located"]

#: (location, the record or None, the reason it is unusable or None)
Located = tuple[str, dict[str, Any] | None, str | None]


def read_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when it ends in ``.gz``; a GoldFormatError if unreadable."""
    if not path.exists():
        raise gold_error(Errors.E502, str(path), path=path)
    try:
        data = path.read_bytes()
        return gzip.decompress(data) if path.suffix.lower() == ".gz" else data
    except (OSError, EOFError) as exc:
        raise gold_error(Errors.E501_read, str(path), path=path, reason=exc) from exc


def read_text(path: Path) -> str:
    """The file's text (UTF-8, a BOM tolerated)."""
    try:
        return read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise gold_error(Errors.E501_utf8, str(path), path=path, reason=exc) from exc


def _check(obj: Any) -> tuple[dict[str, Any] | None, str | None]:
    if isinstance(obj, dict):
        return obj, None
    return None, f"a record must be a JSON object, got {type(obj).__name__}"


def json_records(path: Path) -> Iterator[Located]:
    """The records of a JSON list (``[...]``) or of JSON Lines, blank lines ignored."""
    text = read_text(path)
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise gold_error(Errors.E501_json, str(path), path=path, reason=exc) from exc
        for i, obj in enumerate(items):
            yield (f"{path.name}[{i}]", *_check(obj))
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield f"{path.name}:{n}", None, f"not valid JSON ({exc.msg})"
            continue
        yield (f"{path.name}:{n}", *_check(obj))
