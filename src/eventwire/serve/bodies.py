"""The body of ``POST /api/documents``: JSON (one object or a list) or plain text.

Parsed by hand rather than by FastAPI's body binding so that malformed JSON, a wrong media
type and a body of the wrong shape each get their own clear code in the one error shape.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from eventwire.serve.access import NewDocument
from eventwire.serve.errors import ApiError

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
        raise ApiError(400, f"the body is not valid JSON: {exc}", code="E606") from exc
    except RecursionError as exc:  # "[[[[...": deeper than the parser's stack allows
        raise ApiError(400, "the body's JSON is nested too deeply", code="E606") from exc
    try:
        parsed = _ONE_OR_MANY.validate_python(data)
    except ValidationError as exc:
        detail = [{"loc": ["body", *map(str, e["loc"])], "msg": e["msg"], "type": e["type"]}
                  for e in exc.errors()]
        raise ApiError(422, "invalid documents", code="E601", detail=detail) from exc
    return parsed if isinstance(parsed, list) else [parsed]


def _from_text(body: bytes) -> list[DocumentIn]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "a text/plain body must be UTF-8", code="E606") from exc
    if not text.strip():
        raise ApiError(422, "the body is empty", code="E601")
    return [DocumentIn(text=text, id=None, title=None, date=None)]


def _check_chars(items: list[DocumentIn], max_chars: int) -> None:
    """Refuse more text than one request may code.

    Why: coding time and memory grow with the text, and the store has one writer; a
    single huge post would hold every other write back for as long as it is coded.
    """
    chars = sum(len(item.text) for item in items)
    if chars > max_chars:
        raise ApiError(413, f"{chars} characters of text, more than the {max_chars} one "
                       "request may hold", code="E617",
                       detail={"chars": chars, "max_chars": max_chars,
                               "hint": "send fewer or shorter documents per request, or "
                                       "raise serve.max_chars"})


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
        raise ApiError(415, f"unsupported media type {media or '(none)'!r}", code="E607",
                       detail={"accepted": ["application/json", "text/plain"]})
    if not items:
        raise ApiError(422, "no documents in the body", code="E601")
    if len(items) > max_documents:
        raise ApiError(413, f"at most {max_documents} documents per request", code="E613")
    if not all(item.text.strip() for item in items):
        raise ApiError(422, "a document's text is blank", code="E601")
    _check_chars(items, max_chars)
    return [NewDocument(i.text, doc_id=i.id, title=i.title,
                        date=i.date.isoformat() if i.date else None) for i in items]
