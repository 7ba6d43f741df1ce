"""The built-in lexicon and CAMEO code handling."""

from __future__ import annotations

import pytest

from eventwire.actors.found import compose_code
from eventwire.actors.lexicon import (
    NameEntry,
    Period,
    load_builtin,
    number_words,
    split_code,
    word_list,
)
from eventwire.actors.names import case_ok
from eventwire.errors import DictionaryError


@pytest.mark.parametrize(
    ("code", "country", "sectors"),
    [
        ("CHNCOP", "CHN", ("COP",)),
        ("USALEGOPP", "USA", ("LEG", "OPP")),
        ("IGOUNOREF", None, ("IGO", "REF")),
        ("COP", None, ("COP",)),
        ("ARN", "ARN", ()),
        ("KSVGOV", "XKX", ("GOV",)),
        ("TMPREB", "TLS", ("REB",)),
    ],
)
def test_split_code(code: str, country: str | None, sectors: tuple[str, ...]) -> None:
    assert split_code(code) == (country, sectors)


def test_compose_code() -> None:
    assert compose_code("CHN", ("COP",), None) == "CHNCOP"
    assert compose_code(None, ("IGO", "MIL"), "IGONAT") == "IGONATMIL"
    assert compose_code(None, (), None) is None


def test_builtin_lexicon_knows_countries_capitals_and_roles() -> None:
    lex = load_builtin()
    assert lex.names["u.s."].country == "USA" and lex.names["u.s."].kind == "name"
    assert lex.names["north korean"].country == "PRK"
    assert lex.names["seoul"] == NameEntry("capital", "KOR", rule="country:KOR:capital")
    assert lex.names["nato"].code == "IGONAT"
    assert lex.roles[("police",)] == ("COP",)
    assert lex.roles[("asylum", "seeker")] == ("REF",)
    iso3 = {e.country for e in lex.names.values() if e.kind == "name"}
    assert len(iso3) > 240


def test_an_adjective_two_countries_share_is_the_one_news_means() -> None:
    lex = load_builtin()
    assert lex.names["dominican"].country == "DOM"  # not Dominica, which keeps its name
    assert lex.names["dominica"].country == "DMA"


def test_dated_entry_chooses_period() -> None:
    entry = NameEntry("actor", "FRA", (), "FRA", (Period("FRAGOV", "2010-01-01", "2014-12-31"),))
    assert entry.at("2012-06-01").code == "FRAGOV"
    assert entry.at("2016-06-01").code == "FRA"
    assert entry.at(None).code == "FRA"


def test_a_capital_before_its_state_existed_is_a_town_of_the_predecessor() -> None:
    juba = NameEntry("capital", "SSD", rule="country:SSD:capital")
    assert juba.at("1995-04-02") == NameEntry("name", "SDN", rule="country:SSD:capital")
    assert juba.at("2015-04-02") is juba
    assert juba.at(None) is juba


def test_a_nation_s_own_name_keeps_its_code_before_independence() -> None:
    name = NameEntry("adj", "MNE", rule="country:MNE:adj")
    assert name.at("2003-05-01") is name


@pytest.mark.parametrize(
    ("text", "pattern", "ok"),
    [
        ("US", "US", True),
        ("us", "US", False),
        ("Us", "US", False),
        ("china", "China", False),
        ("China", "China", True),
        ("Who", "WHO", False),
    ],
)
def test_names_are_capitalised(text: str, pattern: str, ok: bool) -> None:
    assert case_ok(text, pattern) is ok


def test_word_lists_are_read_from_the_data_file() -> None:
    assert "their" in word_list("plural_pronouns")
    assert "off" in word_list("locative_preps")  # a word, not YAML's boolean
    assert number_words()["twelve"] == 12


def test_an_unknown_actor_word_list_raises_instead_of_matching_nothing() -> None:
    with pytest.raises(DictionaryError) as info:
        word_list("plural_pronoun")
    assert "plural_pronoun" in str(info.value)


def test_marshals_are_police_and_a_fire_marshal_an_official() -> None:
    lex = load_builtin()
    assert lex.roles[("marshal",)] == ("COP",)
    assert lex.roles[("fire", "marshal")] == ("GOV",)
