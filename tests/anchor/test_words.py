"""The anchor rules' word lists: read from the data files, never guessed."""

from __future__ import annotations

import pytest

from eventwire.anchor import place
from eventwire.anchor.words import word_list
from eventwire.errors import DictionaryError
from eventwire.places import util


def test_a_word_list_keeps_yaml_keywords_as_words() -> None:
    assert "on" in word_list("at_preps")  # YAML 1.1 reads a bare on as true
    assert "against" in word_list("aimed_preps")


def test_an_unknown_anchor_word_list_raises_instead_of_matching_nothing() -> None:
    with pytest.raises(DictionaryError) as info:
        word_list("at_prep")
    assert "at_prep" in str(info.value)


def test_locative_prepositions_missing_from_the_place_data_raise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(util, "load_context", lambda: {})
    util.context_words.cache_clear()
    try:
        with pytest.raises(DictionaryError) as info:
            place._locatives()
        assert "locative_preps" in str(info.value)
    finally:
        util.context_words.cache_clear()
