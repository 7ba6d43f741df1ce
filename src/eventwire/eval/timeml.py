"""``timeml``: a folder of TimeML files (TempEval-3 form): time-expression spans and values.

The text of a file is the content of ``<TEXT>`` with every tag removed; the ``<TIMEX3>``
inside it are the gold spans, and the ``<DCT>``'s TIMEX3 value is the document date the
system is given. Figures as TempEval-3: strict and relaxed span P/R/F1; type and value
accuracy on relaxed matches; value F1 = relaxed F1 x value accuracy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from lxml import etree

from eventwire.errors import Errors
from eventwire.eval.align import OffsetMap
from eventwire.eval.base import Gold, Report, gold_error, iso_date, make_document, run_documents
from eventwire.eval.files import read_bytes
from eventwire.eval.metrics import overlaps, prf, ratio, span_match
from eventwire.eval.registry import Kind
from eventwire.pipeline import Pipeline

__all__ = ["Timex", "TimemlItem", "TimemlReport", "load", "load_file", "score_spans", "KIND"]


@dataclass(frozen=True)
class Timex:
    """A time expression: span in the text, TimeML type and value."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True)
class TimemlItem:
    """One TimeML file: its plain text, creation date and gold time expressions."""

    id: str
    location: str
    text: str
    dct: str | None
    timexes: tuple[Timex, ...]


def _flatten(node: Any, parts: list[str], timexes: list[Timex], pos: int) -> int:
    """Append the text under ``node`` to ``parts``; record TIMEX3 spans; return the end."""
    if node.text:
        parts.append(node.text)
        pos += len(node.text)
    for child in node:
        start = pos
        pos = _flatten(child, parts, timexes, pos)
        if child.tag == "TIMEX3":
            if not child.get("type"):
                raise ValueError(f"<TIMEX3> at line {child.sourceline} has no type")
            timexes.append(Timex(start, pos, child.get("type"), child.get("value")))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def _dct(root: Any) -> str | None:
    timex = root.find("DCT/TIMEX3")
    return iso_date(timex.get("value")) if timex is not None else None


def load_file(path: Path) -> TimemlItem:
    """Read one ``.tml`` file; a ValueError when it has no ``<TEXT>`` or a bad TIMEX3."""
    try:
        root = etree.fromstring(read_bytes(path), etree.XMLParser(remove_comments=True))
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not well-formed XML: {exc}") from exc
    body = root.find("TEXT")
    if body is None:
        raise ValueError("no <TEXT> element")
    parts: list[str] = []
    timexes: list[Timex] = []
    _flatten(body, parts, timexes, 0)
    return TimemlItem(path.stem, path.name, "".join(parts), _dct(root), tuple(timexes))


def load(path: Path) -> Gold[TimemlItem]:
    """Read every ``.tml`` file of a folder (or one file); bad files are skipped, reported."""
    files = sorted(path.glob("*.tml")) if path.is_dir() else [path]
    if path.is_dir() and not files:
        raise gold_error(Errors.E503, str(path), path=path)
    gold: Gold[TimemlItem] = Gold()
    for file in files:
        try:
            gold.items.append(load_file(file))
        except ValueError as exc:
            gold.skip(file.name, str(exc))
    return gold


@dataclass
class SpanCounts:
    """Counts behind the figures, summed over files."""

    gold: int = 0
    pred: int = 0
    strict_gold: int = 0
    strict_pred: int = 0
    relaxed_gold: int = 0
    relaxed_pred: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: SpanCounts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score_spans(gold: Sequence[Timex], pred: Sequence[Timex]) -> SpanCounts:
    """Match predicted to gold expressions: strict (same span), relaxed (any overlap).

    Type and value are compared on each relaxed-matched gold expression, against the
    prediction that overlaps it most.
    """
    c = SpanCounts(gold=len(gold), pred=len(pred))
    gold_spans = {(g.start, g.end) for g in gold}
    pred_spans = [(p.start, p.end) for p in pred]
    c.strict_pred = sum(s in gold_spans for s in pred_spans)
    c.strict_gold = sum((g.start, g.end) in set(pred_spans) for g in gold)
    c.relaxed_pred = sum(any(overlaps(s, (g.start, g.end)) for g in gold) for s in pred_spans)
    for g in gold:
        best = span_match((g.start, g.end), pred_spans)
        if best is None:
            continue
        c.relaxed_gold += 1
        c.type_ok += pred[best].type == g.type
        c.value_ok += pred[best].value == g.value
    return c


def _predicted(record: dict[str, Any], item: TimemlItem) -> tuple[list[Timex], OffsetMap]:
    omap = OffsetMap(item.text, str(record.get("text") or ""))
    out = []
    for m in (record.get("mentions") or {}).get("times") or []:
        span = omap.to_original(int(m["start"]), int(m["end"]))
        if span is not None:
            out.append(Timex(span[0], span[1], str(m.get("type") or ""), m.get("value")))
    return out, omap


@dataclass
class TimemlReport(Report):
    """Figures of the ``timeml`` KIND."""

    strict_precision: float | None = None
    strict_recall: float | None = None
    strict_f1: float | None = None
    relaxed_precision: float | None = None
    relaxed_recall: float | None = None
    relaxed_f1: float | None = None
    type_accuracy: float | None = None
    value_accuracy: float | None = None
    value_f1: float | None = None
    counts: SpanCounts = field(default_factory=SpanCounts)

    FIGURES: ClassVar[tuple[str, ...]] = (
        "strict_precision",
        "strict_recall",
        "strict_f1",
        "relaxed_precision",
        "relaxed_recall",
        "relaxed_f1",
        "type_accuracy",
        "value_accuracy",
        "value_f1",
    )


def report_from(counts: SpanCounts, path: str, crashed: int = 0) -> TimemlReport:
    """The figures of summed counts."""
    strict = prf(counts.strict_pred, counts.pred, counts.strict_gold, counts.gold)
    relaxed = prf(counts.relaxed_pred, counts.pred, counts.relaxed_gold, counts.gold)
    value_acc = ratio(counts.value_ok, counts.relaxed_gold)
    return TimemlReport(
        kind=KIND.name,
        path=path,
        crashed=crashed,
        counts=counts,
        strict_precision=strict.precision,
        strict_recall=strict.recall,
        strict_f1=strict.f1,
        relaxed_precision=relaxed.precision,
        relaxed_recall=relaxed.recall,
        relaxed_f1=relaxed.f1,
        type_accuracy=ratio(counts.type_ok, counts.relaxed_gold),
        value_accuracy=value_acc,
        value_f1=relaxed.f1 * value_acc
        if relaxed.f1 is not None and value_acc is not None
        else None,
    )


def score(items: Sequence[TimemlItem], pipeline: Pipeline, path: str) -> TimemlReport:
    """Run the system over every file, dated by its DCT, and sum the counts."""
    docs = (make_document(it.id, it.text, source=it.location, dct=it.dct) for it in items)
    total, crashed, realigned, lost = SpanCounts(), 0, 0, 0
    errors: list[str] = []
    for item, outcome in zip(items, run_documents(pipeline, docs, errors), strict=True):
        pred: list[Timex] = []
        if outcome.record is None:
            crashed += 1
        else:
            pred, omap = _predicted(outcome.record, item)
            realigned += not omap.exact
            lost += omap.lost
        total.add(score_spans(item.timexes, pred))
    report = report_from(total, path, crashed)
    report.crash_examples = errors
    if realigned:
        report.notes.append(f"{realigned} file(s) realigned span by span; {lost} span(s) lost")
    return report


KIND = Kind(
    name="timeml",
    summary="a folder of TimeML .tml files (TempEval-3 form)",
    load=load,
    score=score,
    verbatim=True,
)
