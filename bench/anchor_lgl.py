"""The share of coded events that get a location, and a city-level one, on LGL.

LGL's articles (local news, see ``bench/lgl_to_jsonl.py``) are coded by the whole pipeline;
the script counts the events, those with a location, those whose location is a city
(``location_precision == "city"``), and the events by ``location_source`` and
``date_source``.

    python bench/anchor_lgl.py [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lgl_to_jsonl import DEFAULT_IN, articles  # noqa: E402

from eventwire.api import code_text, load_pipeline  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    recs = articles(DEFAULT_IN)
    recs = recs[: args.limit] if args.limit else recs
    pipe = load_pipeline()
    events = located = city = 0
    sources: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    for rec in recs:
        doc = code_text(rec["text"] or "", pipeline=pipe, dct=(rec.get("date") or "")[:10] or None)
        for ev in doc.events:
            events += 1
            located += ev.location is not None
            city += getattr(ev, "location_precision", None) == "city"
            sources[str(getattr(ev, "location_source", None))] += 1
            dates[str(ev.date_source)] += 1
    print(f"articles         {len(recs)}")
    print(f"events           {events}")
    print(f"with a location  {located} = {located / max(1, events):.3f}")
    print(f"city-level       {city} = {city / max(1, events):.3f}")
    print("location_source  " + ", ".join(f"{k} {v}" for k, v in sources.most_common()))
    print("date_source      " + ", ".join(f"{k} {v}" for k, v in dates.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
