"""The body of ``POST /api/documents``: JSON (one object or a list) or plain text.

Parsed by hand rather than by FastAPI's body binding so that malformed JSON, a wrong media
type and a body of the wrong shape each get their own clear code in the one error shape.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from eventwire.errors import Errors
from eventwire.serve.access import NewDocument

__all__ = ["DocumentIn", "parse_documents", "REQUEST_BODY_DOC"]

_ID_PATTERN = r"^[A-Za-z0-9_.:\-]{1,128}$"


class DocumentIn(BaseModel):
    """One document to code: its text and, optionally, an id, a headline and a date."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the article text")
    id: str | None = Field(None, pattern=_ID_PATTERN, description="kept as the doc_id")
    title: str | None = Field(None, max_length=2000)
    date: dt.date | None = Field(None, description="document creation date (YYYY-MM-DD)")


_ONE_OR_MANY: TypeAdapter[DocumentIn | list[DocumentIn]] = TypeAdapter(
    DocumentIn | list[DocumentIn]
)

#: The request body as the OpenAPI schema documents it (the view reads it by hand).
REQUEST_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"oneOf": [
                {"$ref": "#/components/schemas/DocumentIn"},
                {"type": "array", "items": {"$ref": "#/components/schemas/DocumentIn"}},
            ]}},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _from_json(body: bytes) -> list[DocumentIn]:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Errors.E606_json.error(reason=exc) from exc
    except RecursionError as exc:  # "[[[[...": deeper than the parser's stack allows
        raise Errors.E606_deep.error() from exc
    try:
        parsed = _ONE_OR_MANY.validate_python(data)
    except ValidationError as exc:
        detail = [{"loc": ["body", *map(str, e["loc"])], "msg": e["msg"], "type": e["type"]}
                  for e in exc.errors()]
        raise Errors.E601_documents.error(detail=detail) from exc
    return parsed if isinstance(parsed, list) else [parsed]


def _from_text(body: bytes) -> list[DocumentIn]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Errors.E606_utf8.error() from exc
    if not text.strip():
        raise Errors.E601_empty.error()
    return [DocumentIn(text=text, id=None, title=None, date=None)]


def _check_chars(items: list[DocumentIn], max_chars: int) -> None:
    """Refuse more text than one request may code.

    Why: coding time and memory grow with the text, and the store has one writer; a
    single huge post would hold every other write back for as long as it is coded.
    """
    chars = sum(len(item.text) for item in items)
    if chars > max_chars:
        raise Errors.E617.error(chars=chars, max_chars=max_chars,
                                detail={"chars": chars, "max_chars": max_chars})


def parse_documents(
    content_type: str, body: bytes, max_documents: int, max_chars: int
) -> list[NewDocument]:
    """The documents of a POST body, or an ApiError saying what is wrong with it."""
    media = _media_type(content_type)
    if media == "application/json":
        items = _from_json(body)
    elif media == "text/plain":
        items = _from_text(body)
    else:
        raise Errors.E607.error(media=media or "(none)",
                                detail={"accepted": ["application/json", "text/plain"]})
    if not items:
        raise Errors.E601_none.error()
    if len(items) > max_documents:
        raise Errors.E613.error(max_documents=max_documents)
    if not all(item.text.strip() for item in items):
        raise Errors.E601_blank.error()
    _check_chars(items, max_chars)
    return [NewDocument(i.text, doc_id=i.id, title=i.title,
                        date=i.date.isoformat() if i.date else None) for i in items]
