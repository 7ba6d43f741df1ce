"""``seed``: a careful human reading of one story (``*.gold.json``) against its record.

The gold file lists the document's facts (true date, boilerplate, related stories),
required, optional and forbidden events, quantities and places. The story is the file
next to it with the same stem (``story.gold.json`` -> ``story.txt``/``.html``/...); a
folder is read as every ``*.gold.json`` in it. The story is coded without a given date:
finding the true date is part of the test.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from eventwire.errors import Errors
from eventwire.eval.base import Gold, Report, Table, gold_error, make_document, run_documents
from eventwire.eval.files import read_bytes, read_text
from eventwire.eval.metrics import ratio
from eventwire.eval.registry import Kind
from eventwire.eval.seed_match import (
    boilerplate_absent,
    date_ok,
    date_within,
    event_found,
    event_like,
    forbidden_present,
    gold_place,
    has_date,
    is_located,
    located_near,
    place_found,
    quantity_found,
    related_found,
)
from eventwire.ingest.readers import SUFFIXES
from eventwire.pipeline import Pipeline

__all__ = ["SeedItem", "SeedReport", "load", "evaluate_record", "KIND"]

GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True)
class SeedItem:
    """One story and its reading."""

    id: str
    location: str
    story: Path
    gold: dict[str, Any]


def _story_for(gold_path: Path) -> Path | None:
    stem = gold_path.name[: -len(GOLD_SUFFIX)]
    for suffix in SUFFIXES:
        for name in (stem + suffix, stem + suffix + ".gz"):
            if (gold_path.parent / name).exists():
                return gold_path.parent / name
    return None


def _item(gold_path: Path) -> SeedItem:
    try:
        gold = json.loads(read_text(gold_path))
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg})") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("events", []), list):
        raise ValueError("a reading is an object with an 'events' list")
    story = _story_for(gold_path)
    if story is None:
        raise ValueError("no story file with the same stem next to it")
    return SeedItem(gold_path.name[: -len(GOLD_SUFFIX)], gold_path.name, story, gold)


def load(path: Path) -> Gold[SeedItem]:
    """Read one ``*.gold.json`` (or a story with one next to it), or a folder of them."""
    if path.is_dir():
        files = sorted(path.glob(f"*{GOLD_SUFFIX}"))
    elif path.name.endswith(GOLD_SUFFIX):
        files = [path]
    else:
        files = [path.with_name(path.name.split(".")[0] + GOLD_SUFFIX)]
    if not files or not files[0].exists():
        raise gold_error(Errors.E503_seed, str(path), suffix=GOLD_SUFFIX, path=path)
    gold: Gold[SeedItem] = Gold()
    for file in files:
        try:
            gold.items.append(_item(file))
        except ValueError as exc:
            gold.skip(file.name, str(exc))
    return gold


@dataclass
class StoryResult:
    """What was found in one story, item by item."""

    story: str
    required: dict[str, bool] = field(default_factory=dict)
    optional: dict[str, bool] = field(default_factory=dict)
    forbidden: list[str] = field(default_factory=list)
    forbidden_total: int = 0
    date_ok: bool = False
    warning_ok: bool = True
    quantities: list[bool] = field(default_factory=list)
    places: list[bool] = field(default_factory=list)
    boilerplate: list[bool] = field(default_factory=list)
    related: list[bool] = field(default_factory=list)
    located: dict[str, bool] = field(default_factory=dict)
    near: dict[str, bool] = field(default_factory=dict)
    dated: dict[str, bool] = field(default_factory=dict)


def _place_and_date(gold: dict[str, Any], events: list[dict[str, Any]], res: StoryResult) -> None:
    """Where and when one gold event was placed, scored only on the events that match it.

    An event that is not found at all says nothing about places or dates; the event
    figures already count it. Several coded events may match one gold event (the same act
    in two sentences): the best of them counts, as it does for finding the event.
    """
    key = str(gold.get("id"))
    matched = [p for p in events if event_found(gold, p)]
    place = gold_place(gold)
    if matched:
        res.located[key] = any(is_located(p) for p in matched)
        if place is not None:
            res.near[key] = any(located_near(place, p) for p in matched)
    alike = [p for p in events if event_like(gold, p)]
    if alike and has_date(gold):
        res.dated[key] = any(date_ok(gold, p.get("date")) for p in alike)


def evaluate_record(gold: dict[str, Any], record: dict[str, Any] | None, story: str) -> StoryResult:
    """Check a record (None if the story crashed) against a reading."""
    rec = record or {}
    events = list(rec.get("events") or [])
    doc = gold.get("document") or {}
    res = StoryResult(story)
    for ev in gold.get("events") or []:
        bucket = res.required if ev.get("required", True) else res.optional
        bucket[str(ev.get("id"))] = any(event_found(ev, p) for p in events)
        _place_and_date(ev, events, res)
    res.forbidden = [
        str(f.get("why") or f)
        for f in gold.get("forbidden") or []
        if forbidden_present(f, events, str(rec.get("text") or ""))
    ]
    res.forbidden_total = len(gold.get("forbidden") or [])
    res.date_ok = date_within(
        rec.get("date"), doc.get("true_date"), int(doc.get("true_date_tolerance_days") or 0)
    )
    if doc.get("date_warning_expected"):
        res.warning_ok = bool(rec.get("date_warnings"))
    places = (rec.get("mentions") or {}).get("places") or []
    quantities = (rec.get("mentions") or {}).get("quantities") or []
    res.quantities = [quantity_found(q, quantities) for q in gold.get("quantities") or []]
    res.places = [place_found(p, places) for p in gold.get("places") or []]
    text = str(rec.get("text") or "") if record is not None else None
    res.boilerplate = [
        boilerplate_absent(line, text) for line in doc.get("boilerplate_not_body") or []
    ]
    related = (rec.get("meta") or {}).get("related_stories") or []
    res.related = [related_found(r, related) for r in doc.get("related_stories") or []]
    return res


@dataclass
class SeedReport(Report):
    """Figures of the ``seed`` KIND (summed over stories)."""

    required_events_found: float | None = None
    optional_events_found: float | None = None
    forbidden_events_present: int = 0
    date_correct: float | None = None
    date_warning_correct: float | None = None
    quantities_found: float | None = None
    places_found: float | None = None
    boilerplate_absent: float | None = None
    related_stories_found: float | None = None
    event_located: float | None = None
    event_location_161km: float | None = None
    event_date_correct: float | None = None
    stories: list[StoryResult] = field(default_factory=list)

    FIGURES: ClassVar[tuple[str, ...]] = (
        "required_events_found",
        "optional_events_found",
        "forbidden_events_present",
        "date_correct",
        "date_warning_correct",
        "quantities_found",
        "places_found",
        "boilerplate_absent",
        "related_stories_found",
        "event_located",
        "event_location_161km",
        "event_date_correct",
    )
    LOWER_IS_BETTER: ClassVar[frozenset[str]] = frozenset({"crashed", "forbidden_events_present"})

    def tables(self) -> list[Table]:
        rows: list[tuple[Any, ...]] = []
        for s in self.stories:
            rows += [(s.story, f"required {k}", v) for k, v in s.required.items()]
            rows += [(s.story, f"optional {k}", v) for k, v in s.optional.items()]
            rows += [(s.story, "forbidden present", why) for why in s.forbidden]
        placed: list[tuple[Any, ...]] = []
        for s in self.stories:
            for key in {**s.located, **s.dated}:
                placed.append((s.story, key, s.located.get(key), s.near.get(key), s.dated.get(key)))
        header = ("story", "event", "located", "within 161 km", "date right")
        return [
            Table("events", ("story", "item", "found"), rows),
            Table("where and when", header, placed),
        ]


def _share(results: Sequence[StoryResult], attr: str) -> float | None:
    flags = [f for r in results for f in getattr(r, attr)]
    return ratio(sum(flags), len(flags))


def _share_map(results: Sequence[StoryResult], attr: str) -> float | None:
    flags = [f for r in results for f in getattr(r, attr).values()]
    return ratio(sum(flags), len(flags))


def report_from(results: list[StoryResult], path: str, crashed: int = 0) -> SeedReport:
    """The figures of per-story results."""
    return SeedReport(
        kind=KIND.name,
        path=path,
        crashed=crashed,
        stories=results,
        required_events_found=_share_map(results, "required"),
        optional_events_found=_share_map(results, "optional"),
        forbidden_events_present=sum(len(r.forbidden) for r in results),
        date_correct=ratio(sum(r.date_ok for r in results), len(results)),
        date_warning_correct=ratio(sum(r.warning_ok for r in results), len(results)),
        quantities_found=_share(results, "quantities"),
        places_found=_share(results, "places"),
        boilerplate_absent=_share(results, "boilerplate"),
        related_stories_found=_share(results, "related"),
        event_located=_share_map(results, "located"),
        event_location_161km=_share_map(results, "near"),
        event_date_correct=_share_map(results, "dated"),
    )


def _fmt(path: Path) -> str:
    suffixes = [s for s in path.suffixes if s != ".gz"]
    return SUFFIXES.get(suffixes[-1], "text") if suffixes else "text"


def score(items: Sequence[SeedItem], pipeline: Pipeline, path: str) -> SeedReport:
    """Code every story (no date given) and check it against its reading."""
    docs = (
        make_document(it.id, read_bytes(it.story), source=str(it.story), fmt=_fmt(it.story))
        for it in items
    )
    results, crashed = [], 0
    errors: list[str] = []
    for item, outcome in zip(items, run_documents(pipeline, docs, errors), strict=True):
        crashed += outcome.crashed
        results.append(evaluate_record(item.gold, outcome.record, item.story.name))
    report = report_from(results, path, crashed)
    report.crash_examples = errors
    return report


KIND = Kind(
    name="seed",
    summary="a reference reading (*.gold.json) against its story",
    load=load,
    score=score,
)
