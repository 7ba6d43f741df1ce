"""Ingestion: reading inputs, cleaning text and metadata, dating documents.

Public surface: :func:`read_inputs` (paths to raw Documents), :func:`decode` (bytes to
text) and the ``clean`` and ``dating`` stages.
"""

from eventwire.ingest.decode import decode
from eventwire.ingest.readers import content_id, read_inputs, record_to_document

__all__ = ["read_inputs", "decode", "content_id", "record_to_document"]
