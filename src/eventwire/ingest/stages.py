"""The ``clean`` and ``dating`` stages.

``clean`` turns raw input into the one text that every later offset indexes, so it runs
once and nothing after it changes ``doc.text``. ``dating`` decides which date relative
expressions are read against; it runs before the parser and uses regexes only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from eventwire.config import Config
from eventwire.errors import Errors
from eventwire.ingest.dates import find_time, parse_date
from eventwire.ingest.dating import DatingSettings, estimate_date
from eventwire.ingest.decode import decode, strip_controls
from eventwire.ingest.html import extract_html
from eventwire.ingest.plaintext import parse_plaintext, take_dateline, trim_web_text
from eventwire.ingest.readers import DEFAULT_MAX_BYTES
from eventwire.model import Document
from eventwire.pipeline import register_stage
from eventwire.settings import AtLeast, from_mapping

__all__ = ["CleanStage", "CleanSettings", "DatingStage", "input_limit"]


@dataclass(frozen=True)
class CleanSettings:
    """``stages.clean``: the size limit, trafilatura's trade-off, verbatim records."""

    max_bytes: Annotated[int, AtLeast(1)] = DEFAULT_MAX_BYTES
    html_favor_precision: bool = False
    html_min_words: Annotated[int, AtLeast(0)] = 10
    verbatim: bool = False


def clean_settings(config: Config) -> CleanSettings:
    """The checked ``stages.clean`` settings of a configuration."""
    return from_mapping(CleanSettings, (config.get("stages") or {}).get("clean"), "stages.clean")


def input_limit(config: Config) -> int:
    """The largest input document, in bytes: ``stages.clean.max_bytes``.

    Why one function: the readers stop at this size while reading and the clean stage
    refuses larger documents; both must read the same key the same way.
    """
    return clean_settings(config).max_bytes


def _set_if_missing(doc: Document, name: str, value: Any) -> None:
    if value and not getattr(doc, name):
        setattr(doc, name, value)


def _normalise_stated(doc: Document) -> None:
    """Make a given stated date ISO ("2002-05-23 10:00:00" -> "2002-05-23", time in meta)."""
    raw = doc.stated_date
    if raw is None:
        return
    iso = parse_date(raw)
    if iso != raw:
        doc.meta.setdefault("stated_date_raw", raw)
        time = find_time(raw[10:] if iso and raw.startswith(iso) else raw)
        if time:
            doc.meta.setdefault("stated_time", time)
    doc.stated_date = iso


def _clean_text(doc: Document, text: str) -> None:
    parsed = parse_plaintext(text)
    doc.text = parsed.text or strip_controls(text).strip()
    _set_if_missing(doc, "title", parsed.title)
    _set_if_missing(doc, "byline", parsed.byline)
    _set_if_missing(doc, "stated_date", parsed.stated_date)
    for key, value in parsed.meta.items():
        doc.meta.setdefault(key, value)


def _clean_record(doc: Document, text: str) -> None:
    """A record's text as given, less control characters, outer white space and the
    dateline that opens it (kept in ``meta`` as for plain text)."""
    found: dict[str, Any] = {}
    doc.text = take_dateline(strip_controls(text).strip(), found)
    for key, value in found.items():
        doc.meta.setdefault(key, value)


class CleanStage:
    """Decode raw input and produce the clean text that every offset indexes.

    By ``doc.fmt``: HTML goes through trafilatura; plain text through the header and
    footer parser; JSON Lines records keep their text (control characters, outer white
    space and an opening dateline removed) and their own title, date and URL. Every kind
    loses its opening dateline to ``meta`` through one function, ``take_dateline``.
    With ``verbatim: true`` text and records are kept exactly as given, so that offsets
    equal the input's; an opening dateline is still read into ``meta`` (its place gives
    the story's domestic actors their country), only not cut from the text.
    """

    name = "clean"

    def __init__(self, settings: CleanSettings | Mapping[str, Any], config: Config) -> None:
        self.settings = from_mapping(CleanSettings, settings, "stages.clean")
        self.max_bytes = self.settings.max_bytes
        self.favor_precision = self.settings.html_favor_precision
        self.verbatim = self.settings.verbatim
        self.html_min_words = self.settings.html_min_words
        self._by_fmt: dict[str, Callable[[Document, str], None]] = {
            "html": self._clean_html,
            "record": _clean_record,
            "text": _clean_text,
        }

    def _check_size(self, raw: bytes | str) -> None:
        size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
        if size > self.max_bytes:
            raise Errors.E103_document.error(max_bytes=self.max_bytes)

    def _clean_html(self, doc: Document, text: str) -> None:
        page = extract_html(
            text, favor_precision=self.favor_precision, min_words=self.html_min_words
        )
        trimmed = trim_web_text(page.text, page.title)
        doc.text = trimmed.text or page.text
        for key, value in trimmed.meta.items():
            doc.meta.setdefault(key, value)
        _set_if_missing(doc, "title", page.title)
        _set_if_missing(doc, "byline", page.byline)
        _set_if_missing(doc, "stated_date", page.stated_date)
        _set_if_missing(doc, "url", page.meta.get("url"))
        for key, value in page.meta.items():
            doc.meta.setdefault(key, value)

    def __call__(self, doc: Document) -> Document:
        if doc.raw is None:
            return doc
        self._check_size(doc.raw)
        text = decode(doc.raw)
        doc.raw = None
        _normalise_stated(doc)
        if self.verbatim and doc.fmt != "html":
            doc.text = text
            take_dateline(text, doc.meta)  # read, not cut: the text keeps its offsets
        else:
            self._by_fmt.get(doc.fmt, _clean_text)(doc, text)
        if not doc.text.strip():
            raise Errors.E108_cleaned.error()
        return doc


class DatingStage:
    """Set ``doc.date``: the --dct override, else the best estimate from the document.

    ``doc.stated_date`` stays what the document says; ``doc.date`` is the stated date
    unless the text's own evidence clearly contradicts it, in which case the estimate
    is used and ``doc.date_warnings`` says why. Never today's date.
    """

    name = "dating"

    def __init__(self, settings: DatingSettings | Mapping[str, Any], config: Config) -> None:
        self.settings = from_mapping(DatingSettings, settings, "stages.dating")

    def __call__(self, doc: Document) -> Document:
        if doc.dct:
            doc.date = doc.dct
            return doc
        estimate = estimate_date(doc.text, doc.meta, doc.stated_date, self.settings)
        doc.date = estimate.date
        raw = doc.meta.get("stated_date_raw")
        if doc.stated_date is None and raw:
            doc.date_warnings.append(f"The stated date {raw!r} could not be read as a date.")
        doc.date_warnings.extend(estimate.warnings)
        if estimate.changed:
            doc.meta["date_evidence"] = [e.describe() for e in estimate.evidence]
        return doc


@register_stage(
    "clean",
    requires=["doc.raw"],
    assigns=["doc.text", "doc.title", "doc.byline", "doc.stated_date", "doc.meta"],
    settings=CleanSettings,
)
def make_clean(settings: CleanSettings, config: Config) -> CleanStage:
    return CleanStage(settings, config)


@register_stage("dating", requires=["doc.text"], assigns=["doc.date", "doc.date_warnings"],
                settings=DatingSettings)
def make_dating(settings: DatingSettings, config: Config) -> DatingStage:
    return DatingStage(settings, config)
