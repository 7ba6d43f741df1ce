"""Refit the resolver's score weights on GeoVirus and LGL, and cross-validate them.

The resolver scores each gazetteer entry of a toponym as a sum of named terms (population
prior, qualifier, story country and state, home region, nearness, cues:
``Resolver.terms``). This script collects, for every ambiguous toponym with a gold point
and at least one entry within 161 km of it, the terms of each entry, then fits one factor
per term by conditional logit (softmax over the toponym's entries, L2 towards the shipped
weights), and reports how often the best-scored entry lies within 161 km of the gold:

- with the shipped weights;
- with weights fitted on one half of a corpus's documents, tested on the other half;
- with weights fitted on one corpus, tested on the other.

If the refitted weights do no better on held-out documents, the hand-set weights are
not what limits accuracy: the remaining errors need information the terms do not carry.

``--write FILE`` fits the factors on the ``dev`` part of both corpora (the locked split
of ``eventwire eval --split``: the ``check`` part stays unseen) and writes them as the
``term_factors`` of a copy of the shipped ``data/places/weights.yaml``; give that file's
own path to replace the shipped factors, then measure with ``eventwire eval geo PATH
--split check``.

    python bench/geo_weights.py [--limit N]
    python bench/geo_weights.py --write src/eventwire/data/places/weights.yaml
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import geo_check  # the corpora's loaders; bench/ is on the path when run as a script
import numpy as np
from numpy.typing import NDArray

from eventwire.api import load_pipeline, make_config
from eventwire.config import load_yaml
from eventwire.model import Document
from eventwire.places.gazetteer import DATA
from eventwire.places.resolve import haversine_km
from eventwire.places.stages import PlacesStage
from eventwire.places.weights import TERMS, WEIGHTS_FILE, factors_yaml, read_weights

ACCURATE_KM = 161.0


@dataclass
class Choice:
    """One ambiguous toponym: its entries' terms and which entries are right."""

    doc: int
    terms: NDArray[np.float64]  # entries x terms
    right: NDArray[np.float64]  # 1.0 for entries within 161 km of the gold


def collect(corpus: str, limit: int, split: str = "all") -> tuple[list[str], list[Choice]]:
    items = list(geo_check.geovirus(split) if corpus == "geovirus" else geo_check.lgl(split))
    if limit:
        items = items[:limit]
    pipe = load_pipeline(make_config(overrides=["pipeline=[parse]"]))
    stage = PlacesStage({}, pipe.config)
    names: list[str] = []
    rows: list[tuple[int, list[dict[str, float]], list[bool]]] = []
    docs = [Document(doc_id=str(i), source=corpus, text=t) for i, (t, _) in enumerate(items)]
    for i, ((_, golds), doc) in enumerate(zip(items, pipe.pipe(docs), strict=True)):
        found = stage.analyse(doc)
        for cand, qualifier in zip(found.candidates, found.qualifiers, strict=True):
            gold = next((g for g in golds if g.start < cand.end and cand.start < g.end
                         and g.lat is not None and g.lon is not None), None)
            senses = stage.resolver.senses(cand, found.context)
            if gold is None or len(senses) < 2:
                continue
            assert gold.lat is not None and gold.lon is not None
            right = [haversine_km(gold.lat, gold.lon, p.lat, p.lon) <= ACCURATE_KM
                     for p in senses]
            if not any(right):
                continue
            sentence = cand.root.sent.text
            terms = [stage.resolver.terms(p, cand, found.context, qualifier, sentence)
                     for p in senses]
            names += [k for t in terms for k in t if k not in names]
            rows.append((i, terms, right))
    return names, [Choice(i, np.array([[t.get(k, 0.0) for k in names] for t in terms]),
                          np.array(right, dtype=float)) for i, terms, right in rows]


def accuracy(w: NDArray[np.float64], choices: Iterable[Choice]) -> float:
    hits = [c.right[int(np.argmax(c.terms @ w))] for c in choices]
    return float(np.mean(hits)) if hits else 0.0


def fit(choices: list[Choice], size: int, steps: int = 300, rate: float = 0.05,
        l2: float = 0.01) -> NDArray[np.float64]:
    """Term factors by gradient descent on the conditional log-likelihood."""
    start = np.ones(size)
    w = start.copy()
    for _ in range(steps):
        grad = np.zeros(size)
        for c in choices:
            s = c.terms @ w
            p = np.exp(s - s.max())
            grad += c.terms.T @ (p / p.sum() - c.right / c.right.sum())
        w -= rate * (grad / len(choices) + l2 * (w - start))
    return w


def _padded(names: list[str], all_names: list[str], choices: list[Choice]) -> list[Choice]:
    """The choices with their term columns in the order of ``all_names``."""
    index = [names.index(n) if n in names else -1 for n in all_names]
    out = []
    for c in choices:
        cols = [c.terms[:, j] if j >= 0 else np.zeros(len(c.right)) for j in index]
        out.append(Choice(c.doc, np.stack(cols, axis=1), c.right))
    return out


def write_factors(path: Path, names: list[str], w: NDArray[np.float64]) -> None:
    """The shipped weights with these term factors (terms never seen keep theirs)."""
    text = (DATA / WEIGHTS_FILE).read_text("utf-8")
    shipped = read_weights(load_yaml(text), WEIGHTS_FILE)
    factors = dict(shipped.term_factors)
    factors.update({n: float(f) for n, f in zip(names, w, strict=True) if n in TERMS})
    head = text[: text.index("term_factors:")]
    new = head + factors_yaml(factors)
    read_weights(load_yaml(new), str(path))  # what is written must load
    path.write_text(new, "utf-8")
    print(f"wrote {path}: " + ", ".join(f"{n} {factors[n]:.2f}" for n in TERMS))


def _write(path: Path, limit: int) -> int:
    collected = {c: collect(c, limit, "dev") for c in ("geovirus", "lgl")}
    names = sorted({n for ns, _ in collected.values() for n in ns})
    choices = [c for corpus, (ns, ch) in collected.items() for c in _padded(ns, names, ch)]
    w = fit(choices, len(names))
    shipped = accuracy(np.ones(len(names)), choices)
    print(f"dev part: {len(choices)} ambiguous toponyms; shipped {shipped:.4f}, "
          f"fitted {accuracy(w, choices):.4f}")
    write_factors(path, names, w)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="documents per corpus (0: all)")
    ap.add_argument("--write", type=Path, default=None, metavar="FILE",
                    help="fit on the dev part of both corpora and write a weights file")
    args = ap.parse_args(argv)
    if args.write is not None:
        return _write(args.write, args.limit)
    collected = {c: collect(c, args.limit) for c in ("geovirus", "lgl")}
    names = sorted({n for ns, _ in collected.values() for n in ns})
    sets = {c: _padded(ns, names, ch) for c, (ns, ch) in collected.items()}
    shipped = np.ones(len(names))
    for corpus, choices in sets.items():
        print(f"{corpus}: {len(choices)} ambiguous toponyms; shipped weights "
              f"{accuracy(shipped, choices):.4f}")
        for half in (0, 1):
            train = [c for c in choices if c.doc % 2 != half]
            test = [c for c in choices if c.doc % 2 == half]
            w = fit(train, len(names))
            print(f"  half {half}: shipped {accuracy(shipped, test):.4f}, "
                  f"refitted on the other half {accuracy(w, test):.4f}")
    for train_on, test_on in (("lgl", "geovirus"), ("geovirus", "lgl")):
        w = fit(sets[train_on], len(names))
        print(f"refitted on {train_on}, tested on {test_on}: shipped "
              f"{accuracy(shipped, sets[test_on]):.4f}, refitted {accuracy(w, sets[test_on]):.4f}")
        print("  factors: " + ", ".join(f"{n} {f:.2f}" for n, f in zip(names, w, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
