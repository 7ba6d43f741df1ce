"""``html-meta``: hand-checked metadata of real web pages (title, authors, date, site, agency).

Only the clean stage runs: it reads each page and fills ``title``, ``byline`` (with the
person names apart in ``meta.authors``), ``stated_date``, ``meta.sitename`` and
``meta.agency``, which are compared with what a careful reader of the page decided
(``corpus/html-meta/README.md``). Why a KIND of its own: the body-extraction benchmark
(``aeb``) says nothing about the headline or the date, and a wrong date moves every event
of the page.

The gold is JSON Lines, one page a line (``id``, ``title``, ``authors``, ``date``,
optional ``date_alt``, ``site``, ``agency``). The pages are ``<id>.html.gz`` or
``<id>.html`` in ``--pages DIR`` (or in its ``html/``), by default in ``html/`` beside the
gold file; PATH may also be a folder holding ``meta.jsonl`` and ``html/``.

Comparisons are folded (:func:`fold`): case, white space, quotes and dashes do not count,
a site name appended to a title does ("Rebels advance - Example News" is wrong).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from eventwire.errors import Errors
from eventwire.eval.base import Gold, Report, Table, gold_error, make_document, run_documents
from eventwire.eval.files import json_records, read_bytes
from eventwire.eval.metrics import prf, ratio
from eventwire.eval.registry import Kind
from eventwire.pipeline import Pipeline

__all__ = [
    "MetaItem",
    "MetaReport",
    "PageScore",
    "fold",
    "fold_name",
    "predicted_authors",
    "score_page",
    "load",
    "KIND",
]

#: The gold file of a folder PATH.
FOLDER_GOLD = "meta.jsonl"

#: Curly, low and angle quotes, primes and backticks, all read as one straight quote.
_QUOTE_CHARS = '\u2018\u2019\u201a\u201b\u2032\u00b4`\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"'
_QUOTES = str.maketrans(dict.fromkeys(_QUOTE_CHARS, "'"))
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2e3a\u2e3b-]+")
_SPACE = re.compile(r"\s+")
_SPLIT_AUTHORS = re.compile(r"\s*(?:;|,|\band\b|&)\s*", re.I)


def fold(text: object) -> str:
    """A string as compared: NFKC, case folded, quotes and dashes unified, spaces collapsed."""
    value = unicodedata.normalize("NFKC", str(text or "")).casefold().translate(_QUOTES)
    value = _DASHES.sub("-", value)
    value = re.sub(r"\s*-\s*", " - ", value)
    return _SPACE.sub(" ", value).strip()


def fold_name(name: object) -> str:
    """A person's name as compared: folded, and the full stops of initials ignored
    ("Jane Q. Doe" is "Jane Q Doe")."""
    return fold(str(name or "").replace(".", " "))


@dataclass(frozen=True)
class MetaItem:
    """One page: where its HTML is and what a reader says its metadata is."""

    id: str
    location: str
    html: Path
    title: str | None
    authors: tuple[str, ...]
    dates: tuple[str, ...]
    site: str | None
    agency: str | None


def _page(pages: Path, key: str) -> Path | None:
    for folder in (pages, pages / "html"):
        for name in (f"{key}.html.gz", f"{key}.html"):
            if (folder / name).exists():
                return folder / name
    return None


def _item(pages: Path, location: str, rec: dict[str, Any]) -> MetaItem:
    key = rec.get("id")
    if not isinstance(key, str) or not key:
        raise ValueError("a page needs a string 'id'")
    authors = rec.get("authors") or []
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise ValueError("'authors' must be a list of names")
    html = _page(pages, key)
    if html is None:
        raise ValueError(f"no {key}.html.gz or {key}.html in {pages}")
    dates = tuple(str(d) for d in (rec.get("date"), rec.get("date_alt")) if d)
    return MetaItem(
        key,
        location,
        html,
        rec.get("title"),
        tuple(authors),
        dates,
        rec.get("site"),
        rec.get("agency"),
    )


def load_pages(path: Path, pages: Path | None) -> Gold[MetaItem]:
    """Read the gold file (or a folder's ``meta.jsonl``) and find each page's HTML."""
    gold_file = path / FOLDER_GOLD if path.is_dir() else path
    folder = pages if pages is not None else gold_file.parent
    if not folder.is_dir():
        raise gold_error(Errors.E502_pages, str(folder), folder=folder)
    gold: Gold[MetaItem] = Gold()
    for location, rec, reason in json_records(gold_file):
        try:
            if rec is None:
                raise ValueError(reason or "unreadable record")
            gold.items.append(_item(folder, location, rec))
        except ValueError as exc:
            gold.skip(location, str(exc))
    if not gold.items and not gold.skipped:
        raise gold_error(Errors.E503_pages, str(gold_file), path=gold_file)
    return gold


def load(path: Path) -> Gold[MetaItem]:
    """Read the gold with its pages in the default place (``html/`` beside it)."""
    return load_pages(path, None)


def predicted_authors(record: dict[str, Any]) -> list[str]:
    """The person names the system gives: ``meta.authors``, else the byline split."""
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    names = meta.get("authors") if isinstance(meta, dict) else None
    if isinstance(names, list):
        return [str(n) for n in names if n]
    byline = str(record.get("byline") or "")
    return [n for n in _SPLIT_AUTHORS.split(byline) if n.strip()]


@dataclass(frozen=True)
class PageScore:
    """One page's outcome, field by field."""

    title: bool
    date: bool
    site: bool
    agency: bool
    authors_tp: int
    authors_pred: int
    authors_gold: int

    @property
    def authors_exact(self) -> bool:
        return self.authors_tp == self.authors_pred == self.authors_gold


def score_page(item: MetaItem, record: dict[str, Any]) -> PageScore:
    """Compare one page's extracted metadata with its gold, each field folded."""
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    assert isinstance(meta, dict)
    pred = {fold_name(a) for a in predicted_authors(record)}
    gold = {fold_name(a) for a in item.authors}
    return PageScore(
        title=fold(record.get("title")) == fold(item.title),
        date=str(record.get("stated_date") or "")[:10] in item.dates,
        site=fold(meta.get("sitename")) == fold(item.site),
        agency=fold(meta.get("agency")) == fold(item.agency),
        authors_tp=len(pred & gold),
        authors_pred=len(pred),
        authors_gold=len(gold),
    )


@dataclass
class MetaReport(Report):
    """Figures of the ``html-meta`` KIND (shares of pages, authors micro-averaged)."""

    title_accuracy: float | None = None
    date_accuracy: float | None = None
    author_precision: float | None = None
    author_recall: float | None = None
    author_f1: float | None = None
    author_exact: float | None = None
    site_accuracy: float | None = None
    agency_accuracy: float | None = None
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    FIGURES: ClassVar[tuple[str, ...]] = (
        "title_accuracy",
        "date_accuracy",
        "author_precision",
        "author_recall",
        "author_f1",
        "author_exact",
        "site_accuracy",
        "agency_accuracy",
    )

    def tables(self) -> list[Table]:
        if not self.misses:
            return []
        return [Table("misses (first 40)", ("page", "field", "gold", "system"), self.misses[:40])]


def report_from(scores: Sequence[PageScore], path: str, crashed: int = 0) -> MetaReport:
    """The shares of pages right per field and the author figures over all pages."""
    n = len(scores)
    tp = sum(s.authors_tp for s in scores)
    authors = prf(tp, sum(s.authors_pred for s in scores), tp, sum(s.authors_gold for s in scores))
    return MetaReport(
        kind=KIND.name,
        path=path,
        crashed=crashed,
        title_accuracy=ratio(sum(s.title for s in scores), n),
        date_accuracy=ratio(sum(s.date for s in scores), n),
        author_precision=authors.precision,
        author_recall=authors.recall,
        author_f1=authors.f1,
        author_exact=ratio(sum(s.authors_exact for s in scores), n),
        site_accuracy=ratio(sum(s.site for s in scores), n),
        agency_accuracy=ratio(sum(s.agency for s in scores), n),
    )


def _misses(item: MetaItem, rec: dict[str, Any], page: PageScore) -> list[tuple[str, ...]]:
    meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
    assert isinstance(meta, dict)
    rows = [
        ("title", page.title, item.title, rec.get("title")),
        ("date", page.date, "/".join(item.dates), rec.get("stated_date")),
        ("authors", page.authors_exact, "; ".join(item.authors), "; ".join(predicted_authors(rec))),
        ("site", page.site, item.site, meta.get("sitename")),
        ("agency", page.agency, item.agency, meta.get("agency")),
    ]
    return [(item.id[:10], name, str(g), str(s)) for name, ok, g, s in rows if not ok]


def score(items: Sequence[MetaItem], pipeline: Pipeline, path: str) -> MetaReport:
    """Run the clean stage over every page and compare its metadata with the gold."""
    docs = (
        make_document(it.id, read_bytes(it.html), source=it.location, fmt="html") for it in items
    )
    scores, misses, crashed = [], [], 0
    errors: list[str] = []
    for item, outcome in zip(items, run_documents(pipeline, docs, errors), strict=True):
        crashed += outcome.crashed
        record = outcome.record or {}
        page = score_page(item, record)
        scores.append(page)
        misses.extend(_misses(item, record, page))
    report = report_from(scores, path, crashed)
    report.crash_examples = errors
    report.misses = [(a, b, c, d) for a, b, c, d in misses]
    return report


KIND = Kind(
    name="html-meta",
    summary="hand-checked page metadata (JSON Lines: title, authors, date, site, agency) "
    "with the pages (--pages DIR, or html/ beside it)",
    load=load,
    score=score,
    stages=("clean",),
    load_pages=load_pages,
)
