"""One filter vocabulary for every way of asking the store for events.

``eventwire events``, ``eventwire export``, the API and :func:`eventwire.events_frame` all
build an :class:`EventFilter`; it checks and normalises its values once, on construction,
and :func:`where_sql` turns it into a condition with bound parameters. Why one model: the
same words must mean the same events everywhere, and a value that cannot match anything
(``--country US``, ``--plover FIGHT``) must be an error with suggestions everywhere, never
an empty answer on one surface and a refusal on another.

Values reach DuckDB only as parameters; what enters the SQL text is built from this
module's own strings. Filters that cannot hold together (``since`` after ``until``, a
CAMEO code outside the chosen QuadClass) give an empty result and a note that says why.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from eventwire.errors import Errors, StoreError
from eventwire.store import vocab
from eventwire.store.words import text_clause

__all__ = ["EventFilter", "where_sql", "parse_day", "day_span", "check_columns", "FILTER_NAMES"]

_KM_PER_DEGREE = 111.2
_ACTOR = re.compile(r"[A-Z0-9]{1,32}")
_CAMEO = re.compile(r"[0-9]{1,4}")
_WORD = re.compile(r"[a-z_\-]{1,40}")
_DAY = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _unknown(what: str, value: str, matches: list[str], otherwise: str) -> StoreError:
    """E415: a value that names no code; the hint lists what was probably meant, or
    (``otherwise``) what the codes look like."""
    advice = f"did you mean {', '.join(matches)}?" if matches else otherwise
    return Errors.E415.error(what=what, value=value, advice=advice, stage="query")


def day_span(value: str | date, name: str) -> tuple[date, date]:
    """The first and last day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or a date).

    Why so strict about the rest: ``2002-01-01garbage`` read as the first of January
    answers a question the user did not ask; refusing it says so.
    """
    if isinstance(value, date):
        return value, value
    match = _DAY.fullmatch(str(value))
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError as exc:
        raise Errors.E407.error(name=name, value=value, stage="query") from exc


def parse_day(value: str | date, name: str) -> date:
    """The first day a date value covers (kept for callers of the older, day-only form)."""
    return day_span(value, name)[0]


def _actor(value: str | None, name: str) -> str | None:
    """A CAMEO actor code prefix or ISO3 country; its first three letters must be a code
    some actor can start with (``US`` is not; ``USA``, ``USAGOV``, ``IGO`` are)."""
    if value is None or not str(value).strip():
        return None
    code = str(value).strip().upper()
    if not _ACTOR.fullmatch(code):
        raise Errors.E407_actor.error(name=name, value=value, stage="query")
    if code[:3] not in vocab.actor_heads() or len(code) < 3:
        alpha3 = vocab.alpha3_of(code)
        matches = [alpha3] if alpha3 else vocab.close_matches(code[:3], vocab.actor_heads())
        raise _unknown(f"{name}: actor code", code, matches,
                       "an actor code starts with a country (USA), IGO, NGO or a role (GOV)")
    return code


def _country(value: str | None, name: str) -> str | None:
    if value is None or not str(value).strip():
        return None
    code = str(value).strip().upper()
    if code not in vocab.countries():
        alpha3 = vocab.alpha3_of(code) if code.isalpha() else None
        matches = [alpha3] if alpha3 else vocab.close_matches(code, vocab.countries())
        raise _unknown(f"{name}: ISO 3166-1 alpha-3 country", code, matches,
                       "give three letters, e.g. USA, CHN, SDN")
    return code


def _cameo(value: str | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    code = str(value).strip()
    if not _CAMEO.fullmatch(code):
        raise Errors.E407_cameo.error(value=value, stage="query")
    if not any(c.startswith(code) for c in vocab.cameo_codes()):
        raise _unknown("cameo: CAMEO event code", code,
                       vocab.close_matches(code, vocab.cameo_codes()),
                       "CAMEO codes start with a root from 01 to 20")
    return code


def _plover(value: str | None) -> tuple[str | None, list[str]]:
    """The current PLOVER type of ``value``, and a note when it was an older name."""
    if value is None or not str(value).strip():
        return None, []
    name = str(value).strip().upper()
    if name in vocab.plover_types():
        return name, []
    renamed = vocab.plover_renames().get(name)
    if renamed is not None:
        return renamed, [f"PLOVER type {name} is called {renamed} since 2021; "
                         f"showing {renamed} events"]
    pool = vocab.plover_types() | frozenset(vocab.plover_renames())
    matches = [vocab.plover_renames().get(m, m) for m in vocab.close_matches(name, pool)]
    raise _unknown("plover: PLOVER event type", name, list(dict.fromkeys(matches)),
                   f"one of {', '.join(sorted(vocab.plover_types()))}")


def _word(value: str | None, name: str, known: frozenset[str]) -> str | None:
    if value is None or not str(value).strip():
        return None
    word = str(value).strip().lower()
    if not _WORD.fullmatch(word) or word not in known:
        raise _unknown(f"{name}: PLOVER {name.removeprefix('plover_')}", word,
                       vocab.close_matches(word, known), f"one of {', '.join(sorted(known))}")
    return word


def _quads(value: Any) -> tuple[int, ...]:
    """QuadClasses from ``3``, ``"1,2"``, ``["1", "2"]`` or ``(1, 2)``."""
    if value is None or value == "" or value == ():
        return ()
    items: Iterable[Any] = [value] if isinstance(value, int | str) else value
    parts = [p.strip() for item in items for p in str(item).split(",") if p.strip()]
    try:
        quads = sorted({int(p) for p in parts})
    except ValueError as exc:
        raise Errors.E407_quad.error(value=value, stage="query") from exc
    if any(q not in (1, 2, 3, 4) for q in quads):
        raise Errors.E407_quad.error(value=value, stage="query")
    return tuple(quads)


def _dyad(value: Any) -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    if len(parts) != 2 or not all(str(p).strip() for p in parts):
        raise Errors.E407_dyad.error(value=value, stage="query")
    source, target = (_actor(str(p), "dyad") for p in parts)
    assert source is not None and target is not None
    return source, target


def _near(value: Any) -> tuple[float, float, float] | None:
    if value is None or value == "":
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        lat, lon, km = (float(v) for v in parts)
    except (TypeError, ValueError) as exc:
        raise Errors.E407_near.error(value=value, stage="query") from exc
    if not all(math.isfinite(x) for x in (lat, lon, km)) or not (
            -90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_040):
        raise Errors.E407_near_range.error(value=value, stage="query")
    return lat, lon, km


def _confidence(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise Errors.E407_confidence.error(value=value, stage="query") from exc
    if not 0.0 <= number <= 1.0:
        raise Errors.E407_confidence_range.error(value=value, stage="query")
    return number


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    words = str(value).split()
    if len(" ".join(words)) > 200:
        raise Errors.E407_text.error(stage="query")
    return " ".join(words) or None


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        if value.strip().lower() not in ("", "0", "1", "true", "false", "yes", "no"):
            raise Errors.E407_undirected.error(value=value, stage="query")
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


@dataclass(frozen=True)
class EventFilter:
    """Conditions on events; every given one must hold (AND). Checked on construction.

    ``since``/``until`` become the first and last day they cover; codes are upper-cased;
    an unknown code raises :class:`StoreError` E415 with close matches, a malformed value
    E407. ``notes`` says what was reinterpreted or why nothing can match.
    """

    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    undirected: bool = False
    actor: str | None = None
    country: str | None = None
    quad: tuple[int, ...] = ()
    cameo: str | None = None
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None
    location_country: str | None = None
    near: tuple[float, float, float] | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    text: str | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        plover, notes = _plover(self.plover)
        values: dict[str, Any] = {
            "source": _actor(self.source, "source"), "target": _actor(self.target, "target"),
            "dyad": _dyad(self.dyad), "undirected": _truthy(self.undirected),
            "actor": _actor(self.actor, "actor"), "country": _country(self.country, "country"),
            "quad": _quads(self.quad), "cameo": _cameo(self.cameo), "plover": plover,
            "plover_mode": _word(self.plover_mode, "plover_mode", vocab.plover_modes()),
            "plover_context": _word(self.plover_context, "plover_context",
                                    vocab.plover_contexts()),
            "location_country": _country(self.location_country, "location_country"),
            "near": _near(self.near), "min_confidence": _confidence(self.min_confidence),
            "text": _text(self.text),
            "since": day_span(self.since, "since")[0].isoformat() if self.since else None,
            "until": day_span(self.until, "until")[1].isoformat() if self.until else None,
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)
        known = [n for n in self.notes
                 if n not in notes and not n.startswith("no event can match")]
        object.__setattr__(self, "notes", tuple(notes + known + self.contradictions()))

    @classmethod
    def from_options(cls, **options: Any) -> EventFilter:
        """A filter from keyword options, refusing names that are not filters (E407)."""
        unknown = sorted(set(options) - set(FILTER_NAMES))
        if unknown:
            raise Errors.E407_filters.error(unknown=", ".join(unknown),
                                            known=", ".join(FILTER_NAMES), stage="query")
        return cls(**{k: v for k, v in options.items() if v is not None})

    def contradictions(self) -> list[str]:
        """Why no event can match these filters together (empty when some can)."""
        found: list[str] = []
        if self.since and self.until and self.since > self.until:
            found.append(f"since {self.since} is after until {self.until}")
        root_quad = _cameo_quad(self.cameo)
        if self.quad and root_quad is not None and root_quad not in self.quad:
            found.append(f"CAMEO {self.cameo} is QuadClass {root_quad}, "
                         f"not {','.join(map(str, self.quad))}")
        if self.plover and self.cameo and not _cameo_can_be(self.cameo, self.plover):
            found.append(f"no CAMEO code under {self.cameo} is coded as PLOVER {self.plover}")
        found += _dyad_conflicts(self)
        return [f"no event can match: {reason}" for reason in found]

    @property
    def is_empty(self) -> bool:
        """True when the filters contradict each other (see :meth:`contradictions`)."""
        return any(n.startswith("no event can match") for n in self.notes)


#: The filter names, as keyword arguments, query parameters and (with dashes) options.
FILTER_NAMES: tuple[str, ...] = tuple(f.name for f in fields(EventFilter) if f.name != "notes")


def _cameo_quad(cameo: str | None) -> int | None:
    if not cameo or len(cameo) < 2:
        return None
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 16 else 4


def _cameo_can_be(cameo: str, plover: str) -> bool:
    types = vocab.cameo_types()
    return any(plover in types.get(code, frozenset()) for code in vocab.cameo_codes()
               if code.startswith(cameo) or cameo.startswith(code))


def _compatible(a: str, b: str) -> bool:
    """Two actor prefixes some code can match both of."""
    return a.startswith(b) or b.startswith(a)


def _dyad_conflicts(f: EventFilter) -> list[str]:
    if f.dyad is None or f.undirected:
        return []
    found = []
    if f.source and not _compatible(f.source, f.dyad[0]):
        found.append(f"source {f.source} is not the dyad's source {f.dyad[0]}")
    if f.target and not _compatible(f.target, f.dyad[1]):
        found.append(f"target {f.target} is not the dyad's target {f.dyad[1]}")
    return found


def _side(role: str, code: str) -> tuple[str, list[Any]]:
    """One side's actor: a code prefix, or a country when the value is one."""
    return (f"(starts_with(e.{role}_code, ?) OR e.{role}_country = ?)", [code, code])


def _near_sql(near: tuple[float, float, float]) -> tuple[str, list[Any]]:
    lat, lon, km = near
    dlat = km / _KM_PER_DEGREE
    # A bounding box first (plain comparisons DuckDB pushes into the scan), then the
    # great-circle distance on what is left. No longitude box near the poles or across
    # the date line, where it would be wrong.
    box, params = "e.lat BETWEEN ? AND ?", [lat - dlat, lat + dlat]
    if abs(lat) + dlat < 85:
        dlon = dlat / math.cos(math.radians(abs(lat) + dlat))
        if lon - dlon >= -180 and lon + dlon <= 180:
            box += " AND e.lon BETWEEN ? AND ?"
            params += [lon - dlon, lon + dlon]
    sql = (
        f"{box} AND 2 * 6371.0088 * asin(least(1, sqrt("
        "pow(sin(radians(e.lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(e.lat)) * "
        "pow(sin(radians(e.lon - ?) / 2), 2)))) <= ?"
    )
    return sql, [*params, lat, lat, lon, km]


def _dyad_sql(f: EventFilter) -> tuple[str, list[Any]]:
    assert f.dyad is not None
    a, b = f.dyad
    (sa, pa), (tb, pb) = _side("source", a), _side("target", b)
    forward, params = f"({sa} AND {tb})", [*pa, *pb]
    if not f.undirected:
        return forward, params
    (sb, qb), (ta, qa) = _side("source", b), _side("target", a)
    return f"({forward} OR ({sb} AND {ta}))", [*params, *qb, *qa]


def _actor_clauses(f: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for role in ("source", "target"):
        code = getattr(f, role)
        if code:
            sql, p = _side(role, code)
            clauses.append(sql)
            params += p
    if f.dyad:
        sql, p = _dyad_sql(f)
        clauses.append(sql)
        params += p
    if f.actor:
        clauses.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
        params += [f.actor, f.actor]
    if f.country:
        clauses.append("(e.source_country = ? OR e.target_country = ?)")
        params += [f.country, f.country]
    return clauses, params


#: Filters that are one comparison: (field, SQL with one parameter).
_SIMPLE = (
    ("cameo", "starts_with(e.cameo, ?)"),
    ("plover", "e.plover_type = ?"),
    ("plover_mode", "lower(e.plover_mode) = ?"),
    ("plover_context", "list_contains(e.plover_context, ?)"),
    ("location_country", "e.location_country = ?"),
    ("since", "e.day >= ?"),
    ("until", "e.day <= ?"),
    ("min_confidence", "e.confidence >= ?"),
)


def _event_clauses(f: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for name, sql in _SIMPLE:
        value = getattr(f, name)
        if value is not None:
            clauses.append(sql)
            params.append(date.fromisoformat(value) if name in ("since", "until") else value)
    if f.quad:
        clauses.append(f"e.quad_class IN ({', '.join('?' for _ in f.quad)})")
        params += list(f.quad)
    if f.near is not None:
        sql, p = _near_sql(f.near)
        clauses.append(sql)
        params += p
    for word in (f.text or "").split():
        clauses.append(text_clause())  # contains(lower(e.sentence), word), by the index
        params.append(word.lower())
    return clauses, params


def where_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE condition (on alias ``e`` of ``events``) and its parameters."""
    if f.is_empty:
        return "FALSE", []
    actors, actor_params = _actor_clauses(f)
    events, event_params = _event_clauses(f)
    return (" AND ".join(actors + events) or "TRUE"), [*actor_params, *event_params]


#: Filters that need a column which older stores lack, and what to say then.
_NEEDS_COLUMN = {"min_confidence": "confidence"}


def check_columns(con: Any, f: EventFilter) -> None:
    """Refuse (E407) a filter on a column this store's events do not have.

    Why: ``--min-confidence`` on a store written before events carried a confidence would
    otherwise fail inside DuckDB with a binder error instead of saying what to do.
    """
    wanted = {col for name, col in _NEEDS_COLUMN.items() if getattr(f, name) is not None}
    if not wanted:
        return
    rows = con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'events' "
                       "AND column_name IN (SELECT unnest(?::VARCHAR[]))",
                       [sorted(wanted)]).fetchall()
    missing = wanted - {r[0] for r in rows}
    if missing:
        raise Errors.E407_columns.error(columns=", ".join(sorted(missing)), stage="query")
