"""Speed of the ``events`` stage alone, in sentences per second.

Usage: python bench/bench_events.py [JSONL_WITH_TEXT] [--repeat N]

Runs every stage before ``events`` once on each text (parse, actors, ...), then times
only the ``events`` stage over the parsed documents, ``--repeat`` times, and reports the
best run. The default texts are the PLOVER gold sentences plus the example story.
"""

from __future__ import annotations

import argparse
import copy
import json
import time
from pathlib import Path

from eventwire.api import load_pipeline, make_config
from eventwire.model import Document
from eventwire.pipeline import Pipeline

#: The shared data folder beside the repository (found relative to it, not by an absolute path).
SHARED = Path(__file__).resolve().parents[2] / "shared"

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = SHARED / "eval/dev/plover-gsr/dev.jsonl"


def _texts(path: Path) -> list[str]:
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line]
    texts.append((ROOT / "examples" / "defectors-2002.txt").read_text("utf-8"))
    return texts


def _prepare(pipeline: Pipeline, texts: list[str]) -> list[Document]:
    before = [s for s in pipeline.stages if s.name not in {"events", "anchor"}]
    head = Pipeline(before, pipeline.config)
    docs = [Document(doc_id=f"bench-{i}", source="<bench>", raw=t) for i, t in enumerate(texts)]
    return [d for d in head.pipe(docs) if d.error is None]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("texts", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pipeline = load_pipeline(make_config())
    stage = pipeline.get_stage("events")
    docs = _prepare(pipeline, _texts(Path(args.texts)))
    n_sents = sum(len(list(d.spacy.sents)) for d in docs)
    best = float("inf")
    events = 0
    for _ in range(args.repeat):
        batch = [copy.copy(d) for d in docs]
        start = time.perf_counter()
        for doc in batch:
            stage(doc)
        best = min(best, time.perf_counter() - start)
        events = sum(len(d.events) for d in batch)
    print(f"{len(docs)} documents, {n_sents} sentences, {events} events; "
          f"events stage {best:.3f} s = {n_sents / best:.0f} sentences/s (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
