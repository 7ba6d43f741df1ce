"""How the learned coder turns its heads' probabilities into events, with a small event
model written by hand, so that each decoding rule is tested apart from what a trained
model happens to say. The parse and actor mentions are the real pipeline's.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.events.coder import Settings
from eventwire.events.learned import Decoding, LearnedCoder
from eventwire.events.lexicon import builtin_lexicon
from eventwire.events.ontology import load_ontology
from eventwire.events.weights import EventModel, LinearModel
from tests.events.conftest import Coder


def _head(labels: tuple[str, ...], weights: dict[str, dict[str, float]],
          bias: dict[str, float]) -> LinearModel:
    """A linear head whose feature weights are given per label (zero elsewhere)."""
    feats = sorted(weights)
    matrix = np.zeros((len(labels), len(feats)))
    for j, feat in enumerate(feats):
        for label, w in weights[feat].items():
            matrix[labels.index(label), j] = w
    return LinearModel(labels, {f: j for j, f in enumerate(feats)}, matrix,
                       np.array([bias.get(label, 0.0) for label in labels]), 0)


def _model(lemma: str, root: str) -> EventModel:
    """An event model that codes ``lemma`` (and nothing else) as an asserted act of
    ``root``; a subject or its conjunct is the source, an object (not its conjunct) the
    target."""
    code = f"{root}0"
    event = _head(("none", code), {f"l:{lemma}": {code: 8.0}}, {"none": 4.0})
    codes = _head((code, f"{root}1"), {"bias": {code: 1.0}}, {})
    modality = _head(("asserted", "negated"), {"bias": {"asserted": 4.0}}, {})
    role = _head(("none", "source", "target"), {
        "r:child:nsubj": {"source": 6.0}, "path:^|vnsubjvconj": {"source": 6.0},
        "r:child:dobj": {"target": 6.0}}, {"none": 2.0})
    return EventModel(event, codes, modality, role, frozenset(), {})


def _dyads(code: Coder, text: str, lemma: str, root: str,
           decoding: Decoding | None = None) -> set[tuple[str | None, str | None]]:
    doc = code(text)
    coder = LearnedCoder(_model(lemma, root), builtin_lexicon(), load_ontology(),
                         Settings(coder="learned", require_actor="any"), decoding)
    return {(e.source.country, e.target.country) for e in coder.code(doc)}


def test_coordinated_sources_with_no_target_act_on_each_other(code: Coder) -> None:
    """"Japan and India signed a pact": each signs with the other, as a careful coder
    reads it, not two one-sided events with no target."""
    found = _dyads(code, "Japan and India signed a trade pact in Tokyo on Monday.",
                   "sign", "05")
    assert found == {("JPN", "IND"), ("IND", "JPN")}


def test_coordinated_sources_keep_a_target_they_have(code: Coder) -> None:
    found = _dyads(code, "Japan and India condemned Pakistan on Monday.", "condemn", "11")
    assert found == {("JPN", "PAK"), ("IND", "PAK")}


def test_coordinated_sources_of_a_one_sided_act_do_not_target_each_other(code: Coder) -> None:
    """Two donors sending aid do not aid each other: only acts done with one another
    (consult, cooperate, fight, ...) are read both ways."""
    found = _dyads(code, "Japan and India sent medical supplies on Monday.", "send", "07")
    assert ("JPN", "IND") not in found and ("IND", "JPN") not in found
    assert {src for src, _ in found} == {"JPN", "IND"}


def test_reciprocal_reading_can_be_turned_off_for_cross_validation(code: Coder) -> None:
    found = _dyads(code, "Japan and India signed a trade pact in Tokyo on Monday.", "sign",
                   "05", Decoding(reciprocal_roots=""))
    assert ("JPN", "IND") not in found


@pytest.mark.parametrize("threshold, expected", [(0.99, set()), (0.3, {("JPN", "IND")})])
def test_a_role_below_its_threshold_leaves_the_side_empty(code: Coder, threshold: float,
                                                          expected: set[object]) -> None:
    """With the hand-made role head a subject is the source with P about 0.98: a threshold
    above that leaves the event without actors, and ``require_actor`` drops it."""
    found = _dyads(code, "Japan criticised India on Monday.", "criticise", "11",
                   Decoding(source_min=threshold, target_min=threshold, rule_target=False))
    assert found == expected


def test_a_target_s_conjuncts_are_targets_too(code: Coder) -> None:
    """"condemned France and Germany": the role head takes one target, the other one is
    its conjunct, as the sources' conjuncts are sources."""
    found = _dyads(code, "Japan condemned France and Germany on Monday.", "condemn", "11")
    assert found == {("JPN", "FRA"), ("JPN", "DEU")}
    alone = _dyads(code, "Japan condemned France and Germany on Monday.", "condemn", "11",
                   Decoding(target_conjuncts=False))
    assert alone == {("JPN", "FRA")}


def test_one_phrase_of_two_countries_is_two_actors_in_one_role(code: Coder) -> None:
    """ "Somali and Ethiopian traders": one phrase, two actors over the same head word;
    the role head takes one of them, and the other shares its role."""
    found = _dyads(code, "Kenyan police arrested Somali and Ethiopian traders.", "arrest", "17")
    assert found == {("KEN", "SOM"), ("KEN", "ETH")}
    alone = _dyads(code, "Kenyan police arrested Somali and Ethiopian traders.", "arrest", "17",
                   Decoding(shared_heads=False))
    assert len(alone) == 1


def test_two_countries_of_one_phrase_acting_together_act_on_each_other(code: Coder) -> None:
    found = _dyads(code, "Macedonian and Albanian police met on Friday.", "meet", "04")
    assert found == {("MKD", "ALB"), ("ALB", "MKD")}


@pytest.mark.parametrize("root, expected", [("11", {("JPN", "IND")}), ("12", {("JPN", None)})])
def test_the_role_head_reads_the_root_the_event_head_gave(code: Coder, root: str,
                                                          expected: set[object]) -> None:
    """Who is target depends on the act: the role head is given the root the event head
    chose for the trigger, as it is given the gold root in training. Here the role head
    takes the mention after the trigger as target for an act of root 11 only."""
    base = _model("criticise", root)
    role = _head(("none", "source", "target"), {
        "r:child:nsubj": {"source": 6.0}, "act:11_after": {"target": 6.0}}, {"none": 2.0})
    model = EventModel(base.event, base.code, base.modality, role, frozenset(), {})
    coder = LearnedCoder(model, builtin_lexicon(), load_ontology(),
                         Settings(coder="learned", require_actor="any"),
                         Decoding(rule_target=False))
    found = {(e.source.country, e.target.country)
             for e in coder.code(code("Japan criticised India on Monday."))}
    assert found == expected


@pytest.mark.parametrize("floor, found", [(0.7, True), (0.75, False)])
def test_an_event_less_confident_than_the_floor_is_not_decoded(code: Coder, floor: float,
                                                               found: bool) -> None:
    """The hybrid coder asks only for events of ``learned_min`` confidence or more; those
    below it are not decoded at all. Here the event head gives the act 0.73, the modality
    head 0.98 (confidence 0.72)."""
    base = _model("meet", "04")
    event = _head(("none", "040"), {"l:meet": {"040": 5.0}}, {"none": 4.0})
    model = EventModel(event, base.code, base.modality, base.role, frozenset(), {})
    coder = LearnedCoder(model, builtin_lexicon(), load_ontology(),
                         Settings(coder="learned", require_actor="any"))
    kept = [c for _, _, cands in coder.sentence_candidates(
        code("Japan and India met on Friday."), floor=floor) for c in cands]
    assert bool(kept) is found
    assert all(c.extra["confidence"] >= floor for c in kept)
