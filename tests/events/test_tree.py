"""A document's children lists, read once, are what spaCy's ``tok.children`` walks.

Every sentence here is invented for the test.
"""

from __future__ import annotations

from eventwire.events.tree import Tree, memo_children, own_children
from tests.events.conftest import Coder

_TEXT = ("Border guards said on Monday that they had not fired on the protesters who gathered "
         "near the crossing. If the talks fail, the union will call a strike, its leader warned; "
         "police later detained two men and released them without charge.")


def test_every_token_s_children_are_spacy_s_in_the_same_order(code: Coder) -> None:
    doc = code(_TEXT).spacy
    tree, memo = Tree(doc), memo_children()
    assert sum(len(tree(tok)) for tok in doc) == len(doc) - len(list(doc.sents))
    for tok in doc:
        walked = [k.i for k in tok.children]
        assert [k.i for k in tree(tok)] == walked
        assert [k.i for k in memo(tok)] == walked == [k.i for k in own_children(tok)]
        assert memo(tok) is memo(tok)
        assert all(k.head.i == tok.i for k in tree(tok))
