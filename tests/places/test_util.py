"""The context word lists of the places package: read from context.yaml, never guessed."""

from __future__ import annotations

import pytest

from eventwire.errors import DictionaryError
from eventwire.places.util import context_words


def test_a_word_list_is_read_lower_cased() -> None:
    assert "county" in context_words("area_heads")


def test_an_unknown_word_list_raises_instead_of_matching_nothing() -> None:
    with pytest.raises(DictionaryError) as info:
        context_words("area_head")
    assert info.value.code == "E252"
    assert "area_head" in str(info.value)
