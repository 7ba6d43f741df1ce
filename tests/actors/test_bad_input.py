"""Bad input: no crash, no invented actors."""

from __future__ import annotations

from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors


def test_no_actors(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "The weather was mild and the river rose slowly all week.")
    assert doc.actors == []


def test_hundreds_of_actors(pipeline: Pipeline) -> None:
    names = ["France", "Germany", "Japan", "Kenya", "Peru"] * 60
    doc = code_actors(pipeline, " and ".join(names) + " signed the treaty.")
    assert len(doc.actors) == 300
    assert {m.code for m in doc.actors} == {"FRA", "DEU", "JPN", "KEN", "PER"}


def test_non_english_text(pipeline: Pipeline) -> None:
    german = (
        "Die Polizei hat am Montag in Berlin mehrere Demonstranten festgenommen, "
        "nachdem es zu Ausschreitungen gekommen war, teilte ein Sprecher mit."
    )
    assert code_actors(pipeline, german).actors == []
    assert code_actors(pipeline, "北京警方周一逮捕了五名朝鲜人。").actors == []


def test_very_long_name(pipeline: Pipeline) -> None:
    name = "The " + " ".join(["Grand"] * 400) + " Committee"
    doc = code_actors(pipeline, name + " met on Monday.")
    assert all(m.code is None or m.code for m in doc.actors)
    assert all(m.country is None for m in doc.actors)


def test_empty_text(pipeline: Pipeline) -> None:
    assert code_actors(pipeline, " ").actors == []


def test_a_short_english_headline_with_words_of_other_languages(pipeline: Pipeline) -> None:
    """ "met" is Dutch and "premier" French, but one such word each is no other language."""
    doc = code_actors(pipeline, "Nigeria's leader met the Chinese premier.")
    assert {m.code for m in doc.actors} == {"NGAGOV", "CHNGOV"}


def test_a_title_and_a_name_in_other_languages_words_are_english(pipeline: Pipeline) -> None:
    """ "Premier" is French and "Li" Italian, but written as a title and a name; with
    "met" (Dutch) they were three foreign function words against one English one."""
    doc = code_actors(pipeline, "Chinese Premier Li Qiang met Brazil's president on Friday.")
    assert {m.code for m in doc.actors} >= {"CHNGOV", "BRAGOV"}
