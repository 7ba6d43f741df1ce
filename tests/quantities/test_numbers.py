from __future__ import annotations

import pytest

from eventwire.quantities.numbers import load_lexicon, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("seven million", 7_000_000),
        ("3.5 million", 3_500_000),
        ("1,000,000", 1_000_000),
        ("twenty-one", 21),
        ("twenty - one", 21),
        ("a million", 1_000_000),
        ("two hundred and fifty", 250),
        ("a dozen", 12),
        ("312", 312),
        ("2.5", 2.5),
    ],
)
def test_parse_number_reads_digits_and_words(words, value):
    assert parse_number(words.split(), load_lexicon()) == value


@pytest.mark.parametrize("words", ["5 6", "million", "dozen", "seven apples", "1" + "0" * 39])
def test_parse_number_refuses_what_is_not_one_count(words):
    assert parse_number(words.split(), load_lexicon()) is None
