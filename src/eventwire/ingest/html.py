"""HTML pages: the article's main text and metadata, extracted by trafilatura.

Boilerplate removal on web pages is a hard problem that trafilatura solves well (about
0.96 F1 on the article-extraction benchmark); eventwire only maps its output onto the
document: title, author as byline, publication date as stated date, URL and site name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest.dates import parse_date
from eventwire.ingest.decode import strip_controls

__all__ = ["Extracted", "extract_html"]

#: trafilatura metadata fields copied into ``doc.meta`` when present.
META_FIELDS = ("url", "sitename", "hostname", "description", "categories", "tags", "language")


@dataclass
class Extracted:
    """The article text of a page and what trafilatura found about it."""

    text: str
    title: str | None = None
    byline: str | None = None
    stated_date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _result_dict(html: str, favor_precision: bool) -> dict[str, Any] | None:
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_precision=favor_precision,
    )
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return data


def _meta(data: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for key in META_FIELDS:
        value = data.get(key)
        if value not in (None, "", []):
            meta[key] = value
    return meta


def extract_html(html: str, *, favor_precision: bool = False, min_words: int = 10) -> Extracted:
    """Extract the article of an HTML page, or raise :class:`InputError` (E111) if none.

    A page whose extracted text has fewer than ``min_words`` words (a menu, a login
    form) has no article: coding its scraps would only produce noise.
    """
    data = _result_dict(html, favor_precision)
    text = strip_controls(str((data or {}).get("text") or "")).strip()
    if data is None or len(text.split()) < min_words:
        raise InputError(
            f"HTML page has no article text (fewer than {min_words} words extracted)",
            code="E111",
            hint="the page may be an index, a login wall or rendered by JavaScript",
        )
    date = data.get("date")
    return Extracted(
        text=text,
        title=data.get("title") or None,
        byline=data.get("author") or None,
        stated_date=parse_date(str(date)) if date else None,
        meta=_meta(data),
    )
