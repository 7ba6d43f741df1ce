"""Convert the LGL corpus (XML, gzip) into eventwire's JSON Lines input.

Usage: python bench/lgl_to_jsonl.py [LGL.xml.gz] [OUT.jsonl]
(defaults: ../shared/eval/dev/lgl/LGL.xml.gz and /tmp/lgl.jsonl)

Each ``<article docid>`` becomes ``{"id", "title", "text", "date", "url"}``; ``date`` is
the day of ``<dltime>`` (when the article was downloaded, close to its publication).
The texts belong to their publishers: the output is for local benchmarks only.
"""

from __future__ import annotations

import gzip
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DEFAULT_IN = Path(__file__).resolve().parents[2] / "shared/eval/dev/lgl/LGL.xml.gz"
DEFAULT_OUT = Path("/tmp/lgl.jsonl")


def articles(path: Path) -> list[dict[str, str | None]]:
    """The articles of an LGL file as JSON Lines records."""
    out = []
    with gzip.open(path, "rb") as fh:
        for _, elem in ET.iterparse(fh, events=("end",)):
            if elem.tag != "article":
                continue
            dltime = elem.findtext("dltime") or ""
            out.append({
                "id": f"lgl-{elem.get('docid')}",
                "title": elem.findtext("title"),
                "text": elem.findtext("text") or "",
                "date": dltime[:10] or None,
                "url": elem.findtext("url"),
            })
            elem.clear()
    return out


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_IN
    dst = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    records = articles(src)
    with dst.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")
    print(f"{len(records)} articles -> {dst}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
