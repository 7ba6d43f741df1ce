"""``geo``: geoparsing corpora in XML (GeoVirus, LGL, TR-News, GeoWebNews forms).

An ``<article>`` holds a ``<text>`` and toponyms (``<location>`` or ``<toponym>``) with
``start``/``end`` offsets into it, a name (``name`` or ``phrase``) and, when resolved,
``lat``/``lon`` (directly or under ``<gaztag>``); the page's address, when the article
gives one (LGL's ``<url>``, GeoVirus' ``<source>``), is the document's ``url``, as a JSON
Lines input's would be, so that the outlet's region is a prior (docs/places.md).
Figures: toponym span precision and recall with overlap matching; on matched spans where
both sides have coordinates, accuracy within 161 km (100 miles) and the mean and median
error in km.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from lxml import etree

from eventwire.errors import Errors
from eventwire.eval.align import OffsetMap
from eventwire.eval.base import Gold, Report, gold_error, iso_date, make_document, run_documents
from eventwire.eval.files import read_bytes
from eventwire.eval.metrics import (
    haversine_km,
    mean_or_none,
    median_or_none,
    overlaps,
    prf,
    ratio,
    span_match,
)
from eventwire.eval.registry import Kind
from eventwire.model import Document
from eventwire.pipeline import Pipeline

__all__ = ["Toponym", "GeoItem", "GeoReport", "load", "score_article", "KIND"]

#: How far (in characters) a gold span may be off its name and still be repaired.
MAX_SHIFT = 3
ACCURATE_KM = 161.0


@dataclass(frozen=True)
class Toponym:
    """A place name: span, and coordinates when it is resolved."""

    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class GeoItem:
    """One article with its gold toponyms."""

    id: str
    location: str
    text: str
    date: str | None
    toponyms: tuple[Toponym, ...]
    repaired: int = 0
    url: str | None = None


def _field(el: Any, name: str) -> str | None:
    value = el.get(name)
    if value is None:
        value = el.findtext(name)
        if value is None:
            value = el.findtext(f"gaztag/{name}")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _coord(el: Any, name: str) -> float | None:
    value = _field(el, name)
    try:
        return float(value) if value is not None else None
    except ValueError as exc:
        raise ValueError(f"{name} {value!r} is not a number (line {el.sourceline})") from exc


def _repair(text: str, start: int, end: int, name: str) -> tuple[int, int, bool]:
    """Move a span that is off its own name by a few characters (a corpus-wide offset)."""
    if not name or text[start:end] == name:
        return start, end, False
    for shift in sorted(range(-MAX_SHIFT, MAX_SHIFT + 1), key=abs):
        if text[start + shift : start + shift + len(name)] == name:
            return start + shift, start + shift + len(name), True
    return start, end, False


def _toponym(el: Any, text: str) -> tuple[Toponym, bool]:
    try:
        start, end = int(_field(el, "start") or ""), int(_field(el, "end") or "")
    except ValueError as exc:
        raise ValueError(f"toponym at line {el.sourceline} has no integer start/end") from exc
    if not 0 <= start < end <= len(text):
        raise ValueError(f"toponym at line {el.sourceline} is outside the text")
    # The toponym's own text, never the gazetteer's name under <gaztag>.
    name = (el.findtext("name") or el.findtext("phrase") or "").strip()
    start, end, moved = _repair(text, start, end, name)
    lat, lon = _coord(el, "lat"), _coord(el, "lon")
    return Toponym(start, end, name, lat, lon), moved


def _text_id(text: str) -> str:
    """An id for an article the file gives none (GeoVirus): a digest of its text.

    Why not its position: the same article must keep its id, and so its part of the
    locked split (:mod:`eventwire.eval.split`), in a subset of the file.
    """
    return "text-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _url(el: Any) -> str | None:
    """The article's web address (LGL ``<url>``, GeoVirus ``<source>``), if it is one."""
    for tag in ("url", "source"):
        value = (el.findtext(tag) or "").strip()
        if value.startswith(("http://", "https://")):
            return value
    return None


def _article(el: Any, name: str) -> GeoItem:
    text = el.findtext("text")
    if not text:
        raise ValueError("an <article> needs a non-empty <text>")
    found = [_toponym(t, text) for t in el.iter("location", "toponym")]
    return GeoItem(
        id=el.get("docid") or _text_id(text),
        location=f"{name}:{el.sourceline}",
        text=text,
        date=iso_date(el.findtext("dltime")),
        toponyms=tuple(t for t, _ in found),
        repaired=sum(moved for _, moved in found),
        url=_url(el),
    )


def load(path: Path) -> Gold[GeoItem]:
    """Read the articles of a geoparsing XML file (``.gz`` accepted)."""
    try:
        root = etree.fromstring(read_bytes(path), etree.XMLParser(huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise gold_error(Errors.E501, str(path), path=path, reason=exc) from exc
    gold: Gold[GeoItem] = Gold()
    for el in root.iter("article"):
        try:
            gold.items.append(_article(el, path.name))
        except ValueError as exc:
            gold.skip(f"{path.name}:{el.sourceline}", str(exc))
    return gold


@dataclass
class GeoCounts:
    """Counts behind the figures, and the error of each matched, resolved toponym."""

    gold: int = 0
    pred: int = 0
    gold_matched: int = 0
    pred_matched: int = 0
    errors_km: list[float] = field(default_factory=list)

    def add(self, other: GeoCounts) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.gold_matched += other.gold_matched
        self.pred_matched += other.pred_matched
        self.errors_km.extend(other.errors_km)


def score_article(gold: Sequence[Toponym], pred: Sequence[Toponym]) -> GeoCounts:
    """Overlap matching of spans; distance from each matched gold to its best prediction."""
    c = GeoCounts(gold=len(gold), pred=len(pred))
    spans = [(p.start, p.end) for p in pred]
    c.pred_matched = sum(any(overlaps(s, (g.start, g.end)) for g in gold) for s in spans)
    for g in gold:
        best = span_match((g.start, g.end), spans)
        if best is None:
            continue
        c.gold_matched += 1
        p = pred[best]
        if None not in (g.lat, g.lon, p.lat, p.lon):
            c.errors_km.append(haversine_km(g.lat, g.lon, p.lat, p.lon))  # type: ignore[arg-type]
    return c


def _predicted(record: dict[str, Any], item: GeoItem) -> tuple[list[Toponym], OffsetMap]:
    omap = OffsetMap(item.text, str(record.get("text") or ""))
    out = []
    for m in (record.get("mentions") or {}).get("places") or []:
        span = omap.to_original(int(m["start"]), int(m["end"]))
        if span is not None:
            out.append(
                Toponym(span[0], span[1], str(m.get("text") or ""), m.get("lat"), m.get("lon"))
            )
    return out, omap


@dataclass
class GeoReport(Report):
    """Figures of the ``geo`` KIND."""

    toponym_precision: float | None = None
    toponym_recall: float | None = None
    toponym_f1: float | None = None
    accuracy_161km: float | None = None
    mean_error_km: float | None = None
    median_error_km: float | None = None
    gold_toponyms: int = 0
    resolved_matches: int = 0

    FIGURES: ClassVar[tuple[str, ...]] = (
        "toponym_precision",
        "toponym_recall",
        "toponym_f1",
        "accuracy_161km",
        "mean_error_km",
        "median_error_km",
    )
    LOWER_IS_BETTER: ClassVar[frozenset[str]] = frozenset(
        {"crashed", "mean_error_km", "median_error_km"}
    )


def report_from(c: GeoCounts, path: str, crashed: int = 0) -> GeoReport:
    """The figures of summed counts."""
    m = prf(c.pred_matched, c.pred, c.gold_matched, c.gold)
    near = sum(e <= ACCURATE_KM for e in c.errors_km)
    return GeoReport(
        kind=KIND.name,
        path=path,
        crashed=crashed,
        toponym_precision=m.precision,
        toponym_recall=m.recall,
        toponym_f1=m.f1,
        accuracy_161km=ratio(near, len(c.errors_km)),
        mean_error_km=mean_or_none(c.errors_km),
        median_error_km=median_or_none(c.errors_km),
        gold_toponyms=c.gold,
        resolved_matches=len(c.errors_km),
    )


def _document(item: GeoItem) -> Document:
    """The raw document of one article, with its address when the gold gives one."""
    doc = make_document(item.id, item.text, source=item.location, dct=item.date)
    doc.url = item.url
    return doc


def score(items: Sequence[GeoItem], pipeline: Pipeline, path: str) -> GeoReport:
    """Run the system over every article and sum the counts."""
    docs = (_document(it) for it in items)
    total, crashed, realigned = GeoCounts(), 0, 0
    errors: list[str] = []
    for item, outcome in zip(items, run_documents(pipeline, docs, errors), strict=True):
        pred: list[Toponym] = []
        if outcome.record is None:
            crashed += 1
        else:
            pred, omap = _predicted(outcome.record, item)
            realigned += not omap.exact
        total.add(score_article(item.toponyms, pred))
    report = report_from(total, path, crashed)
    report.crash_examples = errors
    repaired = sum(it.repaired for it in items)
    if repaired:
        report.notes.append(f"{repaired} gold span(s) moved onto their name (offsets were off)")
    if realigned:
        report.notes.append(f"{realigned} article(s) realigned span by span")
    return report


KIND = Kind(
    name="geo",
    summary="geoparsing XML (GeoVirus, LGL, TR-News, GeoWebNews forms), .gz accepted",
    load=load,
    score=score,
    verbatim=True,
)
