"""The pipeline: named stages, declared in one place, run in order (Document in, Document out).

A stage is registered under a name with :func:`register_stage`, on a factory that takes the
stage's own settings (``config["stages"][name]``) and the whole configuration and returns a
:class:`Stage`. A stage registered with a ``settings`` model (a dataclass holding its
defaults, see :mod:`eventwire.settings`) gets its section checked against that model and
receives the typed instance; one registered without gets the plain mapping. The order
of the stages is the configuration's ``pipeline`` list, so a user can drop, reorder or add
stages without touching code. Each stage declares what it ``requires`` and ``assigns``
(document attributes), and :func:`analyze` warns when a stage needs something no earlier
stage sets.

Errors: a stage that fails on a document marks that document with a :class:`StageError`
(naming the document and the stage); later stages skip it; the other documents of the
batch go on.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from eventwire.config import Config, load_config
from eventwire.errors import Errors, EventwireError
from eventwire.model import Document
from eventwire.settings import from_mapping

__all__ = [
    "Stage",
    "StageInfo",
    "Pipeline",
    "register_stage",
    "registered_stages",
    "build_pipeline",
    "warm_up",
    "analyze",
    "check_stages",
    "stage_settings",
]

log = logging.getLogger(__name__)


@runtime_checkable
class Stage(Protocol):
    """What a stage is: a callable Document -> Document with a name.

    A stage may also define ``pipe(docs)`` to process a stream in batches (the parser
    does); :class:`Pipeline` falls back to calling it document by document.
    """

    name: str

    def __call__(self, doc: Document) -> Document: ...


StageFactory = Callable[[Any, Config], Stage]


@dataclass(frozen=True)
class StageInfo:
    """A registered stage: its factory, what it reads and writes, its settings model."""

    name: str
    factory: StageFactory
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    module: str
    settings: type | None = None


_REGISTRY: dict[str, StageInfo] = {}

#: Where the built-in stages live; imported on demand so that registering is lazy.
BUILTIN_STAGE_MODULES = (
    "eventwire.ingest.stages",
    "eventwire.nlp.stages",
    "eventwire.actors.stages",
    "eventwire.time.stages",
    "eventwire.places.stages",
    "eventwire.quantities.stages",
    "eventwire.events.stages",
    "eventwire.anchor.stage",
)


def register_stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    settings: type | None = None,
) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under ``name`` (used as a decorator).

    ``settings`` is the stage's settings model: a dataclass whose defaults are the
    stage's defaults. The factory then receives an instance of it, checked.
    """

    def decorate(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = StageInfo(
            name, factory, tuple(requires), tuple(assigns), factory.__module__, settings
        )
        return factory

    return decorate


def _load_builtin_stages() -> None:
    for module in BUILTIN_STAGE_MODULES:
        importlib.import_module(module)


def registered_stages() -> dict[str, StageInfo]:
    """Every registered stage by name (built-in ones included)."""
    _load_builtin_stages()
    return dict(_REGISTRY)


def analyze(names: list[str]) -> list[str]:
    """Warnings for stages that need an attribute no earlier stage assigns."""
    registry = registered_stages()
    provided = {"doc.raw", "doc.doc_id", "doc.source", "doc.dct"}
    warnings = []
    for name in names:
        info = registry[name]
        for req in info.requires:
            if req not in provided:
                warnings.append(f"stage {name!r} requires {req!r}, which no earlier stage assigns")
        provided.update(info.assigns)
    return warnings


def _settings_of(info: StageInfo, config: Config) -> Any:
    """A stage's section of ``config``, checked against its model when it has one."""
    raw = (config.get("stages") or {}).get(info.name)
    if info.settings is None:
        return dict(raw or {})
    return from_mapping(info.settings, raw, f"stages.{info.name}")


def stage_settings(config: Config, name: str) -> Any:
    """The checked settings of the registered stage ``name`` in ``config``."""
    return _settings_of(registered_stages()[name], config)


def check_stages(config: Config) -> list[tuple[str, Any]]:
    """Check the pipeline's stage names and every stage's settings; (name, settings) in
    pipeline order.

    Why apart from building: a bad value must stop a run before any model is loaded or
    any worker process started, with the key named (E202, E218, E219), and a caller
    that builds pipelines in workers can check once in the parent.
    """
    names = list(config.get("pipeline") or [])
    registry = registered_stages()
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise Errors.E209.error(unknown=unknown, registered=sorted(registry))
    sections = config.get("stages") or {}
    checked = [(n, _settings_of(registry[n], config)) for n in names]
    for name, info in registry.items():  # settings of stages left out of the pipeline
        if name not in names and name in sections:
            _settings_of(info, config)
    return checked


def _fail(doc: Document, stage: str, exc: Exception) -> None:
    if isinstance(exc, EventwireError):
        doc.error = exc.with_context(doc_id=doc.doc_id, stage=stage, source=doc.source)
        return
    err = Errors.E301.error(kind=type(exc).__name__, reason=exc, doc_id=doc.doc_id,
                            stage=stage, source=doc.source)
    err.__cause__ = exc
    doc.error = err


def _run_stage_stream(stage: Stage, docs: Iterable[Document]) -> Iterator[Document]:
    """Run one stage over a stream: batched when it can, isolated per document on failure."""
    pipe = getattr(stage, "pipe", None)
    if pipe is not None:
        yield from pipe(docs)
        return
    for doc in docs:
        if doc.error is None:
            try:
                out = stage(doc)
            except Exception as exc:  # noqa: BLE001 - every failure is recorded on the doc
                _fail(doc, stage.name, exc)
            else:
                if not isinstance(out, Document):
                    _fail(doc, stage.name, TypeError("stage did not return a Document"))
                else:
                    doc = out
        yield doc


class Pipeline:
    """An ordered list of built stages, with the configuration they came from."""

    def __init__(self, stages: list[Stage], config: Config) -> None:
        self.stages = stages
        self.config = config

    def get_stage(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    @contextmanager
    def memory_zone(self) -> Iterator[None]:
        """Free what the stages cached for the documents processed inside the block.

        Why: spaCy keeps every new string it sees, so a worker coding millions of articles
        grows without end. Stages with a ``memory_zone()`` (the parser) release them when
        the block ends; nothing parsed inside may be used after it, so callers turn
        documents into records inside the block.
        """
        with ExitStack() as stack:
            for stage in self.stages:
                zone = getattr(stage, "memory_zone", None)
                if zone is not None:
                    stack.enter_context(zone())
            yield

    def __call__(self, doc: Document) -> Document:
        """Run every stage on one document; a failure is recorded on ``doc.error``."""
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Run the stages over a stream of documents, lazily, keeping their order."""
        stream: Iterable[Document] = docs
        for stage in self.stages:
            stream = _run_stage_stream(stage, stream)
        yield from stream


def build_pipeline(config: Config | None = None, *, warm: bool = True) -> Pipeline:
    """Build the pipeline the configuration declares (the default one when none is given).

    ``warm=False`` skips the warm-up document: for a pipeline built only to check the
    configuration and models before worker processes start, which never codes.
    """
    config = config if config is not None else load_config()
    settings = check_stages(config)
    for warning in analyze([name for name, _ in settings]):
        log.warning(warning)
    registry = registered_stages()
    stages = [registry[n].factory(s, config) for n, s in settings]
    pipeline = Pipeline(stages, config)
    if warm:
        warm_up(pipeline)
    return pipeline


#: Run through every new pipeline, outside any memory zone, so that stages build their
#: lazy lookups (matchers, gazetteer indexes) once, with strings that stay valid.
WARM_UP_TEXT = (
    "WASHINGTON, May 8 (Reuters) - Chinese police arrested five North Korean refugees "
    "in Shenyang on Wednesday, and the United Nations urged Japan's foreign minister to "
    "meet rebels near Paris, Texas, where 12 people were killed two days ago."
)


def warm_up(pipeline: Pipeline) -> None:
    """Run the warm-up document through ``pipeline`` (see :data:`WARM_UP_TEXT`)."""
    doc = Document("warm-up", "warm-up", raw=WARM_UP_TEXT, dct="2002-05-22")
    out = pipeline(doc)
    if out.error is not None:
        log.warning("warm-up document failed: %s", out.error)
