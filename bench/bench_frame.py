"""Time to a DataFrame: ``eventwire.events_frame`` on a large store, per kind.

Usage: python bench/bench_frame.py --db /tmp/synth.duckdb [--runs 3] [--kind pandas ...]

Prints the median and worst seconds of each kind over ``runs`` runs, the rows and
columns, and the dtypes of the code and date columns (CAMEO codes must stay strings).
"""

from __future__ import annotations

import argparse
import statistics
import time

import eventwire


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kind", action="append", default=None,
                        choices=["pandas", "polars", "arrow"])
    args = parser.parse_args()
    for kind in args.kind or ["arrow", "pandas", "polars"]:
        times, frame = [], None
        for _ in range(args.runs):
            started = time.perf_counter()
            frame = eventwire.events_frame(args.db, kind=kind)
            times.append(time.perf_counter() - started)
        rows, cols = frame.shape if kind != "arrow" else (frame.num_rows, frame.num_columns)
        print(f"{kind}: median {statistics.median(times):.2f} s, worst {max(times):.2f} s, "
              f"{rows:,} rows x {cols} columns")
        if kind == "pandas":
            print("  dtypes:", {c: str(frame[c].dtype) for c in ("cameo", "cameo_root", "day")})


if __name__ == "__main__":
    main()
