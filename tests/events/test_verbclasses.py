"""Verb classes from PETRARCH-2's verb dictionary as features of the learned coder: the
shipped table is what the build script makes of the dictionary, a verb gets the roots its
patterns give, a verb with a particle or preposition, and an event noun by its verb.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.tokens import Token

from eventwire.events.features import trigger_features
from eventwire.events.lexicon import builtin_lexicon
from eventwire.events.matching import match_token
from eventwire.events.verbclasses import (
    builtin_verb_classes,
    parse_verb_classes,
    verb_class_features,
)
from tests.events.conftest import Coder

ROOT = Path(__file__).resolve().parents[2]
DICTIONARY = ROOT.parent / "shared" / "reference" / "phoenix" / "CAMEO.2.0.txt"
SHIPPED = ROOT / "src" / "eventwire" / "data" / "events" / "verb_classes"


def _token(code: Coder, text: str, word: str) -> Token:
    doc = code(text).spacy
    return next(t for t in doc if t.text == word)


@pytest.mark.skipif(not DICTIONARY.exists(), reason="the Phoenix dictionaries are not here")
def test_the_shipped_table_is_what_the_build_script_makes(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_verb_classes.py"),
                    str(DICTIONARY), "-o", str(tmp_path)], check=True, capture_output=True)
    for name in ("verb_classes.csv", "verb_objects.csv.gz"):
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes()
    assert (SHIPPED / "LICENSE-phoenix").read_text("utf-8").startswith("The MIT License")


def test_a_verb_of_the_dictionary_gets_its_default_and_majority_roots(code: Coder) -> None:
    tok = _token(code, "The government expelled two foreign reporters on Friday.", "expelled")
    feats = verb_class_features(tok)
    assert {"vc:in", "vc:def:17"} <= set(feats)
    assert any(f.startswith("vc:top:") for f in feats)


def test_a_verb_the_dictionary_does_not_know_says_so(code: Coder) -> None:
    tok = _token(code, "The committee photocopied the minutes.", "photocopied")
    assert verb_class_features(tok) == ["vc:out"]


def test_a_verb_with_its_preposition_gets_the_pair_s_roots(code: Coder) -> None:
    tok = _token(code, "Rescue teams rushed to the flooded valley.", "rushed")
    feats = verb_class_features(tok)
    assert "vcp:in" in feats and "vc:in" in feats


def test_a_verb_with_its_object_gets_the_roots_of_the_patterns_naming_it(code: Coder) -> None:
    """"froze" alone is many things; "froze the assets" is a sanction (root 16)."""
    tok = _token(code, "The central bank froze the assets of three trading firms.", "froze")
    assert {"vco:in", "vco:top:16"} <= set(verb_class_features(tok))


def test_an_event_noun_gets_the_classes_of_its_verb_by_a_suffix_rule(code: Coder) -> None:
    tok = _token(code, "The council voted for the expulsion of the envoys.", "expulsion")
    feats = verb_class_features(tok)
    assert {"vcn:in", "vcn:def:17", "vcn:derived"} <= set(feats)


def test_the_trigger_features_carry_the_verb_classes(code: Coder) -> None:
    tok = _token(code, "The government expelled two foreign reporters on Friday.", "expelled")
    assert "vc:def:17" in trigger_features(tok, builtin_lexicon())


def test_a_table_row_gives_strong_and_weak_roots_and_drops_stray_ones() -> None:
    table = ("lemma,particle,synsets,default,patterns,roots,codes\n"
             "parley,,TALK,036,20,04:12 03:6 19:1 --:1,040:12\n")
    rules = "suffix,replacement,example\nment,,agreement -> agree\n"
    objects = "lemma,word,roots\nparley,truce,04:3\n"
    classes = parse_verb_classes(table, rules, objects)
    feats = classes.rows[("parley", "")]
    assert feats == ("in", "def:03", "top:04", "r:04:hi", "r:03:hi")
    assert classes.objects[("parley", "truce")] == ("in", "top:04", "r:04:hi")
    assert classes.verb_of_noun("parleyment") == "parley"
    assert classes.verb_of_noun("banquet") is None


def test_the_builtin_table_is_read_once() -> None:
    assert builtin_verb_classes() is builtin_verb_classes()


def test_the_shipped_model_codes_a_verb_the_lexicon_does_not_know(code: Coder) -> None:
    """"rammed" is in no lexicon entry; the verb dictionary files "ram" under force."""
    text = "Chinese coast guard ships rammed a Philippine supply boat."
    tok = _token(code, text, "rammed")
    assert match_token(tok, builtin_lexicon()) is None
    assert "vc:in" in verb_class_features(tok)
    doc = code(text, coder="learned")
    rams = [e for e in doc.events if e.trigger == "rammed"]
    assert rams and rams[0].cameo_root in {"18", "19"}, [(e.trigger, e.cameo) for e in doc.events]
    assert (rams[0].source.country, rams[0].target.country) == ("CHN", "PHL")
