"""The event model's trainer on a tiny invented corpus: reproducible files that code.

The sentences are invented for these tests; they only need to give each head of the model
a few examples of each label (an assault, a threat, a meeting, a sports "attack").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.events.weights import read_event_model
from eventwire.train.corpus import split_of

ASSAULT = [
    ("Chadian troops shelled Nigerien border posts on Monday.", "shelled",
     "Chadian troops", "TCDMIL", "Nigerien border posts", "NERMIL"),
    ("Rebels attacked an army convoy near the capital of Chad.", "attacked",
     "Rebels", "REB", "an army convoy", "TCDMIL"),
]
THREAT = [
    ("Niger threatened to bomb Chadian ports.", "threatened", "Niger", "NER",
     "Chadian ports", "TCD"),
]
MEET = [
    ("The Chadian president met Nigerien envoys in Geneva.", "met",
     "The Chadian president", "TCDGOV", "Nigerien envoys", "NERGOV"),
]
SPORTS = ["The home side attacked relentlessly in the second half of the match."]


def _event(trigger: str, cameo: str, plover: str | None, src: tuple[str, str],
           tgt: tuple[str, str], modality: str = "asserted") -> dict:
    return {"trigger": trigger, "cameo": cameo, "plover": plover, "modality": modality,
            "source": {"text": src[0], "code": src[1]}, "target": {"text": tgt[0], "code": tgt[1]}}


def _lines() -> list[dict]:
    groups = iter(g for g in (f"tiny-g{i}" for i in range(400)) if split_of(g) == "train")
    lines = []

    def add(text: str, events: list[dict], trap: str | None = None) -> None:
        group = next(groups)
        lines.append({"id": f"{group}-s", "group": group, "style": "body", "date": "2020-01-01",
                      "text": text, "events": events, "trap": trap, "note": None})

    for _ in range(3):
        for text, trig, s, sc, t, tc in ASSAULT:
            add(text, [_event(trig, "190", "ASSAULT", (s, sc), (t, tc))])
        for text, trig, s, sc, t, tc in THREAT:
            add(text, [_event(trig, "138", "THREATEN", (s, sc), (t, tc)),
                       _event("bomb", "195", "ASSAULT", (s, sc), (t, tc), "hypothetical")])
        for text, trig, s, sc, t, tc in MEET:
            add(text, [_event(trig, "040", "CONSULT", (s, sc), (t, tc))])
        for text in SPORTS:
            add(text, [], "sports")
    return lines


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "tiny.jsonl").write_text(
        "".join(json.dumps(line) + "\n" for line in _lines()), encoding="utf-8")
    return folder


def _train(corpus: Path, out: Path, seed: int = 0) -> None:
    result = CliRunner().invoke(main, ["train", "events", str(corpus), "-o", str(out),
                                       "--seed", str(seed)])
    assert result.exit_code == 0, result.output


@pytest.mark.slow
def test_training_twice_with_one_seed_gives_identical_files(corpus: Path,
                                                           tmp_path: Path) -> None:
    _train(corpus, tmp_path / "a")
    _train(corpus, tmp_path / "b")
    for name in ("events.json", "events.npz"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    model = read_event_model(tmp_path / "a")
    assert "none" in model.event.labels and "190" in model.event.labels
    assert set(model.modality.labels) == {"asserted", "hypothetical"}
    assert model.meta["trained_on"]["sentences"] == len(_lines())


def test_a_corpus_with_a_problem_is_a_coded_error(tmp_path: Path) -> None:
    bad = dict(_lines()[0], text="A sentence without its trigger.")
    (tmp_path / "bad.jsonl").write_text(json.dumps(bad) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["train", "events", str(tmp_path), "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "E504" in result.output and not (tmp_path / "out").exists()


def test_the_role_head_learns_each_path_with_the_gold_root_of_the_act(corpus: Path,
                                                                      tmp_path: Path) -> None:
    """Who is target depends on the act ("met X" against "shelled X"): the role rows of a
    trigger carry its gold root, as the coder later gives them the event head's."""
    _train(corpus, tmp_path / "m")
    vocab = read_event_model(tmp_path / "m").role.index
    for root in ("19", "04"):
        assert any(f.startswith("pathact:") and f.endswith(f"_{root}") for f in vocab), root


def test_the_trainer_reads_the_time_stage_the_coder_reads(corpus: Path, tmp_path: Path) -> None:
    """The time cues come from the time stage: parsed without it, the training rows would
    have none, and the coder's time cues would meet no weight ("shelled ... on Monday")."""
    _train(corpus, tmp_path / "t")
    vocab = read_event_model(tmp_path / "t").event.index
    assert "tx:own:now" in vocab


def test_the_trainer_gives_the_event_head_the_actors_the_coder_reads(corpus: Path,
                                                                     tmp_path: Path) -> None:
    """Whether a word is an act depends on who does it: the event head's rows carry the
    actors hanging from each candidate, as the coder's do."""
    _train(corpus, tmp_path / "a")
    vocab = read_event_model(tmp_path / "a").event.index
    assert any(f.startswith("a:nsubj:") for f in vocab)
    assert "a:bare" in vocab
