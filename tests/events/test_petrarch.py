"""PETRARCH/TABARI dictionaries: reading the verbs and discards files, and coding with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.events.petrarch_read import load_petrarch
from tests.events.conftest import PETRARCH_DIR, Coder


def test_verbs_file_gives_forms_codes_and_patterns() -> None:
    pdict = load_petrarch(PETRARCH_DIR)
    (restore,) = pdict.verbs["RESTORED"]
    assert restore.default_code == "064"
    assert any(p.after == (("DIPLOMATIC",),) for p in restore.patterns)
    assert pdict.verbs["LEFT"][0].default_code == "032:033"  # irregular form in {...}


def test_synsets_are_expanded_inside_synsets() -> None:
    pdict = load_petrarch(PETRARCH_DIR)
    assert ("AUSTRIAN", "FLORIN") in pdict.synsets["ACCORDSYN"]


def test_discards_are_split_by_level() -> None:
    pdict = load_petrarch(PETRARCH_DIR)
    assert "BASEBALL" in pdict.sentence_discards and "TYPHOON" in pdict.story_discards


def test_missing_folder_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError) as err:
        load_petrarch(tmp_path / "none")
    assert err.value.code == "E233"


def test_coding_with_petrarch_verbs(code: Coder) -> None:
    doc = code("Japan restored diplomatic ties with China on Monday.",
               dictionaries=[f"petrarch:{PETRARCH_DIR}"], require_actor="none")
    assert {e.cameo for e in doc.events} == {"064"}
    assert all(e.rule.startswith("petrarch:") for e in doc.events)


def test_paired_codes_give_both_directions(code: Coder) -> None:
    doc = code("The Japanese prime minister left for China on Monday for talks.",
               dictionaries=[f"petrarch:{PETRARCH_DIR}"], require_actor="none")
    assert {e.cameo for e in doc.events} == {"032", "033"}


def test_discarded_sentence_gives_no_event(code: Coder) -> None:
    doc = code("Japan attacked China in a baseball final.",
               dictionaries=[f"petrarch:{PETRARCH_DIR}"], require_actor="none")
    assert doc.events == []


def test_petrarch_on_top_of_the_builtin_lexicon(code: Coder) -> None:
    doc = code("Japan restored diplomatic ties with China and arrested five spies.",
               dictionaries=[f"petrarch:{PETRARCH_DIR}"], require_actor="none",
               petrarch="add")
    assert {"064", "173"} <= {e.cameo for e in doc.events}


def test_petrarch_dictionaries_alone_require_a_dyad() -> None:
    from eventwire.api import make_config
    from eventwire.events.stages import EventsStage

    config = make_config(dictionaries=[f"petrarch:{PETRARCH_DIR}"])
    stage = EventsStage(dict(config["stages"]["events"]), config)
    assert stage.settings.require_actor == "both"
    plain = make_config()
    assert EventsStage(dict(plain["stages"]["events"]), plain).settings.require_actor == "any"


def test_underscore_joins_words_that_must_be_consecutive() -> None:
    from eventwire.events.petrarch_read import _elements

    assert _elements("SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS") == [
        ("SUGGESTED",), "+", "*", ("DEMAND", "&GENINT", "CONVENTIONS")
    ]


def test_word_glued_to_the_verb_must_touch_it() -> None:
    from eventwire.events.petrarch_read import ADJACENT, _elements

    assert _elements("RECENTLY_*") == [("RECENTLY",), ADJACENT, "*"]
    assert _elements("*_OUT") == ["*", ADJACENT, ("OUT",)]


def test_no_stemming_of_verbs_or_pattern_words(code: Coder) -> None:
    wrong = code("Ethiopia departes from Libya.", dictionaries=[f"petrarch:{PETRARCH_DIR}"],
                 require_actor="none")
    assert wrong.events == []
    plural = code("Arnor will adopt a set of resolutions with Gondor.",
                  dictionaries=[f"petrarch:{PETRARCH_DIR}"], require_actor="none")
    assert {e.cameo for e in plural.events} == {"081"}  # not "- * RESOLUTION [102]"


def test_plus_marks_the_verb_of_a_multiword_verb() -> None:
    pdict = load_petrarch(PETRARCH_DIR)
    (tap,) = pdict.verbs["TAPPED"]  # WIRE_+TAP {WIRE_+TAPPED ...}: TAP is the verb
    assert tap.before == ("WIRE",) and tap.words == ("TAP",)
    assert "WIRE" not in pdict.verbs
