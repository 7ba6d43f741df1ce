"""The parse tokens behind an event: its trigger and the root of any span near it.

Dating, placing and sizing an event all start from the same question, "which token of
spaCy's parse is this event's trigger?", and each used to answer it with its own copy of
the same few lines. One answer here keeps the three from drifting apart (a trigger without
an end offset, a span that does not fall on token bounds).
"""

from __future__ import annotations

from typing import Any

from eventwire.model import Document, Event

__all__ = ["span_root", "trigger_token", "relative_adverb"]


def span_root(sdoc: Any, start: int, end: int) -> Any | None:
    """The syntactic root of the tokens covering characters ``start:end`` (widened to
    token bounds), or None when the span covers no token."""
    span = sdoc.char_span(start, max(end, start + 1), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def trigger_token(doc: Document, event: Event) -> Any | None:
    """The spaCy token of an event's trigger, from its character offsets.

    None without a parse or without trigger offsets: an event whose trigger cannot be
    found in the parse is neither dated, placed nor sized from the text around it.
    """
    if doc.spacy is None or event.trigger_start is None:
        return None
    end = event.trigger_end if event.trigger_end is not None else event.trigger_start + 1
    return span_root(doc.spacy, event.trigger_start, end)


def relative_adverb(verb: Any) -> str | None:
    """The "where" or "when" that opens a relative clause headed by ``verb`` ("visited
    Tehran, where he met ..."), or None: such a clause tells what happened at that place
    or time, not what the noun it hangs on is."""
    if verb.dep_ != "relcl":
        return None
    return next((k.lower_ for k in verb.children
                 if k.dep_ == "advmod" and k.lower_ in ("where", "when")), None)
