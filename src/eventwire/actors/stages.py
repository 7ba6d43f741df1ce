"""The ``actors`` stage: CAMEO actor mentions from the parse (fills ``doc.actors``).

The lexicon (built-in data plus the configuration's dictionaries) is built once per
process and shared by every pipeline with the same dictionaries; the phrase matcher is
built once per spaCy vocabulary.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from spacy.attrs import IS_ALPHA, IS_ASCII, IS_LOWER, IS_STOP, LOWER
from spacy.strings import get_string_id

from eventwire.actors.dictionaries import apply_dictionaries
from eventwire.actors.kb import load_kb
from eventwire.actors.lexicon import ActorLexicon, load_builtin
from eventwire.actors.matching import KbFinder, load_rules, load_table
from eventwire.actors.names import NameFinder
from eventwire.actors.recognize import Recognizer
from eventwire.config import Config
from eventwire.model import Document
from eventwire.pipeline import register_stage
from eventwire.settings import AtLeast, from_mapping

NAME = "actors"

#: Distinct function words of another language that a text must show, besides having
#: more of them than English ones, before it is read as not English.
MIN_FOREIGN_WORDS = 3


@dataclass(frozen=True)
class ActorSettings:
    """``stages.actors``: below this share of words in Latin letters a text gets no actors."""

    min_latin_share: Annotated[float, AtLeast(0)] = 0.5


@lru_cache(maxsize=8)
def lexicon_for(dictionaries: tuple[str, ...]) -> ActorLexicon:
    """The built-in lexicon with the given dictionaries applied, in order."""
    return apply_dictionaries(load_builtin(), dictionaries)


@lru_cache(maxsize=8)
def kb_finder_for(dictionaries: tuple[str, ...]) -> KbFinder:
    """The knowledge base of named actors as a lookup table (once per process)."""
    kb, rules = load_kb(), load_rules()
    return KbFinder(kb, lexicon_for(dictionaries), rules, load_table(kb, rules))


@lru_cache(maxsize=1)
def _foreign_stop_words() -> frozenset[str]:
    """Function words of the main other languages of news that are not English words."""
    words: set[str] = set()
    for lang in ("de", "fr", "es", "it", "pt", "nl"):
        words |= {w.lower() for w in _stop_words(lang)}
    return frozenset(words - {w.lower() for w in _stop_words("en")})


@lru_cache(maxsize=1)
def _foreign_stop_hashes() -> frozenset[int]:
    """:func:`_foreign_stop_words` as spaCy's string hashes, as ``Doc.to_array`` gives them."""
    return frozenset(get_string_id(w) for w in _foreign_stop_words())


def _stop_words(lang: str) -> set[str]:
    """spaCy's stop-word list of one language, read from its own module file.

    Why not ``import spacy.lang.fr.stop_words``: that runs the language package first,
    whose tokenizer exceptions compile for seconds at every start; the stop-word module
    is self-contained, so it is executed alone.
    """
    import spacy.lang

    path = Path(spacy.lang.__file__).parent / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_eventwire_stop_words_{lang}", path)
    if spec is None or spec.loader is None:
        return set()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(getattr(module, "STOP_WORDS", set()))


def looks_english(sdoc: Any, min_latin: float) -> bool:
    """Whether a text is English: mostly Latin letters, and more English function words
    than those of other European languages. Other languages get no actors, because
    English lexicon words inside them ("Iran", "police") are not evidence."""
    # One array of the first 400 tokens' flags and lower-case forms: no Token objects.
    rows = sdoc.to_array([IS_ALPHA, IS_ASCII, IS_STOP, LOWER, IS_LOWER])[:400]
    words = rows[rows[:, 0] == 1]
    if not len(words):
        return True
    latin = int(words[:, 1].sum()) / len(words)
    if latin < min_latin:
        return False
    foreign = _foreign_stop_hashes()
    english = int(words[:, 2].sum())
    # Only words in lower case: a function word is written so inside a sentence, while
    # a capitalised one is a name or a title in English ("Premier Li", "Le Monde").
    theirs = [h for h, lower in words[:, [3, 4]].tolist() if lower and h in foreign]
    # A headline has few function words, and English ones may be absent while an English
    # word is a function word elsewhere ("met" in Dutch, "premier" in French): another
    # language shows itself in several distinct function words.
    return len(theirs) <= english or len(set(theirs)) < MIN_FOREIGN_WORDS


class ActorStage:
    """Find and code the actor phrases of a parsed document."""

    name = NAME

    def __init__(self, settings: ActorSettings | Mapping[str, Any], config: Config) -> None:
        specs = tuple(str(d) for d in config.get("dictionaries") or [])
        self.lexicon = lexicon_for(specs)
        self.kb = kb_finder_for(specs)
        self.settings = from_mapping(ActorSettings, settings, f"stages.{NAME}")
        self.min_latin = self.settings.min_latin_share
        self._finders: dict[int, NameFinder] = {}

    def finder(self, vocab: Any) -> NameFinder:
        key = id(vocab)
        if key not in self._finders:
            self._finders[key] = NameFinder(self.lexicon, vocab)
        return self._finders[key]

    def __call__(self, doc: Document) -> Document:
        sdoc = doc.spacy
        if sdoc is None or not looks_english(sdoc, self.min_latin):
            doc.actors = []
            return doc
        date = doc.date or doc.dct
        rec = Recognizer(self.lexicon, self.finder(sdoc.vocab), sdoc, date, self.kb)
        doc.actors = [found.mention(sdoc) for found in rec.run()]
        return doc


@register_stage(NAME, requires=["doc.spacy"], assigns=["doc.actors"], settings=ActorSettings)
def make(settings: ActorSettings, config: Config) -> ActorStage:
    return ActorStage(settings, config)
