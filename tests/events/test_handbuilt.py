"""The event coder's core rules on parses built by hand, as spaCy's own tests build them.

Why no model here: the rules read a dependency parse (mood, arguments, passives, light
verbs); a test that lets the model parse its sentence tests the model's parse too, and a
model upgrade that parses one sentence differently breaks it. With the parse written out
(``Doc(vocab, words, heads, deps, pos, tags, lemmas)``), each test pins one rule, and
the model-driven tests elsewhere check that the rules meet real parses. Sentences are
invented.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc, Token

from eventwire.errors import DictionaryError
from eventwire.events.arguments import arguments_of, subject_of
from eventwire.events.lexicon import EventLexicon, builtin_lexicon
from eventwire.events.matching import match_token
from eventwire.events.mood import mood_of

#: English's vocabulary without a model (as spaCy's ``en_vocab`` fixture): it knows the
#: lexical attributes (lower case, like-number) the rules read.
VOCAB = English().vocab


@dataclass(frozen=True)
class W:
    """One word of a hand-built parse: its head (an index), dependency, POS, tag, lemma."""

    text: str
    head: int
    dep: str
    pos: str
    tag: str = ""
    lemma: str = ""


def build(*words: W) -> Doc:
    """A Doc whose parse is exactly the one given (heads are absolute indices)."""
    return Doc(
        VOCAB,
        words=[w.text for w in words],
        heads=[w.head for w in words],
        deps=[w.dep for w in words],
        pos=[w.pos for w in words],
        tags=[w.tag or w.pos for w in words],
        lemmas=[w.lemma or w.text.lower() for w in words],
    )


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


@pytest.fixture(scope="module")
def lex() -> EventLexicon:
    return builtin_lexicon()


def _detained(*before: W) -> list[W]:
    """"... the guards detained two smugglers ." with words put before the subject."""
    n = len(before)
    return [
        *before,
        W("the", n + 1, "det", "DET", "DT"),
        W("guards", n + 2, "nsubj", "NOUN", "NNS", "guard"),
        W("detained", n + 2, "ROOT", "VERB", "VBD", "detain"),
        W("two", n + 4, "nummod", "NUM", "CD"),
        W("smugglers", n + 2, "dobj", "NOUN", "NNS", "smuggler"),
        W(".", n + 2, "punct", "PUNCT", "."),
    ]


def test_an_active_clause_gives_subject_to_object(lex: EventLexicon) -> None:
    doc = build(*_detained())
    verb = word(doc, "detained")
    match = match_token(verb, lex)
    assert match is not None and match.entry.cameo.startswith("17")
    args = arguments_of(match.verb, match.noun, match.entry.target)
    assert (args.source.text, args.target.text) == ("guards", "smugglers")
    assert mood_of(verb, lex).factual


def test_a_negated_trigger_is_not_factual(lex: EventLexicon) -> None:
    doc = build(
        W("The", 1, "det", "DET", "DT"),
        W("guards", 4, "nsubj", "NOUN", "NNS", "guard"),
        W("did", 4, "aux", "AUX", "VBD", "do"),
        W("not", 4, "neg", "PART", "RB"),
        W("detain", 4, "ROOT", "VERB", "VB", "detain"),
        W("anyone", 4, "dobj", "PRON", "NN"),
        W(".", 4, "punct", "PUNCT", "."),
    )
    mood = mood_of(word(doc, "detain"), lex)
    assert mood.negated and not mood.factual


@pytest.mark.parametrize(("aux", "modal"), [("will", "future"), ("could", "modal")])
def test_a_future_or_modal_auxiliary_is_not_factual(lex: EventLexicon, aux: str,
                                                     modal: str) -> None:
    doc = build(
        W("Guards", 2, "nsubj", "NOUN", "NNS", "guard"),
        W(aux, 2, "aux", "AUX", "MD"),
        W("detain", 2, "ROOT", "VERB", "VB", "detain"),
        W("them", 2, "dobj", "PRON", "PRP", "they"),
    )
    mood = mood_of(word(doc, "detain"), lex)
    assert mood.modal == modal and not mood.factual


def test_a_clause_under_if_is_conditional(lex: EventLexicon) -> None:
    # "If guards detain them , talks end ."
    doc = build(
        W("If", 2, "mark", "SCONJ", "IN"),
        W("guards", 2, "nsubj", "NOUN", "NNS", "guard"),
        W("detain", 6, "advcl", "VERB", "VBP", "detain"),
        W("them", 2, "dobj", "PRON", "PRP", "they"),
        W(",", 6, "punct", "PUNCT", ","),
        W("talks", 6, "nsubj", "NOUN", "NNS", "talk"),
        W("end", 6, "ROOT", "VERB", "VBP", "end"),
        W(".", 6, "punct", "PUNCT", "."),
    )
    mood = mood_of(word(doc, "detain"), lex)
    assert mood.conditional and not mood.factual
    assert not mood_of(word(doc, "end"), lex).conditional


def test_what_someone_urges_is_content_not_a_fact(lex: EventLexicon) -> None:
    # "The envoy urged the guards to release the smugglers ."
    doc = build(
        W("The", 1, "det", "DET", "DT"),
        W("envoy", 2, "nsubj", "NOUN", "NN"),
        W("urged", 2, "ROOT", "VERB", "VBD", "urge"),
        W("the", 4, "det", "DET", "DT"),
        W("guards", 2, "dobj", "NOUN", "NNS", "guard"),
        W("to", 6, "aux", "PART", "TO"),
        W("release", 2, "xcomp", "VERB", "VB", "release"),
        W("the", 8, "det", "DET", "DT"),
        W("smugglers", 6, "dobj", "NOUN", "NNS", "smuggler"),
        W(".", 2, "punct", "PUNCT", "."),
    )
    release = word(doc, "release")
    mood = mood_of(release, lex)
    assert mood.content and mood.governor is not None and mood.governor.text == "urged"
    # Object control: the one urged is the one who would release.
    assert subject_of(release)[0].text == "guards"


def test_a_reported_fact_stays_a_fact(lex: EventLexicon) -> None:
    # "Officials said the guards detained two smugglers ."
    head = [W("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
            W("said", 1, "ROOT", "VERB", "VBD", "say")]
    words = _detained(*head)
    words[4] = W("detained", 1, "ccomp", "VERB", "VBD", "detain")
    doc = build(*words)
    assert mood_of(word(doc, "detained"), lex).factual


def test_a_passive_takes_its_source_from_by_and_its_target_from_the_subject(
    lex: EventLexicon,
) -> None:
    # "Two smugglers were detained by the guards ."
    doc = build(
        W("Two", 1, "nummod", "NUM", "CD"),
        W("smugglers", 3, "nsubjpass", "NOUN", "NNS", "smuggler"),
        W("were", 3, "auxpass", "AUX", "VBD", "be"),
        W("detained", 3, "ROOT", "VERB", "VBN", "detain"),
        W("by", 3, "agent", "ADP", "IN"),
        W("the", 6, "det", "DET", "DT"),
        W("guards", 4, "pobj", "NOUN", "NNS", "guard"),
        W(".", 3, "punct", "PUNCT", "."),
    )
    match = match_token(word(doc, "detained"), lex)
    assert match is not None
    args = arguments_of(match.verb, match.noun, match.entry.target)
    assert (args.source.text, args.target.text) == ("guards", "smugglers")


def test_an_agentless_passive_has_no_source_never_its_subject(lex: EventLexicon) -> None:
    # "Two smugglers were detained ."
    doc = build(
        W("Two", 1, "nummod", "NUM", "CD"),
        W("smugglers", 3, "nsubjpass", "NOUN", "NNS", "smuggler"),
        W("were", 3, "auxpass", "AUX", "VBD", "be"),
        W("detained", 3, "ROOT", "VERB", "VBN", "detain"),
        W(".", 3, "punct", "PUNCT", "."),
    )
    args = arguments_of(word(doc, "detained"), None, ("to",))
    assert args.source is None
    assert args.target is not None and args.target.text == "smugglers"


def test_a_participle_after_a_noun_makes_the_noun_its_target(lex: EventLexicon) -> None:
    # "Two smugglers detained by the guards escaped ."
    doc = build(
        W("Two", 1, "nummod", "NUM", "CD"),
        W("smugglers", 6, "nsubj", "NOUN", "NNS", "smuggler"),
        W("detained", 1, "acl", "VERB", "VBN", "detain"),
        W("by", 2, "agent", "ADP", "IN"),
        W("the", 5, "det", "DET", "DT"),
        W("guards", 3, "pobj", "NOUN", "NNS", "guard"),
        W("escaped", 6, "ROOT", "VERB", "VBD", "escape"),
        W(".", 6, "punct", "PUNCT", "."),
    )
    args = arguments_of(word(doc, "detained"), None, ("to",))
    assert (args.source.text, args.target.text) == ("guards", "smugglers")


def test_habitual_agentless_passive_is_generic(lex: EventLexicon) -> None:
    # "Smugglers are usually detained ."
    doc = build(
        W("Smugglers", 3, "nsubjpass", "NOUN", "NNS", "smuggler"),
        W("are", 3, "auxpass", "AUX", "VBP", "be"),
        W("usually", 3, "advmod", "ADV", "RB"),
        W("detained", 3, "ROOT", "VERB", "VBN", "detain"),
        W(".", 3, "punct", "PUNCT", "."),
    )
    mood = mood_of(word(doc, "detained"), lex)
    assert mood.generic and not mood.factual


def test_a_light_verb_hands_its_code_to_the_noun(lex: EventLexicon) -> None:
    # "Rebels launched an attack on the garrison ."
    doc = build(
        W("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
        W("launched", 1, "ROOT", "VERB", "VBD", "launch"),
        W("an", 3, "det", "DET", "DT"),
        W("attack", 1, "dobj", "NOUN", "NN"),
        W("on", 3, "prep", "ADP", "IN"),
        W("the", 6, "det", "DET", "DT"),
        W("garrison", 4, "pobj", "NOUN", "NN"),
        W(".", 1, "punct", "PUNCT", "."),
    )
    match = match_token(word(doc, "launched"), lex)
    assert match is not None and match.trigger.text == "attack"
    assert match.verb.text == "launched" and match.noun is not None
    args = arguments_of(match.verb, match.noun, match.entry.target)
    assert (args.source.text, args.target.text) == ("Rebels", "garrison")


def test_an_unknown_word_list_name_raises(lex: EventLexicon) -> None:
    assert "not" in lex.word_list("negations")
    with pytest.raises(DictionaryError, match="negation"):
        lex.word_list("negation")
