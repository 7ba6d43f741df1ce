"""Build the verb classes under ``src/eventwire/data/events/verb_classes/``.

Why a generated file: PETRARCH-2's verb dictionary (``CAMEO.2.0.txt``, Phoenix, MIT) files
some 1,900 English verbs into synsets and gives each synset patterns with CAMEO codes
("- * AID [070]", "- * (TO BORDER) [154]"). It was written long before eventwire's corpus,
so what it knows about a verb the corpus never shows ("strafe" is an assault) carries over to
news nobody tuned for. The learned event coder reads it as features, not verdicts: for each
verb, how many patterns give each CAMEO root. The dictionary's own syntax is for a pattern
matcher; ``verb_classes.csv`` is the compact, readable form:

* ``lemma``: the verb's base form, lower case;
* ``particle``: empty for the verb as a whole; a particle of a multi-word verb ("stir up")
  or the preposition a pattern puts right after the verb ("rush to"), for the patterns
  that have it;
* ``synsets``: the dictionary's verb blocks that list the verb ("ACCELERATE");
* ``default``: the code a verb gets when no pattern matches (the verb's own, else its
  block's; empty for "no event", the commonest case);
* ``patterns``: how many codes the row counts (patterns, and the verb's own code);
* ``roots``: CAMEO root and count, most frequent first (``19:5 18:2``; ``--`` is a
  pattern coded as no event);
* ``codes``: the five commonest full codes, the same way.

``verb_objects.csv.gz`` (``lemma,word,roots``) gives, per verb and word a pattern puts
after it (its object, or the noun of a prepositional phrase: "freeze" and "asset"), the
roots of those patterns: PETRARCH's own disambiguation of a verb by what it acts on.

Run from the repository root: ``python scripts/build_verb_classes.py [CAMEO_VERBS_FILE]``;
the default is ``../shared/reference/phoenix/CAMEO.2.0.txt`` relative to the repository.
The same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.events.petrarch_read import _clean_lines, _phrase, _verb_word

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_IN = ROOT.parent / "shared" / "reference" / "phoenix" / "CAMEO.2.0.txt"
OUT = ROOT / "src" / "eventwire" / "data" / "events" / "verb_classes"
_CODE = re.compile(r"\[([^\]]*)\]")
_NUMERIC = re.compile(r"^\d{2,4}$")
#: Words right after the verb that make a verb-particle or verb-preposition pair.
PARTICLES = frozenset({"to", "with", "against", "into", "on", "for", "from", "at", "over",
                       "out", "up", "down", "off", "in", "of", "by", "back", "away", "about",
                       "through", "across", "behind", "upon", "toward", "towards", "onto"})


@dataclass
class Block:
    """One verb block: its name, own code, verbs (lemma, particle) and pattern codes."""

    name: str
    code: str | None
    verbs: list[tuple[str, str, str | None]] = field(default_factory=list)
    patterns: list[tuple[str, str]] = field(default_factory=list)  # (particle, code)
    objects: list[tuple[str, str]] = field(default_factory=list)  # (word after *, code)


def _codes(raw: str | None) -> list[str]:
    """The CAMEO codes of a ``[...]`` field: "042:043" gives both, "---" gives "--"."""
    if raw is None:
        return []
    raw = raw.strip()
    if raw.startswith("---") or raw == "":
        return ["--"]
    return [c for c in (p.strip() for p in raw.split(":")) if _NUMERIC.match(c)]


def _pattern_particle(body: str) -> str:
    """The particle or preposition right after the verb's ``*``, if any."""
    words = body.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    words = words.replace("_", " ").lower().split()
    if "*" not in words:
        return ""
    i = words.index("*")
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return nxt if nxt in PARTICLES else ""


_SKIP = PARTICLES | {"the", "a", "an", "and", "or", "its", "their", "his", "her", "own"}


def _after_verb(body: str, synsets: dict[str, list[str]]) -> list[str]:
    """The content words a pattern puts after the verb's ``*`` (its object, the noun of its
    prepositional phrase), a synset ``&FOOD`` standing for each of its members."""
    for mark in "(){}_":
        body = body.replace(mark, " ")
    words = body.lower().split()
    if "*" not in words:
        return []
    out: list[str] = []
    for word in words[words.index("*") + 1:]:
        if word.startswith("&"):
            out.extend(synsets.get(word[1:].rstrip("_").upper(), []))
        elif word.isalpha() and word not in _SKIP:
            out.append(word)
    return out


def read_blocks(path: Path) -> list[Block]:
    """Every verb block of a PETRARCH verbs file, with its verbs and pattern codes."""
    blocks: list[Block] = []
    synsets: dict[str, list[str]] = {}
    in_synset = False
    for line in _clean_lines(path.read_text("utf-8", errors="replace")):
        text = line.strip()
        if not text:
            in_synset = False
            continue
        if text.startswith("---"):
            m = _CODE.search(text)
            blocks.append(Block(text.strip("- ").split("[")[0].strip(),
                                m.group(1) if m else None))
            in_synset = False
        elif text.startswith("&"):
            in_synset = True
            synset = text.split()[0][1:].rstrip("_").upper()
            synsets.setdefault(synset, [])
        elif text.startswith("+") and in_synset:
            words = _phrase(text[1:])
            if words and words[-1].isalpha():
                synsets[synset].append(words[-1].lower())
        elif not blocks:
            continue
        elif text.startswith("-"):
            m = _CODE.search(text)
            body = _CODE.sub(" ", text[1:])
            particle = _pattern_particle(body)
            for code in _codes(m.group(1) if m else blocks[-1].code):
                blocks[-1].patterns.append((particle, code))
                blocks[-1].objects += [(w, code) for w in _after_verb(body, synsets)]
        else:
            m = _CODE.search(text)
            words = _phrase(re.sub(r"\{[^}]*\}", " ", _CODE.sub(" ", text)).lstrip("+"))
            if not words:
                continue
            base = [w.lstrip("+").lower() for w in words[_verb_word(words):]]
            own = m.group(1) if m else None
            blocks[-1].verbs.append((base[0], " ".join(base[1:]), own))
    return blocks


def verb_rows(blocks: list[Block]) -> list[list[str]]:
    """One row per (lemma, particle): the roots and codes of every pattern that applies."""
    codes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    synsets: dict[tuple[str, str], set[str]] = defaultdict(set)
    defaults: dict[tuple[str, str], set[str]] = defaultdict(set)
    for block in blocks:
        for lemma, particle, own in block.verbs:
            keys = [(lemma, "")] + ([(lemma, particle)] if particle else [])
            found = _codes(own) + [c for p, c in block.patterns if not particle or p == ""]
            default = [c for c in _codes(own or block.code) if c != "--"]
            for key in keys:
                codes[key].update(found)
                synsets[key].add(block.name)
                defaults[key].update(default)
            if particle:
                continue
            for p, c in block.patterns:
                if p:
                    codes[(lemma, p)][c] += 1
                    synsets[(lemma, p)].add(block.name)
    rows = []
    for key in sorted(codes):
        count = codes[key]
        if not count and not defaults[key]:
            continue
        roots: Counter[str] = Counter()
        for code, n in count.items():
            roots[code[:2]] += n
        rows.append([key[0], key[1], "|".join(sorted(synsets[key])),
                     " ".join(sorted(defaults[key])), str(sum(count.values())),
                     _ranked(roots, 20), _ranked(count, 5)])
    return rows


def object_rows(blocks: list[Block]) -> list[list[str]]:
    """One row per (verb, word its patterns put after it): the roots those patterns give."""
    roots: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for block in blocks:
        for lemma, particle, _own in block.verbs:
            if particle:
                continue
            for word, code in block.objects:
                roots[(lemma, word)][code[:2]] += 1
    return [[lemma, word, _ranked(count, 20)] for (lemma, word), count in sorted(roots.items())]


def _ranked(counts: Counter[str], top: int) -> str:
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return " ".join(f"{k}:{n}" for k, n in items)


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    if path.suffix == ".gz":  # no time stamp in the header: the same input, the same bytes
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)


def write(rows: list[list[str]], objects: list[list[str]], out: Path, source: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "verb_classes.csv"
    _write_csv(path, ["lemma", "particle", "synsets", "default", "patterns", "roots", "codes"],
               rows)
    _write_csv(out / "verb_objects.csv.gz", ["lemma", "word", "roots"], objects)
    licence = source.parent / "LICENSE"
    if licence.exists():
        shutil.copyfile(licence, out / "LICENSE-phoenix")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("verbs", type=Path, nargs="?", default=DEFAULT_IN)
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args()
    blocks = read_blocks(args.verbs)
    rows, objects = verb_rows(blocks), object_rows(blocks)
    path = write(rows, objects, args.out, args.verbs)
    lemmas = {r[0] for r in rows}
    print(f"{path}: {len(rows)} rows, {len(lemmas)} verbs; {len(objects)} verb-word rows")


if __name__ == "__main__":
    main()
