"""What every evaluation shares: skipped records, the report base class, running the system.

Why one base: the CLI, the baseline script and the CI gate treat every KIND alike. They
read ``figures()`` (the flat numbers that floors guard), ``tables()`` (extra detail for the
terminal) and ``to_dict()`` (the ``--json`` object), and never look inside a KIND.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from eventwire.errors import Entry, GoldFormatError
from eventwire.model import Document, to_record
from eventwire.pipeline import Pipeline

__all__ = [
    "Skipped",
    "Gold",
    "Report",
    "Table",
    "Figure",
    "ItemOutput",
    "run_documents",
    "gold_error",
    "iso_date",
    "make_document",
]

T = TypeVar("T")
Figure = float | int | None


@dataclass(frozen=True)
class Skipped:
    """A gold record that could not be read: where it is and why it was skipped."""

    location: str
    reason: str


@dataclass
class Gold(Generic[T]):
    """The items a parser read from a gold file, and the records it had to skip."""

    items: list[T] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def skip(self, location: str, reason: str) -> None:
        self.skipped.append(Skipped(location, reason))

    def limited(self, limit: int | None) -> Gold[T]:
        """The first ``limit`` items (all when None), with the same skipped records."""
        items = self.items if limit is None else self.items[: max(0, limit)]
        return Gold(list(items), list(self.skipped))


@dataclass(frozen=True)
class Table:
    """A small table of detail (a confusion table, per-category figures) for the terminal."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[Any, ...]]


@dataclass
class Report:
    """The common part of every report; each KIND adds its own figures as fields.

    ``FIGURES`` names the fields that are headline figures, in display order;
    ``LOWER_IS_BETTER`` those of them for which the gate keeps a ceiling, not a floor.
    """

    kind: str
    path: str
    items: int = 0
    crashed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    crash_examples: list[str] = field(default_factory=list)

    FIGURES: ClassVar[tuple[str, ...]] = ()
    LOWER_IS_BETTER: ClassVar[frozenset[str]] = frozenset({"crashed"})

    def figures(self) -> dict[str, Figure]:
        """The headline numbers: items, crashed and the KIND's own figures."""
        out: dict[str, Figure] = {"items": self.items, "crashed": self.crashed}
        for name in self.FIGURES:
            value = getattr(self, name)
            out[name] = round(value, 6) if isinstance(value, float) else value
        return out

    def tables(self) -> list[Table]:
        """Detail tables for the terminal; none by default."""
        return []

    def to_dict(self) -> dict[str, Any]:
        """Every field, plus ``figures``: the object ``--json`` prints."""
        data = asdict(self)
        data["figures"] = self.figures()
        data["lower_is_better"] = sorted(self.LOWER_IS_BETTER)
        return data


@dataclass
class ItemOutput:
    """The system's output for one gold item: its JSON record, or the error that stopped it."""

    record: dict[str, Any] | None
    error: str | None

    @property
    def crashed(self) -> bool:
        return self.record is None


#: How many crash messages a report keeps as examples.
MAX_CRASH_EXAMPLES = 5


def run_documents(
    pipeline: Pipeline,
    docs: Iterable[Document],
    errors: list[str] | None = None,
    after: Callable[[Document], object] | None = None,
) -> Iterator[ItemOutput]:
    """Run the real pipeline over documents (the parser batches them); one outcome each.

    A document whose stage failed is an outcome with ``error`` set: it is counted as
    crashed and scored as if nothing had been found, never dropped. The first messages
    are appended to ``errors`` so that the report can show why. ``after`` is called on
    each coded document before its record is made (a gold set's own per-item settings).
    """
    for doc in pipeline.pipe(docs):
        if after is not None:
            after(doc)
        if doc.error is not None:
            if errors is not None and len(errors) < MAX_CRASH_EXAMPLES:
                errors.append(str(doc.error))
            yield ItemOutput(None, str(doc.error))
        else:
            yield ItemOutput(to_record(doc), None)


def gold_error(entry: Entry[GoldFormatError], source: str, **fields: Any) -> GoldFormatError:
    """The catalogue's ``entry`` for a gold file whose structure is wrong as a whole."""
    return entry.error(doc_id=source, stage="eval", source=source, **fields)


def iso_date(value: object) -> str | None:
    """A gold date as ``YYYY-MM-DD`` (from ``YYYY-MM-DD``, ``YYYYMMDD`` or a timestamp)."""
    from datetime import date

    text = str(value or "").strip()[:10]
    if len(text) >= 8 and text[:8].isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def make_document(
    doc_id: str, raw: str | bytes, *, source: str, dct: str | None = None, fmt: str = "text"
) -> Document:
    """A raw Document for one gold item, dated when the gold gives a date."""
    doc = Document(doc_id=doc_id, source=source, raw=raw, fmt=fmt)
    doc.dct = dct
    return doc
