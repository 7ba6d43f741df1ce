"""Ingestion: reading inputs, cleaning text and metadata, dating documents.

Public surface: :func:`read_inputs` (paths to raw Documents), :func:`decode` (bytes to
text), :func:`parse_plaintext` (a scraped story's header, body and footer),
:func:`extract_html` (an HTML page's article, by trafilatura), :func:`estimate_date` (the
writing date from the story's own evidence) and the ``clean`` and ``dating`` stages.
"""

from eventwire.ingest.dating import estimate_date
from eventwire.ingest.decode import decode
from eventwire.ingest.html import extract_html
from eventwire.ingest.plaintext import parse_plaintext
from eventwire.ingest.readers import content_id, read_inputs, record_to_document

__all__ = [
    "read_inputs",
    "decode",
    "content_id",
    "record_to_document",
    "parse_plaintext",
    "extract_html",
    "estimate_date",
]
