"""The JSON Schema of the output record, and a validator for it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["record_schema", "record_errors"]


@lru_cache(maxsize=1)
def record_schema() -> dict[str, Any]:
    """The schema shipped with the package (``eventwire/record.schema.json``)."""
    text = resources.files("eventwire").joinpath("record.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def record_errors(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks the schema, as readable strings (empty when valid)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(record_schema())
    return [
        f"{'/'.join(str(p) for p in err.absolute_path) or '<root>'}: {err.message}"
        for err in validator.iter_errors(record)
    ]
