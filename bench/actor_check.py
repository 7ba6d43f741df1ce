"""How many gold actors of the PLOVER gold standard the actor stage finds.

For every gold source and target actor of a sentence, it counts whether some actor
mention of that sentence has the gold country, and the gold country and sector (a gold
actor without a sector needs only the country). Gold IGO/NGO actors match organisation
codes. Usage::

    python bench/actor_check.py [../shared/eval/dev/plover-gsr/dev.jsonl] [--misses]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eventwire.api import code_text, load_pipeline, make_config
from eventwire.model import ActorMention

#: The shared data folder beside the repository (found relative to it, not by an absolute path).
SHARED = Path(__file__).resolve().parents[2] / "shared"

DEFAULT = SHARED / "eval/dev/plover-gsr/dev.jsonl"
#: Older CAMEO country codes in the gold data, and their ISO 3166 equivalents.
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "GMY": "DEU", "UKG": "GBR"}


def country_ok(gold: dict[str, str], m: ActorMention) -> bool:
    code = OLD_CODES.get(gold.get("code") or "", gold.get("code") or "")
    if code in ("IGO", "NGO", "IMG"):
        return (m.code or "").startswith(code) or code in m.sectors
    return m.country == code


def sector_ok(gold: dict[str, str], m: ActorMention) -> bool:
    sector = (gold.get("sector") or "")[:3].upper()
    if not sector or sector == "***":
        return True
    return sector in m.sectors


def main(argv: list[str]) -> None:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    show = "--misses" in argv
    pipe = load_pipeline(make_config(overrides=["pipeline=[clean,parse,actors]"]))
    totals = {k: [0, 0, 0, 0, 0] for k in ("source", "target")}
    sentences = mentions = 0
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        doc = code_text(rec["text"], pipeline=pipe, dct=rec.get("date"))
        sentences += 1
        mentions += len(doc.actors)
        for role, tally in totals.items():
            for gold in rec.get(role) or []:
                tally[0] += 1
                hits = [m for m in doc.actors if country_ok(gold, m)]
                tally[1] += bool(hits)
                tally[2] += any(sector_ok(gold, m) for m in hits)
                if (gold.get("sector") or "")[:3].isalpha():
                    tally[3] += 1
                    tally[4] += any(sector_ok(gold, m) for m in hits)
                if show and not any(sector_ok(gold, m) for m in hits):
                    got = [(m.text, m.code) for m in doc.actors]
                    print(f"MISS {role} {gold} in {rec['text'][:90]!r} got {got}")
    print(f"sentences: {sentences}; actor mentions per sentence: {mentions / sentences:.2f}")
    for role, (n, country, both, sectored, hit) in totals.items():
        print(
            f"{role}: {n} gold actors; right country {country}/{n} = {country / n:.3f}; "
            f"right country and sector {both}/{n} = {both / n:.3f} (a gold actor without a "
            f"sector needs the country only); of the {sectored} with a sector, "
            f"{hit}/{sectored} = {hit / sectored:.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
