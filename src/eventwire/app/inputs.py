"""Reading the inputs of a run: files, folders or ``-`` as raw Documents.

Why one place: ``code``, ``ingest`` and the Spark engine read their inputs here, through
:mod:`eventwire.ingest.readers`, so that every engine sees the same documents with the same
ids, sources and reading errors (a bad JSON line is the same E106 whatever codes it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from eventwire.config import Config
from eventwire.errors import Errors
from eventwire.ingest.readers import content_id, is_stream, read_inputs
from eventwire.ingest.stages import input_limit
from eventwire.model import Document

__all__ = ["check_dct", "with_dct", "read_documents", "count_inputs", "text_document"]


def check_dct(dct: str | None) -> str | None:
    """Validate a --dct value (YYYY-MM-DD) and return it."""
    if dct is None:
        return None
    try:
        return date.fromisoformat(dct).isoformat()
    except ValueError as exc:
        raise Errors.E216.error(dct=dct) from exc


def with_dct(docs: Iterable[Document], dct: str | None) -> Iterator[Document]:
    """Set the document creation date override on every document of a stream."""
    for doc in docs:
        doc.dct = dct
        yield doc


def read_documents(
    paths: Iterable[str | Path], config: Config, *, dct: str | None = None
) -> Iterator[Document]:
    """The raw documents of ``paths``, in input order, each with ``dct`` when given.

    Unreadable inputs come as documents carrying their error, never as a stop.
    """
    return with_dct(read_inputs(paths, input_limit(config)), check_dct(dct))


def count_inputs(paths: Iterable[str | Path], max_bytes: int) -> int | None:
    """How many documents the inputs hold (for the ETA); None when one is a stream.

    Why not count a stream: standard input or a named pipe can be read only once.
    """
    paths = list(paths)
    if any(is_stream(p) for p in paths):
        return None
    return sum(1 for _ in read_inputs(paths, max_bytes))


def text_document(
    text: str,
    *,
    source: str = "<text>",
    doc_id: str | None = None,
    title: str | None = None,
    dct: str | None = None,
    fmt: str = "text",
) -> Document:
    """A raw Document for a text given directly (a library call, a post to the API).

    Its id is hashed from the text unless one is given, as for a file read from disk.
    """
    doc = Document(doc_id=doc_id or content_id(text), source=source, raw=text, fmt=fmt)
    doc.title = title
    doc.dct = check_dct(dct)
    return doc
