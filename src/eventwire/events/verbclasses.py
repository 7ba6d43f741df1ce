"""Verb classes from PETRARCH-2's verb dictionary, as features of the learned event coder.

Why: the corpus shows the model a few hundred trigger verbs, and ``en_core_web_sm``'s
``doc.tensor`` carries little of a word's meaning, so a verb the corpus never shows
("strafed") gets "no event" or a wrong root. PETRARCH-2's verb dictionary (Phoenix, MIT)
files some 1,600 verbs under CAMEO codes and was written long before and apart from the
corpus. ``data/events/verb_classes/verb_classes.csv`` (built by
``scripts/build_verb_classes.py``) gives, per verb and per verb with a particle or
preposition, how many of its patterns give each CAMEO root. The coder gets these as
features, never as verdicts: the model learns how far to trust them.

An event noun ("expulsion") gets the classes of the verb it derives from when a suffix rule
of ``data/events/noun_verbs.csv`` leads to a verb of the table ("-ulsion" -> "-el").
Every look-up is a dict look-up per token.
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from eventwire.events.loading import collector_paused
from eventwire.events.tree import KidsOf, own_children

__all__ = ["VerbClasses", "builtin_verb_classes", "verb_class_features", "noun_suffixes"]

#: A root whose share of a verb's patterns reaches this is a strong reading of the verb;
#: one below ``WEAK_SHARE`` is left out (a generic verb's stray patterns are noise).
STRONG_SHARE = 0.3
WEAK_SHARE = 0.08


def _parse_counts(text: str) -> list[tuple[str, int]]:
    """``"19:5 11:2"`` -> ``[("19", 5), ("11", 2)]``."""
    out = []
    for item in text.split():
        key, _, n = item.rpartition(":")
        out.append((key, int(n)))
    return out


def _class_features(default: str, roots: list[tuple[str, int]]) -> tuple[str, ...]:
    """The features of one table row, without their prefix: in the table, the default
    root, the majority root, and every root with whether it is a strong reading."""
    feats = ["in"] + [f"def:{code[:2]}" for code in default.split()]
    total = sum(n for _, n in roots)
    if roots:
        feats.append(f"top:{roots[0][0]}")
    for root, n in roots:
        if n / total >= WEAK_SHARE:
            feats.append(f"r:{root}:{'hi' if n / total >= STRONG_SHARE else 'lo'}")
    return tuple(feats)


@dataclass
class VerbClasses:
    """Feature tuples by (lemma, particle), and the noun suffix rules."""

    rows: dict[tuple[str, str], tuple[str, ...]]
    suffixes: list[tuple[str, str]]
    objects: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    _nouns: dict[str, str | None] = field(default_factory=dict)

    def verb_of_noun(self, lemma: str) -> str | None:
        """The verb of the table a noun derives from: itself, or by the first suffix rule
        that gives a known verb (memoised per lemma)."""
        if lemma in self._nouns:
            return self._nouns[lemma]
        found = lemma if (lemma, "") in self.rows else None
        for suffix, repl in self.suffixes if found is None else ():
            if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
                verb = lemma[: len(lemma) - len(suffix)] + repl
                if (verb, "") in self.rows:
                    found = verb
                    break
        self._nouns[lemma] = found
        return found


def _columns(text: str, *names: str) -> list[list[str]]:
    """The named columns of a CSV text, each as a list of values, read by the C reader in
    one pass (a dict per row cost most of the time the 90,000 rows of
    ``verb_objects.csv`` took to read)."""
    rows = [row for row in csv.reader(io.StringIO(text)) if row]
    if not rows:
        return [[] for _ in names]
    at = [rows[0].index(name) for name in names]
    return [[row[i] for row in rows[1:]] for i in at]


def parse_verb_classes(table: str, suffixes: str, objects: str = "") -> VerbClasses:
    """Read ``verb_classes.csv``, ``noun_verbs.csv`` and ``verb_objects.csv`` from their
    text."""
    lemmas, particles, defaults, counts = _columns(table, "lemma", "particle", "default",
                                                   "roots")
    rows = {(lemma, particle): _class_features(default, _parse_counts(roots))
            for lemma, particle, default, roots in zip(lemmas, particles, defaults, counts,
                                                       strict=True)}
    rules = list(zip(*_columns(suffixes, "suffix", "replacement"), strict=True))
    verbs, words, roots = _columns(objects, "lemma", "word", "roots") if objects \
        else ([], [], [])
    # many rows share their roots: one tuple each
    by_roots = {r: _class_features("", _parse_counts(r)) for r in set(roots)}
    pairs = dict(zip(zip(verbs, words, strict=True), map(by_roots.__getitem__, roots),
                     strict=True))
    return VerbClasses(rows, rules, pairs)


@lru_cache(maxsize=1)
def noun_suffixes() -> tuple[tuple[str, str], ...]:
    """The suffix rules of ``noun_verbs.csv`` alone ("ulsion" -> "el"), for readers that
    need no verb table (the rules coder's ordered acts): the table costs memory and a read
    per worker."""
    text = resources.files("eventwire.data.events").joinpath("noun_verbs.csv").read_text("utf-8")
    return tuple(zip(*_columns(text, "suffix", "replacement"), strict=True))


_BUILTIN: VerbClasses | None = None


def builtin_verb_classes() -> VerbClasses:
    """The verb classes shipped with eventwire (read once per process)."""
    global _BUILTIN
    if _BUILTIN is None:
        data = resources.files("eventwire.data.events")
        table = data.joinpath("verb_classes").joinpath("verb_classes.csv").read_text("utf-8")
        packed = data.joinpath("verb_classes").joinpath("verb_objects.csv.gz").read_bytes()
        with collector_paused():
            _BUILTIN = parse_verb_classes(table,
                                          data.joinpath("noun_verbs.csv").read_text("utf-8"),
                                          gzip.decompress(packed).decode("utf-8"))
    return _BUILTIN


def _prefixed(prefix: str, feats: tuple[str, ...]) -> list[str]:
    return list(_prefixed_once(prefix, feats))


@lru_cache(maxsize=8192)
def _prefixed_once(prefix: str, feats: tuple[str, ...]) -> tuple[str, ...]:
    """The prefixed features of a table row, built once per row: the same strings every
    time, so the model's look-ups reuse their hashes."""
    return tuple(f"{prefix}:{f}" for f in feats)


_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "dative", "oprd", "pobj"})


def _objects(tok: Token, kids: KidsOf = own_children) -> list[Token]:
    """What the candidate acts on: its objects, and the nouns of its prepositions."""
    out = []
    for kid in kids(tok):
        if kid.dep_ in _OBJECT_DEPS:
            out.append(kid)
        elif kid.dep_ in {"prep", "agent"}:
            out.extend(k for k in kids(kid) if k.dep_ == "pobj")
    return out


def _object_features(vc: VerbClasses, verb: str, tok: Token,
                     kids: KidsOf = own_children) -> list[str]:
    """``vco:`` the roots PETRARCH's patterns give the verb with its object's word."""
    feats: list[str] = []
    for obj in _objects(tok, kids):
        for word in (obj.lemma_.lower(), obj.lower_):
            found = vc.objects.get((verb, word))
            if found is not None:
                feats += _prefixed("vco", found)
                break
    return feats


def verb_class_features(tok: Token, classes: VerbClasses | None = None,
                        kids: KidsOf = own_children) -> list[str]:
    """The verb-class features of a candidate trigger: ``vc:`` its verb (a noun's verb
    under ``vcn:``), ``vcp:`` its verb with a particle or the preposition it governs,
    ``vco:`` its verb with what it acts on (``kids``: how a token's children are read,
    see :mod:`eventwire.events.tree`)."""
    vc = builtin_verb_classes() if classes is None else classes
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN":
        verb = vc.verb_of_noun(lemma)
        if verb is None:
            return ["vcn:out"]
        feats = _prefixed("vcn", vc.rows[(verb, "")])
        feats += _object_features(vc, verb, tok, kids)
        return feats + (["vcn:derived"] if verb != lemma else [])
    own = vc.rows.get((lemma, ""))
    if own is None:
        return ["vc:out"]
    feats = _prefixed("vc", own) + _object_features(vc, lemma, tok, kids)
    for kid in kids(tok):
        if kid.dep_ in {"prt", "prep"}:
            pair = vc.rows.get((lemma, kid.lower_))
            if pair is not None:
                return feats + _prefixed("vcp", pair)
    return feats
