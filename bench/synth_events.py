"""Synthesise a large event store for query benchmarks (``bench/bench_store.py``).

Usage: python bench/synth_events.py [--events N] [--db FILE] [--seed S]

Writes JSON records through ``Store.add_records`` (the same write path and deduplication
as ``eventwire ingest``) with distributions shaped like real event data:

* actor countries follow a Zipf law over the countries of the shipped gazetteer (a few
  countries dominate news), actors are a country with a sector (GOV, MIL, COP, ...) or
  the country alone;
* CAMEO codes are drawn from the shipped CAMEO table, weighted towards the verbal
  cooperation and statement codes that dominate GDELT (roots 01-05), with quad class,
  Goldstein score and PLOVER type from the shipped tables;
* real events are reported by one to several outlets (geometric, mean about 1.8), a day
  apart, by 300 outlets of Zipf-distributed size; 70% have a place near their country's
  point, the rest none; dates span two years with growing volume, and documents arrive
  in time order as from a news feed.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.store import Store

SECTORS = ["GOV", "MIL", "COP", "REB", "OPP", "CVL", "BUS", "MED", "JUD", "LEG", "EDU", ""]
SECTOR_NAMES = {"GOV": "government", "MIL": "troops", "COP": "police", "REB": "rebels",
                "OPP": "opposition", "CVL": "civilians", "BUS": "business leaders",
                "MED": "journalists", "JUD": "judges", "LEG": "lawmakers", "EDU": "students",
                "": "officials"}
WORDS = ["talks", "border", "election", "protest", "ceasefire", "sanctions", "aid", "trade",
         "attack", "arrest", "summit", "refugees", "oil", "court", "strike", "vote"]
START = date(2024, 1, 1)
DAYS = 730


def _cumulative(weights: list[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def _csv(name: str) -> list[dict[str, str]]:
    text = resources.files("eventwire").joinpath(f"data/{name}").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


class World:
    """The tables and weights the synthetic events are drawn from."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        points = _csv("places/country_points.csv")
        rng.shuffle(points)
        self.countries = [(p["iso3"], float(p["lat"]), float(p["lon"])) for p in points]
        self.country_w = _cumulative([1 / (i + 1) ** 1.1 for i in range(len(self.countries))])
        cameo = [c for c in _csv("events/cameo.csv") if len(c["code"]) >= 3 and c["goldstein"]
                 and c["quad_class"]]
        self.codes = cameo
        self.code_w = _cumulative([8.0 if c["root"] <= "05" else 3.0
                                   if c["root"] in ("17", "19") else 1.0 for c in cameo])
        plover = {p["code"]: p for p in _csv("events/cameo_plover.csv")}
        self.plover = plover
        self.outlets = [f"outlet{i:03d}.example" for i in range(300)]
        self.outlet_w = _cumulative([1 / (i + 1) for i in range(300)])

    def plover_of(self, code: str) -> dict[str, str] | None:
        for n in range(len(code), 1, -1):
            if code[:n] in self.plover:
                return self.plover[code[:n]]
        return None

    def actor(self) -> tuple[str, str, str, float, float]:
        iso, lat, lon = self.rng.choices(self.countries, cum_weights=self.country_w)[0]
        sector = self.rng.choice(SECTORS)
        return iso, iso + sector, sector, lat, lon



def _day_quotas(n: int) -> list[int]:
    """Mentions per day: volume grows linearly to four times the first day's."""
    weights = [1 + 3 * d / (DAYS - 1) for d in range(DAYS)]
    total = sum(weights)
    quotas = [int(n * w / total) for w in weights]
    quotas[-1] += n - sum(quotas)
    return quotas


def _real_event(world: World, day: date) -> dict[str, Any]:
    rng = world.rng
    s_iso, s_code, s_sec, lat, lon = world.actor()
    t_iso, t_code, t_sec, _, _ = world.actor() if rng.random() < 0.8 else (None,) * 5
    code = rng.choices(world.codes, cum_weights=world.code_w)[0]
    place = None
    if rng.random() < 0.7:
        place = (max(-89.0, min(89.0, lat + rng.gauss(0, 2))),
                 max(-179.0, min(179.0, lon + rng.gauss(0, 2))), s_iso)
    return {"source": (s_iso, s_code, s_sec), "target": (t_iso, t_code, t_sec), "code": code,
            "day": day, "place": place}


def _actor_json(iso: str | None, code: str | None, sector: str | None) -> dict[str, Any]:
    if code is None:
        return {"text": None, "code": None, "country": None, "sectors": []}
    return {"text": f"{iso} {SECTOR_NAMES[sector or '']}", "code": code, "country": iso,
            "sectors": [sector] if sector else []}


def _mention(world: World, real: dict[str, Any], i: int, day: date, start: int,
             text: str) -> dict[str, Any]:
    code = real["code"]
    plover = world.plover_of(code["code"]) or {}
    place = real["place"]
    location = None
    if place is not None:
        location = {"name": f"Town {place[0]:.1f}", "country": place[2], "lat": place[0],
                    "lon": place[1], "geonameid": int(abs(place[0] * 1000 + place[1]))}
    return {
        "id": f"e{i}", "sentence_index": i, "start": start, "end": start + len(text),
        "trigger": code["name"].split()[0].lower(), "trigger_start": start,
        "trigger_end": start + 4, "source": _actor_json(*real["source"]),
        "target": _actor_json(*real["target"]), "cameo": code["code"],
        "cameo_root": code["root"], "quad_class": int(code["quad_class"]),
        "goldstein": float(code["goldstein"]),
        "plover": {"event_type": plover.get("event_type") or None,
                   "mode": plover.get("mode") or None,
                   "context": [plover["context"]] if plover.get("context") else []},
        "date": day.isoformat(), "date_precision": "day", "date_source": "text",
        "location": location,
        "size": {"people": None, "killed": None, "injured": None, "arrested": None},
        "negated": False, "hypothetical": False, "rule": "synthetic",
    }


def _sentence(world: World, real: dict[str, Any]) -> str:
    s = real["source"]
    words = " ".join(world.rng.sample(WORDS, 3))
    return f"{s[0]} {SECTOR_NAMES[s[2] or '']} {real['code']['name'].lower()} ({words}). "


def mentions(world: World, n: int) -> Iterator[tuple[dict[str, Any], date, str]]:
    """``n`` event mentions, day by day (a news feed arrives in time order); each real
    event is reported by one or more outlets, the same day or the next."""
    for offset, quota in enumerate(_day_quotas(n)):
        made = 0
        while made < quota:
            real = _real_event(world, START + timedelta(days=offset))
            reports = 1
            while world.rng.random() < 0.45 and reports < 12:
                reports += 1
            for _ in range(min(reports, quota - made)):
                day = real["day"] + timedelta(days=world.rng.choice((0, 0, 0, 1)))
                outlet = world.rng.choices(world.outlets, cum_weights=world.outlet_w)[0]
                yield real, day, outlet
                made += 1


def documents(world: World, n_events: int) -> Iterator[dict[str, Any]]:
    """JSON records of one to six event mentions each."""
    stream = mentions(world, n_events)
    doc_no = 0
    while True:
        group = [m for _, m in zip(range(world.rng.randint(1, 6)), stream, strict=False)]
        if not group:
            return
        doc_no += 1
        yield _record(world, doc_no, group)


def _record(world: World, doc_no: int, group: list[tuple[dict[str, Any], date, str]]
            ) -> dict[str, Any]:
    text, sentences, events = "", [], []
    for i, (real, day, _) in enumerate(group):
        sent = _sentence(world, real)
        sentences.append({"start": len(text), "end": len(text) + len(sent)})
        events.append(_mention(world, real, i, day, len(text), sent))
        text += sent
    day, outlet = group[0][1], group[0][2]
    doc_day = (day + timedelta(days=1)).isoformat()
    return {
        "doc_id": f"synth-{doc_no:08d}", "source": "synth", "title": None, "byline": None,
        "stated_date": doc_day, "date": doc_day, "date_warnings": [],
        "meta": {"url": f"https://{outlet}/{doc_no}"}, "text": text, "sentences": sentences,
        "mentions": {"actors": [], "times": [], "places": [], "quantities": []},
        "events": events,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/synth.duckdb")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv[1:])
    world = World(random.Random(args.seed))
    start = time.perf_counter()
    from eventwire.config import load_config

    config = load_config(overrides=["store.batch_size=5000"])
    with Store(args.db, config=config) as store:
        stats = store.add_records(documents(world, args.events))
        counts = store.counts()
    took = time.perf_counter() - start
    size = Path(args.db).stat().st_size / 1e6
    print(f"{stats.added} documents, {stats.events} events, {counts['event_clusters']} "
          f"clusters in {took:.0f} s ({stats.events / took:,.0f} events/s); "
          f"{args.db}: {size:.0f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
