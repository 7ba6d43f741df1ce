"""The library's front door: build a pipeline, code a text, code files.

The CLI, the HTTP API and the engines are thin shells over these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.config import Config, load_config
from eventwire.engines import Outcome, make_engine
from eventwire.errors import ConfigError
from eventwire.ingest.readers import content_id, read_inputs
from eventwire.ingest.stages import input_limit
from eventwire.model import Document
from eventwire.pipeline import Pipeline, build_pipeline, check_stages

__all__ = [
    "make_config", "load_pipeline", "code_text", "code_paths", "with_dct", "check_dct",
    "events_frame",
]


def make_config(
    config_files: Iterable[str | Path] = (),
    overrides: Iterable[str] = (),
    *,
    model: str | None = None,
    workers: int | str | None = None,
    dictionaries: Iterable[str] = (),
) -> Config:
    """The effective configuration, with the common command-line options applied."""
    updates: list[dict[str, object]] = []
    if model is not None:
        # Another model is another version: accept what is installed under that name.
        updates.append({"model": {"name": model, "version": None}})
    if workers is not None:
        # The command line gives text: "4" means 4 (anything else is checked as given).
        count = int(workers) if isinstance(workers, str) and workers.isdigit() else workers
        updates.append({"engine": {"workers": count}})
    config = load_config(config_files, overrides, updates)
    config["dictionaries"] = list(config.get("dictionaries") or []) + list(dictionaries)
    return config


def load_pipeline(config: Config | None = None) -> Pipeline:
    """Build the pipeline declared by ``config`` (the shipped default when None)."""
    return build_pipeline(config)


def check_dct(dct: str | None) -> str | None:
    """Validate a --dct value (YYYY-MM-DD) and return it."""
    if dct is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(dct).isoformat()
    except ValueError as exc:
        raise ConfigError(
            f"--dct {dct!r} is not a date of the form YYYY-MM-DD", code="E216"
        ) from exc


def code_text(
    text: str,
    *,
    pipeline: Pipeline | None = None,
    dct: str | None = None,
    title: str | None = None,
    doc_id: str | None = None,
    fmt: str = "text",
) -> Document:
    """Code one text in this process and return the filled Document.

    ``doc.error`` is set when a stage failed; nothing is raised for document problems.
    """
    pipeline = pipeline or load_pipeline()
    doc = Document(doc_id=doc_id or content_id(text), source="<text>", raw=text, fmt=fmt)
    doc.title = title
    doc.dct = check_dct(dct)
    return pipeline(doc)


def with_dct(docs: Iterable[Document], dct: str | None) -> Iterator[Document]:
    """Set the document creation date override on every document of a stream."""
    for doc in docs:
        doc.dct = dct
        yield doc


def code_paths(
    paths: Iterable[str | Path], config: Config | None = None, *, dct: str | None = None
) -> Iterator[Outcome]:
    """Read and code files, directories or ``-``; one Outcome per document, in input order."""
    config = config if config is not None else load_config()
    check_stages(config)  # here, before any worker process builds a pipeline
    engine = make_engine(config)
    try:
        yield from engine.run(with_dct(read_inputs(paths, input_limit(config)), check_dct(dct)))
    finally:
        engine.close()


def events_frame(db: str | Path, *, kind: str = "pandas", **filters: Any) -> Any:
    """The stored events matching ``filters`` as a pandas DataFrame (``kind="polars"``:
    a polars DataFrame, ``kind="arrow"``: a pyarrow Table), newest first.

    ``filters`` are those of ``eventwire events`` (``source="USA"``, ``dyad="USA,CHN"``,
    ``quad=4``, ``since="2009-03"``, ...), checked as there: an unknown code raises E415
    with close matches. One row per event mention with its cluster's counts; codes stay
    strings (``cameo`` ``"070"``) and ``day`` is a date. Why a function and not a method:
    it opens the store read-only and closes it, so a notebook never holds the file's lock.
    """
    from eventwire.store import EventFilter, Store
    from eventwire.store.frames import events_table, to_kind

    chosen = EventFilter.from_options(**filters)
    with Store(db, read_only=True) as store:
        table = events_table(store.con, chosen)
    return to_kind(table, kind)
