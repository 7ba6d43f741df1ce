"""``petrarch``: PETRARCH validation records, in their XML form or as JSON Lines.

Each record is one sentence and the set of (source, target, code) triples it must give;
a record marked ``noevents`` or with an expected error (a discard, a dateline) expects
none. Figures: exact record match, event precision and recall, no-event accuracy,
records crashed; the records only make sense with their own dictionaries, which are
used by default when they lie next to the records file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from lxml import etree

from eventwire.config import Config
from eventwire.errors import Errors
from eventwire.eval.base import (
    Gold,
    Report,
    Table,
    gold_error,
    iso_date,
    make_document,
    run_documents,
)
from eventwire.eval.files import json_records, read_bytes
from eventwire.eval.metrics import prf, ratio
from eventwire.eval.registry import Kind
from eventwire.events.stages import EventsStage
from eventwire.model import Document
from eventwire.pipeline import Pipeline

__all__ = [
    "PetrarchItem",
    "PetrarchReport",
    "load",
    "score",
    "score_records",
    "predicted_triples",
    "dictionaries_next_to",
    "RecordOptions",
    "KIND",
]

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class PetrarchItem:
    """One validation record: its sentence and the triples it expects (none if discarded)."""

    id: str
    location: str
    text: str
    date: str | None
    category: str
    expected: frozenset[Triple]
    expected_error: str | None = None
    options: Mapping[str, str] = field(default_factory=dict)


def _truthy(value: Any) -> bool:
    return str(value).strip().lower() in {"true", "1", "yes"}


def _xml_codings(sentence: Any) -> tuple[set[Triple], bool, str | None]:
    triples: set[Triple] = set()
    no_event, error = False, None
    codings = sentence.findall("EventCoding")
    if not codings:  # PETRARCH reads a record without coding as expecting no event
        return triples, True, None
    for coding in codings:
        if _truthy(coding.get("noevents")):
            no_event = True
        elif coding.get("error"):
            error = coding.get("error")
        else:
            parts = [coding.get(k) for k in ("sourcecode", "targetcode", "eventcode")]
            if not all(parts):
                raise ValueError("<EventCoding> lacks sourcecode, targetcode or eventcode")
            triples.add((parts[0], parts[1], parts[2]))
    return triples, no_event or error is not None, error


def _xml_item(sentence: Any, name: str, options: Mapping[str, str]) -> PetrarchItem:
    location = f"{name}:{sentence.sourceline}"
    sid = sentence.get("id")
    text_el = sentence.find("Text")
    text = " ".join((text_el.text or "").split()) if text_el is not None else ""
    if not sid or not text:
        raise ValueError("a <Sentence> needs an id and a non-empty <Text>")
    triples, no_event, error = _xml_codings(sentence)
    return PetrarchItem(
        id=sid,
        location=location,
        text=text,
        date=iso_date(sentence.get("date")),
        category=sentence.get("category") or "",
        expected=frozenset() if no_event else frozenset(triples),
        expected_error=error,
        options=dict(options),
    )


def _load_xml(path: Path, gold: Gold[PetrarchItem]) -> None:
    try:
        root = etree.fromstring(read_bytes(path), etree.XMLParser(remove_comments=True))
    except etree.XMLSyntaxError as exc:
        raise gold_error(Errors.E501, str(path), path=path, reason=exc) from exc
    options: dict[str, str] = {}  # a <Config> holds for every sentence after it
    for sentence in root.iter("Sentence", "Config"):
        if sentence.tag == "Config":
            options[str(sentence.get("option"))] = str(sentence.get("value"))
            continue
        try:
            gold.items.append(_xml_item(sentence, path.name, options))
        except ValueError as exc:
            gold.skip(f"{path.name}:{sentence.sourceline}", str(exc))


def _triple(obj: Any) -> Triple:
    """An expected event: a code, and source and target strings (empty for an actor
    PETRARCH codes from the text itself, which a dictionary-based coder cannot match)."""
    if (
        not isinstance(obj, dict)
        or not obj.get("code")
        or not all(isinstance(obj.get(k), str) for k in ("source", "target"))
    ):
        raise ValueError("an expected event needs a code and source and target strings")
    return obj["source"], obj["target"], str(obj["code"])


def _json_item(rec: dict[str, Any], location: str) -> PetrarchItem:
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no 'text'")
    expected = rec.get("expected") or []
    if not isinstance(expected, list):
        raise ValueError("'expected' must be a list")
    options = rec.get("config") or {}
    if not isinstance(options, dict):
        raise ValueError("'config' must be an object")
    error = rec.get("expected_error") or None
    discard = bool(rec.get("expect_no_event")) or error is not None
    return PetrarchItem(
        id=str(rec.get("id") or location),
        location=location,
        text=" ".join(text.split()),
        date=iso_date(rec.get("date")),
        category=str(rec.get("category") or ""),
        expected=frozenset() if discard else frozenset(_triple(e) for e in expected),
        expected_error=error,
        options={str(k): str(v) for k, v in options.items()},
    )


def load(path: Path) -> Gold[PetrarchItem]:
    """Read validation records from PETRARCH's XML or from JSON Lines."""
    gold: Gold[PetrarchItem] = Gold()
    if path.name.lower().removesuffix(".gz").endswith(".xml"):
        _load_xml(path, gold)
        return gold
    for location, rec, problem in json_records(path):
        if rec is None:
            gold.skip(location, problem or "unreadable")
            continue
        try:
            gold.items.append(_json_item(rec, location))
        except ValueError as exc:
            gold.skip(location, str(exc))
    return gold


def predicted_triples(record: dict[str, Any] | None) -> frozenset[Triple]:
    """The (source code, target code, CAMEO code) triples of a record's events."""
    out = set()
    for event in (record or {}).get("events") or []:
        src = (event.get("source") or {}).get("code") or "---"
        tgt = (event.get("target") or {}).get("code") or "---"
        out.add((str(src), str(tgt), str(event.get("cameo") or "")))
    return frozenset(out)


def dictionaries_next_to(path: Path) -> list[str]:
    """``petrarch:DIR`` for the records' folder when it holds PETRARCH dictionaries."""
    folder = path if path.is_dir() else path.parent
    if any(folder.glob("*verbs*.txt")) and any(folder.glob("*actors*.txt")):
        return [f"petrarch:{folder}"]
    return []


class RecordOptions:
    """PETRARCH's per-record options, applied to a document the pipeline has coded.

    A validation record may change PETRARCH's settings for itself (``config`` in JSON
    Lines, ``<Config>`` in the XML). ``require_dyad: false`` asks for events with one
    actor too: the events stage is run again with ``require_actor: any``. Other options
    (comma limits, new-actor length) tune PETRARCH's parser and have no counterpart here.
    """

    def __init__(self, config: Config) -> None:
        settings = dict(config["stages"]["events"]) | {"require_actor": "any"}
        self._one_sided = EventsStage(settings, config)

    @staticmethod
    def one_sided(options: Mapping[str, Any]) -> bool:
        """Whether the options ask for events with a single actor."""
        return str(options.get("require_dyad", "true")).strip().lower() == "false"

    def apply(self, doc: Document, options: Mapping[str, Any]) -> Document:
        """Recode ``doc``'s events as ``options`` ask (a failed document is left alone)."""
        if doc.error is None and self.one_sided(options):
            self._one_sided(doc)
        return doc


@dataclass
class PetrarchReport(Report):
    """Figures of the ``petrarch`` KIND."""

    exact_match: float | None = None
    event_precision: float | None = None
    event_recall: float | None = None
    event_f1: float | None = None
    no_event_accuracy: float | None = None
    exact_matches: int = 0
    by_category: dict[str, dict[str, int]] = field(default_factory=dict)
    mismatches: list[dict[str, Any]] = field(default_factory=list)

    FIGURES: ClassVar[tuple[str, ...]] = (
        "exact_match",
        "event_precision",
        "event_recall",
        "event_f1",
        "no_event_accuracy",
    )

    def tables(self) -> list[Table]:
        rows = [
            (c, v["exact"], v["records"], ratio(v["exact"], v["records"]))
            for c, v in sorted(self.by_category.items())
        ]
        return [Table("exact match by category", ("category", "exact", "records", "share"), rows)]


@dataclass
class _Tally:
    exact: int = 0
    hits: int = 0
    n_pred: int = 0
    n_gold: int = 0
    no_event: int = 0
    no_event_ok: int = 0
    categories: dict[str, Counter[str]] = field(default_factory=dict)
    mismatches: list[dict[str, Any]] = field(default_factory=list)

    def add(self, item: PetrarchItem, pred: frozenset[Triple]) -> None:
        same = pred == item.expected
        self.exact += same
        self.hits += len(pred & item.expected)
        self.n_pred += len(pred)
        self.n_gold += len(item.expected)
        if not item.expected:
            self.no_event += 1
            self.no_event_ok += not pred
        cat = self.categories.setdefault(item.category, Counter())
        cat["records"] += 1
        cat["exact"] += same
        if not same:
            self.mismatches.append(
                {"id": item.id, "expected": sorted(item.expected), "predicted": sorted(pred)}
            )


def score_records(
    items: Sequence[PetrarchItem], records: Sequence[dict[str, Any] | None], path: str = ""
) -> PetrarchReport:
    """The figures of records (None for a crashed item) against their validation records."""
    tally = _Tally()
    for item, record in zip(items, records, strict=True):
        tally.add(item, predicted_triples(record))
    m = prf(tally.hits, tally.n_pred, tally.hits, tally.n_gold)
    return PetrarchReport(
        kind=KIND.name,
        path=path,
        crashed=sum(r is None for r in records),
        exact_match=ratio(tally.exact, len(items)),
        event_precision=m.precision,
        event_recall=m.recall,
        event_f1=m.f1,
        no_event_accuracy=ratio(tally.no_event_ok, tally.no_event),
        exact_matches=tally.exact,
        by_category={c: dict(v) for c, v in tally.categories.items()},
        mismatches=tally.mismatches,
    )


def score(items: Sequence[PetrarchItem], pipeline: Pipeline, path: str) -> PetrarchReport:
    """Run the system over every record and compare the sets of triples."""
    docs = (make_document(it.id, it.text, source=it.location, dct=it.date) for it in items)
    options = RecordOptions(pipeline.config)
    by_location = {it.location: it.options for it in items}
    errors: list[str] = []
    outcomes = run_documents(
        pipeline, docs, errors, after=lambda d: options.apply(d, by_location[d.source])
    )
    records = [o.record for o in outcomes]
    report = score_records(items, records, path)
    report.crash_examples = errors
    return report


KIND = Kind(
    name="petrarch",
    summary="PETRARCH validation records (XML or JSON Lines) with their dictionaries",
    load=load,
    score=score,
    default_dictionaries=dictionaries_next_to,
)
