"""The text of a parsed ``Doc``, read once.

Why: spaCy's ``Doc.text`` joins the text of every token on each read, building a
``Token`` object for each; the stages that look at the text around a mention (places,
actors, events) would otherwise pay for that again and again per document.
"""

from __future__ import annotations

from typing import Any

__all__ = ["doc_text"]

_KEY = "eventwire.text"


def doc_text(sdoc: Any) -> str:
    """``sdoc.text``, kept in the Doc's ``user_data`` after the first read."""
    data = sdoc.user_data
    text = data.get(_KEY)
    if text is None:
        text = data[_KEY] = sdoc.text
    return str(text)
