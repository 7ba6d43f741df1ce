"""Actor lookups of one document, and the lexicon matches they keep for its coders.

Every sentence here is invented for the test.
"""

from __future__ import annotations

from eventwire.events.actorlink import ActorLink
from eventwire.events.lexicon import builtin_lexicon
from eventwire.events.matching import match_token
from tests.events.conftest import Coder


def test_a_token_s_match_reads_the_document_s_actors_and_is_worked_out_once(
        code: Coder) -> None:
    doc = code("An Egyptian air strike hit a depot, and Cairo said it would hold talks.")
    assert doc.spacy is not None
    link, lex = ActorLink(doc), builtin_lexicon(statements=False)
    found = {}
    for tok in doc.spacy:
        match = link.match(tok, lex)
        assert match == match_token(tok, lex, link.names_actor)
        assert link.match(tok, lex) is match
        if match is not None:
            found[tok.text] = match.entry.cameo[:2]
    assert found.get("strike") == "19"
    assert "said" not in found  # the lexicon without plain statements
    said = next(tok for tok in doc.spacy if tok.text == "said")
    assert link.match(said, builtin_lexicon()) is not None  # with them
