"""The application layer: read -> code -> write, once for every way in.

The CLI (``code``, ``ingest``), the server's coding endpoint and the library
(:mod:`eventwire.api`) all come here: inputs are read by :mod:`.inputs` (the readers of
:mod:`eventwire.ingest.readers`), the engine is chosen by ``engine.kind``
(:mod:`.engine`: local processes or Spark), documents are coded by :mod:`.coding`, and the
outcomes go to a sink: standard output or a file (the ``code`` command), the store
(:mod:`.ingest`), or Parquet tables (:mod:`.parquet`). The store below it only persists.
See docs/architecture.md.

Why :func:`.ingest.ingest_paths` is not imported here: it needs the store, and DuckDB
costs about 55 MB in every process that imports it, worker processes included (a spawned
worker imports its parent's main module again); coding alone never loads it.
"""

from eventwire.app.coding import code_batch, code_documents, code_paths, code_text, load_pipeline
from eventwire.app.engine import engine_kind, make_engine
from eventwire.app.inputs import check_dct, count_inputs, read_documents, text_document, with_dct
from eventwire.app.parquet import ingest_to_parquet

__all__ = [
    "load_pipeline",
    "code_text",
    "code_batch",
    "code_documents",
    "code_paths",
    "engine_kind",
    "make_engine",
    "check_dct",
    "count_inputs",
    "read_documents",
    "text_document",
    "with_dct",
    "ingest_to_parquet",
]
