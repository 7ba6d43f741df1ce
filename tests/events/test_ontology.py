"""The CAMEO ontology files: scores, roots and the PLOVER mapping with ancestor fallback."""

from __future__ import annotations

from eventwire.events.ontology import load_ontology


def test_release_maps_to_retreat_release() -> None:
    info = load_ontology().info("0841")
    assert (info.root, info.quad_class, info.event_type, info.mode) == ("08", 2, "RETREAT",
                                                                        "release")
    assert info.goldstein == 7.0


def test_goldstein_is_the_gdelt_table() -> None:
    # GDELT scores "deny responsibility" -2.0; the ICEWS table says -5.
    assert load_ontology().info("016").goldstein == -2.0


def test_codes_missing_from_plover_table_take_their_ancestor() -> None:
    # 1413 is not in the 2021 table; its parent 141 is PROTEST/demo.
    info = load_ontology().info("1413")
    assert (info.event_type, info.mode) == ("PROTEST", "demo")


def test_appeals_are_requests_and_statements_have_no_plover_type() -> None:
    onto = load_ontology()
    assert onto.info("020").event_type == "REQUEST"
    assert onto.info("010").event_type is None


def test_unknown_code_keeps_its_root() -> None:
    info = load_ontology().info("9999")
    assert info.root == "99" and info.quad_class is None


def test_every_cameo_code_has_its_scores() -> None:
    """A blank cell in the shipped table would make every event of that code fail to code."""
    ontology = load_ontology()
    blank = [code for code in ontology.codes() if ontology.info(code).goldstein is None]
    assert blank == []
