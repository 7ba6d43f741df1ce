"""Readings the CAMEO definitions give common news phrases: vows of harm, non-answers, shared
views, formal protests, and words the lemma guesses must not bend. Every sentence here is
invented for the test."""

from __future__ import annotations

import pytest

from eventwire.events.matching import lemma_keys
from tests.events.conftest import Coder, codes


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian president vowed that the attackers would pay a heavy price.",
        "The Peruvian president vowed that the killers would not go unpunished.",
        "The Peruvian president vowed to hunt down the bombers.",
    ],
)
def test_a_vow_of_harm_is_a_threat(code: Coder, text: str) -> None:
    """CAMEO 13: "coercive or forceful warnings with serious potential repercussions"."""
    doc = code(text)
    assert {e.cameo_root for e in doc.events} == {"13"}, codes(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels pledged not to take revenge on the town's residents.",
        "The Peruvian president promised to pay compensation to the farmers.",
    ],
)
def test_a_vow_that_rules_out_harm_is_no_threat(code: Coder, text: str) -> None:
    doc = code(text)
    assert "13" not in {e.cameo_root for e in doc.events}, codes(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean army would neither confirm nor deny the report.",
        "The Chilean army did not confirm or deny the report.",
    ],
)
def test_neither_confirming_nor_denying_is_declining_to_comment(code: Coder, text: str) -> None:
    doc = code(text)
    assert [e.cameo for e in doc.events] == ["011"], codes(doc)


def test_a_denial_alone_stays_a_denial(code: Coder) -> None:
    doc = code("The Chilean army denied the report on Monday.")
    assert [e.cameo for e in doc.events] == ["016"], codes(doc)


def test_agreeing_that_something_is_so_is_accord_not_intent(code: Coder) -> None:
    """CAMEO 019 "express accord"; "agreed that their envoys would meet" stays a plan."""
    view = code("The Chilean and Peruvian ministers agreed that the border dispute was settled.")
    assert {e.cameo for e in view.events} == {"019"}, codes(view)
    plan = code("The Chilean and Peruvian ministers agreed that their envoys would meet.")
    assert "019" not in {e.cameo for e in plan.events}, codes(plan)


def test_a_protest_lodged_with_a_state_is_a_formal_complaint(code: Coder) -> None:
    doc = code("Santiago lodged a formal protest with Lima over the fishing boats.")
    assert [(e.cameo, e.source.country, e.target.country) for e in doc.events] == [
        ("114", "CHL", "PER")], codes(doc)


def test_money_released_is_no_release_of_people(code: Coder) -> None:
    doc = code("The World Bank released the first $2 billion to Peru on Monday.")
    assert "0841" not in {e.cameo for e in doc.events}, codes(doc)


@pytest.mark.parametrize(("word", "guess", "not_guess"),
                         [("warning", "warn", "war"), ("shipping", "ship", None),
                          ("stopped", "stop", None)])
def test_lemma_guesses_drop_only_a_doubled_consonant(
    code: Coder, word: str, guess: str, not_guess: str | None
) -> None:
    tok = code(f"The {word} was new.").spacy[1]
    keys = lemma_keys(tok)
    assert guess in keys and (not_guess is None or not_guess not in keys), keys


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Peruvian cabinet quit on Monday after the protests.", "0831"),
        ("Peru quit the regional trade bloc on Monday.", "160"),
        ("Peru quit the border talks with Chile on Monday.", "164"),
        ("Chile and Peru swapped prisoners at the border on Monday.", "0841"),
        ("Chilean negotiators sat down with Peruvian envoys in Quito on Monday.", "046"),
        ("Chilean officials held a video conference with Peruvian envoys on Monday.", "041"),
        ("Washington froze $40 million meant for the Peruvian police.", "162"),
        ("Chilean investigators faulted the Peruvian army for the deaths.", "111"),
    ],
)
def test_common_news_verbs_have_their_codebookcodes(code: Coder, text: str, cameo: str) -> None:
    doc = code(text)
    assert cameo in {e.cameo for e in doc.events}, codes(doc)


@pytest.mark.parametrize("text", ["The Peruvian striker quit the club after the match.",
                                  "Peruvian nurses said they would quit their jobs.",
                                  "A criminal complaint was filed in a Lima court on Monday."])
def test_quitting_a_team_or_a_job_and_a_complaint_in_court_are_no_events(
    code: Coder, text: str
) -> None:
    doc = code(text)
    assert not doc.events, codes(doc)


def test_a_prisoner_swap_goes_both_ways(code: Coder) -> None:
    doc = code("Chile and Peru swapped prisoners at the border on Monday.")
    swapped = {(e.source.country, e.target.country) for e in doc.events if e.cameo == "0841"}
    assert swapped == {("CHL", "PER"), ("PER", "CHL")}, codes(doc)


def test_a_reaction_drawn_from_someone_is_theirs(code: Coder) -> None:
    """"X drew criticism from Y" is Y's criticism of X (CAMEO 111)."""
    doc = code("Hungary drew sharp criticism from Brussels over the new media law.")
    assert ("111", "HUN") in {(e.cameo, e.target.country) for e in doc.events}, codes(doc)
    assert all(e.source.country != "HUN" for e in doc.events), codes(doc)


def test_protests_drawn_from_rights_groups_are_no_demonstration(code: Coder) -> None:
    doc = code("The Thai expulsion of the activist drew protests from rights groups.")
    assert "14" not in {e.cameo_root for e in doc.events}, codes(doc)


def test_an_act_done_at_someone_s_request_answers_their_request(code: Coder) -> None:
    """"At Honiara's request": Honiara asked whoever acted (CAMEO 02)."""
    doc = code("Australia flew 100 police officers to Honiara at the request of Papua New Guinea.")
    assert ("02", "PNG", "AUS") in {(e.cameo_root, e.source.country, e.target.country)
                                    for e in doc.events}, codes(doc)


def test_criticism_of_a_plan_is_no_doer_s_criticism(code: Coder) -> None:
    doc = code("The Kenyan minister resigned after criticism of the plan.")
    assert "11" not in {e.cameo_root for e in doc.events}, codes(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Hanoi expressed strong displeasure with Manila's decision to detain the fishermen.",
        "The Kenyan government voiced indignation at Uganda's remarks.",
    ],
)
def test_a_feeling_of_disapproval_voiced_is_disapproval(code: Coder, text: str) -> None:
    """CAMEO 110: "express disapproval, objection, or complaint"."""
    doc = code(text)
    assert [(e.cameo, e.target.country) for e in doc.events][:1] in (
        [("110", "PHL")], [("110", "UGA")]), codes(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Quito gave the Mexican ambassador 72 hours to leave the country.",
        "The Chilean junta told the Swedish envoy to quit the country at once.",
    ],
)
def test_a_deadline_or_an_order_to_quit_is_an_expulsion(code: Coder, text: str) -> None:
    """CAMEO 174's note: an order to leave given to diplomats reduces relations (161)."""
    doc = code(text)
    assert {e.cameo for e in doc.events} == {"161"}, codes(doc)


def test_quitting_a_country_is_no_resignation(code: Coder) -> None:
    doc = code("The former Bolivian interior minister quit the country after the vote.")
    assert "0831" not in {e.cameo for e in doc.events}, codes(doc)


def test_a_title_participle_read_as_a_clause_is_no_act(code: Coder) -> None:
    """"met visiting President X": the parser may read "visiting X" as a clause of "met";
    the visit is X's, and the meeting is with X."""
    doc = code("Japanese Prime Minister Taro Aso met visiting Indonesian President "
               "Susilo Bambang Yudhoyono on Monday.")
    assert [(e.cameo, e.source.country, e.target.country) for e in doc.events] == [
        ("040", "JPN", "IDN")], codes(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Peru carried out strikes on Ecuadorean border posts overnight.",
        "The Peruvian army said its strikes had killed 20 rebels.",
    ],
)
def test_an_armed_strike_named_as_a_noun_is_an_attack(code: Coder, text: str) -> None:
    doc = code(text)
    assert {e.cameo_root for e in doc.events} >= {"19"}, codes(doc)


def test_a_labour_strike_against_a_law_stays_a_stoppage(code: Coder) -> None:
    doc = code("Peruvian dockworkers began a general strike against the new labour law.")
    assert "19" not in {e.cameo_root for e in doc.events}, codes(doc)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Pyongyang test-fired two short-range missiles into the sea.", "150"),
        ("Tehran tested a new long-range missile on Sunday.", "150"),
        ("Belgrade raised the combat readiness of its army.", "152"),
        ("Cairo allowed aid trucks into the Sudanese border town.", "0863"),
        ("Lima has stationed 2,000 soldiers along the northern border.", "154"),
    ],
)
def test_shows_of_force_and_aid_let_in_read_from_the_codebooks(
        code: Coder, text: str, cameo: str) -> None:
    """CAMEO 150 and PLOVER MOBILIZE ("test weapons systems"), 152 ("increase military
    alert status"), 0863 ("allow humanitarian access")."""
    doc = code(text)
    assert cameo in {e.cameo for e in doc.events}, codes(doc)


def test_a_loan_approved_for_someone_is_economic_aid(code: Coder) -> None:
    """CAMEO 071 "provide economic aid"."""
    doc = code("The Asian Development Bank approved a $400 million loan to Nepal.")
    assert [(e.cameo, e.target.country) for e in doc.events] == [("071", "NPL")], codes(doc)


def test_what_is_stopped_is_no_longer_done(code: Coder) -> None:
    doc = code("Peruvian troops stopped shelling the Ecuadorean border town on Friday.")
    assert "19" not in {e.cameo_root for e in doc.events}, codes(doc)


def test_the_expulsion_of_envoys_reduces_relations(code: Coder) -> None:
    """CAMEO 174's note: expelling diplomats is 161, however it is written."""
    doc = code("The expulsion of two Chilean diplomats by Lima angered Santiago.")
    assert [(e.cameo, e.source.country, e.target.country) for e in doc.events][:1] == [
        ("161", "PER", "CHL")], codes(doc)


def test_whom_a_means_is_used_on_is_named_by_its_purpose(code: Coder) -> None:
    doc = code("Peruvian police fired tear gas to disperse opposition supporters in Lima.")
    assert [(e.cameo, e.target.code) for e in doc.events][:1] == [("175", "PEROPP")], codes(doc)


@pytest.mark.parametrize("text", [
    "Peru has moved thousands of troops to the northern border.",
    "Peru has stationed hundreds of soldiers along the northern border.",
])
def test_the_forces_a_count_counts_are_the_mover_s_own(code: Coder, text: str) -> None:
    """CAMEO 154's target is "the party against whom the military move is directed":
    the troops counted are the source's, never the target."""
    doc = code(text)
    moves = [e for e in doc.events if e.cameo == "154"]
    assert moves and all(e.target.code is None for e in moves), codes(doc)
