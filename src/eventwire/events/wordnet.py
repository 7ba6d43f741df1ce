"""WordNet 3.0 classes of a word, as features of the learned event coder.

Why: the corpus shows the model a few hundred trigger words, and ``en_core_web_sm``'s
``doc.tensor`` carries little of a word's meaning, so a word the corpus never shows gets "no
event" or a wrong root. WordNet files every verb and noun by meaning: "strafe" is a kind of
"attack" (a hypernym), in the lexicographer file ``verb.competition``; "expulsion" is a
``noun.act`` derivationally related to "expel". The tables under ``data/events/wordnet/``
(built by ``scripts/build_wordnet_classes.py`` from the WordNet database; nothing of WordNet
is needed at run time) give each candidate, as features the model weighs:

* ``wn:lex1:`` / ``wn:lex:`` the lexicographer file of a verb's first sense / first senses;
* ``wn:h:`` each of those senses' synsets and their hypernyms, ``HYPERNYM_LEVELS`` up;
* ``wn:nlex1:`` / ``wn:nlex:`` a noun's lexicographer files, and the ``wn:lex:`` and
  ``wn:h:`` features of the verbs it is derivationally related to, so that an event noun
  shares what the model learned about its verb.

Features are memoised per lemma: one dict look-up per token. (Two more uses were tried on
the train split's folds and gave no gain: every noun whose first sense is an act, event or
communication derived from a verb as a candidate, and the lexicographer file of what the
candidate acts on; see docs/model-card-events.md.)
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from spacy.tokens import Token

from eventwire.errors import Errors
from eventwire.events.loading import collector_paused

__all__ = ["WordNet", "builtin_wordnet", "load_wordnet", "wordnet_features"]

#: Hypernym levels above a sense's own synset that become features.
HYPERNYM_LEVELS = 3
#: Derivationally related verbs of a noun whose features the noun gets.
DERIVED_VERBS = 2
_FOLDER = "data/events/wordnet"
_FILES = ("verb_synsets.csv.gz", "verbs.csv.gz", "nouns.csv.gz")


@dataclass
class WordNet:
    """The shipped tables, their space-separated fields split only when a word is looked up
    (most of the 57,000 nouns never are; reading stays well under a second)."""

    synsets: dict[str, tuple[str, str]]  # name -> (lexname, hypernyms)
    verbs: dict[str, str]  # lemma -> synset names, commonest sense first
    nouns: dict[str, tuple[str, str]]  # lemma -> (lexnames by sense, derived verb synsets)
    _memo: dict[tuple[str, bool], tuple[str, ...]] = field(default_factory=dict)

    def chain(self, synset: str) -> list[str]:
        """The synset and its hypernyms, ``HYPERNYM_LEVELS`` levels up, nearest first."""
        out, level = [synset], [synset]
        for _ in range(HYPERNYM_LEVELS):
            level = [h for s in level for h in self.synsets[s][1].split()]
            out += [h for h in level if h not in out]
        return out

    def _synset_features(self, synsets: list[str]) -> list[str]:
        feats: list[str] = []
        for synset in synsets:
            feats.append(f"wn:lex:{self.synsets[synset][0]}")
            feats += [f"wn:h:{s}" for s in self.chain(synset)]
        return list(dict.fromkeys(feats))

    def verb_features(self, lemma: str) -> tuple[str, ...]:
        """``wn:`` features of a verb lemma (memoised)."""
        key = (lemma, True)
        if key not in self._memo:
            senses = self.verbs.get(lemma, "").split()
            if not senses:
                self._memo[key] = ("wn:out",)
            else:
                first = f"wn:lex1:{self.synsets[senses[0]][0]}"
                self._memo[key] = (first, *self._synset_features(senses))
        return self._memo[key]

    def noun_features(self, lemma: str) -> tuple[str, ...]:
        """``wn:`` features of a noun lemma and of the verbs it derives from (memoised)."""
        key = (lemma, False)
        if key not in self._memo:
            entry = self.nouns.get(lemma)
            if entry is None:
                self._memo[key] = ("wn:nout",)
            else:
                lexnames, verbs = entry[0].split(), entry[1].split()
                feats = [f"wn:nlex1:{lexnames[0]}"]
                feats += [f"wn:nlex:{name}" for name in dict.fromkeys(lexnames)]
                if verbs:
                    feats += ["wn:dv", *self._synset_features(verbs[:DERIVED_VERBS])]
                self._memo[key] = tuple(feats)
        return self._memo[key]


_READ_ERRORS = (OSError, EOFError, UnicodeDecodeError, KeyError, ValueError, csv.Error)


def _table(folder: Traversable | Path, name: str, shown: str,
           columns: tuple[str, ...]) -> list[list[str]]:
    """The rows of one gzipped table as tuples of ``columns``; a missing or damaged table
    raises E229 naming it."""
    try:
        text = gzip.decompress(folder.joinpath(name).read_bytes()).decode("utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        if not rows or tuple(rows[0]) != columns:
            raise ValueError(f"the header is not {','.join(columns)}")
        if set(map(len, rows)) != {len(columns)}:
            raise ValueError(f"a row has not {len(columns)} fields")
        return rows[1:]
    except _READ_ERRORS as exc:
        raise Errors.E229.error(file=f"{shown}/{name}", reason=exc, stage="events") from exc


def _checked(fields: list[str], known: dict[str, tuple[str, str]], file: str) -> None:
    """A row without senses, or naming a synset the synset table lacks, is a damaged
    table, not a silent gap."""
    unknown = sorted(set(" ".join(fields).split()) - known.keys())
    if unknown or any(not f.strip() for f in fields):
        raise Errors.E229.error(file=file, stage="events",
                                reason=f"a row without senses, or unknown synsets {unknown[:3]}")


def load_wordnet(folder: Traversable | Path, shown: str = _FOLDER) -> WordNet:
    """Read the three tables of ``folder`` (``shown``: the folder as messages name it)."""
    synsets = {name: (lexname, hyper) for name, lexname, hyper
               in _table(folder, _FILES[0], shown, ("synset", "lexname", "hypernyms"))}
    verbs = dict(_table(folder, _FILES[1], shown, ("lemma", "synsets")))
    nouns = {lemma: (lexnames, derived) for lemma, lexnames, derived
             in _table(folder, _FILES[2], shown, ("lemma", "lexnames", "verbs"))}
    _checked(list(verbs.values()) + [h for _, h in synsets.values() if h], synsets,
             f"{shown}/{_FILES[1]}")
    _checked([d for _, d in nouns.values() if d], synsets, f"{shown}/{_FILES[2]}")
    if not all(map(str.strip, (lexnames for lexnames, _ in nouns.values()))):
        raise Errors.E229.error(file=f"{shown}/{_FILES[2]}", stage="events",
                                reason="a noun without a lexicographer file")
    return WordNet(synsets, verbs, nouns)


_BUILTIN: WordNet | None = None


def builtin_wordnet() -> WordNet:
    """The WordNet tables shipped with eventwire (read once per process)."""
    global _BUILTIN
    if _BUILTIN is None:
        with collector_paused():
            _BUILTIN = load_wordnet(resources.files("eventwire").joinpath(_FOLDER))
    return _BUILTIN


def wordnet_features(tok: Token, wordnet: WordNet | None = None) -> tuple[str, ...]:
    """The ``wn:`` features of a candidate trigger: a noun's by :meth:`WordNet.noun_features`,
    anything else's as a verb."""
    wn = builtin_wordnet() if wordnet is None else wordnet
    lemma = tok.lemma_.lower()
    return wn.noun_features(lemma) if tok.pos_ == "NOUN" else wn.verb_features(lemma)
