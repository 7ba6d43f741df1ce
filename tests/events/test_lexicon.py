"""The built-in lexicon: coverage of CAMEO roots, indexing and malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.events.lexicon import builtin_lexicon, load_lexicon, word_list
from eventwire.events.ontology import load_ontology


def test_every_cameo_root_has_entries() -> None:
    lex = builtin_lexicon()
    roots = {e.cameo[:2] for entries in lex.by_key.values() for e in entries}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_every_entry_code_is_a_cameo_code() -> None:
    onto = load_ontology()
    lex = builtin_lexicon()
    codes = {e.cameo for entries in lex.by_key.values() for e in entries}
    assert {c for c in codes if c not in onto} == set()


def test_multiword_nouns_are_keyed_on_their_head() -> None:
    entries = builtin_lexicon().lookup("noun", "strike")
    assert any(e.modifier == ("hunger",) and e.cameo == "142" for e in entries)


def test_yaml_on_is_read_as_the_preposition() -> None:
    (entry,) = [e for e in builtin_lexicon().lookup("verb", "call") if e.id == "call_on"]
    assert entry.prep == "on"


def test_a_quoted_off_is_a_particle_the_verb_needs() -> None:
    (entry,) = [e for e in builtin_lexicon().lookup("verb", "call")
                if e.id == "call_off_protest"]
    assert entry.prt == "off"


def test_a_bare_off_in_a_lexicon_is_an_error_not_a_dropped_constraint(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('entries:\n  - {id: x, cameo: "082", lemmas: [call], prt: off}\n', "utf-8")
    with pytest.raises(DictionaryError) as err:
        load_lexicon(bad)
    assert err.value.code == "E231" and "quote" in str(err.value)


def test_malformed_lexicon_is_a_dictionary_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - {id: x, lemmas: [hit]}\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        load_lexicon(bad)
    assert err.value.code == "E231"


def test_user_dictionary_events_section_adds_entries(tmp_path: Path) -> None:
    from eventwire.events.lexicon import user_lexicon

    path = tmp_path / "mine.yaml"
    path.write_text('events:\n  - {id: snub, cameo: "125", lemmas: [snub]}\n', "utf-8")
    merged = user_lexicon(path, builtin_lexicon())
    assert merged is not None
    assert [e.id for e in merged.lookup("verb", "snub")] == ["snub"]
    assert merged.lookup("verb", "arrest")  # built-in entries stay
    actors_only = tmp_path / "actors.yaml"
    actors_only.write_text("actors: []\n", "utf-8")
    assert user_lexicon(actors_only, builtin_lexicon()) is None


def test_the_rules_word_lists_are_in_the_lexicon() -> None:
    assert "on" in word_list("topic_preps")  # a word, not YAML's boolean
    assert "letter" in word_list("instrument_nouns")
    with pytest.raises(DictionaryError):
        word_list("topic_prep")


def test_the_lexicon_without_statements_is_one_object_without_them() -> None:
    """The rules and the trained model of one process read the same copy, so a token's
    match is worked out once per document."""
    quiet = builtin_lexicon(statements=False)
    assert quiet is builtin_lexicon(statements=False)
    assert quiet is not builtin_lexicon()
    ids = {e.id for entries in quiet.by_key.values() for e in entries}
    assert "make_statement" not in ids
    assert "make_statement" in {e.id for entries in builtin_lexicon().by_key.values()
                                for e in entries}
