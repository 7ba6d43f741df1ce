"""Throughput and memory of the whole pipeline, end to end and per stage.

Usage:
    python bench/bench_pipeline.py stages   [--limit N] [--repeat R] # per-stage cost, 1 process
    python bench/bench_pipeline.py run      [--workers N] [--limit N] [--store DB]
    python bench/bench_pipeline.py synth    --size 20000 [--out /tmp/synth.jsonl]
    python bench/bench_pipeline.py profile  [--limit N]             # cProfile of non-parse stages

Input is the LGL corpus (588 local news articles; see ``bench/lgl_to_jsonl.py``) or a
synthetic corpus built from it. ``run`` codes a JSON Lines file through the same engine
as ``eventwire code`` / ``eventwire ingest`` (optionally storing into DuckDB) and reports
articles, sentences and tokens per second, the time to the first record, the CPU seconds of
the main process and of the workers, and the peak resident memory of the main process and
of each worker, sampled every second from /proc, so a flat memory curve can be seen.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import json
import os
import pstats
import random
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lgl_to_jsonl import DEFAULT_IN, articles  # noqa: E402

from eventwire.api import code_paths, make_config  # noqa: E402
from eventwire.ingest import read_inputs  # noqa: E402
from eventwire.model import Document  # noqa: E402
from eventwire.pipeline import Pipeline, _run_stage_stream, build_pipeline  # noqa: E402

LGL_JSONL = Path("/tmp/eventwire-bench-lgl.jsonl")


def lgl_jsonl(limit: int | None = None) -> Path:
    """The LGL corpus as JSON Lines (written once to /tmp)."""
    if not LGL_JSONL.exists():
        with LGL_JSONL.open("w", encoding="utf-8") as fh:
            for rec in articles(DEFAULT_IN):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if limit is None:
        return LGL_JSONL
    out = Path(f"/tmp/eventwire-bench-lgl-{limit}.jsonl")
    lines = LGL_JSONL.read_text("utf-8").splitlines()[:limit]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def synth(size: int, out: Path, seed: int = 13) -> Path:
    """A synthetic corpus of ``size`` articles: LGL articles with shuffled paragraphs.

    Each synthetic article takes the sentences of one LGL article and of a second random
    one, so lengths and vocabulary stay realistic while every text is new (new ids).
    """
    rng = random.Random(seed)
    base = articles(DEFAULT_IN)
    with out.open("w", encoding="utf-8") as fh:
        for i in range(size):
            a, b = rng.sample(base, 2)
            sents = (a["text"] or "").split(". ") + (b["text"] or "").split(". ")[:3]
            rng.shuffle(sents)
            rec = {"id": f"synth-{i}", "title": a["title"], "date": a["date"],
                   "text": ". ".join(sents)}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


class MemorySampler(threading.Thread):
    """Samples the resident memory (MB) of this process and its children every second."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[tuple[float, float, list[float]]] = []
        self._halt = threading.Event()

    @staticmethod
    def _rss(pid: int) -> float:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def _children(self) -> list[int]:
        pids = []
        for task in Path(f"/proc/{os.getpid()}/task").iterdir():
            try:
                pids += [int(p) for p in (task / "children").read_text().split()]
            except OSError:
                continue
        return pids

    def run(self) -> None:
        t0 = time.perf_counter()
        while not self._halt.wait(1.0):
            kids = [self._rss(p) for p in self._children()]
            self.samples.append((time.perf_counter() - t0, self._rss(os.getpid()), kids))

    def stop(self) -> dict[str, Any]:
        self._halt.set()
        self.join()
        main = [m for _, m, _ in self.samples] or [0.0]
        kids = [max(k) for _, _, k in self.samples if k] or [0.0]
        half = len(kids) // 2
        step = max(1, len(self.samples) // 10)
        timeline = [(round(t), round(m), [round(k) for k in ks])
                    for t, m, ks in self.samples[::step]]
        return {
            "memory_timeline_s_main_workers_mb": timeline,
            "peak_main_mb": round(max(main), 1),
            "peak_worker_mb": round(max(kids), 1),
            "worker_mb_first_half_peak": round(max(kids[:half] or [0.0]), 1),
            "worker_mb_second_half_peak": round(max(kids[half:] or [0.0]), 1),
        }


def _count(rec: dict[str, Any]) -> tuple[int, int]:
    return len(rec["sentences"]), len(rec["text"].split())


def run(path: Path, workers: int, store: str | None,
        overrides: list[str] | None = None) -> dict[str, Any]:
    """Code (and optionally store) a JSON Lines file; throughput and memory."""
    config = make_config(overrides=overrides or [], workers=workers)
    sampler = MemorySampler()
    sampler.start()
    docs = sents = tokens = events = failures = 0
    first: float | None = None
    t0 = time.perf_counter()
    outcomes = code_paths([path], config)
    if store:
        from eventwire.store import Store

        counted: list[Any] = []

        def tap(stream: Any) -> Any:
            for o in stream:
                counted.append(o)
                yield o

        with Store(store) as db:
            db.add_outcomes(tap(outcomes))
        outcomes = iter(counted)
    for o in outcomes:
        if first is None:
            first = time.perf_counter() - t0
        docs += 1
        if o.record is None:
            failures += 1
            continue
        s, t = _count(o.record)
        sents, tokens, events = sents + s, tokens + t, events + len(o.record["events"])
    elapsed = time.perf_counter() - t0
    memory = sampler.stop()
    return {
        "workers": workers, "articles": docs, "failures": failures, "events": events,
        "seconds": round(elapsed, 2),
        "first_record_s": round(first, 2) if first is not None else None,
        "articles_per_s": round(docs / elapsed, 2),
        **_cpu_seconds(),
        "sentences_per_s": round(sents / elapsed, 1),
        "tokens_per_s": round(tokens / elapsed, 0),
        **memory,
    }


def _cpu_seconds() -> dict[str, float]:
    """CPU seconds of this process and of its ended workers: what a run cost, beside the
    wall clock a busy virtual machine stretches."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_s_main": round(own.ru_utime + own.ru_stime, 1),
            "cpu_s_workers": round(kids.ru_utime + kids.ru_stime, 1)}


def _docs(limit: int | None) -> list[Document]:
    return list(read_inputs([lgl_jsonl(limit)]))


def stages(limit: int | None, overrides: list[str] | None = None,
           repeat: int = 1) -> dict[str, Any]:
    """Seconds spent in each stage, in one process, over the same documents.

    With ``repeat`` above 1, the stages after the parse run that many times over the same
    parsed documents and each keeps its fastest run: on a noisy machine the minimum is the
    figure that moves least from run to run.
    """
    pipeline: Pipeline = build_pipeline(make_config(workers=1, overrides=overrides or []))
    docs = _docs(limit)
    _warm(pipeline)
    timings: dict[str, float] = {}
    names = [stage.name for stage in pipeline.stages]
    cut = names.index("parse") + 1 if "parse" in names else 0
    for stage in pipeline.stages[:cut]:
        t0 = time.perf_counter()
        docs = list(_run_stage_stream(stage, docs))
        timings[stage.name] = round(time.perf_counter() - t0, 3)
    parsed = docs
    for _ in range(max(1, repeat)):
        docs = [copy.copy(d) for d in parsed]
        for doc in docs:
            if doc.spacy is not None:
                doc.spacy.user_data.clear()  # what a stage keeps with the Doc is rebuilt
        for stage in pipeline.stages[cut:]:
            t0 = time.perf_counter()
            docs = list(_run_stage_stream(stage, docs))
            took = round(time.perf_counter() - t0, 3)
            timings[stage.name] = min(took, timings.get(stage.name, took))
    parse = timings.get("parse", 0.0)
    other = round(sum(v for k, v in timings.items() if k != "parse"), 3)
    return {"articles": len(docs), "seconds": timings, "non_parse_seconds": other,
            "non_parse_share_of_parse": round(other / parse, 3) if parse else None}


def _warm(pipeline: Pipeline) -> None:
    """Run one document through, so lazy indexes are built before timing."""
    list(pipeline.pipe([Document("warm", "warm", raw="Police arrested a man in Paris on May 8.")]))


def profile(limit: int | None, overrides: list[str] | None = None) -> None:
    """cProfile of every stage but the parse, top 25 functions by cumulative time."""
    pipeline = build_pipeline(make_config(workers=1, overrides=overrides or []))
    _warm(pipeline)
    docs = _docs(limit)
    for stage in pipeline.stages[:3]:
        docs = list(_run_stage_stream(stage, docs))
    prof = cProfile.Profile()
    prof.enable()
    for stage in pipeline.stages[3:]:
        docs = list(_run_stage_stream(stage, docs))
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("mode", choices=["stages", "run", "synth", "profile"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--store", default=None)
    ap.add_argument("--input", type=Path, default=None)
    ap.add_argument("--size", type=int, default=20000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/eventwire-synth.jsonl"))
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                    help="run, stages, profile: override a configuration key, e.g.\n"
                         "stages.events.coder=learned;\n"
                         "repeat --compare KEY=VALUE to code the same input with each in turn")
    ap.add_argument("--compare", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--repeat", type=int, default=1,
                    help="stages: run the stages after the parse N times, keep each one's fastest")
    args = ap.parse_args()
    if args.mode == "synth":
        print(synth(args.size, args.out))
    elif args.mode == "stages":
        print(json.dumps(stages(args.limit, args.overrides, args.repeat), indent=2))
    elif args.mode == "profile":
        profile(args.limit, args.overrides)
    else:
        path = args.input or lgl_jsonl(args.limit)
        if not args.compare:
            print(json.dumps(run(path, args.workers, args.store, args.overrides), indent=2))
        for extra in args.compare:  # one run, each setting in turn on the same input
            print(json.dumps({"set": extra, **run(path, args.workers, args.store,
                                                  [*args.overrides, extra])}, indent=2))


if __name__ == "__main__":
    main()
