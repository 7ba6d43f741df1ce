"""Configuration: one shipped default, layered with user files and command-line overrides.

The default lives in ``eventwire/default.yaml`` and names every key that exists. A user
file overrides only the keys it sets; ``--set section.key=value`` overrides one key from the
command line (the value is read as YAML, so ``--set engine.workers=4`` gives an int).
Unknown keys are an error rather than being silently ignored: a typo in a config file must
not quietly change nothing. Mappings listed in ``OPEN_SECTIONS`` accept new keys (for
example user stage settings for a stage the user registers).

The merged configuration stays a plain dict (it crosses process boundaries and goes to
Spark), but it is checked against the typed models of :mod:`eventwire.settings` before it
is returned: a wrong type or an out-of-range value is a coded ConfigError naming the key,
not a traceback later. The ``stages`` sections are checked against each stage's own model
when the pipeline is built (:func:`eventwire.pipeline.check_stages`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from eventwire.errors import Errors
from eventwire.settings import SECTIONS, from_mapping

#: libyaml's loader when PyYAML was built with it: the same safe subset, several times
#: faster on the lexicons read at every start.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML text with the safe loader (libyaml's when available)."""
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader

__all__ = [
    "Config",
    "load_config",
    "default_config",
    "apply_override",
    "load_yaml",
    "check_config",
    "section",
]

Config = dict[str, Any]
T = TypeVar("T")

#: Dotted paths of mappings whose keys are not fixed by the default config.
OPEN_SECTIONS = frozenset({"stages"})


def default_config() -> Config:
    """The shipped default configuration, as a fresh dict."""
    text = resources.files("eventwire").joinpath("default.yaml").read_text("utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise Errors.E201.error()
    return data


def _merge(base: Config, update: Mapping[str, Any], path: str, origin: str) -> None:
    for key, value in update.items():
        dotted = f"{path}.{key}" if path else str(key)
        if key not in base and path not in OPEN_SECTIONS:
            raise Errors.E202_merge.error(key=dotted, origin=origin)
        current = base.get(key)
        if isinstance(current, dict) and isinstance(value, Mapping):
            _merge(current, value, dotted, origin)
        elif isinstance(current, dict) and value is not None:
            raise Errors.E203_merge.error(key=dotted, origin=origin, kind=type(value).__name__)
        else:
            base[key] = copy.deepcopy(value)


def read_config_file(path: str | Path) -> Config:
    """Read a user YAML config file."""
    p = Path(path)
    try:
        data = load_yaml(p.read_text("utf-8"))
    except OSError as exc:
        raise Errors.E204.error(path=str(p), reason=exc) from exc
    except yaml.YAMLError as exc:
        raise Errors.E205.error(path=str(p), reason=exc) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise Errors.E206.error(path=str(p))
    return data


def apply_override(config: Config, override: str) -> None:
    """Apply one ``dotted.key=value`` override in place."""
    if "=" not in override:
        raise Errors.E207.error(override=override)
    dotted, raw = override.split("=", 1)
    try:
        value = yaml.safe_load(raw) if raw else None
    except yaml.YAMLError as exc:
        raise Errors.E208.error(override=override) from exc
    update: dict[str, Any] = {}
    node = update
    parts = dotted.strip().split(".")
    for part in parts[:-1]:
        node[part] = {}
        node = node[part]
    node[parts[-1]] = value
    _merge(config, update, "", f"override {override!r}")


def load_config(
    files: Iterable[str | Path] = (),
    overrides: Iterable[str] = (),
    updates: Iterable[Mapping[str, Any]] = (),
) -> Config:
    """Build the effective configuration: default, then files, then dicts, then overrides."""
    config = default_config()
    for f in files:
        _merge(config, read_config_file(f), "", f"config file {str(f)!r}")
    for upd in updates:
        _merge(config, upd, "", "arguments")
    for ov in overrides:
        apply_override(config, ov)
    check_config(config)
    return config


def _string_list(config: Config, key: str) -> None:
    value = config.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Errors.E218_list.error(key=key, value=value)


def check_config(config: Config) -> None:
    """Refuse a configuration whose top-level sections do not fit their models.

    Why here: every command loads its configuration before doing anything, so a bad
    value stops the run at once with exit 2 instead of failing half-way (or never).
    """
    for key in ("pipeline", "dictionaries"):
        _string_list(config, key)
    for name, model in SECTIONS.items():
        from_mapping(model, config.get(name), name)


def section(config: Config, name: str, model: type[T]) -> T:
    """The typed settings of the top-level section ``name`` (e.g. ``engine``)."""
    return from_mapping(model, config.get(name), name)
