"""Score the ``places`` stage on GeoVirus and LGL: toponym spans and distance to gold.

Runs only the ``parse`` and ``places`` stages on documents whose ``text`` is the corpus text
itself, so predicted offsets index the original text. Metrics (those of the geoparsing
literature): toponym precision and recall with overlap matching; on matched toponyms that
have gold coordinates and a resolved prediction, the share within 161 km (100 miles) and
the mean and median error in km. A matched but unresolved toponym counts as a miss in
the 161 km accuracy ("resolved" gives the share that got coordinates at all). For GeoVirus,
``same_entity_161`` also counts as right a resolved toponym on the gold's own entity (by its
Wikipedia page title; for LGL by its GeoNames id) whose point lies more than 161 km (up to
1,500 km) from the gold's. ``misses`` counts the matched toponyms not placed within 161 km
(unresolved ones included) and ``misses_alone`` those of them whose story names no other
place (of another name, in the gold annotation) within 250 km of the gold point: toponyms
the text gives no neighbour for ("Dublin" in a Dublin, Ohio paper's story of "the city's
parade").

    python bench/geo_check.py geovirus [--limit N] [--gazetteer cities5000]
    python bench/geo_check.py lgl --limit 100 --offset 200 --errors 50
    python bench/geo_check.py lgl --split dev --urls

``--split dev|check`` scores one part of the locked split (docs/eval.md); ``--urls`` gives
each LGL article its ``<url>``, as a JSON Lines input's ``url`` would, so that the outlet's
region (``places/outlet.py``) is a prior.
"""

from __future__ import annotations

import argparse
import gzip
import html
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote

from eventwire.api import load_pipeline, make_config
from eventwire.eval.geo import Toponym, load
from eventwire.eval.split import select
from eventwire.model import Document, PlaceMention
from eventwire.places.gazetteer import normalise
from eventwire.places.resolve import haversine_km

#: The shared data folder beside the repository (found relative to it, not by an absolute path).
SHARED = Path(__file__).resolve().parents[2] / "shared"

EVAL = SHARED / "eval/dev"
if not EVAL.exists():
    EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


Gold = Toponym


def _articles(path: Path, split: str = "all") -> Iterator[tuple[str, list[Gold]]]:
    """The articles of a corpus (of one part of its locked split), read by the ``geo``
    evaluation's own loader."""
    for item in select(load(path), split).items:
        yield item.text, list(item.toponyms)


def geovirus(split: str = "all") -> Iterator[tuple[str, list[Gold]]]:
    return _articles(EVAL / "geovirus" / "GeoVirus.xml", split)


def lgl(split: str = "all") -> Iterator[tuple[str, list[Gold]]]:
    return _articles(EVAL / "lgl" / "LGL.xml.gz", split)


def _overlaps(a: Gold, b: PlaceMention) -> bool:
    return a.start < b.end and b.start < a.end


def score(pairs: list[tuple[list[Gold], list[PlaceMention]]]) -> dict[str, float]:
    n_gold = n_pred = tp_gold = tp_pred = 0
    errors: list[float] = []
    geo_total = unresolved = 0
    for golds, preds in pairs:
        n_gold += len(golds)
        n_pred += len(preds)
        tp_pred += sum(any(_overlaps(g, p) for g in golds) for p in preds)
        for g in golds:
            match = next((p for p in preds if _overlaps(g, p)), None)
            if match is None:
                continue
            tp_gold += 1
            if g.lat is None or g.lat != g.lat:
                continue
            geo_total += 1
            if match.lat is None or match.lon is None or g.lon is None:
                unresolved += 1
                continue
            errors.append(haversine_km(g.lat, g.lon, match.lat, match.lon))
    within = sum(e <= 161 for e in errors)
    return {
        "gold": n_gold, "predicted": n_pred,
        "precision": tp_pred / n_pred if n_pred else 0.0,
        "recall": tp_gold / n_gold if n_gold else 0.0,
        "geo_matched": geo_total, "resolved": len(errors) / geo_total if geo_total else 0.0,
        "acc161": within / geo_total if geo_total else 0.0,
        "acc161_resolved": within / len(errors) if errors else 0.0,
        "mean_km": statistics.fmean(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", choices=["geovirus", "lgl"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--offset", type=int, default=0, help="skip the first N documents")
    ap.add_argument("--gazetteer", default=None)
    ap.add_argument("--errors", type=int, default=0, help="print the N worst errors")
    ap.add_argument("--split", choices=["all", "dev", "check"], default="all")
    ap.add_argument("--urls", action="store_true", help="LGL: pass each article's URL")
    args = ap.parse_args(argv)
    overrides = ["pipeline=[parse, places]"]
    if args.gazetteer:
        overrides.append(f"stages.places.gazetteer={args.gazetteer}")
    pipe = load_pipeline(make_config(overrides=overrides))
    items = list(geovirus(args.split) if args.corpus == "geovirus" else lgl(args.split))
    items = items[args.offset :]
    if args.limit:
        items = items[: args.limit]
    urls = _urls(args.split)[args.offset : args.offset + len(items)] if args.urls else []
    docs = [Document(doc_id=str(i), source=args.corpus, text=t,
                     url=urls[i] if i < len(urls) else None)
            for i, (t, _) in enumerate(items)]
    started = time.perf_counter()
    done = list(pipe.pipe(docs))
    elapsed = time.perf_counter() - started
    failed = [d for d in done if d.error is not None]
    pairs = [(g, d.places) for (_, g), d in zip(items, done, strict=True)]
    result = score(pairs)
    result.update({"documents": len(done), "failed": len(failed), "seconds": elapsed})
    for key, value in result.items():
        print(f"{key:16} {value:.3f}" if isinstance(value, float) else f"{key:16} {value}")
    if args.errors:
        _print_errors(items, done, args.errors)
    if args.corpus == "geovirus":
        same = _same_page(_pages())
    else:
        ids = _geonameids(args.split)
        same = _same_geonameid(ids[args.offset : args.offset + len(items)])
    print(f"{'same_entity_161':16} {_same_entity(items, done, same):.3f}")
    misses, alone = _misses(items, done)
    print(f"{'misses':16} {misses}\n{'misses_alone':16} {alone}")
    return 0


ALONE_KM = 250.0


def _misses(items: list[tuple[str, list[Gold]]], done: list[Document]) -> tuple[int, int]:
    """Matched toponyms not placed within 161 km, and how many of them have no other gold
    toponym of another name within ALONE_KM in their story."""
    misses = alone = 0
    for (_, golds), doc in zip(items, done, strict=True):
        points = [(g, normalise(g.name), g.lat, g.lon) for g in golds
                  if g.lat is not None and g.lon is not None]
        for g, name, lat, lon in points:
            p = next((p for p in doc.places if _overlaps(g, p)), None)
            if p is None:
                continue
            if p.lat is not None and p.lon is not None and (
                haversine_km(lat, lon, p.lat, p.lon) <= 161
            ):
                continue
            misses += 1
            alone += not any(other != name and haversine_km(lat, lon, olat, olon) <= ALONE_KM
                             for _, other, olat, olon in points)
    return misses, alone


SAME_ENTITY_KM = 1500.0


def _pages() -> dict[tuple[str, float, float], str]:
    """GeoVirus' Wikipedia page title of each gold toponym, by name and gold point."""
    raw = (EVAL / "geovirus" / "GeoVirus.xml").read_text("utf-8")
    pattern = re.compile(r"<name>(.*?)</name>\s*<start>\d+</start>\s*<end>\d+</end>\s*"
                         r"<lat>(.*?)</lat>\s*<lon>(.*?)</lon>\s*<page>(.*?)</page>", re.S)
    return {(html.unescape(m[1]), round(float(m[2]), 3), round(float(m[3]), 3)):
            unquote(m[4].rsplit("/", 1)[-1]).replace("_", " ") for m in pattern.finditer(raw)}


SameEntity = Callable[[int, Gold, PlaceMention], bool]


def _same_page(pages: dict[tuple[str, float, float], str]) -> SameEntity:
    """GeoVirus: the prediction bears the name of the gold's Wikipedia page."""
    def same(_: int, g: Gold, p: PlaceMention) -> bool:
        assert g.lat is not None and g.lon is not None
        title = pages.get((g.name, round(g.lat, 3), round(g.lon, 3)), "")
        title = normalise(title.split(",")[0].split("(")[0])
        name = normalise(p.name or "")
        return bool(title) and (title == name or name in title or title in name)
    return same


def _lgl_articles(split: str) -> list[str]:
    """LGL's raw <article> elements of one part of the locked split, in file order."""
    with gzip.open(EVAL / "lgl" / "LGL.xml.gz", "rt", encoding="utf-8") as fh:
        raw = fh.read()
    wanted = {item.id for item in select(load(EVAL / "lgl" / "LGL.xml.gz"), split).items}
    return [a for a in re.findall(r"<article .*?</article>", raw, re.S)
            if re.search(r'docid="([^"]*)"', a)[1] in wanted]  # type: ignore[index]


def _geonameids(split: str = "all") -> list[dict[int, int]]:
    """LGL: the gold GeoNames id of each toponym, by article and start offset."""
    pattern = re.compile(r"<start>(\d+)</start>\s*<end>\d+</end>\s*<phrase>.*?</phrase>\s*"
                         r'<gaztag geonameid="(\d+)"', re.S)
    return [{int(m[1]): int(m[2]) for m in pattern.finditer(article)}
            for article in _lgl_articles(split)]


def _urls(split: str) -> list[str | None]:
    """LGL: each article's <url> (the outlet's page), in the order of :func:`lgl`."""
    found = (re.search(r"<url>(.*?)</url>", a, re.S) for a in _lgl_articles(split))
    return [html.unescape(m[1]).strip() if m else None for m in found]


def _same_geonameid(ids: list[dict[int, int]]) -> SameEntity:
    """LGL: the prediction is the gold's own GeoNames entry."""
    def same(i: int, g: Gold, p: PlaceMention) -> bool:
        return p.geonameid is not None and ids[i].get(g.start) == p.geonameid
    return same


def _same_entity(items: list[tuple[str, list[Gold]]], done: list[Document],
                 same: SameEntity) -> float:
    """The share of resolved matches within 161 km, or on the gold's own entity placed
    elsewhere within 1,500 km: how much of the rest is point conventions (Wikipedia's point
    for China is 35N 103E, GeoNames' 35N 105E; LGL puts Virginia at Richmond)."""
    total = right = 0
    for i, ((_, golds), doc) in enumerate(zip(items, done, strict=True)):
        for g in golds:
            p = next((p for p in doc.places if _overlaps(g, p)), None)
            if p is None or p.lat is None or p.lon is None or g.lat is None or g.lon is None:
                continue
            total += 1
            km = haversine_km(g.lat, g.lon, p.lat, p.lon)
            if km <= 161:
                right += 1
            elif km <= SAME_ENTITY_KM:  # "Georgia" the country is not the U.S. state
                right += same(i, g, p)
    return right / total if total else 0.0


def _print_errors(items: list[tuple[str, list[Gold]]], done: list[Document], n: int) -> None:
    rows = []
    for (text, golds), doc in zip(items, done, strict=True):
        for g in golds:
            p = next((p for p in doc.places if _overlaps(g, p)), None)
            if p is None or g.lat is None or g.lat != g.lat or g.lon is None:
                continue
            err = (haversine_km(g.lat, g.lon, p.lat, p.lon) if p.lat is not None
                   and p.lon is not None else -1.0)
            if err < 0 or err > 161:
                rows.append((err, text[g.start : g.end], p.text, p.name, p.country, g.lat, g.lon))
    for row in sorted(rows, key=lambda r: -r[0])[:n]:
        print(row, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
