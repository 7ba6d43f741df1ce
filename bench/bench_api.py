"""Load test of ``eventwire serve`` on loopback, and page load time of the explorer.

Usage::

    python bench/bench_api.py [--db FILE] [--events 1000000] [--clients 50] [--seconds 30]
                              [--page] [--no-cache] [--varied --readers 1,4]

Builds a synthetic store of ``--events`` events when ``--db`` does not exist yet (with
``bench/synth_events.py`` when present, else the small synthesiser below, both through
``Store.add_records``), starts ``eventwire serve`` on a free loopback port in a child
process, then runs ``--clients`` concurrent httpx clients for ``--seconds`` per scenario
(closed loop: each client sends its next request when the last one answered) and prints
the latency of one request alone first (the cold query), then requests per second and
p50/p99 latency under load. Every request loop is bounded in time and count
and only ever targets 127.0.0.1. ``--page`` also times the explorer in headless Chromium
(navigation to every panel drawn).

``--varied`` replaces the fixed scenarios by one where every request draws its own filters
(one to three of source, target, dyad, QuadClass, CAMEO root, location country, dates,
text, near; seeded), so no two requests ask the same question and no cache can answer
them (``--without text`` leaves a kind out; ``bench/varied.lua`` draws the same mix for
wrk, whose client spends far less CPU than httpx). With ``--readers 1,4`` one run starts a
server per value of ``serve.readers`` and measures each with one client (the machine's
baseline at that moment) and then with ``--clients`` clients: ``1`` is the store read one
query at a time, as before the pool. Each line also gives the server's CPU time per
request, which the other work of a shared machine does not change.

``--per-filter`` serves nothing: it opens the store read-only in this process and prints
the CPU time of one page of 50 events with its total (``Store.query_events``, the
question of ``/api/events``) per kind of filter alone, the median of five; CPU time,
unlike latency, hardly depends on the other work of the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from eventwire.api import make_config
from eventwire.store import Store

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = {
    "events, no filter": "/api/events",
    "events, actor": "/api/events?actor=CHN",
    "events, country+since": "/api/events?country=RUS&since=2020-01-01",
    "events, cameo+plover": "/api/events?cameo=17&plover=COERCE",
    "events, near": "/api/events?near=41.8,123.4,300",
    "events, text": "/api/events?text=refugees",
    "events, page 2 (cursor)": None,  # filled with a real cursor at run time
}
MAX_REQUESTS = 200_000  # per scenario, whatever the time

#: Values the varied requests draw from: codes any store accepts (the filter checks codes
#: against the CAMEO vocabulary, not against the store's content).
_ISO3 = ["USA", "CHN", "RUS", "UKR", "ZMB", "VEN", "LBR", "ZWE", "NLD", "NZL", "FRA", "IND",
         "BRA", "NGA", "EGY", "GRC", "HKG", "JPN", "KOR", "PRK"]
_ROOTS = [f"{n:02d}" for n in range(1, 21)]
_TEXT = ["talks", "border", "protest", "refugees", "sanctions", "police", "summit", "court"]

_COUNTRIES = [("CHN", 39.9, 116.4), ("RUS", 55.75, 37.6), ("USA", 38.9, -77.0),
              ("JPN", 35.7, 139.7), ("PRK", 39.0, 125.75), ("KOR", 37.55, 127.0),
              ("IND", 28.6, 77.2), ("BRA", -15.8, -47.9), ("NGA", 9.07, 7.4),
              ("EGY", 30.0, 31.2), ("FRA", 48.85, 2.35), ("UKR", 50.45, 30.5)]
_SECTORS = ["", "GOV", "COP", "MIL", "REB", "OPP", "REF", "BUS", "MED", "LEG"]
_CODES = [("010", 1, 0.0, "CONSULT"), ("040", 1, 1.0, "CONSULT"), ("051", 1, 3.4, "SUPPORT"),
          ("0841", 2, 7.0, "CONCEDE"), ("112", 3, -2.0, "ACCUSE"), ("10", 3, -5.0, "REQUEST"),
          ("141", 3, -6.5, "PROTEST"), ("173", 4, -5.0, "COERCE"), ("190", 4, -10.0, "ASSAULT")]
_WORDS = ["protesters", "officials", "troops", "talks", "border", "ministers", "police"]


def _actor(rng: random.Random) -> dict[str, Any]:
    iso, _, _ = rng.choice(_COUNTRIES)
    sector = rng.choice(_SECTORS)
    return {"text": f"{iso} {sector or 'state'}", "code": iso + sector, "country": iso,
            "sectors": [sector] if sector else []}


def _event(rng: random.Random, doc_id: str, i: int, start: int, sentence: str,
           day: str) -> dict[str, Any]:
    cameo, quad, goldstein, plover = rng.choice(_CODES)
    iso, lat, lon = rng.choice(_COUNTRIES)
    return {
        "id": f"{doc_id}-{i}", "sentence_index": i, "start": start,
        "end": start + len(sentence), "trigger": "met", "trigger_start": start + 6,
        "trigger_end": start + 9, "source": _actor(rng), "target": _actor(rng),
        "cameo": cameo, "cameo_root": cameo[:2], "quad_class": quad, "goldstein": goldstein,
        "plover": {"event_type": plover, "mode": None, "context": []},
        "date": day, "date_precision": "day", "date_source": "text",
        "location": {"name": iso, "country": iso, "lat": lat + rng.uniform(-3, 3),
                     "lon": lon + rng.uniform(-3, 3), "geonameid": None},
        "size": {"people": None, "killed": None, "injured": None, "arrested": None},
        "negated": False, "hypothetical": False, "rule": "bench:synthetic",
    }


def synth_record(rng: random.Random, n: int, events: int) -> dict[str, Any]:
    """One synthetic document with ``events`` events, one per sentence."""
    doc_id = f"synth-{n:08d}"
    day = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sentences, evs, text = [], [], ""
    for i in range(events):
        sentence = f"Group met {rng.choice(_WORDS)} in case {n}-{i} today. "
        evs.append(_event(rng, doc_id, i, len(text), sentence.strip(), day))
        sentences.append({"start": len(text), "end": len(text) + len(sentence.strip())})
        text += sentence
    return {"doc_id": doc_id, "source": "bench", "title": f"Synthetic {n}", "byline": None,
            "stated_date": day, "date": day, "date_warnings": [], "meta": {}, "text": text,
            "sentences": sentences,
            "mentions": {"actors": [], "times": [], "places": [], "quantities": []},
            "events": evs}


def synth_records(total: int, per_doc: int = 10, seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for n in range(total // per_doc):
        yield synth_record(rng, n, per_doc)


def build_store(db: Path, events: int) -> None:
    synth = ROOT / "bench" / "synth_events.py"
    if synth.exists():
        subprocess.run([sys.executable, str(synth), "--db", str(db), "--events", str(events)],
                       check=True)
        return
    # Large transactions and no deduplication: random synthetic events have nothing to
    # merge, and ingest speed is the store's own benchmark, not this one's.
    config = make_config(overrides=["store.batch_size=5000", "store.dedup.enabled=false"])
    start = time.perf_counter()
    with Store(db, config=config) as store:
        stats = store.add_records(synth_records(events))
    print(f"built {db}: {stats} in {time.perf_counter() - start:.0f} s", flush=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, cache: bool,
                 readers: int | None = None) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    extra = [] if cache else ["--set", "serve.cache_entries=0"]
    extra += [] if readers is None else ["--set", f"serve.readers={readers}"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port),
         *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "EVENTWIRE_TOKEN": ""})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/events?limit=1", timeout=60)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("the server did not start")


def _month(rng: random.Random) -> str:
    return f"{rng.choice([2024, 2025])}-{rng.randint(1, 12):02d}"


VARIED = ("source", "target", "dyad", "quad", "cameo", "location_country", "since", "until",
          "text", "near", "country")


def _varied_filter(rng: random.Random, kinds: tuple[str, ...] = VARIED) -> tuple[str, str]:
    """One filter of the API's vocabulary with a random value."""
    kind = rng.choice(kinds)
    value = {
        "source": lambda: rng.choice(_ISO3), "target": lambda: rng.choice(_ISO3),
        "country": lambda: rng.choice(_ISO3),
        "dyad": lambda: f"{rng.choice(_ISO3)},{rng.choice(_ISO3)}",
        "quad": lambda: str(rng.randint(1, 4)), "cameo": lambda: rng.choice(_ROOTS),
        "location_country": lambda: rng.choice(_ISO3),
        "since": lambda: _month(rng), "until": lambda: _month(rng),
        "text": lambda: rng.choice(_TEXT),
        "near": lambda: f"{rng.uniform(-50, 60):.1f},{rng.uniform(-120, 150):.1f},"
                        f"{rng.choice([100, 300, 1000])}",
    }[kind]()
    return kind, value


def varied_urls(seed: int = 11, kinds: tuple[str, ...] = VARIED) -> Callable[[], str]:
    """A source of ``/api/events`` URLs with one to three random filters each."""
    rng = random.Random(seed)

    def next_url() -> str:
        params = dict(_varied_filter(rng, kinds) for _ in range(rng.randint(1, 3)))
        return "/api/events?" + str(httpx.QueryParams(params))

    return next_url


async def _client(http: httpx.AsyncClient, url: str | Callable[[], str], stop: float,
                  latencies: list[float], errors: list[int]) -> None:
    while time.monotonic() < stop and len(latencies) < MAX_REQUESTS:
        t = time.perf_counter()
        response = await http.get(url if isinstance(url, str) else url())
        latencies.append(time.perf_counter() - t)
        if response.status_code != 200:
            errors.append(response.status_code)


async def load(base: str, url: str | Callable[[], str], clients: int,
               seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors: list[int] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        start = time.monotonic()
        stop = start + seconds
        await asyncio.gather(*(_client(http, url, stop, latencies, errors)
                               for _ in range(clients)))
        elapsed = time.monotonic() - start
    q = statistics.quantiles(latencies, n=100)
    return {"requests": len(latencies), "rps": len(latencies) / elapsed,
            "p50_ms": q[49] * 1000, "p99_ms": q[98] * 1000, "errors": len(errors)}


def page_load(base: str, runs: int = 3) -> list[float]:
    """Seconds from navigation until the explorer has drawn every panel."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        for _ in range(runs):
            t = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready='1']", timeout=120_000)
            times.append(time.perf_counter() - t)
        page.screenshot(path=str(ROOT / "artifacts" / "explorer-1m.png"), full_page=False)
        browser.close()
    return times


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process has used so far, from /proc (Linux).

    Why: on a shared machine the latency mostly measures the other work; the server's
    CPU per request does not depend on it, and bounds the throughput of idle cores.
    """
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


#: One value of each kind of filter, for ``--per-filter`` (and one pair with text).
PER_FILTER = {
    "none": {}, "source": {"source": "CHN"}, "target": {"target": "RUS"},
    "dyad": {"dyad": "USA,CHN"}, "country": {"country": "JPN"},
    "location_country": {"location_country": "IND"}, "quad": {"quad": "3"},
    "cameo": {"cameo": "17"}, "since": {"since": "2025-03"}, "until": {"until": "2024-05"},
    "near": {"near": "40.0,120.0,300"}, "text": {"text": "refugees"},
    "text+source": {"text": "court", "source": "USA"},
}


def per_filter(db: Path, runs: int = 5) -> None:
    """CPU milliseconds of one page with its total, per kind of filter (median of runs)."""
    from eventwire.store import EventFilter

    with Store(db, read_only=True) as store:
        for name, options in PER_FILTER.items():
            filters = EventFilter(**options)
            times = []
            for _ in range(runs):
                t = time.process_time()
                store.query_events(filters, limit=50, total=True)
                times.append(time.process_time() - t)
            print(f"{name:17s} {statistics.median(times) * 1000:6.1f} ms CPU", flush=True)


def run_varied(db: Path, readers: int | None, clients: int, seconds: float, *,
               cache: bool, kinds: tuple[str, ...] = VARIED) -> None:
    """The varied scenario against one server: one client, then ``clients`` clients."""
    proc, base = start_server(db, cache=cache, readers=readers)
    try:
        warm = varied_urls(seed=3)
        for _ in range(5):  # the first queries of a fresh process read the file
            httpx.get(base + warm(), timeout=120).raise_for_status()
        for n in (1, clients):
            cpu = cpu_seconds(proc.pid)
            r = asyncio.run(load(base, varied_urls(kinds=kinds), n, seconds))
            per_request = (cpu_seconds(proc.pid) - cpu) / max(1, r["requests"]) * 1000
            left_out = ",".join(k for k in VARIED if k not in kinds) or "none"
            print(f"varied filters (left out: {left_out}), readers {readers or 'default'}, cache "
                  f"{'on' if cache else 'off'}, {n:3d} client(s): {r['requests']:6d} req "
                  f"{r['rps']:6.1f} req/s  p50 {r['p50_ms']:7.1f} ms  "
                  f"p99 {r['p99_ms']:7.1f} ms  errors {r['errors']}  "
                  f"server CPU {per_request:5.1f} ms/req", flush=True)
    finally:
        proc.terminate()
        proc.wait(30)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=str(ROOT / "artifacts" / "bench-1m.duckdb"))
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--only", default=None, help="run only scenarios containing this text")
    ap.add_argument("--page", action="store_true", help="also time the explorer page")
    ap.add_argument("--no-cache", action="store_true",
                    help="serve with serve.cache_entries=0: every request queries the store")
    ap.add_argument("--varied", action="store_true",
                    help="one scenario whose every request has its own random filters")
    ap.add_argument("--readers", default=None, metavar="N[,N...]",
                    help="with --varied: a server per serve.readers value, one after another")
    ap.add_argument("--without", default="", metavar="KIND[,KIND...]",
                    help=f"with --varied: filters not to draw (of {', '.join(VARIED)})")
    ap.add_argument("--per-filter", action="store_true",
                    help="no server: CPU time of one page with its total per filter kind")
    args = ap.parse_args()
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    if not db.exists():
        build_store(db, args.events)
    if args.per_filter:
        per_filter(db)
        return 0
    if args.varied:
        readers = [int(n) for n in args.readers.split(",")] if args.readers else [None]
        kinds = tuple(k for k in VARIED if k not in args.without.split(","))
        for n in readers:
            run_varied(db, n, args.clients, args.seconds, cache=not args.no_cache, kinds=kinds)
        return 0
    proc, base = start_server(db, cache=not args.no_cache)
    print(f"{db}: {args.clients} clients x {args.seconds:.0f} s per scenario, "
          f"cache {'off' if args.no_cache else 'on'}", flush=True)
    try:
        cursor = httpx.get(base + "/api/events", timeout=60).json()["next_cursor"]
        SCENARIOS["events, page 2 (cursor)"] = f"/api/events?cursor={cursor}"
        for name, url in SCENARIOS.items():
            if args.only and args.only not in name or url is None:
                continue
            t = time.perf_counter()  # one request alone first: the cold query
            httpx.get(base + url, timeout=120).raise_for_status()
            cold = (time.perf_counter() - t) * 1000
            r = asyncio.run(load(base, url, args.clients, args.seconds))
            print(f"{name:26s} first {cold:6.0f} ms | {r['requests']:6d} req "
                  f"{r['rps']:6.1f} req/s  p50 {r['p50_ms']:7.1f} ms  "
                  f"p99 {r['p99_ms']:7.1f} ms  errors {r['errors']}", flush=True)
        if args.page:
            times = page_load(base)
            print("page load (s): " + ", ".join(f"{t:.2f}" for t in times), flush=True)
    finally:
        proc.terminate()
        proc.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
