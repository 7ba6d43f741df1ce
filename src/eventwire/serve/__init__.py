"""``eventwire serve``: a JSON API and a web explorer over the event store.

The API (``/api/...``, described at ``/openapi.json``) answers filtered event queries,
evidence, documents, actor counts, timelines and networks, and codes posted documents;
the explorer (``/``) draws them as a timeline, a network, a map and a table, offline.
"""

from eventwire.serve.app import create_app, run_server
from eventwire.serve.errors import ApiError
from eventwire.serve.settings import ServeSettings

__all__ = ["create_app", "run_server", "ApiError", "ServeSettings"]
