"""Soak test: ``eventwire serve`` under queries and posts while ``eventwire ingest`` runs.

Usage::

    python bench/soak.py [--minutes 10] [--docs FILE.jsonl] [--clients 20] [--work DIR]

What it does, all on loopback and bounded in time:

1. starts ``eventwire serve --create --token …`` on a new store and a free 127.0.0.1 port;
2. runs ``--clients`` closed-loop readers sending varied, uncached queries (filters, pages,
   evidence pages, actors, timeline, network), one poster sending the documents one by one
   (then again, which must store nothing new, plus a few bad documents that must be refused
   with a 4xx), and ``eventwire ingest`` of the same documents into a second store in a
   loop, each run resuming the last;
3. samples the resident memory of the server and of the ingest processes every 15 s;
4. at the end stops both, codes the same documents into a third, clean store, and compares
   the JSON Lines exports of the three stores (all fields but ``outlet``, which names the way
   a row came in: a file or the API).

It prints p50/p99 latency of reads and posts, counts of answers by status, errors (5xx and
failed connections), RSS over time, and whether the exports are identical. Exit status 1
when there were errors or the exports differ.

``--docs`` defaults to the LGL articles (``bench/lgl_to_jsonl.py``, read from
``../shared/eval/dev/lgl/LGL.xml.gz``); they belong to their publishers and stay local.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
EVENTWIRE = [sys.executable, "-m", "eventwire"]
MAX_REQUESTS = 2_000_000  # a hard bound on requests, whatever the time
BAD_DOCUMENTS: list[Any] = [
    {"text": ""},
    {"text": "word " * 20_000},  # over serve.max_chars: 413
    {"id": {"nested": 1}, "text": "A minister resigned on Monday."},
    {"title": "no text at all"},
]
QUERIES = [
    "/api/events?limit={limit}",
    "/api/events?actor={country}&limit={limit}",
    "/api/events?country={country}&since={year}-01-01",
    "/api/events?cameo={root}",
    "/api/events?plover={plover}&until={year}-12-31",
    "/api/events?near={lat},{lon},{km}",
    "/api/events?text={word}",
    "/api/actors",
    "/api/stats/timeline",
    "/api/network",
]
_COUNTRIES = ["USA", "CHN", "RUS", "GBR", "FRA", "MEX", "IRQ", "AFG", "ISR", "CAN"]
_PLOVER = ["ASSAULT", "COERCE", "PROTEST", "CONSULT", "ACCUSE", "AGREE", "REQUEST"]
_WORDS = ["police", "county", "mayor", "court", "school", "fire", "storm", "city"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children, in MB (0 when it has ended)."""
    total = 0.0
    for p in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    found = [int(c) for c in text.split()]
    return found + [g for c in found for g in _children(c)]


def load_docs(path: Path | None, limit: int) -> list[dict[str, Any]]:
    if path is None:
        sys.path.insert(0, str(HERE))
        from lgl_to_jsonl import DEFAULT_IN, articles  # type: ignore[import-not-found]

        docs = articles(DEFAULT_IN)
    else:
        docs = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    fields = ("id", "title", "text", "date")  # what POST /api/documents takes
    return [{k: d[k] for k in fields if d.get(k) is not None} for d in docs[:limit]]


def start_server(db: Path, token: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [*EVENTWIRE, "serve", "--db", str(db), "--create", "--port", str(port),
         "--token", token, "--set", "serve.cache_entries=0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/events?limit=1", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read().decode()[-2000:]}")
        time.sleep(0.5)
    proc.kill()
    raise SystemExit("the server did not start within 120 s")


class Tally:
    """Latencies and statuses of one kind of request."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.statuses: Counter[str] = Counter()

    def add(self, status: str, seconds: float) -> None:
        self.statuses[status] += 1
        self.latencies.append(seconds)

    def summary(self) -> str:
        if not self.latencies:
            return "no requests"
        ms = sorted(x * 1000 for x in self.latencies)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        return (f"{len(ms)} requests, p50 {statistics.median(ms):.0f} ms, p99 {p99:.0f} ms, "
                f"statuses {dict(sorted(self.statuses.items()))}")

    @property
    def errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s.startswith("5") or s == "failed")


def _query(rng: random.Random) -> str:
    return rng.choice(QUERIES).format(
        limit=rng.choice([10, 50, 200]), country=rng.choice(_COUNTRIES),
        year=rng.randint(2005, 2012), root=f"{rng.randint(1, 20):02d}",
        plover=rng.choice(_PLOVER), lat=rng.uniform(25, 48), lon=rng.uniform(-120, -70),
        km=rng.choice([50, 300, 1000]), word=rng.choice(_WORDS),
    )


async def timed(http: httpx.AsyncClient, tally: Tally, method: str, url: str,
                **kwargs: Any) -> httpx.Response | None:
    began = time.monotonic()
    try:
        response = await http.request(method, url, **kwargs)
    except httpx.HTTPError:
        tally.add("failed", time.monotonic() - began)
        return None
    tally.add(str(response.status_code), time.monotonic() - began)
    return response


async def reader(http: httpx.AsyncClient, tally: Tally, stop: float, seed: int,
                 counter: list[int]) -> None:
    rng = random.Random(seed)
    while time.monotonic() < stop and counter[0] < MAX_REQUESTS:
        counter[0] += 1
        response = await timed(http, tally, "GET", _query(rng))
        if response is not None and response.status_code == 200 and rng.random() < 0.1:
            events = response.json().get("events") or []
            if events:
                await timed(http, tally, "GET", f"/api/events/{events[0]['event_id']}")


async def poster(http: httpx.AsyncClient, tally: Tally, bad: Tally, stop: float,
                 docs: list[dict[str, Any]], token: str) -> int:
    """Posts every document once, then cycles: repeats and bad documents. Returns posted."""
    headers = {"Authorization": f"Bearer {token}"}
    posted = 0
    for doc in docs:
        if time.monotonic() >= stop:
            break
        response = await timed(http, tally, "POST", "/api/documents", json=doc,
                               headers=headers, timeout=300)
        posted += response is not None and response.status_code == 201
    rng = random.Random(3)
    while time.monotonic() < stop:
        if rng.random() < 0.3:
            await timed(http, bad, "POST", "/api/documents",
                        json=rng.choice(BAD_DOCUMENTS), headers=headers, timeout=60)
        else:
            await timed(http, tally, "POST", "/api/documents", json=rng.choice(docs[:posted or 1]),
                        headers=headers, timeout=300)
        await asyncio.sleep(0.5)
    return posted


def start_ingest(docs_file: Path, db: Path) -> subprocess.Popen[bytes]:
    """One ``eventwire ingest`` run; a later run resumes where this one stopped."""
    return subprocess.Popen([*EVENTWIRE, "ingest", str(docs_file), "--db", str(db),
                             "--workers", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def clean_export(docs: list[dict[str, Any]], work: Path, name: str) -> list[dict[str, Any]]:
    """The export of a fresh store that ``eventwire ingest`` fills with ``docs`` alone."""
    source = work / f"{name}.input.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs))
    subprocess.run([*EVENTWIRE, "ingest", str(source), "--db", str(work / f"{name}.duckdb")],
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return export(work / f"{name}.duckdb", work / f"{name}.jsonl")


def export(db: Path, out: Path) -> list[dict[str, Any]]:
    """The JSON Lines export of ``db``, less ``outlet`` (the file or ``api`` a row came by)."""
    subprocess.run([*EVENTWIRE, "export", "--format", "jsonl", "--db", str(db), "-o", str(out)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    for row in rows:
        row.pop("outlet", None)
    return rows


async def soak(args: argparse.Namespace, base: str, docs: list[dict[str, Any]], token: str,
               docs_file: Path, work: Path, server: subprocess.Popen[bytes]) -> dict[str, Any]:
    stop = time.monotonic() + args.minutes * 60
    reads, posts, bad = Tally(), Tally(), Tally()
    counter = [0]
    runs = [start_ingest(docs_file, work / "ingest.duckdb")]
    memory: list[tuple[int, float, float]] = []
    began = time.monotonic()

    async def sample() -> None:
        while time.monotonic() < stop:
            if runs[-1].poll() is not None and time.monotonic() < stop - 30:
                runs.append(start_ingest(docs_file, work / "ingest.duckdb"))
            memory.append((int(time.monotonic() - began), rss_mb(server.pid),
                           rss_mb(runs[-1].pid)))
            await asyncio.sleep(15)

    limits = httpx.Limits(max_connections=args.clients + 2)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        tasks = [reader(http, reads, stop, seed, counter) for seed in range(args.clients)]
        results = await asyncio.gather(poster(http, posts, bad, stop, docs, token), sample(),
                                       *tasks)
    for run in runs:
        if run.wait(timeout=600) not in (0, 1):
            print(f"an ingest run exited with {run.returncode}")
    return {"reads": reads, "posts": posts, "bad": bad, "posted": results[0],
            "memory": memory, "ingest_runs": len(runs)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--docs", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=300, help="documents to use")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="eventwire-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    docs = load_docs(args.docs, args.limit)
    docs_file = work / "docs.jsonl"
    docs_file.write_text("".join(json.dumps(d) + "\n" for d in docs))
    token = secrets.token_urlsafe(24)
    server, base = start_server(work / "served.duckdb", token)
    try:
        result = asyncio.run(soak(args, base, docs, token, docs_file, work, server))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)

    clean = clean_export(docs, work, "clean")
    posted = docs[:result["posted"]]
    clean_posted = clean if len(posted) == len(docs) else clean_export(posted, work, "posted")
    served = export(work / "served.duckdb", work / "served.jsonl")
    ingested = export(work / "ingest.duckdb", work / "ingest.jsonl")

    print(f"work folder {work}; {len(docs)} documents; {args.clients} readers; "
          f"{args.minutes:g} min")
    print(f"reads: {result['reads'].summary()}")
    print(f"posts: {result['posts'].summary()}; documents stored by posts {result['posted']}")
    print(f"bad documents: {result['bad'].summary()}")
    print(f"ingest runs: {result['ingest_runs']}")
    print("RSS over time (s, server MB, ingest MB incl. workers):")
    for second, server_mb, ingest_mb in result["memory"]:
        print(f"  {second:5d}  {server_mb:7.0f}  {ingest_mb:7.0f}")
    same_served = served == clean_posted
    same_ingested = ingested == clean
    print(f"export of the served store identical to a clean ingest of the "
          f"{len(posted)} documents posted: {same_served}")
    print(f"export of the ingested store identical to a clean ingest: {same_ingested}")
    errors = result["reads"].errors + result["posts"].errors + result["bad"].errors
    print(f"errors (5xx or failed connections): {errors}")
    ok = errors == 0 and same_served and same_ingested and result["posted"] == len(docs)
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
