"""The knowledge base of named actors: people, parties, armed groups and organisations,
each with a CAMEO code per period.

Why dated codes: a person's code is the office they hold on the day of the event. Barack
Obama is ``USAGOV`` in 2010 and ``USAELI`` (a political elite) in 2005 and 2018. The data
(``data/actors/kb/``, built by ``scripts/build_actor_kb.py`` from the Phoenix dictionaries
and ``office_holders.yaml``) is two gzipped CSV files: aliases (``alias,entry``) and
periods (``entry,code,start,end,kind,source,office``), an entry's plain code last with
empty dates.

:func:`code_on` is the one rule that turns an entry and a date into a code: the first
dated period covering the date, else the entry's plain code, else the country of its
periods without a role (a known person of that country whose office on that day is not
recorded). Without a date, an open-ended period (an office still held) counts first.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.actors import lexicon
from eventwire.actors.lexicon import iso_code
from eventwire.cache import cached
from eventwire.errors import Errors

__all__ = [
    "KbPeriod",
    "KbEntry",
    "Coded",
    "KnowledgeBase",
    "code_on",
    "load_kb",
    "fold",
    "normalise_date",
]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class KbPeriod:
    """A code and the dates it holds (ISO, inclusive; None is open)."""

    code: str
    start: str | None = None
    end: str | None = None
    office: str = ""

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, date: str) -> bool:
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class KbEntry:
    """One named actor: an id, the name it is shown by, its kind, source and periods."""

    id: str
    name: str
    kind: str
    source: str
    periods: tuple[KbPeriod, ...] = ()

    @property
    def person(self) -> bool:
        return self.kind == "person"


@dataclass(frozen=True, slots=True)
class Coded:
    """The code an entry has on a date, and the period it came from (None: a fallback)."""

    code: str | None
    period: KbPeriod | None


def code_on(entry: KbEntry, date: str | None) -> Coded:
    """The entry's code on ``date`` (ISO; a month or year is read as its first day).

    Without a date, the open-ended period the entry is in as far as the knowledge base
    knows (a leader still in office) counts, else the plain code."""
    if date:
        day = _day(date)
        for period in entry.periods:
            if period.dated and period.covers(day):
                return Coded(period.code, period)
    else:
        current = next((p for p in entry.periods if p.start and not p.end), None)
        if current is not None:
            return Coded(current.code, current)
    plain = next((p for p in entry.periods if not p.dated), None)
    if plain is not None:
        return Coded(plain.code, plain)
    dated = [p for p in entry.periods if p.code[:3] not in ("IGO", "NGO")]
    return Coded(dated[-1].code[:3] if dated else None, None)


def _day(date: str) -> str:
    return date if len(date) >= 10 else (date + "-01-01")[:10]


def normalise_date(value: object, end: bool) -> str | None:
    """A period's date as an ISO day. A year or a month stands where the day is unsure:
    as a start it means its first day, as an end its last ("2019-05" ends on the 31st;
    days are compared as text, so a day 31 that a month lacks does no harm)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    m = _DATE.match(str(value).strip())
    if not m or not 1 <= int(m.group(2) or 1) <= 12 or not 1 <= int(m.group(3) or 1) <= 31:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = m.groups()
    return f"{year}-{month or ('12' if end else '01')}-{day or ('31' if end else '01')}"


def fold(text: str) -> str:
    """Lower case without accents and with single spaces: "Erdoğan" and "Erdogan" meet."""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("ı", "i").lower().split())


@dataclass
class KnowledgeBase:
    """Entries by id, and the entry each folded alias names."""

    entries: dict[str, KbEntry] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)

    def add_alias(self, alias: str, entry_id: str) -> None:
        key = fold(alias)
        if key:
            self.aliases[key] = entry_id
            self.written.setdefault(key, " ".join(alias.split()))

    def lookup(self, name: str) -> KbEntry | None:
        """The entry a name stands for, as written or without accents and case."""
        entry_id = self.aliases.get(fold(name))
        return self.entries.get(entry_id) if entry_id else None


def kb_file(name: str) -> Path:
    return Path(str(resources.files("eventwire") / "data" / "actors" / "kb" / name))


def cache_inputs() -> list[str | bytes | Path]:
    """What the parsed knowledge base depends on: its files and the code reading them
    (``lexicon`` holds the country codes that periods are read with)."""
    return [Path(__file__), Path(lexicon.__file__), kb_file("aliases.csv.gz"),
            kb_file("periods.csv.gz")]


def _rows(name: str) -> list[list[str]]:
    path = kb_file(name)
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise Errors.E225_kb_file.error(name=name, reason=exc, stage="actors") from exc
    rows = list(csv.reader(io.StringIO(text)))
    return rows[1:]


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The knowledge base shipped with eventwire, read once per process: from the on-disk
    cache (:mod:`eventwire.cache`, about 0.1 s) when an earlier process parsed it, else
    from the CSV files (about 0.35 s)."""
    try:
        return cached("actor-kb", cache_inputs(), _parse_kb)
    except (OSError, EOFError) as exc:
        raise Errors.E225_kb.error(reason=exc, stage="actors") from exc


def _parse_kb() -> KnowledgeBase:
    periods: dict[str, list[KbPeriod]] = {}
    meta: dict[str, tuple[str, str]] = {}
    for eid, code, start, end, kind, source, office in _rows("periods.csv.gz"):
        period = KbPeriod(iso_code(code), start or None, end or None, office)
        periods.setdefault(eid, []).append(period)
        meta.setdefault(eid, (kind, source))
    kb = KnowledgeBase()
    for alias, eid in _rows("aliases.csv.gz"):
        if eid not in kb.entries and eid in meta:
            kind, source = meta[eid]
            kb.entries[eid] = KbEntry(eid, alias, kind, source, tuple(periods[eid]))
        kb.add_alias(alias, eid)
    return kb
