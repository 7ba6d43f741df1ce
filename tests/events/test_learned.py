"""The learned coder with the shipped model: it loads, codes plain cases sensibly, says how
confident it is, and refuses a missing or damaged model instead of falling back to rules.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import numpy as np
import pytest

from eventwire.errors import ConfigError, ModelError
from eventwire.events.actorlink import ActorLink
from eventwire.events.features import (
    candidate_matches,
    candidate_tokens,
    mentions_by_sentence,
    sentence_mentions,
)
from eventwire.events.learned import Decoding, decide, decide_many
from eventwire.events.lexicon import builtin_lexicon
from eventwire.events.matching import match_token
from eventwire.events.stages import EventsStage
from eventwire.events.weights import read_event_model, shipped_model_dir
from eventwire.model import to_record
from eventwire.pipeline import Pipeline
from eventwire.schema import record_schema
from tests.events.conftest import Coder


def _roots(doc: object) -> list[str]:
    return [e.cameo_root for e in doc.events]  # type: ignore[attr-defined]


def test_the_shipped_model_loads_with_its_three_heads() -> None:
    model = read_event_model(shipped_model_dir())
    assert "none" in model.event.labels
    assert {"asserted", "negated", "hypothetical"} <= set(model.modality.labels)
    assert set(model.role.labels) == {"none", "source", "target"}
    size = sum(p.stat().st_size for p in shipped_model_dir().iterdir())
    assert size < 50_000_000


def test_a_clear_assault_is_coded_with_its_actors(code: Coder) -> None:
    doc = code("Russian warplanes bombed Ukrainian army positions near Kharkiv on Tuesday.",
               coder="learned")
    assaults = [e for e in doc.events if e.cameo_root in {"18", "19", "20"}]
    assert assaults, [(e.cameo, e.trigger) for e in doc.events]
    assert assaults[0].trigger == "bombed"
    assert assaults[0].source.country == "RUS"
    assert 0.0 < (assaults[0].confidence or 0.0) <= 1.0


def test_a_visit_without_a_target_actor_targets_the_place_visited(code: Coder) -> None:
    """Not only attacks: a cooperative act whose target is written as a place ("visited
    Mosul", a city that names no government) takes the place's country as its target."""
    doc = code("The Spanish foreign minister visited Mosul on Monday.", coder="learned")
    visits = [e for e in doc.events if e.trigger == "visited"]
    assert visits, [(e.cameo, e.trigger) for e in doc.events]
    assert (visits[0].source.country, visits[0].target.country) == ("ESP", "IRQ")


def test_a_flight_without_a_target_actor_targets_where_it_goes(code: Coder) -> None:
    doc = code("The Spanish foreign minister flew to Baghdad on Monday.", coder="learned")
    flights = [e for e in doc.events if e.trigger == "flew"]
    assert flights, [(e.cameo, e.trigger) for e in doc.events]
    assert (flights[0].source.country, flights[0].target.country) == ("ESP", "IRQ")


def test_a_headline_list_of_names_gives_every_name_as_a_source(code: Coder) -> None:
    """ "Erdogan, Putin agree": the parse hangs the first name anywhere but as a conjunct;
    both are sources, and an agreement with one another reads both ways."""
    doc = code("Erdogan, Putin agree to reopen the grain corridor", coder="learned")
    dyads = {(e.source.country, e.target.country) for e in doc.events if e.trigger == "agree"}
    assert dyads == {("TUR", "RUS"), ("RUS", "TUR")}, dyads


def test_a_threat_is_a_threat_not_an_assault(code: Coder) -> None:
    doc = code("North Korea threatened to attack South Korean warships near the border.",
               coder="learned")
    assert "13" in _roots(doc)
    assert not {"18", "19", "20"} & set(_roots(doc))


def test_a_hypothetical_attack_is_not_coded(code: Coder) -> None:
    doc = code("Analysts said Israel could strike Iranian nuclear sites if the talks fail.",
               coder="learned")
    assert not {"18", "19", "20"} & set(_roots(doc))


def test_a_sports_attack_is_not_coded(code: Coder) -> None:
    doc = code("Liverpool attacked relentlessly in the second half and scored twice to win "
               "the match.", coder="learned")
    assert not {"18", "19", "20"} & set(_roots(doc))


def test_a_national_side_attacking_is_at_most_a_doubtful_event(code: Coder) -> None:
    """A team named by its country reads like a state (a known limit, see the model card);
    the model is not sure of it, so a confidence threshold drops it."""
    doc = code("Brazil attacked relentlessly in the second half but Argentina held on to win "
               "the match.", coder="learned")
    assert all((e.confidence or 0.0) < 0.5 for e in doc.events if e.cameo_root == "19")


def test_one_event_per_trigger_and_dyad(code: Coder) -> None:
    doc = code("France and Germany condemned Russia and expelled its diplomats on Monday.",
               coder="learned")
    keys = [(e.trigger_start, e.source.code, e.target.code) for e in doc.events]
    assert len(keys) == len(set(keys))
    rules = code("France and Germany condemned Russia and expelled its diplomats on Monday.")
    keys = [(e.trigger_start, e.source.code, e.target.code) for e in rules.events]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("coder", ["learned", "rules"])
def test_every_event_has_a_confidence_in_the_record(code: Coder, coder: str) -> None:
    doc = code("Chinese police arrested five activists in Beijing, and Japan condemned the "
               "arrests.", coder=coder)
    assert doc.events
    record = to_record(doc)
    jsonschema.validate(record, record_schema())
    for event in record["events"]:
        assert 0.0 <= event["confidence"] <= 1.0


def test_min_confidence_drops_the_less_confident_events(code: Coder) -> None:
    text = ("Chinese police arrested five activists in Beijing, and Japan condemned the "
            "arrests.")
    every = code(text, coder="learned").events
    assert every
    lowest = min(e.confidence or 0.0 for e in every)
    kept = code(text, coder="learned", min_confidence=lowest + 1e-6).events
    assert len(kept) < len(every)
    assert all((e.confidence or 0.0) > lowest for e in kept)
    assert code(text, coder="rules", min_confidence=0.99).events == []


BAD = {
    "long": " ".join(["the committee reviewed the annual report and noted progress"] * 56),
    "caps": "MARKETS RALLY AS TECH SHARES SURGE ON STRONG EARNINGS REPORTS",
    "german": "Die Regierung hat am Montag in Berlin neue Gesetze zur Steuerreform beschlossen.",
    "names": "John Smith 42, Maria Lopez 37, Ahmed Khan 51, Li Wei 29, Anna Ivanova 33.",
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_gives_no_events_and_no_crash(code: Coder, kind: str) -> None:
    doc = code(BAD[kind], coder="learned")
    assert doc.events == [], [(e.cameo, e.trigger) for e in doc.events]


def _copy_model(tmp_path: Path) -> Path:
    folder = tmp_path / "model"
    shutil.copytree(shipped_model_dir(), folder)
    return folder


def _stage(pipeline: Pipeline, **settings: object) -> EventsStage:
    merged = dict(pipeline.config["stages"]["events"]) | {"coder": "learned"} | settings
    return EventsStage(merged, dict(pipeline.config))


def test_a_missing_model_file_is_a_coded_error_naming_it(pipeline: Pipeline,
                                                         tmp_path: Path) -> None:
    folder = _copy_model(tmp_path)
    (folder / "events.npz").unlink()
    with pytest.raises(ModelError) as info:
        _stage(pipeline, model=str(folder))
    assert info.value.code == "E241" and "events.npz" in str(info.value)


@pytest.mark.parametrize("damage", ["npz", "json", "shape"])
def test_a_corrupt_model_file_is_a_coded_error(pipeline: Pipeline, tmp_path: Path,
                                               damage: str) -> None:
    folder = _copy_model(tmp_path)
    if damage == "npz":
        (folder / "events.npz").write_bytes(b"PK\x03\x04 not a zip archive")
    elif damage == "json":
        (folder / "events.json").write_text("{", encoding="utf-8")
    else:
        meta = json.loads((folder / "events.json").read_text("utf-8"))
        meta["vocab"]["event"] = meta["vocab"]["event"][:-5]
        (folder / "events.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError) as info:
        _stage(pipeline, model=str(folder))
    assert info.value.code == "E242"
    assert str(folder) in str(info.value)


def test_the_petrarch_coder_needs_a_petrarch_dictionary(pipeline: Pipeline) -> None:
    with pytest.raises(ConfigError) as info:
        _stage(pipeline, coder="petrarch")
    assert info.value.code == "E240"


def test_the_code_command_takes_min_confidence() -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    text = "Chinese police arrested five activists in Beijing on Monday.\n"
    every = CliRunner().invoke(main, ["code", "-", "--workers", "1"], input=text)
    assert every.exit_code == 0, every.output
    assert json.loads(every.stdout)["events"]
    none = CliRunner().invoke(main, ["code", "-", "--workers", "1", "--min-confidence", "0.99"],
                              input=text)
    assert none.exit_code == 0, none.output
    assert json.loads(none.stdout)["events"] == []


def test_a_sentence_s_candidates_decided_at_once_are_decided_as_one_by_one() -> None:
    model = read_event_model(shipped_model_dir())
    names = list(model.code.index)
    rows = [names[i:i + 9] for i in range(0, 400, 23)] + [[]]
    vecs = np.random.default_rng(5).normal(size=(len(rows), model.event.dense))
    probs = model.event.proba_many(rows, vecs)
    everything = Decoding(none_max=1.01)  # every row an event: each head scores each row
    many = decide_many(model, probs, rows, vecs, everything)
    one = [decide(model, f, v, everything) for f, v in zip(rows, vecs, strict=True)]
    assert many == one
    assert len({d.cameo for d in many if d is not None}) > 1
    assert decide_many(model, probs, rows, vecs) == [decide(model, f, v) for f, v
                                                     in zip(rows, vecs, strict=True)]


def test_candidates_with_their_matches_are_the_candidate_tokens(code: Coder) -> None:
    doc = code("Rebels launched an attack on the border town, and the army said it would hold "
               "talks; a protest against the curfew followed the expulsion of two envoys.")
    lex, nouns = builtin_lexicon(), read_event_model(shipped_model_dir()).event_nouns
    picked: set[str] = set()
    for sent in doc.spacy.sents:  # type: ignore[union-attr]
        found = candidate_matches(sent, lex, nouns)
        assert [t.i for t, _ in found] == [t.i for t in candidate_tokens(sent, lex, nouns)]
        assert [m for _, (m,) in found] == [match_token(t, lex) for t, _ in found]
        assert any(m is not None for _, (m,) in found)
        picked.update(t.text for t, _ in found)
    assert {"launched", "said", "attack", "protest", "expulsion"} <= picked
    assert not {"Rebels", "army", "envoys"} & picked  # nouns that name no act


def test_predicate_adjectives_are_candidates_and_modifiers_are_not(code: Coder) -> None:
    doc = code("Officials in Lusaka said they were ready to reopen the border, and the rebels "
               "are willing to talk; a long dispute over the old bridge went on.")
    lex, nouns = builtin_lexicon(), read_event_model(shipped_model_dir()).event_nouns
    picked = {t.text for sent in doc.spacy.sents  # type: ignore[union-attr]
              for t in candidate_tokens(sent, lex, nouns)}
    assert {"ready", "willing"} <= picked
    assert not {"long", "old"} & picked


def test_mentions_read_in_one_pass_are_each_sentence_s_mentions(code: Coder) -> None:
    doc = code("France and Germany condemned the raid. Troops from Chad entered Niger on "
               "Monday. The rebels said nothing.")
    link = ActorLink(doc)
    sents = list(doc.spacy.sents)  # type: ignore[union-attr]
    one_pass = mentions_by_sentence(link, sents)
    assert one_pass == [sentence_mentions(link, sent) for sent in sents]
    assert sum(map(len, one_pass)) >= 4
    assert mentions_by_sentence(link, sents[1:2]) == one_pass[1:2]


def test_the_shipped_event_head_reads_the_actors_around_a_candidate() -> None:
    """Trained with the actor features the coder computes: a model trained without them
    would meet them with no weight."""
    vocab = read_event_model(shipped_model_dir()).event.index
    assert any(f.startswith("a:nsubj:") for f in vocab)
    assert any(f.startswith("a:prep_by:") for f in vocab)
