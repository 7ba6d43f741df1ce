"""eventwire: raw news in, coded political event data out, with evidence for every row.

The public surface is small on purpose::

    import eventwire
    doc = eventwire.code_text("Chinese police arrested five North Koreans on May 8.",
                              dct="2002-05-22")
    record = eventwire.to_record(doc)
"""

from __future__ import annotations

__version__ = "0.1.0"

from eventwire.api import (  # noqa: E402
    code_paths,
    code_text,
    events_frame,
    load_pipeline,
    make_config,
)
from eventwire.config import load_config  # noqa: E402
from eventwire.errors import (  # noqa: E402
    ConfigError,
    DictionaryError,
    EngineError,
    EventwireError,
    GoldFormatError,
    InputError,
    ModelError,
    StageError,
    StoreError,
)
from eventwire.model import Document, Event, from_record, to_record  # noqa: E402
from eventwire.pipeline import Pipeline, build_pipeline, register_stage  # noqa: E402

__all__ = [
    "__version__",
    "code_text",
    "code_paths",
    "load_pipeline",
    "make_config",
    "events_frame",
    "load_config",
    "build_pipeline",
    "register_stage",
    "Pipeline",
    "Document",
    "Event",
    "to_record",
    "from_record",
    "EventwireError",
    "InputError",
    "ConfigError",
    "ModelError",
    "DictionaryError",
    "StageError",
    "StoreError",
    "GoldFormatError",
    "EngineError",
]
