"""PETRARCH-mode actors: codes composed from the actors and agents dictionaries."""

from __future__ import annotations

from pathlib import Path

from eventwire.actors.dictionaries import petrarch_actor_records
from eventwire.events.petrarch_actors import _mix
from tests.events.conftest import PETRARCH_DIR, Coder


def _triples(code: Coder, text: str) -> set[tuple[str, str, str]]:
    doc = code(text, dictionaries=[f"petrarch:{PETRARCH_DIR}"], require_actor="both")
    return {(e.source.code or "", e.target.code or "", e.cameo) for e in doc.events}


def test_actor_code_plus_agent_codes(code: Coder) -> None:
    got = _triples(code, "The Arnor foreign minister restored diplomatic ties with Gondor police.")
    assert got == {("ARNGOVFRM", "GONCOP", "064")}


def test_bare_country_has_no_role_and_agents_take_pp_actor(code: Coder) -> None:
    got = _triples(code, "Soldiers from Gondor restored diplomatic ties with Arnor yesterday.")
    assert got == {("GONMIL", "ARN", "064")}


def test_uncoordinated_list_gives_one_actor_per_item(code: Coder) -> None:
    got = _triples(code, "Arnor, Calenardhon and the proud Gondor restored diplomatic ties "
                         "with Osgiliath.")
    assert got == {("ARN", "OSG", "064"), ("CAL", "OSG", "064"), ("GON", "OSG", "064")}


def test_prefix_and_suffix_agents() -> None:
    assert _mix("ARN", ["NGO~", "~GOV"]) == "NGOARNGOV"
    assert _mix("ARN", ["~GOV", "~GOV"]) == "ARNGOV"


def test_dated_codes_with_spaces_are_read() -> None:
    records = {names[0]: periods
               for names, _, periods in petrarch_actor_records(Path(PETRARCH_DIR)
                                                               / "PETR.Validate.actors.txt")}
    codes = [(p.code, p.start, p.end) for p in records["GOLLUM"]]
    assert codes[0] == ("HOB", None, "1995-05-31")  # "< 950601": before that day
    assert codes[1] == ("HOBGOV", "1995-06-01", "1999-08-15")  # "19950601 - 19990815"


def test_passive_subject_without_by_stays_the_source(code: Coder) -> None:
    got = _triples(code, "Arnor was criticized over its dispute with Gondor.")
    assert got == {("ARN", "GON", "121")}


def test_a_clause_before_the_verb_is_not_its_target(code: Coder) -> None:
    got = _triples(code, "Arnor restored diplomatic ties with Gondor, a senior official said.")
    assert got == {("ARN", "GON", "064")}


def test_hyphenated_names_are_whole_words(code: Coder) -> None:
    got = _triples(code, "The Gondor police were freed from Barad-dur yesterday.")
    assert got == {("MOR", "GONCOP", "066")}
