"""Estimating when a story was written, and saying so when its stated date disagrees.

Scraped stories often carry the date they were re-published or scraped, not the date they
were written. A coder that anchors "on Wednesday" to a wrong header puts every event in
the wrong week or year, so this module weighs the story's own evidence
(:mod:`eventwire.ingest.evidence`) against the stated date.

The model is a small scoring one: every candidate day gets the weighted sum of how well
each clue fits it (1 = fits, 0 = contradicts, in between for "possible but unusual"). The
stated date is one clue among the others, with a prior weight, so that it wins whenever
the evidence does not clearly contradict it. The best candidate replaces the stated date
only when it beats it by a margin and lies more than ``max_gap_days`` away.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Annotated, Any

from eventwire.errors import Errors
from eventwire.ingest.dates import to_date
from eventwire.ingest.evidence import WEIGHTS, Evidence, collect_evidence
from eventwire.settings import AtLeast, from_mapping

__all__ = ["Estimate", "estimate_date", "parse_stated", "DatingSettings"]

NonNegative = Annotated[float, AtLeast(0)]


@dataclass(frozen=True)
class DatingSettings:
    """``stages.dating``: when the text's evidence replaces the stated date.

    ``weights`` holds the weight of each kind of clue; kinds it leaves out keep their
    default weight (``eventwire.ingest.evidence.WEIGHTS``).
    """

    max_gap_days: Annotated[int, AtLeast(0)] = 7
    min_margin: NonNegative = 0.75
    min_margin_later: NonNegative = 1.5
    min_support: NonNegative = 2.0
    scan_chars: Annotated[int, AtLeast(1)] = 30000
    weights: dict[str, float] = field(default_factory=lambda: dict(WEIGHTS))

    def check(self) -> None:
        """Refuse a weight for a kind of clue that does not exist (a typo weighs nothing)."""
        unknown = sorted(set(self.weights) - set(WEIGHTS))
        if unknown:
            raise Errors.E202_clue.error(key=unknown[0], kinds=", ".join(WEIGHTS))

_UNSUPPORTED = "year_floor", "stated"
_NO_DATE = (
    "The document states no date and its text gives no reliable evidence of one, "
    "so relative dates such as 'on Monday' cannot be resolved (give --dct to set one)."
)


@dataclass(frozen=True)
class Stated:
    """The stated date as a day plus its precision ("day", "month" or "year")."""

    day: date
    precision: str


@dataclass
class Estimate:
    """The dating result: the date to use, warnings in plain words, the evidence."""

    date: str | None
    warnings: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    changed: bool = False


def parse_stated(value: str | None) -> Stated | None:
    """Read "YYYY-MM-DD", "YYYY-MM" or "YYYY" (longer ISO strings are cut to the day)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return None
    precision = ("year", "month", "day")[min(len(numbers), 3) - 1]
    year, month, day = (numbers + [7, 1])[:3] if len(numbers) == 1 else (numbers + [15])[:3]
    found = to_date(year, month, day)
    return Stated(found, precision) if found else None


def _previous(month_day: tuple[int, int], d: date) -> date | None:
    for year in (d.year, d.year - 1):
        found = to_date(year, *month_day)
        if found is not None and found <= d:
            return found
    return None


def _next(month_day: tuple[int, int], d: date) -> date | None:
    for year in (d.year, d.year + 1):
        found = to_date(year, *month_day)
        if found is not None and found >= d:
            return found
    return None


def _fit_gap(gap: int, future: bool) -> float:
    """How well a story written ``gap`` days after a dated fact fits."""
    if future:
        return 1.0 if -120 <= gap <= 0 else 0.5 if 0 < gap <= 30 else 0.0
    if 0 <= gap <= 30:
        return 1.0
    if -90 <= gap < 0:
        return 0.6  # news announces coming events without always saying "will"
    return 0.4 if 30 < gap <= 365 else 0.0


def _fit_related(gap: int) -> float:
    """A story links to recent stories, and often to old background ones too; never to
    stories written long after it (a page may be updated with a few days' later links)."""
    if 0 <= gap <= 45:
        return 1.0
    if gap > 45:
        return max(0.6, 1.0 - (gap - 45) / 320)
    return 0.5 if gap >= -7 else 0.0


def _fit_month_day(e: Evidence, d: date) -> float:
    assert e.month_day is not None
    prev, nxt = _previous(e.month_day, d), _next(e.month_day, d)
    if e.weekday is not None:
        prev = prev if prev and prev.weekday() == e.weekday else None
        nxt = nxt if nxt and nxt.weekday() == e.weekday else None
    best = 0.0
    if prev is not None and not e.future:
        gap = (d - prev).days
        best = 1.0 if gap <= 30 else 0.4 if gap <= 90 else 0.0
    if nxt is not None:
        ahead = (nxt - d).days
        best = max(best, (1.0 if ahead <= 60 else 0.0) if e.future else 0.6 if ahead <= 90 else 0.0)
    return best


def _fit_weekday(e: Evidence, d: date) -> float:
    assert e.weekday is not None
    if e.future:
        return 0.3
    back = (d.weekday() - e.weekday) % 7
    return 1.0 if back == 0 else 0.8 if back == 1 else 0.3


def _fit_dateline(e: Evidence, d: date) -> float:
    if e.day is not None:
        return 1.0 if abs((d - e.day).days) <= 1 else 0.0
    assert e.month_day is not None
    near = [x for x in (_previous(e.month_day, d), _next(e.month_day, d)) if x is not None]
    return 1.0 if any(abs((d - x).days) <= 1 for x in near) else 0.0


def fit(e: Evidence, d: date) -> float:
    """How well one clue fits a candidate writing date, from 0 to 1."""
    if e.kind == "related" and e.day is not None:
        return _fit_related((d - e.day).days)
    if e.kind == "full_date" and e.day is not None:
        return _fit_gap((d - e.day).days, e.future)
    if e.kind == "month_day":
        return _fit_month_day(e, d)
    if e.kind == "dateline":
        return _fit_dateline(e, d)
    if e.kind == "weekday":
        return _fit_weekday(e, d)
    if e.kind in ("this_year", "last_year"):
        return 1.0 if d.year == e.year else 0.0
    if e.kind == "year_floor" and e.year is not None:
        return 1.0 if d.year >= e.year else 0.0
    return 0.0


def _fit_stated(stated: Stated | None, d: date) -> float:
    if stated is None:
        return 0.0
    s = stated.day
    if stated.precision == "year":
        return 1.0 if d.year == s.year else 0.0
    if stated.precision == "month":
        return 1.0 if (d.year, d.month) == (s.year, s.month) else 0.0
    gap = abs((d - s).days)
    return 1.0 if gap == 0 else 0.7 if gap <= 2 else 0.0


class Scorer:
    """Scores candidate days against the evidence and the stated date."""

    def __init__(self, evidence: list[Evidence], stated: Stated | None, prior: float) -> None:
        self.evidence = evidence
        self.stated = stated
        self.prior = prior

    def support(self, d: date) -> float:
        """The weight of the evidence behind ``d``, leaving out the stated date and floors."""
        return sum(e.weight * fit(e, d) for e in self.evidence if e.kind not in _UNSUPPORTED)

    def score(self, d: date) -> float:
        floors = sum(e.weight * fit(e, d) for e in self.evidence if e.kind == "year_floor")
        return self.support(d) + floors + self.prior * _fit_stated(self.stated, d)


def _years(evidence: list[Evidence], stated: Stated | None) -> set[int]:
    years = {e.year for e in evidence if e.kind in ("this_year", "last_year") and e.year}
    years |= {e.day.year for e in evidence if e.day is not None}
    if stated is not None:
        years.add(stated.day.year)
    return years


def _weekday_years(e: Evidence, around: set[int]) -> set[int]:
    """Years in which a "Wednesday, May 22" falls on that weekday, near the other years."""
    if e.weekday is None or e.month_day is None or not around:
        return set()
    span = range(min(around) - 12, max(around) + 2)
    return {y for y in span if (d := to_date(y, *e.month_day)) and d.weekday() == e.weekday}


def _candidates(evidence: list[Evidence], stated: Stated | None) -> list[tuple[date, str]]:
    """Candidate days with their precision: the stated date and days the clues name."""
    out: list[tuple[date, str]] = []
    if stated is not None:
        out.append((stated.day, stated.precision))
    out += [(e.day, "day") for e in evidence if e.day is not None and not e.future]
    years = _years(evidence, stated)
    seen: set[tuple[tuple[int, int], int | None]] = set()
    for e in evidence:
        if e.month_day is None or (e.month_day, e.weekday) in seen:
            continue
        seen.add((e.month_day, e.weekday))
        for year in years | {y - 1 for y in years} | _weekday_years(e, years):
            if (d := to_date(year, *e.month_day)) is not None:
                out.append((d, "day"))
    anchor = stated.day if stated is not None else date(2000, 7, 1)
    for e in evidence:
        if e.kind in ("this_year", "last_year") and e.year is not None:
            out.append((to_date(e.year, anchor.month, min(anchor.day, 28)) or anchor, "year"))
    return list(dict.fromkeys(out))


def _best(scorer: Scorer, candidates: list[tuple[date, str]]) -> tuple[date, str]:
    """The highest-scoring candidate; ties go to the stated date, then to days, then to the
    day nearest the stated one (the earliest when nothing is stated)."""
    stated_day = scorer.stated.day if scorer.stated else None

    def key(c: tuple[date, str]) -> tuple[float, bool, bool, int]:
        d, precision = c
        near = -abs((d - stated_day).days) if stated_day else -d.toordinal()
        return (round(scorer.score(d), 6), d == stated_day, precision == "day", near)

    return max(candidates, key=key)


def _refine(scorer: Scorer, day: date) -> date:
    """Move a day estimate forward to the best-supported day of the following ten."""
    days = [day + timedelta(days=i) for i in range(11)]
    return max(days, key=lambda d: (round(scorer.score(d), 6), -d.toordinal()))


def _iso(d: date, precision: str) -> str:
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(
        precision, d.isoformat()
    )


def _reasons(scorer: Scorer, best: date, stated: Stated | None) -> str:
    """The clues that back the estimate and not the stated date, in words."""
    out: list[str] = []
    ranked = sorted(scorer.evidence, key=lambda e: -e.weight)
    for e in ranked:
        if e.kind in _UNSUPPORTED or fit(e, best) < 0.5:
            continue
        if stated is not None and fit(e, stated.day) >= fit(e, best) and e.kind != "weekday":
            continue
        out.append(_describe(e, best))
        if len(out) == 5:
            break
    return "; ".join(out)


def _describe(e: Evidence, best: date) -> str:
    if e.kind == "related":
        return f"a related story is dated {e.day}"
    if e.kind in ("this_year", "last_year"):
        return f"{e.text} puts the story in {e.year}"
    if e.kind == "weekday":
        return f"'{e.text}' fits {best:%A} {best.isoformat()}"
    if e.kind == "dateline":
        return f"the dateline says {e.text}"
    return f"the text mentions '{e.text}'"


def _gap_words(a: date, b: date) -> str:
    days = abs((a - b).days)
    if days >= 365:
        years = round(days / 365.25)
        return f"about {years} year{'s' if years != 1 else ''}"
    return f"{days} days"


def _decide(scorer: Scorer, stated: Stated | None, settings: DatingSettings) -> Estimate:
    candidates = _candidates(scorer.evidence, stated)
    if not candidates:
        return Estimate(None, [_NO_DATE])
    best, precision = _best(scorer, candidates)
    if precision == "day" and (stated is None or best != stated.day):
        best = _refine(scorer, best)
    if stated is None:
        if scorer.support(best) < settings.min_support:
            return Estimate(None, [_NO_DATE])
        iso = _iso(best, precision)
        why = _reasons(scorer, best, None)
        return Estimate(
            iso, [f"The document states no date; its text points to {iso} ({why})."], changed=True
        )
    return _against_stated(scorer, stated, best, precision, settings)


def _against_stated(
    scorer: Scorer, stated: Stated, best: date, precision: str, settings: DatingSettings
) -> Estimate:
    stated_iso = _iso(stated.day, stated.precision)
    margin = scorer.score(best) - scorer.score(stated.day)
    far = abs((best - stated.day).days) > settings.max_gap_days
    if precision == "year" or stated.precision == "year":
        far = best.year != stated.day.year
    # Stated dates that are wrong are mostly later than the truth (scrape, crawl, update
    # dates), so an estimate later than the stated date needs more evidence.
    needed = settings.min_margin if best < stated.day else settings.min_margin_later
    if not far or margin < needed:
        return Estimate(stated_iso)
    iso = _iso(best, precision)
    text = (
        f"The document states {stated_iso}, but its own text points to {iso}, "
        f"{_gap_words(best, stated.day)} {'earlier' if best < stated.day else 'later'}: "
        f"{_reasons(scorer, best, stated)}. Dates in the text are read relative to {iso}."
    )
    return Estimate(iso, [text], changed=True)


def _merge(evidence: list[Evidence]) -> list[Evidence]:
    """One clue per distinct fact, with the weights of its mentions added up."""
    merged: dict[tuple[object, ...], Evidence] = {}
    for e in evidence:
        key = (e.kind, e.day, e.year, e.month_day, e.weekday, e.future)
        old = merged.get(key)
        merged[key] = e if old is None else replace(old, weight=old.weight + e.weight)
    return list(merged.values())


def estimate_date(
    text: str,
    meta: dict[str, Any],
    stated: str | None,
    settings: DatingSettings | Mapping[str, Any] | None = None,
) -> Estimate:
    """The best estimate of when ``text`` was written, given what the document states.

    ``settings`` may be a mapping of only the keys to change (``{"max_gap_days": 1}``).
    """
    conf = from_mapping(DatingSettings, settings, "stages.dating")
    weights = {**WEIGHTS, **conf.weights}
    evidence = _merge(collect_evidence(text[: conf.scan_chars], meta, weights))
    parsed = parse_stated(stated)
    scorer = Scorer(evidence, parsed, weights["stated"])
    result = _decide(scorer, parsed, conf)
    result.evidence = evidence
    if stated and parsed is None:
        result.warnings.insert(0, f"The stated date {stated!r} could not be read as a date.")
    return result
