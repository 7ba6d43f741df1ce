"""Time the store's queries on a large database (made by ``bench/synth_events.py``).

Usage: python bench/bench_store.py [--db FILE] [--repeat N]

Every filter of ``eventwire events`` and every read method of the store contract is run
``repeat`` times on a read-only store; the median and worst times are printed, with the
number of rows. Filter values are taken from the data (the most frequent country, a
common actor, the newest month) so that the queries select realistic shares of it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from eventwire.store import EventFilter, Store

TARGET_MS = 200.0


def _timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return times, result


def _size(result: Any) -> int:
    if hasattr(result, "rows"):
        return len(result.rows)
    if isinstance(result, list | dict):
        return len(result)
    return 0 if result is None else 1


def _values(store: Store) -> dict[str, Any]:
    con = store.con

    def one(sql: str) -> Any:
        return con.execute(sql).fetchall()[0]

    country = one("SELECT source_country FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    actor = one("SELECT source_code FROM events WHERE length(source_code) > 3 "
                "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    place = one("SELECT lat, lon FROM events WHERE lat IS NOT NULL LIMIT 1")
    newest = one("SELECT max(day) FROM events")[0]
    event_id, doc_id = one("SELECT cluster_id, doc_id FROM events e JOIN event_clusters c "
                           "USING (cluster_id) ORDER BY c.num_mentions DESC LIMIT 1")
    return {"country": country[0], "actor": actor[0], "lat": place[0], "lon": place[1],
            "month": newest.strftime("%Y-%m"), "event_id": event_id, "doc_id": doc_id}


def _filters(v: dict[str, Any]) -> list[tuple[str, EventFilter]]:
    since, until = f"{v['month']}-01", f"{v['month']}-28"
    return [
        ("no filter", EventFilter()),
        (f"--actor {v['actor'][:3]}", EventFilter(actor=v["actor"][:3])),
        (f"--actor {v['actor']}", EventFilter(actor=v["actor"])),
        (f"--country {v['country']}", EventFilter(country=v["country"])),
        ("--cameo 19", EventFilter(cameo="19")),
        ("--cameo 0233", EventFilter(cameo="0233")),
        ("--plover PROTEST", EventFilter(plover="PROTEST")),
        (f"--since {since} --until {until}", EventFilter(since=since, until=until)),
        ("--until 2024-03-01", EventFilter(until="2024-03-01")),
        ("--near LAT,LON,100", EventFilter(near=(v["lat"], v["lon"], 100.0))),
        ("--text ceasefire", EventFilter(text="ceasefire")),
        ("--text 'oil sanctions'", EventFilter(text="oil sanctions")),
        (f"--country {v['country']} --cameo 1 --since 2025-01-01",
         EventFilter(country=v["country"], cameo="1", since="2025-01-01")),
        ("--actor ZZZ (no match)", EventFilter(actor="ZZZ")),
    ]


def _report(name: str, times: list[float], rows: int) -> bool:
    median, worst = statistics.median(times), max(times)
    ok = median < TARGET_MS
    print(f"{name:58s} {median:8.1f} ms  (max {worst:7.1f})  {rows:6d} rows"
          f"{'' if ok else '  SLOW'}")
    return ok


def run(db: str, repeat: int) -> int:
    with Store(db, read_only=True) as store:
        counts = store.counts()
        print(f"{db}: {counts['events']:,} events, {counts['event_clusters']:,} clusters, "
              f"{counts['documents']:,} documents; median of {repeat} runs")
        v = _values(store)
        ok = True
        for name, filters in _filters(v):
            times, page = _timed(lambda f=filters: store.query_events(f, limit=50), repeat)
            ok &= _report(f"events {name}", times, _size(page))
        first = store.query_events(EventFilter(country=v["country"]), limit=50)
        calls: list[tuple[str, Callable[[], Any]]] = [
            ("query_events page 2 (cursor)", lambda: store.query_events(
                EventFilter(country=v["country"]), limit=50, cursor=first.next_cursor)),
            ("get_event (largest cluster)", lambda: store.get_event(v["event_id"])),
            ("get_document", lambda: store.get_document(v["doc_id"])),
            ("actor_counts (all)", lambda: store.actor_counts(EventFilter())),
            ("actor_counts --cameo 19", lambda: store.actor_counts(EventFilter(cameo="19"))),
            ("timeline day/quad_class (all)", lambda: store.timeline(EventFilter())),
            ("timeline month/cameo_root --country", lambda: store.timeline(
                EventFilter(country=v["country"]), interval="month", by="cameo_root")),
            ("network (all)", lambda: store.network(EventFilter())),
            ("failures", store.failures),
        ]
        for name, fn in calls:
            times, result = _timed(fn, repeat)
            ok &= _report(name, times, _size(result))
    return 0 if ok else 1


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="/tmp/synth.duckdb")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv[1:])
    return run(args.db, args.repeat)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
