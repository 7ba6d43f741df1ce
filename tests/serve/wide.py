"""A record with many actors and a source address, for the explorer's browser tests.

The hand-written record of the example story (see ``story.py``) gets a web address and
extra events between invented pairs of country actors, so that the network has more
than thirty actors to lay out and label. The extra events reuse the sentence, trigger and
offsets of the first hand-written event: only the actors differ.
"""

from __future__ import annotations

import copy
from typing import Any

#: Forty-six ISO3 country codes, used as actors (their events are invented).
CODES = ("AFG", "ALB", "DZA", "AGO", "ARG", "ARM", "AUS", "AUT", "AZE", "BGD", "BLR", "BEL",
         "BEN", "BOL", "BIH", "BWA", "BRA", "BGR", "BFA", "BDI", "KHM", "CMR", "CAN", "TCD",
         "CHL", "COL", "COD", "CRI", "HRV", "CUB", "CYP", "CZE", "DNK", "DJI", "ECU", "EGY",
         "SLV", "ERI", "EST", "ETH", "FIN", "FRA", "GAB", "GMB", "GEO", "DEU")

URL = "https://news.example.org/2002/05/asylum-seekers"


def _pairs() -> list[tuple[str, str, int]]:
    """(source, target, events): a ring of neighbours plus a few hubs, uneven weights."""
    n = len(CODES)
    pairs = [(CODES[i], CODES[(i + 1) % n], 1 + i % 3) for i in range(n)]
    pairs += [(CODES[0], CODES[i], 2) for i in range(5, n, 6)]
    pairs += [(CODES[i], CODES[7], 1) for i in range(10, n, 9)]
    return pairs


def _actor(code: str) -> dict[str, Any]:
    return {"text": code, "code": code, "country": code, "sectors": []}


def wide_record(hand: dict[str, Any]) -> dict[str, Any]:
    """``hand`` with a web address and events among many actors."""
    record = copy.deepcopy(hand)
    record.setdefault("meta", {})["url"] = URL
    template = record["events"][0]
    for n, (source, target, count) in enumerate(_pairs()):
        for k in range(count):
            event = copy.deepcopy(template)
            event["id"] = f"{record['doc_id']}-w{n}-{k}"
            event["source"], event["target"] = _actor(source), _actor(target)
            record["events"].append(event)
    return record


def actors_of(record: dict[str, Any]) -> set[str]:
    """Every actor code of the record's events that has a partner (drawn in the network)."""
    return {e[r]["code"] for e in record["events"] for r in ("source", "target")
            if e["source"]["code"] and e["target"]["code"]}
