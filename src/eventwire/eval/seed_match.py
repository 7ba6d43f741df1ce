"""Matching rules of the ``seed`` KIND: one gold item against what the system found.

Pure functions on JSON records, so that each rule is tested on hand-made records.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.eval.metrics import haversine_km

__all__ = [
    "codes_ok",
    "date_ok",
    "event_found",
    "event_like",
    "gold_place",
    "has_date",
    "is_located",
    "located_near",
    "forbidden_present",
    "date_within",
    "quantity_found",
    "place_found",
    "boilerplate_absent",
    "related_found",
    "NEAR_KM",
]

NEAR_KM = 161.0


def codes_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """The predicted CAMEO code or root is the gold root or one of ``cameo_accept``."""
    accept = {str(c) for c in gold.get("cameo_accept") or []}
    if gold.get("cameo_root"):
        accept.add(str(gold["cameo_root"]))
    return bool(accept) and (pred.get("cameo") in accept or pred.get("cameo_root") in accept)


def _side_ok(gold: dict[str, Any] | None, pred: dict[str, Any] | None) -> bool:
    country = (gold or {}).get("country")
    return not country or (pred or {}).get("country") == country


def date_ok(gold: dict[str, Any], pred_date: str | None) -> bool:
    """The event date agrees with the gold ``date`` (as precise as the gold) or window.

    A date is compared at the precision of the less precise of the two, so a predicted
    month lies in a window when the window touches that month.
    """
    if gold.get("date"):
        return bool(pred_date) and str(pred_date).startswith(str(gold["date"]))
    window = gold.get("date_window")
    if window:
        if not pred_date:
            return False
        n = len(pred_date)
        return str(window[0])[:n] <= pred_date <= str(window[1])[:n]
    return True


def event_found(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """A predicted event matches a gold one: codes, source and target country, date."""
    return (
        codes_ok(gold, pred)
        and _side_ok(gold.get("source"), pred.get("source"))
        and _side_ok(gold.get("target"), pred.get("target"))
        and date_ok(gold, pred.get("date"))
    )


def event_like(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """The same act whatever its date: codes, source and target country.

    Scoring an event's date needs a match that does not already require the right date,
    or every matched event would have it.
    """
    return (
        codes_ok(gold, pred)
        and _side_ok(gold.get("source"), pred.get("source"))
        and _side_ok(gold.get("target"), pred.get("target"))
    )


def has_date(gold: dict[str, Any]) -> bool:
    """The reading gives the event a ``date`` or a ``date_window``."""
    return bool(gold.get("date") or gold.get("date_window"))


def gold_place(gold: dict[str, Any]) -> dict[str, Any] | None:
    """The event's place with coordinates: ``place``, or ``location`` in older readings."""
    place = gold.get("place") or gold.get("location")
    if not isinstance(place, dict) or place.get("lat") is None or place.get("lon") is None:
        return None
    return place


def is_located(pred: dict[str, Any]) -> bool:
    """The coded event carries a location with coordinates (a name alone places nothing)."""
    loc = pred.get("location") or {}
    return loc.get("lat") is not None and loc.get("lon") is not None


def located_near(place: dict[str, Any], pred: dict[str, Any]) -> bool:
    """The coded event's location lies within 161 km of the gold place."""
    if not is_located(pred):
        return False
    loc = pred["location"]
    km = haversine_km(
        float(place["lat"]), float(place["lon"]), float(loc["lat"]), float(loc["lon"])
    )
    return km <= NEAR_KM


def _same_word(gold: str, trigger: str) -> bool:
    g, t = gold.lower().strip(), trigger.lower().strip()
    return bool(g and t) and (g in t or t in g)


def _paragraph(text: str, needle: str) -> tuple[int, int] | None:
    pos = text.find(needle)
    if pos < 0:
        return None
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def forbidden_present(gold: dict[str, Any], events: list[dict[str, Any]], text: str) -> bool:
    """Whether an event the reading forbids was produced.

    A forbidden item names a CAMEO root and/or a trigger word, or ``evidence_in``: a
    passage (the paragraph of the text that contains it) in which no event may lie.
    """
    if gold.get("evidence_in"):
        span = _paragraph(text, str(gold["evidence_in"]))
        return span is not None and any(
            int(e.get("start", -1)) < span[1] and span[0] < int(e.get("end", -1)) for e in events
        )
    root, trigger = gold.get("cameo_root"), gold.get("trigger")
    if not root and not trigger:
        return False
    return any(
        (not root or e.get("cameo_root") == root)
        and (not trigger or _same_word(str(trigger), str(e.get("trigger") or "")))
        for e in events
    )


def date_within(pred: str | None, true: str | None, tolerance_days: int) -> bool:
    """A full predicted date within ``tolerance_days`` of the true date."""
    if not pred or not true or len(pred) < 10:
        return False
    try:
        days = (date.fromisoformat(pred[:10]) - date.fromisoformat(str(true)[:10])).days
    except ValueError:
        return False
    return abs(days) <= tolerance_days


def quantity_found(gold: dict[str, Any], found: list[dict[str, Any]]) -> bool:
    """A quantity with the gold value and, when the gold has one, the same qualifier."""
    for q in found:
        try:
            same = float(q.get("value")) == float(gold["value"])  # type: ignore[arg-type]
        except (TypeError, ValueError, KeyError):
            continue
        if same and (not gold.get("qualifier") or q.get("qualifier") == gold["qualifier"]):
            return True
    return False


def place_found(gold: dict[str, Any], found: list[dict[str, Any]]) -> bool:
    """A place in the gold country and, when the gold has coordinates, within 161 km."""
    for p in found:
        if p.get("country") != gold.get("country"):
            continue
        if gold.get("lat") is None or gold.get("lon") is None:
            return True
        if (
            p.get("lat") is not None
            and p.get("lon") is not None
            and haversine_km(
                float(gold["lat"]), float(gold["lon"]), float(p["lat"]), float(p["lon"])
            )
            <= NEAR_KM
        ):
            return True
    return False


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def boilerplate_absent(line: str, text: str | None) -> bool:
    """The boilerplate line is not in the body (white space and case ignored)."""
    return text is not None and _norm(line) not in _norm(text)


def related_found(gold: dict[str, Any], found: list[Any]) -> bool:
    """A related story with the gold title and, when the gold has one, its date."""
    for item in found:
        if not isinstance(item, dict):
            continue
        if _norm(str(item.get("title") or "")) != _norm(str(gold.get("title") or "")):
            continue
        if not gold.get("date") or item.get("date") == gold["date"]:
            return True
    return False
