"""Which state held a place on a date: a successor state's territory before its
independence was its predecessor's (``data/places/successions.yaml``).

Why here: a place's country is what the gazetteer says today, and that is right for a map.
An actor is coded by the state of its day: a story from 1995 about rebels shelling Juba is
about Sudan, not South Sudan. The actors stage (capitals) and the event coder (towns as
targets, and the country a sentence's places give its actors) ask this module; the places
records keep today's country, and a nation named as such keeps its own code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventwire.config import load_yaml
from eventwire.errors import Errors
from eventwire.places.gazetteer import DATA

__all__ = ["Succession", "load_successions", "state_on"]


@dataclass(frozen=True, slots=True)
class Succession:
    """``state`` is coded as ``before`` on dates earlier than ``since`` (ISO)."""

    state: str
    since: str
    before: str


@cache
def load_successions() -> dict[str, Succession]:
    """The successions by state (DictionaryError E256 when the file cannot be read)."""
    path = DATA / "successions.yaml"
    try:
        rows = load_yaml(path.read_text("utf-8"))["successions"]
        return {str(r["state"]): Succession(str(r["state"]), str(r["since"]), str(r["before"]))
                for r in rows}
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise Errors.E256.error(path=str(path), reason=exc, stage="places") from exc


def state_on(country: str | None, date: str | None) -> str | None:
    """The state that held ``country``'s territory on ``date`` (``YYYY-MM-DD``): the
    country itself, or its predecessor (and that one's, in turn) before its independence.
    Without a date, the country as it is today."""
    if not country or not date:
        return country
    table = load_successions()
    seen = set()
    while country in table and country not in seen and date[:10] < table[country].since:
        seen.add(country)
        country = table[country].before
    return country
