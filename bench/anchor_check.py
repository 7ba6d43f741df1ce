"""Score event locations and sizes on the PLOVER gold-standard sentences.

For each record of ``plover-gsr/dev.jsonl`` the whole pipeline codes the sentence (with the
record's date as DCT). Location: on records with a gold ``eventLoc``, the share where some
coded event is placed at a place of that name (recall), and over all coded events that
got a location, the share whose name is the record's ``eventLoc`` (precision; an event
placed where the record has no ``eventLoc`` counts as wrong). Size: on records with a
numeric gold ``dead`` / ``injured`` / ``size``, the share where some event carries that
value in ``killed`` / ``injured`` / ``people``-or-``arrested``.

    python bench/anchor_check.py [--limit N] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire.api import code_text, load_pipeline
from eventwire.places.gazetteer import normalise

#: The shared data folder beside the repository (found relative to it, not by an absolute path).
SHARED = Path(__file__).resolve().parents[2] / "shared"

GSR = SHARED / "eval/dev/plover-gsr/dev.jsonl"


def _number(value: object) -> int | None:
    try:
        return int(str(value).replace(",", ""))
    except ValueError:
        return None


def _same_place(name: str | None, gold: str) -> bool:
    if not name:
        return False
    a, b = normalise(name), normalise(gold)
    return a == b or a in b or b in a


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", action="store_true", help="print the misses")
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in GSR.read_text("utf-8").splitlines() if line]
    records = records[: args.limit] if args.limit else records
    pipe = load_pipeline()
    loc_gold = loc_hit = placed = placed_right = 0
    size_gold = size_hit = 0
    for rec in records:
        doc = code_text(rec["text"], pipeline=pipe, dct=(rec.get("date") or "")[:10] or None)
        gold_loc = (rec.get("eventLoc") or {}).get("name")
        names = [e.location.name for e in doc.events if e.location is not None]
        placed += len(names)
        if gold_loc:
            loc_gold += 1
            hit = any(_same_place(n, gold_loc) for n in names)
            loc_hit += hit
            placed_right += sum(_same_place(n, gold_loc) for n in names)
            if args.show and not hit:
                print("LOC", gold_loc, names, rec["text"][:120], file=sys.stderr)
        for field, ours in (("dead", ("killed",)), ("injured", ("injured",)),
                            ("size", ("people", "arrested"))):
            value = _number(rec.get(field))
            if value is None:
                continue
            size_gold += 1
            got = [getattr(e.size, k) for e in doc.events for k in ours]
            size_hit += value in got
            if args.show and value not in got:
                print("SIZE", field, value, got, rec["text"][:120], file=sys.stderr)
    print(f"records          {len(records)}")
    print(f"location recall  {loc_hit}/{loc_gold} = {loc_hit / max(1, loc_gold):.3f}")
    print(f"location prec.   {placed_right}/{placed} = {placed_right / max(1, placed):.3f}")
    print(f"size recall      {size_hit}/{size_gold} = {size_hit / max(1, size_gold):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
