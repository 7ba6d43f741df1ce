"""The exception tree of eventwire.

Every error eventwire raises on purpose is an :class:`EventwireError`.  Each carries a
stable code (``E1xx`` for input, ``E2xx`` for configuration and models, ``E3xx`` for
stages, ``E4xx`` for the store, ``E5xx`` for evaluation data, ``E6xx`` for the API), the
document it concerns and the stage it happened in, so that a message printed at the end of
a batch of ten thousand documents still says which one failed, where, and what to do::

    EventwireError
    ├── InputError        unreadable, empty, binary, too large, malformed records
    ├── ConfigError       bad configuration files, unknown keys, bad overrides
    ├── ModelError        the spaCy pipeline is missing or not the one expected
    ├── DictionaryError   a lexicon or user dictionary cannot be read
    ├── StageError        a stage failed on a document (wraps the original exception)
    ├── StoreError        the DuckDB store cannot be opened, written or migrated
    ├── GoldFormatError   an evaluation file is not in the expected form
    └── EngineError       a worker process or Spark job failed

Why a tree with codes: callers catch the family they can handle (a batch catches
``InputError`` and ``StageError`` per document and goes on), and users can search the
code in the docs.
"""

from __future__ import annotations

__all__ = [
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


class EventwireError(Exception):
    """Base class: a coded message, with the document and stage it concerns.

    ``hint`` says what the user can do about it; it is printed after the message.
    """

    default_code = "E000"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        doc_id: str | None = None,
        stage: str | None = None,
        hint: str | None = None,
        source: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.code = code or self.default_code
        self.doc_id = doc_id
        self.stage = stage
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = []
        if self.doc_id is not None:
            doc = f"document {self.doc_id!r}"
            if self.source and self.source != self.doc_id:
                doc += f" ({self.source})"
            where.append(doc)
        if self.stage is not None:
            where.append(f"stage {self.stage!r}")
        prefix = f"[{self.code}]"
        if where:
            prefix += " " + ", ".join(where) + ":"
        text = f"{prefix} {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def with_context(
        self, *, doc_id: str | None = None, stage: str | None = None, source: str | None = None
    ) -> EventwireError:
        """Fill in the document, source and stage where they are not known yet; return self."""
        if self.doc_id is None and doc_id is not None:
            self.doc_id = doc_id
        if self.source is None and source is not None:
            self.source = source
        if self.stage is None and stage is not None:
            self.stage = stage
        self.args = (self.__str__(),)
        return self

    def __reduce__(self) -> tuple[object, ...]:
        # Keep code, document and stage when errors cross process boundaries.
        kwargs = {
            "code": self.code,
            "doc_id": self.doc_id,
            "stage": self.stage,
            "hint": self.hint,
            "source": self.source,
        }
        return (_rebuild, (type(self), self.message, kwargs))

    def to_dict(self) -> dict[str, str | None]:
        """A JSON-friendly form, used by the store's failures table and the API."""
        return {
            "code": self.code,
            "type": type(self).__name__,
            "doc_id": self.doc_id,
            "source": self.source,
            "stage": self.stage,
            "message": self.message,
            "hint": self.hint,
        }


class InputError(EventwireError):
    """A document cannot be read: missing, empty, binary, too large or malformed."""

    default_code = "E100"


class ConfigError(EventwireError):
    """The configuration is invalid: unknown key, wrong type, unknown stage."""

    default_code = "E200"


class ModelError(EventwireError):
    """The NLP model cannot be loaded, or is not the one the configuration expects."""

    default_code = "E210"


class DictionaryError(EventwireError):
    """A lexicon, ontology or user dictionary file cannot be read."""

    default_code = "E220"


class StageError(EventwireError):
    """A pipeline stage failed on one document; the original exception is ``__cause__``."""

    default_code = "E300"


class StoreError(EventwireError):
    """The event store cannot be opened, written, locked or migrated."""

    default_code = "E400"


class GoldFormatError(EventwireError):
    """An evaluation (gold) file or record is not in the expected form."""

    default_code = "E500"


class EngineError(EventwireError):
    """A worker process or a Spark job failed as a whole."""

    default_code = "E700"


def _rebuild(
    cls: type[EventwireError], message: str, kwargs: dict[str, str | None]
) -> EventwireError:
    return cls(message, **kwargs)
