"""A word's lemma, and the lemmas its form suggests when the tagger's is wrong.

Why apart: the lexicon lookup and the mood checks both read a verb by its lemma, and
spaCy's lemmatizer now and then gets a frequent verb wrong ("hopes" -> "hop", "staged"
-> "stag"); both ask the same guesses of the word form.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

__all__ = ["lemma_keys"]


def lemma_keys(tok: Token) -> list[str]:
    """The lemma, then guesses from the word form: the tagger's lemma is sometimes wrong
    ("staged" -> "stag"), and a missed trigger is a missed event."""
    return list(_keys(tok.lemma_.lower(), tok.lower_))


@lru_cache(maxsize=16384)
def _keys(lemma: str, word: str) -> tuple[str, ...]:
    """:func:`lemma_keys` of a lemma and word form, worked out once per pair: every verb
    and noun of every sentence is looked up, most of them many times over a corpus."""
    keys = [lemma]
    if word.endswith("ied"):
        keys.append(word[:-3] + "y")
    elif word.endswith("ed"):
        keys += [word[:-1], word[:-2]] + _undoubled(word[:-2])  # "staged", "walked", "stopped"
    elif word.endswith("ing"):
        keys += [word[:-3] + "e", word[:-3]] + _undoubled(word[:-3])  # "shipping", not "war"
    elif word.endswith("ies"):
        keys.append(word[:-3] + "y")
    elif word.endswith("s"):
        keys += [word[:-1], word[:-2]]
    keys.append(word)
    return tuple(dict.fromkeys(k for k in keys if k))


def _undoubled(stem: str) -> list[str]:
    """A stem that ends in a doubled consonant, undoubled ("stopp" -> "stop"); nothing for
    another stem, whose last letter is the word's own ("warn" is no "war")."""
    return [stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou" \
        else []
