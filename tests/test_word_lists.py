"""Stage code keeps its vocabulary in the lexicons, not in Python literals.

Why a test: a word set written in a module (``_TRAVEL = frozenset({"arrive", ...})``) is
vocabulary users cannot read or extend, and it drifts from the data files. The sets that
stay are grammar, not vocabulary: dependency labels, part-of-speech and entity labels,
CAMEO codes, and the fixed rules of PETRARCH that its dictionaries are validated against.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"
AREAS = ("actors", "anchor", "events")
#: The events' learned model reads its own feature vocabulary from its model files.
SKIPPED = {"events/learned.py", "events/features.py"}

#: Module-level sets of strings that stay in code, and what kind of token they hold.
GRAMMAR = {
    "actors/coref.py": {"INSTITUTIONS": "CAMEO role codes", "_QUOTES": "punctuation"},
    "actors/dictionaries.py": {"KINDS": "the dictionary format's kind field"},
    "actors/lexicon.py": {"ROLE_CODES": "CAMEO role codes"},
    "actors/matching.py": {"_OTHER_NAME_LABELS": "entity labels", "_PLACE_LABELS": "entity labels",
                           "_ALONE_DEPS": "dependency labels",
                           "_COUNTRY_KINDS": "the lexicon's entry kinds"},
    "actors/names.py": {"_NOT_ACTOR_LABELS": "entity labels"},
    "actors/recognize.py": {"_CLOCK": "entity labels",
                            "_PLACE_KINDS": "the name lexicon's kind field",
                            "_NON_STATE_ARMED": "CAMEO role codes"},
    "actors/syntax.py": {"MODIFIER_DEPS": "dependency labels", "ARGUMENT_DEPS": "dependency labels",
                         "NOUN_POS": "part-of-speech tags", "SUBJECT_DEPS": "dependency labels"},
    "anchor/date.py": {"ADVERBIAL_DEPS": "dependency labels", "ADNOMINAL_DEPS": "dependency labels",
                       "SAME_CLAUSE": "dependency labels"},
    "anchor/place.py": {"ACTOR_DEPS": "dependency labels", "PARTICIPLE_DEPS": "dependency labels"},
    "events/actorlink.py": {"_PRONOUNS": "relative pronouns, a closed grammatical class"},
    "events/arguments.py": {"_SUBJ": "dependency labels", "_OBJ": "dependency labels",
                            "_INHERIT": "dependency labels", "_NAMED": "entity labels",
                            "_AGENT_MODIFIERS": "dependency labels", "_WHEN": "entity labels",
                            "_FINITE": "part-of-speech tags", "_PLACES": "entity labels"},
    "events/coder.py": {"_COOPERATIVE_ROOTS": "CAMEO codes", "_NOT_ACTORS": "entity labels",
                        "_SIDES": "entity labels"},
    "events/timecues.py": {"BACKGROUND_AGES": "the age steps of _age"},
    "events/tree.py": {"_STOPS": "punctuation", "PAST_FORMS": "part-of-speech tags"},
    "events/matching.py": {"_VERB_POS": "part-of-speech tags", "_NOUN_POS": "part-of-speech tags",
                           "_OBJECT_DEPS": "dependency labels",
                           "_RELATIVES": "part-of-speech tags",
                           "_PARTICLE_DEPS": "dependency labels"},
    "events/mood.py": {"_COMPLEMENT_DEPS": "dependency labels"},
    "events/petrarch_actors.py": {"_CLIMB": "dependency labels", "_SKIP": "dependency labels",
                                  "_SUBJECTS": "dependency labels",
                                  "_NOT_TARGET": "dependency labels",
                                  "_PP": "PETRARCH's fixed rule", "_OF": "PETRARCH's fixed rule",
                                  "_PERSONAL": "PETRARCH's fixed rule"},
    "events/petrarch_read.py": {"MARKERS": "PETRARCH's dictionary syntax"},
    "events/verbclasses.py": {"_OBJECT_DEPS": "dependency labels"},
}


def _string_sets(tree: ast.Module) -> list[str]:
    """Names bound at module level to a set of strings (a literal, or a frozenset).

    Bare tuples are left out: they are ordered preferences ("by" before "from"), or codes."""
    names = []
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        value = getattr(node, "value", None)
        if not isinstance(target, ast.Name) or value is None:
            continue
        kinds: tuple[type, ...] = (ast.Set,)
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") in {"frozenset", "set"}:
            value, kinds = (value.args[0] if value.args else value), (ast.Set, ast.Tuple)
        if isinstance(value, kinds) and value.elts and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts
        ):
            names.append(target.id)
    return names


def _modules() -> list[str]:
    return sorted(
        str(p.relative_to(PACKAGE)) for area in AREAS for p in (PACKAGE / area).glob("*.py")
        if str(p.relative_to(PACKAGE)) not in SKIPPED
    )


@pytest.mark.parametrize("module", _modules())
def test_stage_code_holds_no_word_sets(module: str) -> None:
    tree = ast.parse((PACKAGE / module).read_text("utf-8"))
    kept = GRAMMAR.get(module, {})
    assert [n for n in _string_sets(tree) if n not in kept] == []
