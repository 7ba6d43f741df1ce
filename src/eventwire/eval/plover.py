"""``plover-gsr``: PLOVER gold-standard records, one sentence and one event each.

Figures (see docs/eval.md): event-type recall, dyad recall, extra events per sentence,
actor recall (country; country and sector), and a confusion table of event types. Older
PLOVER type names are scored as their current names (``data/eval/plover_renames.yaml``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from eventwire.config import load_yaml
from eventwire.eval.base import (
    Gold,
    Report,
    Table,
    iso_date,
    make_document,
    run_documents,
)
from eventwire.eval.files import json_records
from eventwire.eval.metrics import ratio
from eventwire.eval.registry import Kind
from eventwire.pipeline import Pipeline

__all__ = [
    "GoldActor",
    "PloverItem",
    "PloverReport",
    "load",
    "score",
    "score_records",
    "current_type",
    "actor_matches",
    "dyad_found",
    "KIND",
]

NO_EVENT = "NONE"


@lru_cache(maxsize=1)
def _renames() -> dict[str, str]:
    text = resources.files("eventwire").joinpath("data/eval/plover_renames.yaml").read_text("utf-8")
    return {str(k).upper(): str(v).upper() for k, v in (load_yaml(text) or {}).items()}


def current_type(name: str | None) -> str | None:
    """A PLOVER event type in its current name (older names mapped)."""
    if not name:
        return None
    upper = name.strip().upper()
    return _renames().get(upper, upper)


@dataclass(frozen=True)
class GoldActor:
    """A gold source or target: its text, code (ISO alpha-3, IGO, ...) and sector."""

    text: str | None
    code: str | None
    sector: str | None


@dataclass(frozen=True)
class PloverItem:
    """One gold sentence with its event type (current name) and actors."""

    id: str
    location: str
    text: str
    date: str | None
    event_type: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if value in (None, ""):
        return ()
    if not isinstance(value, list) or not all(isinstance(a, dict) for a in value):
        raise ValueError("source/target must be a list of actor objects or empty")
    return tuple(
        GoldActor(a.get("actorText"), (a.get("code") or None), (a.get("sector") or None))
        for a in value
    )


def _item(rec: dict[str, Any], location: str) -> PloverItem:
    text, event = rec.get("text"), rec.get("event")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no 'text'")
    if not isinstance(event, str) or not event.strip():
        raise ValueError("no 'event' type")
    return PloverItem(
        id=str(rec.get("id") or location),
        location=location,
        text=text,
        date=iso_date(rec.get("date")),
        event_type=current_type(event) or NO_EVENT,
        sources=_actors(rec.get("source")),
        targets=_actors(rec.get("target")),
    )


def load(path: Path) -> Gold[PloverItem]:
    """Read PLOVER records from a JSON list or JSON Lines file."""
    gold: Gold[PloverItem] = Gold()
    for location, rec, problem in json_records(path):
        if rec is None:
            gold.skip(location, problem or "unreadable")
            continue
        try:
            gold.items.append(_item(rec, location))
        except ValueError as exc:
            gold.skip(location, str(exc))
    return gold


def actor_matches(gold: GoldActor, pred: dict[str, Any], sector: bool = False) -> bool:
    """A predicted actor has the gold country (its code starts with the gold code, e.g.
    ``IGO``) and, when ``sector``, the gold sector among its sectors or code parts."""
    if not gold.code:
        return False
    code = str(pred.get("code") or "")
    if pred.get("country") != gold.code and not code.startswith(gold.code):
        return False
    if not sector:
        return True
    want = (gold.sector or "")[:3].upper()
    parts = {str(s).upper()[:3] for s in pred.get("sectors") or []}
    parts.update(code[i : i + 3] for i in range(3, len(code), 3))
    return bool(want) and want in parts


def _side_ok(gold: tuple[GoldActor, ...], pred: dict[str, Any] | None) -> bool:
    coded = [g for g in gold if g.code]
    return not coded or (pred is not None and any(actor_matches(g, pred) for g in coded))


def _event_type(event: dict[str, Any]) -> str | None:
    return current_type((event.get("plover") or {}).get("event_type"))


def dyad_found(item: PloverItem, events: list[dict[str, Any]]) -> bool:
    """Some event has the gold type, a gold source country and (if any) a gold target one."""
    return any(
        _event_type(e) == item.event_type
        and _side_ok(item.sources, e.get("source"))
        and _side_ok(item.targets, e.get("target"))
        for e in events
    )


def _pred_actors(record: dict[str, Any]) -> list[dict[str, Any]]:
    found = list((record.get("mentions") or {}).get("actors") or [])
    for event in record.get("events") or []:
        found.extend(a for a in (event.get("source"), event.get("target")) if a)
    return found


@dataclass
class PloverReport(Report):
    """Figures of the ``plover-gsr`` KIND."""

    event_type_recall: float | None = None
    dyad_recall: float | None = None
    extra_events_per_sentence: float | None = None
    actor_recall_country: float | None = None
    actor_recall_country_sector: float | None = None
    gold_actors: int = 0
    gold_actors_with_sector: int = 0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    recall_by_type: dict[str, float | None] = field(default_factory=dict)

    FIGURES: ClassVar[tuple[str, ...]] = (
        "event_type_recall",
        "dyad_recall",
        "extra_events_per_sentence",
        "actor_recall_country",
        "actor_recall_country_sector",
    )
    LOWER_IS_BETTER: ClassVar[frozenset[str]] = frozenset({"crashed", "extra_events_per_sentence"})

    def tables(self) -> list[Table]:
        """Per-type recall, then the confusions as a long list (most frequent first).

        A square gold x predicted grid of some twenty PLOVER types is far wider than a
        terminal; two narrow tables say the same and stay readable at 80 columns.
        """
        return [self._by_type(), self._confusions()]

    def _by_type(self) -> Table:
        rows = []
        for gold, row in sorted(self.confusion.items()):
            wrong = [(n, p) for p, n in row.items() if p != gold]
            top = max(wrong, key=lambda w: (w[0], w[1]), default=None)
            rows.append((gold, sum(row.values()), row.get(gold, 0),
                         self.recall_by_type.get(gold), f"{top[1]} ({top[0]})" if top else "—"))
        header = ("gold type", "items", "found", "recall", "most often instead")
        return Table("event types: recall by gold type", header, rows)

    def _confusions(self) -> Table:
        cells = [
            (gold, pred, n)
            for gold, row in self.confusion.items()
            for pred, n in row.items()
            if pred != gold and n
        ]
        cells.sort(key=lambda c: (-c[2], c[0], c[1]))
        return Table("event types confused: gold -> predicted, by count",
                     ("gold type", "predicted instead", "count"), cells)


@dataclass
class _Tally:
    type_hits: int = 0
    dyad_hits: int = 0
    extra: int = 0
    actors: int = 0
    actor_hits: int = 0
    sectored: int = 0
    sector_hits: int = 0
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, item: PloverItem, record: dict[str, Any] | None) -> None:
        events = list((record or {}).get("events") or [])
        types = [t for t in (_event_type(e) for e in events) if t]
        hit = item.event_type in types
        self.type_hits += hit
        self.dyad_hits += dyad_found(item, events)
        self.extra += len(events) - int(hit)
        guess = item.event_type if hit else (types[0] if types else NO_EVENT)
        self.confusion[item.event_type][guess] += 1
        self._add_actors(item, _pred_actors(record or {}))

    def _add_actors(self, item: PloverItem, pool: list[dict[str, Any]]) -> None:
        for gold in (*item.sources, *item.targets):
            if not gold.code:
                continue
            self.actors += 1
            self.actor_hits += any(actor_matches(gold, p) for p in pool)
            if gold.sector and gold.sector[:3].isalpha():
                self.sectored += 1
                self.sector_hits += any(actor_matches(gold, p, sector=True) for p in pool)


def score_records(
    items: Sequence[PloverItem], records: Sequence[dict[str, Any] | None], path: str = ""
) -> PloverReport:
    """The figures of records (None for a crashed item) against their gold sentences."""
    tally = _Tally()
    for item, record in zip(items, records, strict=True):
        tally.add(item, record)
    report = _report(tally, len(items), sum(r is None for r in records), path)
    return report


def score(items: Sequence[PloverItem], pipeline: Pipeline, path: str) -> PloverReport:
    """Run the system over every gold sentence and tally the figures."""
    docs = (make_document(it.id, it.text, source=it.location, dct=it.date) for it in items)
    errors: list[str] = []
    records = [o.record for o in run_documents(pipeline, docs, errors)]
    report = score_records(items, records, path)
    report.crash_examples = errors
    return report


def _report(t: _Tally, n: int, crashed: int, path: str) -> PloverReport:
    confusion = {g: dict(row) for g, row in t.confusion.items()}
    return PloverReport(
        kind=KIND.name,
        path=path,
        crashed=crashed,
        event_type_recall=ratio(t.type_hits, n),
        dyad_recall=ratio(t.dyad_hits, n),
        extra_events_per_sentence=ratio(t.extra, n),
        actor_recall_country=ratio(t.actor_hits, t.actors),
        actor_recall_country_sector=ratio(t.sector_hits, t.sectored),
        gold_actors=t.actors,
        gold_actors_with_sector=t.sectored,
        confusion=confusion,
        recall_by_type={g: ratio(row.get(g, 0), sum(row.values())) for g, row in confusion.items()},
    )


KIND = Kind(
    name="plover-gsr",
    summary="PLOVER gold-standard records (JSON list or JSON Lines)",
    load=load,
    score=score,
)
