"""WordNet classes as features of the learned coder: the build script reads
the WordNet database format, the shipped tables give a verb its lexicographer file and
hypernyms and an event noun its verb's, and a missing or damaged table is a coded error
naming the file.

Every sentence here is invented for the test; the small database below is invented too,
written in WordNet's own format (wndb(5)).
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.tokens import Token

from eventwire.errors import EventwireError
from eventwire.events.features import trigger_features
from eventwire.events.lexicon import builtin_lexicon
from eventwire.events.wordnet import (
    builtin_wordnet,
    load_wordnet,
    wordnet_features,
)
from tests.events.conftest import Coder

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_wordnet_classes.py"
SHIPPED = ROOT / "src" / "eventwire" / "data" / "events" / "wordnet"
TABLES = ("verb_synsets.csv.gz", "verbs.csv.gz", "nouns.csv.gz")

HEADER = "  1 This line is part of the licence header.\n"
LEXNAMES = "04\tnoun.act\t1\n06\tnoun.artifact\t1\n33\tverb.competition\t2\n"
DATA_VERB = HEADER + (
    "00000100 33 v 01 assail 0 001 + 00000300 n 0101 | fight against\n"
    "00000200 33 v 02 pelt 0 strafe 0 002 @ 00000100 v 0000 + 00000300 n 0201 "
    "| attack from the air\n"
)
INDEX_VERB = HEADER + (
    "assail v 1 2 @ + 1 0 00000100\n"
    "pelt v 1 2 @ + 1 0 00000200\n"
    "strafe v 1 2 @ + 1 0 00000200\n"
)
DATA_NOUN = HEADER + (
    "00000300 04 n 01 strafing 0 002 + 00000200 v 0102 + 00000100 v 0101 | an attack\n"
    "00000400 06 n 02 pelt 0 strafing_gun 0 000 | a thing\n"
)
INDEX_NOUN = HEADER + (
    "pelt n 1 0 1 0 00000400\n"
    "strafing n 1 1 + 1 0 00000300\n"
    "strafing_gun n 1 0 1 0 00000400\n"
)


def _tiny_wordnet(folder: Path) -> Path:
    folder.mkdir()
    for name, text in (("lexnames", LEXNAMES), ("data.verb", DATA_VERB),
                       ("index.verb", INDEX_VERB), ("data.noun", DATA_NOUN),
                       ("index.noun", INDEX_NOUN), ("LICENSE", "WordNet Release 3.0\n")):
        (folder / name).write_text(text, "utf-8")
    return folder


def _build(source: Path, out: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), str(source), "-o", str(out)], check=True,
                   capture_output=True)


def _table(folder: Path, name: str) -> str:
    return gzip.decompress((folder / name).read_bytes()).decode("utf-8")


def _token(code: Coder, text: str, word: str) -> Token:
    doc = code(text).spacy
    return next(t for t in doc if t.text == word)


def test_the_build_script_reads_the_wordnet_database_format(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(_tiny_wordnet(tmp_path / "wn"), out)
    assert _table(out, "verb_synsets.csv.gz").splitlines() == [
        "synset,lexname,hypernyms", "assail.v.01,verb.competition,",
        "pelt.v.01,verb.competition,assail.v.01"]
    assert _table(out, "verbs.csv.gz").splitlines()[1:] == [
        "assail,assail.v.01", "pelt,pelt.v.01", "strafe,pelt.v.01"]
    # the noun's '+' pointers from its own word only (0102: word 1 to word 2), no multi-words
    assert _table(out, "nouns.csv.gz").splitlines()[1:] == [
        "pelt,noun.artifact,", "strafing,noun.act,pelt.v.01 assail.v.01"]
    assert (out / "LICENSE-wordnet").read_text("utf-8").startswith("WordNet Release 3.0")


def test_the_build_is_byte_for_byte_reproducible(tmp_path: Path) -> None:
    source = _tiny_wordnet(tmp_path / "wn")
    _build(source, tmp_path / "a")
    _build(source, tmp_path / "b")
    for name in TABLES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.skipif(not os.environ.get("EVENTWIRE_WORDNET_DIR"),
                    reason="EVENTWIRE_WORDNET_DIR (the WordNet 3.0 database folder) is not set")
def test_the_shipped_tables_are_what_the_build_script_makes(tmp_path: Path) -> None:
    _build(Path(os.environ["EVENTWIRE_WORDNET_DIR"]), tmp_path)
    for name in TABLES:
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes()


def test_a_verb_gets_its_lexicographer_file_and_hypernyms(code: Coder) -> None:
    """"strafed" is in no trigger list of the corpus; WordNet knows it attacks."""
    tok = _token(code, "Two jets strafed the convoy near the border.", "strafed")
    feats = wordnet_features(tok)
    assert {"wn:lex1:verb.competition", "wn:h:strafe.v.01", "wn:h:attack.v.01"} <= set(feats)


def test_an_event_noun_gets_the_features_of_the_verb_it_derives_from(code: Coder) -> None:
    tok = _token(code, "The council backed the expulsion of the envoys.", "expulsion")
    feats = wordnet_features(tok)
    assert {"wn:nlex1:noun.act", "wn:dv", "wn:lex:verb.social", "wn:h:expel.v.01"} <= set(feats)


def test_a_word_wordnet_does_not_know_says_so(code: Coder) -> None:
    tok = _token(code, "The mayor zorbled at noon.", "zorbled")
    assert wordnet_features(tok)[0] in {"wn:out", "wn:nout"}
    assert not any(f.startswith(("wn:h:", "wn:lex")) for f in wordnet_features(tok))


def test_the_trigger_features_carry_the_wordnet_classes(code: Coder) -> None:
    tok = _token(code, "Two jets strafed the convoy near the border.", "strafed")
    assert "wn:h:attack.v.01" in trigger_features(tok, builtin_lexicon())


def test_the_noun_an_act_is_done_to_gives_its_kind(code: Coder) -> None:
    """"cut aid" and "cut troops" share a verb; what is cut tells the acts apart."""
    aid = _token(code, "The donors cut aid to the province in March.", "cut")
    troops = _token(code, "The alliance cut troops in the province in March.", "cut")
    assert "o:dobj:wn:nlex:noun.possession" in trigger_features(aid, builtin_lexicon())
    assert "o:dobj:wn:nlex:noun.group" in trigger_features(troops, builtin_lexicon())
    assert "o:dobj:wn:nlex:noun.group" not in trigger_features(aid, builtin_lexicon())


def test_the_builtin_tables_are_read_once() -> None:
    assert builtin_wordnet() is builtin_wordnet()


def test_the_rules_coder_never_reads_the_tables() -> None:
    """Only ``coder: learned`` pays for reading them, in a fresh process."""
    script = ("from eventwire.api import code_text\n"
              "import eventwire.events.wordnet as wn\n"
              "doc = code_text('Two jets strafed the convoy near the border.')\n"
              "assert doc.error is None, doc.error\n"
              "print(wn._BUILTIN is None)\n")
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                         text=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "True"


def test_a_missing_table_is_a_coded_error_naming_it(tmp_path: Path) -> None:
    shutil.copytree(SHIPPED, tmp_path / "wn")
    (tmp_path / "wn" / "nouns.csv.gz").unlink()
    with pytest.raises(EventwireError) as caught:
        load_wordnet(tmp_path / "wn", shown="wn")
    assert caught.value.code == "E229" and "wn/nouns.csv.gz" in str(caught.value)


def test_a_damaged_table_is_a_coded_error_naming_it(tmp_path: Path) -> None:
    shutil.copytree(SHIPPED, tmp_path / "wn")
    (tmp_path / "wn" / "verbs.csv.gz").write_bytes(b"not gzip at all")
    with pytest.raises(EventwireError) as caught:
        load_wordnet(tmp_path / "wn", shown="wn")
    assert caught.value.code == "E229" and "wn/verbs.csv.gz" in str(caught.value)


def test_a_row_naming_an_unknown_synset_is_a_coded_error(tmp_path: Path) -> None:
    shutil.copytree(SHIPPED, tmp_path / "wn")
    text = "lemma,synsets\nstrafe,strafe.v.99\n"
    (tmp_path / "wn" / "verbs.csv.gz").write_bytes(gzip.compress(text.encode()))
    with pytest.raises(EventwireError) as caught:
        load_wordnet(tmp_path / "wn", shown="wn")
    assert caught.value.code == "E229" and "strafe.v.99" in str(caught.value)
