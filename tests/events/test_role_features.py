"""The role head's features of a (trigger, actor mention) pair: the voice of the trigger
and a "by" agent, also where the parse shows no passive auxiliary; and a trigger's
negative subject.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

from eventwire.events.actorlink import ActorLink
from eventwire.events.features import (
    mentions_by_head,
    pair_features,
    sentence_mentions,
    trigger_features,
)
from eventwire.events.lexicon import builtin_lexicon
from tests.events.conftest import Coder


def _features(code: Coder, text: str, trigger: str, mention: str) -> list[str]:
    doc = code(text)
    link = ActorLink(doc)
    sent = next(iter(doc.spacy.sents))
    tok = next(t for t in sent if t.text == trigger)
    ref = next(r for r in sentence_mentions(link, sent) if mention in r.mention.text)
    return pair_features(tok, ref, link, (None, None), tok.lemma_.lower())


@pytest.mark.parametrize("text, mention", [
    ("Opposition leader arrested in Caracas", "Opposition leader"),
    ("Three Egyptian journalists arrested in Cairo", "journalists"),
])
def test_a_headline_participle_is_passive(code: Coder, text: str, mention: str) -> None:
    """A headline drops the auxiliary: its subject is who was arrested, not who arrested."""
    assert "voice:pass" in _features(code, text, "arrested", mention)


def test_an_active_verb_stays_active(code: Coder) -> None:
    feats = _features(code, "Venezuelan police arrested the opposition leader in Caracas.",
                      "arrested", "police")
    assert "voice:act" in feats


@pytest.mark.parametrize("text", [
    "Five Kenyan students arrested by Ugandan police were freed on Friday.",
    "Five Kenyan students were arrested by Ugandan police on Friday.",
])
def test_a_by_phrase_of_a_passive_is_its_agent(code: Coder, text: str) -> None:
    """With or without the auxiliary ("men arrested by police"), "by" names who acted."""
    assert "r:agent" in _features(code, text, "arrested", "Ugandan police")


def test_the_path_is_read_with_the_act_the_verb_classes_give(code: Coder) -> None:
    """Who is source and who target depends on the act ("hosted X": X is the guest): the
    path to the mention comes with the verb's majority root in PETRARCH-2's classes."""
    feats = _features(code, "Japan hosted the Indian premier in Tokyo on Monday.", "hosted",
                      "Indian premier")
    assert any(f.startswith("pathvc:") and f.endswith("_03") for f in feats), feats


def test_a_long_path_keeps_its_two_ends(code: Coder) -> None:
    """A mention five steps from the trigger is not just "far": how the mention hangs
    from its phrase ("... from Iraq") tells a target from the far mentions that are not."""
    feats = _features(code, "Kurdish activists demanded a vote on independence from Iraq.",
                      "demanded", "Iraq")
    paths = [f for f in feats if f.startswith("path:")]
    assert "path:far" in paths, feats
    assert any(f.startswith("path:far^") and f.endswith("vprep_fromvpobj") for f in paths), feats


def test_mentions_are_counted_from_the_trigger(code: Coder) -> None:
    """The first actor after the verb is a likely target even where the parse is poor."""
    text = "Ghana thanked Nigeria for its help with Togo on Monday."
    assert "nth:after1" in _features(code, text, "thanked", "Nigeria")
    assert "nth:after2" not in _features(code, text, "thanked", "Nigeria")
    assert "nth:before1" in _features(code, text, "thanked", "Ghana")


@pytest.mark.parametrize("text, trigger", [
    ("Neither government has formally blamed the other for the clash.", "blamed"),
    ("No country has recognised the breakaway region.", "recognised"),
    ("Nobody was arrested after the march.", "arrested"),
])
def test_a_negative_subject_is_a_feature_of_the_trigger(code: Coder, text: str,
                                                        trigger: str) -> None:
    """ "Neither side has fired": the subject, not an adverb, says the act did not happen."""
    doc = code(text)
    sent = next(iter(doc.spacy.sents))
    tok = next(t for t in sent if t.text == trigger)
    assert "c:negsubj" in trigger_features(tok, builtin_lexicon())


def test_a_plain_subject_is_not_negative(code: Coder) -> None:
    doc = code("Police arrested two men after the march.")
    tok = next(t for t in doc.spacy if t.text == "arrested")
    assert "c:negsubj" not in trigger_features(tok, builtin_lexicon())


def _trigger(code: Coder, text: str, trigger: str, with_actors: bool = True) -> list[str]:
    doc = code(text)
    link = ActorLink(doc)
    sent = next(iter(doc.spacy.sents))
    tok = next(t for t in sent if t.text == trigger)
    actors = mentions_by_head(sentence_mentions(link, sent)) if with_actors else None
    return trigger_features(tok, builtin_lexicon(), sent=sent, actors=actors)


def test_the_event_head_reads_who_acts_and_on_whom(code: Coder) -> None:
    """ "Troops shelled" is an act where "prices fell" is none: the candidate's features
    say which actors hang from it, and of what kind."""
    feats = _trigger(code, "Syrian troops shelled rebel positions near the border.", "shelled")
    assert "a:nsubj:MIL" in feats
    assert "a:bare" not in feats


def test_a_passive_agent_counts_by_its_preposition(code: Coder) -> None:
    feats = _trigger(code, "Five Kenyan students were arrested by Ugandan police on Friday.",
                     "arrested")
    assert "a:prep_by:COP" in feats


def test_a_candidate_with_no_actor_around_it_is_bare(code: Coder) -> None:
    feats = _trigger(code, "Share prices fell sharply on Monday.", "fell")
    assert "a:bare" in feats and "a:n:0" in feats


def test_without_the_sentence_s_mentions_no_actor_features(code: Coder) -> None:
    feats = _trigger(code, "Syrian troops shelled rebel positions near the border.", "shelled",
                     with_actors=False)
    assert not any(f.startswith(("a:", "al:")) for f in feats)
