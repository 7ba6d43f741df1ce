"""Readers: turn paths (files, directories, ``-``) into a stream of raw Documents.

Readers only do I/O: they find the files, open gzip, split JSON Lines into records and
refuse what is too large to hold, and leave decoding and cleaning to the ``clean`` stage,
which runs in the worker processes. A file that cannot be read becomes a Document whose
``error`` is set, so that the batch goes on and the failure is reported with its source.

Memory: no read is unbounded. A whole document is read up to ``max_bytes`` and refused
past it; JSON Lines are read line by line, each line up to ``max_bytes``, and a longer
line is skipped in chunks, so a small gzip file holding one line of gigabytes costs no
more memory than ``max_bytes``. Standard input and named pipes are streams: they are
read once, in the same way.

Document ids: a record's own ``id`` when it has one (a JSON string, or an integer as its
decimal text), else a hash of the raw content (line endings and surrounding white space
normalised), so that the same article read twice gets the same id.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from eventwire.errors import Errors, InputError
from eventwire.ingest.decode import bom_codec
from eventwire.model import Document

__all__ = [
    "read_inputs", "read_path", "content_id", "record_fields", "record_id", "record_to_document",
    "is_stream", "SUFFIXES",
]

STAGE = "read"
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "record",
    ".ndjson": "record",
    ".json": "record",
    ".csv": "csv",
}
DEFAULT_MAX_BYTES = 10_000_000
#: How much of a stream is read ahead to tell HTML, JSON Lines and text apart.
SNIFF_BYTES = 4096
#: The chunk in which the rest of an oversized line is read and dropped.
_SKIP_CHUNK = 1 << 16

#: Field names accepted in JSON Lines records, ours first, then news-please's and others'.
TEXT_FIELDS = ("text", "maintext", "body", "content", "article")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "date_publish", "published", "publish_date", "pubdate")
ID_FIELDS = ("id", "doc_id")
URL_FIELDS = ("url", "source_url", "link")
HTML_FIELDS = ("html", "raw_html")
#: Our name for each record field and the names it may go by (ours first, then news-please's).
FIELD_NAMES = {
    "id": ID_FIELDS,
    "text": TEXT_FIELDS,
    "html": HTML_FIELDS,
    "title": TITLE_FIELDS,
    "date": DATE_FIELDS,
    "url": URL_FIELDS,
}


def content_id(raw: bytes | str) -> str:
    """A stable id for content: sha1 of the normalised text, 16 hex digits."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    norm = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def _kind(path: Path) -> tuple[str | None, bool]:
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (SUFFIXES.get(suffixes[-1]) if suffixes else None), gz


def _sniff(head: bytes) -> str:
    codec = bom_codec(head)
    if codec is not None:  # UTF-16 or UTF-32: look at the characters, not the bytes
        head = head.decode(codec, errors="ignore").encode("utf-8")
    start = head.lstrip()[:200].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<head" in start:
        return "html"
    if start.startswith(b"{"):
        return "record"
    return "text"


def _error_doc(source: str, error: InputError) -> Document:
    doc = Document(doc_id=source, source=source)
    doc.error = error.with_context(doc_id=source, stage=STAGE, source=source)
    return doc


def _first(rec: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = rec.get(name)
        if value not in (None, ""):
            return value
    return None


def record_fields(rec: dict[str, Any]) -> dict[str, Any]:
    """The fields of one record under our names (``FIELD_NAMES``), values as given.

    The one place that decides which alias of a field wins, so every engine reading
    records (local readers, Spark) turns the same record into the same Document.
    """
    return {name: _first(rec, aliases) for name, aliases in FIELD_NAMES.items()}


def record_id(value: Any) -> str | None:
    """A record's given id as text: a JSON string as is, an integer as its decimal text.

    Why nothing else: ``str()`` of a float, a boolean, a list or an object gives Python's
    spelling (``1.0``, ``True``, ``['a']``), an id no other tool would write for that record.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise Errors.E112.error(value=json.dumps(value)[:60])


def record_to_document(rec: Any, source: str) -> Document:
    """Turn one JSON Lines record (ours or news-please's) into a raw Document."""
    if not isinstance(rec, dict):
        return _error_doc(source, Errors.E104.error())
    fields = record_fields(rec)
    text, html = fields["text"], fields["html"]
    if not isinstance(text, str) and not isinstance(html, str):
        return _error_doc(source, Errors.E105.error(fields=list(TEXT_FIELDS)))
    try:
        given_id = record_id(fields["id"])
    except InputError as exc:
        return _error_doc(source, exc)
    raw: str = text if isinstance(text, str) else html
    doc = Document(
        doc_id=given_id if given_id is not None else content_id(raw),
        source=source,
        raw=raw,
        fmt="record" if isinstance(text, str) else "html",
    )
    title, date, url = fields["title"], fields["date"], fields["url"]
    doc.title = str(title) if title is not None else None
    doc.stated_date = str(date) if date is not None else None
    doc.url = str(url) if url is not None else None
    return doc


def _open(path: Path, gz: bool) -> IO[bytes]:
    if gz:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _read_limited(fh: IO[bytes], max_bytes: int) -> bytes:
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Errors.E103_file.error(max_bytes=max_bytes)
    return data


class _Rewound:
    """A binary stream whose first bytes were read ahead (to sniff its format), given back.

    Why: standard input and named pipes cannot seek back to their start.
    """

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int) -> bytes:
        out, self._head = self._head[:size], self._head[size:]
        return out + self._rest.read(size - len(out)) if len(out) < size else out

    def readline(self, size: int) -> bytes:
        newline = self._head.find(b"\n", 0, size)
        cut = size if newline < 0 else newline + 1
        out, self._head = self._head[:cut], self._head[cut:]
        if out.endswith(b"\n") or len(out) >= size:
            return out
        return out + self._rest.readline(size - len(out))


def _bounded_lines(fh: IO[bytes] | _Rewound, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of ``fh``, each read up to ``max_bytes``; None for a longer one.

    Why not ``for line in fh``: that reads each line whole, and one line of a small gzip
    file can decompress to gigabytes. A longer line is read on in chunks and dropped.
    """
    while line := fh.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _iter_records(
    lines: Iterable[bytes | None], source: str, max_bytes: int
) -> Iterator[Document]:
    for lineno, line in enumerate(lines, 1):
        where = f"{source}:{lineno}"
        if line is None or len(line.rstrip(b"\r\n")) > max_bytes:
            yield _error_doc(where, Errors.E103_record.error(max_bytes=max_bytes))
            continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield _error_doc(where, Errors.E106.error(reason=exc))
            continue
        yield record_to_document(rec, where)


def _read_json_file(data: bytes, source: str, max_bytes: int) -> Iterator[Document]:
    """A ``.json`` file: a list of records, one record, or JSON Lines."""
    try:
        parsed = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        yield from _iter_records(data.splitlines(), source, max_bytes)
        return
    items = parsed if isinstance(parsed, list) else [parsed]
    for i, rec in enumerate(items, 1):
        yield record_to_document(rec, f"{source}:{i}")


def _stream_jsonl(path: Path, gz: bool, source: str, max_bytes: int) -> Iterator[Document]:
    try:
        with _open(path, gz) as fh:
            yield from _iter_records(_bounded_lines(fh, max_bytes), source, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield _error_doc(source, Errors.E101_truncated.error(reason=exc))


def _whole(data: bytes, kind: str, source: str) -> Document:
    return Document(doc_id=content_id(data), source=source, raw=data, fmt=kind)


def _csv_records(fh: IO[bytes], source: str, max_bytes: int) -> Iterator[Document]:
    """A CSV file with a header, one record per row: the columns are the record's fields
    (``text``, and ``id``, ``title``, ``date``, ``url`` when present, by the names JSON
    Lines records may use). Fields longer than ``max_bytes`` stop the file (E114)."""
    rows = csv.reader(io.TextIOWrapper(fh, encoding="utf-8-sig", newline=""))
    header = next(rows, None)
    if header is None:
        return
    if not {h.strip() for h in header} & set(TEXT_FIELDS + HTML_FIELDS):
        yield _error_doc(source, Errors.E114_header.error(fields=list(TEXT_FIELDS)))
        return
    names = [h.strip() for h in header]
    for row in rows:
        if any(cell.strip() for cell in row):
            where = f"{source}:{rows.line_num}"
            yield record_to_document(dict(zip(names, row, strict=False)), where)


def _stream_csv(path: Path, gz: bool, source: str, max_bytes: int) -> Iterator[Document]:
    limit = csv.field_size_limit()
    csv.field_size_limit(max_bytes)
    try:
        with _open(path, gz) as fh:
            yield from _csv_records(fh, source, max_bytes)
    except (csv.Error, UnicodeDecodeError) as exc:
        yield _error_doc(source, Errors.E114.error(reason=exc))
    except (OSError, EOFError, zlib.error) as exc:
        yield _error_doc(source, Errors.E101_truncated.error(reason=exc))
    finally:
        csv.field_size_limit(limit)


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    """Read one file into raw Documents (several for JSON Lines and CSV)."""
    source = str(path)
    kind, gz = _kind(path)
    if kind == "csv":
        yield from _stream_csv(path, gz, source, max_bytes)
        return
    if kind == "record" and path.suffix.lower() != ".json" and not path.name.endswith(".json.gz"):
        yield from _stream_jsonl(path, gz, source, max_bytes)
        return
    try:
        with _open(path, gz) as fh:
            data = _read_limited(fh, max_bytes)
    except InputError as exc:
        yield _error_doc(source, exc)
        return
    except (OSError, EOFError, zlib.error) as exc:
        yield _error_doc(source, Errors.E101_truncated.error(reason=exc))
        return
    kind = kind or _sniff(data[:4096])
    if kind == "record":
        yield from _read_json_file(data, source, max_bytes)
    else:
        yield _whole(data, kind, source)


def _walk(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(directory).parts):
            yield path


def _read_stream(fh: IO[bytes], source: str, max_bytes: int) -> Iterator[Document]:
    """Standard input or a named pipe, read once: JSON Lines streamed, else one document."""
    head = fh.read(SNIFF_BYTES)
    kind = _sniff(head)
    stream = _Rewound(head, fh)
    if kind == "record":
        yield from _iter_records(_bounded_lines(stream, max_bytes), source, max_bytes)
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield _error_doc(source, Errors.E103_input.error(max_bytes=max_bytes))
        return
    yield _whole(data, kind, source)


def _read_pipe(path: Path, max_bytes: int) -> Iterator[Document]:
    kind, gz = _kind(path)
    if kind == "record" or kind is None:
        try:
            with _open(path, gz) as fh:
                yield from _read_stream(fh, str(path), max_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            yield _error_doc(str(path), Errors.E101.error(reason=exc))
        return
    yield from read_path(path, max_bytes)


def is_stream(path: str | Path) -> bool:
    """Whether an input can be read only once: ``-`` (stdin), a named pipe, a device."""
    if str(path) == "-":
        return True
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def read_inputs(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document]:
    """Stream raw Documents from files, directories (recursive) and ``-`` (stdin)."""
    for p in paths:
        if str(p) == "-":
            yield from _read_stream(sys.stdin.buffer, "-", max_bytes)
            continue
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                yield from read_path(f, max_bytes)
        elif path.is_file():
            yield from read_path(path, max_bytes)
        elif is_stream(path):
            yield from _read_pipe(path, max_bytes)
        else:
            yield _error_doc(str(p), Errors.E102.error())
