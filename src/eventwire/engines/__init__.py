"""Engines: how the pipeline is run over many documents.

All engines share one interface (:class:`Engine`): a stream of raw Documents in, a stream
of :class:`Outcome` out, in input order. ``InProcessEngine`` runs in the calling process;
``ProcessPoolEngine`` runs one pipeline per worker process with bounded back-pressure;
the Spark engine (``eventwire.engines.spark``, optional extra) runs the same pipeline on a
cluster. :func:`make_engine` picks a local one from ``engine.workers``; the application
layer (:func:`eventwire.app.make_engine`) picks between local and Spark by ``engine.kind``.
"""

from eventwire.engines.base import Engine, Outcome, code_documents, process_batch
from eventwire.engines.local import InProcessEngine, ProcessPoolEngine, make_engine

__all__ = [
    "Engine",
    "Outcome",
    "InProcessEngine",
    "ProcessPoolEngine",
    "make_engine",
    "code_documents",
    "process_batch",
]
