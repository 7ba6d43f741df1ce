"""Internal evidence of when a news story was written, collected with fast regexes.

Each piece of evidence says something about the writing date D and how much to trust
it: a related story dated R says D is a little after R; "so far this year ... the whole
of 2000. In 2001 ..." says D is in 2002; "May 8" says D is within weeks after a May 8;
"on Wednesday" says D is a Wednesday or a few days after one. :mod:`eventwire.ingest.dating`
scores candidate dates against all of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from eventwire.ingest.dates import DateMatch, find_dates, find_weekdays, find_years, to_date
from eventwire.ingest.patterns import compiled

__all__ = ["Evidence", "collect_evidence", "WEIGHTS"]

#: Default weights by kind; ``stages.dating.weights`` overrides them.
WEIGHTS: dict[str, float] = {
    "stated": 2.0,
    "related": 2.0,
    "dateline": 3.0,
    "this_year": 2.5,
    "last_year": 2.0,
    "month_day": 1.0,
    "full_date": 0.75,
    "year_floor": 1.0,
    "weekday": 0.5,
}

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"“(])|\n\s*\n")
_SINCE_BEFORE = re.compile(
    r"\b(?:since|before|after|until|till|from|between|of the)\s+(?:the\s+)?$"
)
_LAST_YEAR_NAMED = re.compile(
    r"\blast year\W{1,3}(?:in\s+)?(?P<a>(?:19|20)\d{2})\b"
    r"|\b(?P<b>(?:19|20)\d{2})\W{1,3}last year\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One clue to the writing date.

    ``kind`` names the rule; ``day`` is a full date, ``year`` a year, ``month_day`` a
    (month, day) without year, ``weekday`` 0-6; ``future`` marks plans and forecasts.
    """

    kind: str
    weight: float
    text: str
    day: date | None = None
    year: int | None = None
    month_day: tuple[int, int] | None = None
    weekday: int | None = None
    future: bool = False

    def describe(self) -> dict[str, Any]:
        """A JSON-friendly form for the record's metadata."""
        value = self.day.isoformat() if self.day else self.year
        if value is None and self.month_day:
            value = f"--{self.month_day[0]:02d}-{self.month_day[1]:02d}"
        return {"kind": self.kind, "text": self.text, "value": value, "weight": self.weight}


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_SPLIT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


def _is_future(text: str, start: int) -> bool:
    return bool(compiled("dating", "future").search(_before(text, start, 30)))


def _from_date(dm: DateMatch, text: str, weights: dict[str, float]) -> Evidence | None:
    future = _is_future(text, dm.start)
    if dm.day is None:
        return None
    if dm.year is not None:
        day = to_date(dm.year, dm.month, dm.day)
        if day is None:
            return None
        historical = bool(compiled("dating", "historical").search(_before(text, dm.start, 60)))
        weight = weights["full_date"] * (0.5 if historical else 1.0)
        return Evidence("full_date", weight, dm.text, day=day, future=future)
    return Evidence(
        "month_day",
        weights["month_day"],
        dm.text,
        month_day=(dm.month, dm.day),
        weekday=dm.weekday,
        future=future,
    )


def _past_years(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Years in a span named as past periods (not "since 1999", not plans)."""
    out = []
    for ys, ye, year in find_years(text[start:end]):
        s = start + ys
        if _SINCE_BEFORE.search(_before(text, s, 25)) or _is_future(text, s):
            continue
        out.append((s, start + ye, year))
    return out


def _this_year(text: str, weights: dict[str, float]) -> list[Evidence]:
    """'So far this year' beside named earlier years: the story's year follows them."""
    spans = _sentences(text)
    out = []
    for m in compiled("dating", "this_year").finditer(text):
        idx = next(i for i, (s, e) in enumerate(spans) if s <= m.start() <= e)
        lo, hi = spans[idx][0], spans[min(idx + 1, len(spans) - 1)][1]
        current = compiled("dating", "current_year").search(text, lo, hi)
        if current is not None:
            year = int(current.group("a") or current.group("b"))
            label = f"{m.group(0)!r} beside {current.group(0)!r}"
            out.append(Evidence("this_year", weights["this_year"], label, year=year))
            continue
        years = _past_years(text, lo, hi)
        if years:
            named = sorted({y for _, _, y in years})
            label = f"{m.group(0)!r} beside {', '.join(map(str, named))}"
            # A run of years ("the whole of 2000. In 2001 ...") leaves less doubt.
            weight = weights["this_year"] * (1.2 if named[-1] - 1 in named else 1.0)
            out.append(Evidence("this_year", weight, label, year=named[-1] + 1))
    return out


def _last_year(text: str, weights: dict[str, float]) -> list[Evidence]:
    out = []
    for m in _LAST_YEAR_NAMED.finditer(text):
        year = int(m.group("a") or m.group("b"))
        out.append(Evidence("last_year", weights["last_year"], m.group(0), year=year + 1))
    return out


def _year_floor(text: str, weights: dict[str, float]) -> list[Evidence]:
    years = _past_years(text, 0, len(text))
    if not years:
        return []
    latest = max(y for _, _, y in years)
    return [Evidence("year_floor", weights["year_floor"], f"{latest} named", year=latest)]


def _weekdays(text: str, dates: list[DateMatch], weights: dict[str, float]) -> list[Evidence]:
    out = []
    for s, e, number in find_weekdays(text):
        if any(d.start <= s < d.end for d in dates):
            continue
        future = _is_future(text, s)
        out.append(
            Evidence("weekday", weights["weekday"], text[s:e], weekday=number, future=future)
        )
    return out


def _related(meta: dict[str, Any], weights: dict[str, float]) -> list[Evidence]:
    out = []
    for item in meta.get("related_stories") or []:
        iso = item.get("date") if isinstance(item, dict) else None
        if isinstance(iso, str) and len(iso) == 10:
            day = date.fromisoformat(iso)
            out.append(Evidence("related", weights["related"], str(item.get("title")), day=day))
    return out


def _dateline(meta: dict[str, Any], weights: dict[str, float]) -> list[Evidence]:
    text = meta.get("dateline_date")
    if not isinstance(text, str):
        return []
    found = find_dates(text)
    if not found or found[0].day is None:
        return []
    dm = found[0]
    month_day = (dm.month, found[0].day)
    day = to_date(dm.year, *month_day) if dm.year else None
    return [Evidence("dateline", weights["dateline"], text, day=day, month_day=month_day)]


def collect_evidence(
    text: str, meta: dict[str, Any], weights: dict[str, float] | None = None
) -> list[Evidence]:
    """Every clue to the writing date found in the text and the header/footer metadata."""
    w = {**WEIGHTS, **(weights or {})}
    dates = find_dates(text)
    found: list[Evidence] = _related(meta, w) + _dateline(meta, w)
    found += [e for e in (_from_date(d, text, w) for d in dates) if e is not None]
    found += _this_year(text, w) + _last_year(text, w) + _year_floor(text, w)
    found += _weekdays(text, dates, w)
    return _share_weights(found)


#: Kinds whose mentions often come in numbers (an events calendar, a list of dates): all
#: of a kind together weigh at most twice one of them.
_SHARED = ("month_day", "full_date", "weekday")


def _share_weights(found: list[Evidence]) -> list[Evidence]:
    counts = {kind: sum(1 for e in found if e.kind == kind) for kind in _SHARED}
    out = []
    for e in found:
        n = counts.get(e.kind, 0)
        out.append(replace(e, weight=e.weight * 2 / n) if n > 2 else e)
    return out
