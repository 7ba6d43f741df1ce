"""Material cooperation and aid as news tells them: acts done jointly, relief goods, counts
of people and goods, acts counted in sessions, and the home of a target named by its role.
Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from tests.events.conftest import Coder, codes, triples


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Bolivia and Peru jointly built a new railway line on Monday.", "061"),
        ("Greek and Turkish coast guards patrolled the strait together on Friday.", "062"),
        ("Chile ran coordinated patrols with Argentina along the border last week.", "062"),
        ("Ghana and Togo opened a joint customs post at Aflao on Tuesday.", "061"),
    ],
)
def test_an_act_done_jointly_is_material_cooperation_both_ways(
    code: Coder, text: str, cameo: str
) -> None:
    """CAMEO 06 and PLOVER COOPERATE, "mutual material cooperation": its kind from the
    words of the act."""
    doc = code(text)
    joint = [e for e in doc.events if e.rule == "joint_act"]
    assert {e.cameo for e in joint} == {cameo}, codes(doc)
    sides = {(e.source.country, e.target.country) for e in joint}
    assert len(sides) == 2 and all(a != b for a, b in sides), codes(doc)
    assert sides == {(b, a) for a, b in sides}, codes(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia and Peru held a joint news conference in La Paz on Monday.",
        "Bolivia suspended joint patrols with Peru on Monday.",
        "Bolivian and Peruvian officials jointly won the regional award on Monday.",
        "Bolivian police and soldiers jointly searched the village on Monday.",
    ],
)
def test_what_is_said_ended_or_won_jointly_is_no_joint_act(code: Coder, text: str) -> None:
    """A joint statement, an act on a joint act, a prize, or one side alone (both of
    Bolivia) is no material cooperation between two sides."""
    doc = code(text)
    assert not [e for e in doc.events if e.rule == "joint_act"], codes(doc)


def test_a_joint_act_announced_is_an_intent(code: Coder) -> None:
    doc = code("Bolivia and Peru will jointly build a bridge over the river.")
    assert {(r, s, t) for r, s, t in triples(doc)} == {("03", "BOL", "PER"), ("03", "PER", "BOL")}


@pytest.mark.parametrize("text", [
    "The Indian navy held exercises with the French navy in the Arabian Sea on Tuesday.",
    "Indian and French navies held exercises in the Arabian Sea on Tuesday.",
])
def test_an_exercise_held_with_another_side_is_a_joint_military_game(code: Coder,
                                                                     text: str) -> None:
    """CAMEO 062 covers joint maneuvers and exercises, both ways (``joint_games``)."""
    doc = code(text)
    assert triples(doc) == {("06", "IND", "FRA"), ("06", "FRA", "IND")}, codes(doc)


def test_an_exercise_held_alone_is_a_show_of_force(code: Coder) -> None:
    doc = code("The Indian navy held exercises in the Arabian Sea on Tuesday.")
    assert [e.cameo for e in doc.events] == ["150"], codes(doc)


def test_what_is_shared_is_no_side(code: Coder) -> None:
    """"Intelligence" shared is information, not a spy agency: the sides share it with
    each other."""
    doc = code("Kenya and Tanzania shared intelligence on the smugglers on Monday.")
    assert triples(doc) == {("06", "KEN", "TZA"), ("06", "TZA", "KEN")}, codes(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Chile sent 300 doctors to Ecuador on Tuesday.",
        "Peruvian air force planes dropped tents and blankets over Ecuador on Tuesday.",
        "Chile flew 40 tonnes of rice to Ecuador on Tuesday.",
    ],
)
def test_relief_goods_and_medical_teams_are_humanitarian_aid(code: Coder, text: str) -> None:
    """CAMEO 073: "provisions of shelter, food, medicine"."""
    doc = code(text)
    assert "073" in {e.cameo for e in doc.events}, codes(doc)


def test_bombs_dropped_are_no_aid(code: Coder) -> None:
    doc = code("Peruvian air force planes dropped bombs on the rebel camp on Tuesday.")
    assert not [e for e in doc.events if e.cameo_root == "07"], codes(doc)


def test_what_an_object_counts_is_what_the_act_is_done_to(code: Coder) -> None:
    """"Evacuated thousands of residents": the residents are evacuated (CAMEO 073)."""
    doc = code("Ecuadorian soldiers evacuated thousands of residents from the flooded town.")
    assert "073" in {e.cameo for e in doc.events}, codes(doc)


def test_an_act_counted_in_sessions_is_carried_by_its_light_verb(code: Coder) -> None:
    doc = code("Bolivian and Peruvian envoys held three days of talks in Lima.")
    assert {(r, s, t) for r, s, t in triples(doc) if r == "04"} == {
        ("04", "BOL", "PER"), ("04", "PER", "BOL")}, codes(doc)


def test_a_role_acted_on_by_a_state_is_of_that_state(code: Coder) -> None:
    """"The Bolivian government freed two rebel leaders": Bolivian rebels, though the
    sentence also names Norway."""
    doc = code("The Bolivian government freed two rebel leaders so they could join talks in Oslo.")
    freed = [e for e in doc.events if e.cameo_root == "08"]
    assert freed and freed[0].target.country == "BOL", codes(doc)


@pytest.mark.parametrize("text", ["The Bolivian president pardoned 300 prisoners on Friday.",
                                  "The Bolivian government freed 40 inmates on Monday."])
def test_people_named_by_no_role_acted_on_by_a_state_are_its_own(code: Coder,
                                                                 text: str) -> None:
    doc = code(text)
    freed = [e for e in doc.events if e.cameo_root == "08"]
    assert freed and freed[0].target.country == "BOL", codes(doc)


def test_a_role_attacked_by_a_state_keeps_no_country(code: Coder) -> None:
    """Force crosses borders: whose rebels a foreign army shells the sentence must say."""
    doc = code("Turkish jets bombed rebel positions near the Iraqi town of Zakho.")
    bombed = [e for e in doc.events if e.cameo_root in ("18", "19")]
    assert bombed and all(e.target.country != "TUR" for e in bombed), codes(doc)


@pytest.mark.parametrize("text", ["Chilean teachers struck across the country on Tuesday.",
                                  "Bus drivers and dock workers struck in Lima on Tuesday."])
def test_civilians_who_strike_stop_work(code: Coder, text: str) -> None:
    """CAMEO 143 "conduct strike or boycott", not an attack."""
    doc = code(text)
    assert doc.events and {e.cameo for e in doc.events} == {"143"}, codes(doc)


def test_soldiers_who_strike_attack(code: Coder) -> None:
    doc = code("Chilean jets struck rebel camps near the border on Tuesday.")
    assert {e.cameo_root for e in doc.events} == {"19"}, codes(doc)


def test_civilians_of_one_kind_in_the_plural_riot(code: Coder) -> None:
    """CAMEO 145: collective violence or damage by civilians is a riot."""
    doc = code("Hundreds of students torched cars and attacked police in Lima on Monday.")
    assert doc.events and {e.cameo for e in doc.events} == {"145"}, codes(doc)


@pytest.mark.parametrize("text", [
    "Protesters set the ruling party headquarters ablaze in Lima on Tuesday.",
    "Rioters set police cars alight in central Lima on Monday.",
    "Demonstrators smashed the windows of the Peruvian congress on Monday.",
])
def test_burning_and_smashing_by_a_crowd_is_a_riot(code: Coder, text: str) -> None:
    doc = code(text)
    assert doc.events and {e.cameo for e in doc.events} == {"145"}, codes(doc)


def test_setting_oneself_ablaze_damages_no_one(code: Coder) -> None:
    doc = code("A Peruvian farmer set himself ablaze outside the congress on Monday.")
    assert not [e for e in doc.events if e.cameo_root == "17"], codes(doc)


@pytest.mark.parametrize("text, cameo", [
    ("Peruvian troops clashed with rebels near the border on Monday.", "190"),
    ("Hundreds of lawyers clashed with police outside the court in Lima.", "145"),
    ("Protesters clashed with riot police in central Lima on Monday.", "145"),
])
def test_a_clash_is_a_fight_and_a_crowd_s_clash_a_riot(code: Coder, text: str,
                                                       cameo: str) -> None:
    """CAMEO 190 for armed sides; 145 when civilians clash (collective violence)."""
    doc = code(text)
    assert doc.events and {e.cameo for e in doc.events} == {cameo}, codes(doc)


@pytest.mark.parametrize("text, cameo", [
    ("Chile protested the arrest of its consul on Monday.", "114"),
    ("The Peruvian government protested the decision.", "114"),
    ("Chilean students protested against the fee increases.", "140"),
    ("Peruvian lawyers protested in Lima on Monday.", "140"),
])
def test_a_state_that_protests_complains_and_civilians_demonstrate(code: Coder, text: str,
                                                                   cameo: str) -> None:
    """CAMEO 114 "complain officially ... protest"; 140 "civilian demonstrations"."""
    doc = code(text)
    assert doc.events and {e.cameo for e in doc.events} == {cameo}, codes(doc)


@pytest.mark.parametrize("text, cameo", [
    ("Thousands of Chileans took to the streets of Santiago on Monday.", "141"),
    ("Tens of thousands of Peruvians poured into the streets of Lima.", "141"),
    ("Chilean nurses picketed the ministry of health on Monday.", "141"),
    ("Chilean teachers walked out on Monday over unpaid wages.", "143"),
    ("Chilean rioters rampaged through the centre of Valparaiso overnight.", "145"),
])
def test_how_news_tells_a_protest(code: Coder, text: str, cameo: str) -> None:
    """CAMEO 141 rallies, 143 strikes, 145 riots, in the words of news."""
    doc = code(text)
    assert [e.cameo for e in doc.events] == [cameo], codes(doc)


@pytest.mark.parametrize("text, root", [
    ("The Chilean senator attacked the president's pension proposal.", "11"),
    ("Peru assailed the Chilean decision to close the border.", "11"),
    ("Chilean rebels attacked an army base on Monday.", "19"),
    ("Chilean jets attacked rebel positions near the border.", "19"),
    ("Chilean troops hit rebel positions overnight.", "19"),
])
def test_an_attack_on_a_decision_or_a_proposal_is_criticism(code: Coder, text: str,
                                                           root: str) -> None:
    """PETRARCH-2's ATTACK * PROPOSAL / DECISION patterns: CAMEO 111, not force (what
    the decision decides is an event of its own, of whoever decided it)."""
    doc = code(text)
    roots = {e.cameo_root for e in doc.events if e.trigger.startswith(("attack", "assail", "hit"))}
    assert roots == {root}, codes(doc)


@pytest.mark.parametrize("text", ["Peru beat Chile 2-1 in the final on Sunday.",
                                  "Chile crushed the visitors 4\u20130 in Santiago."])
def test_a_beating_with_a_score_is_a_game(code: Coder, text: str) -> None:
    doc = code(text)
    assert not [e for e in doc.events if e.cameo_root in ("18", "19")], codes(doc)


@pytest.mark.parametrize("text", [
    "Bolivia's national side captured the regional title in La Paz on Sunday.",
    "The Peruvian striker's attack on goal in the last minute was saved.",
    "The Chilean champion surrendered the crown to a young Peruvian on Sunday.",
    "Peruvian striker released by Chilean club after loan spell",
])
def test_an_act_on_a_prize_or_a_part_of_a_game_is_sport(code: Coder, text: str) -> None:
    """``game_objects``: whatever the verb, what is done to a title, a goal or a player is
    sport."""
    assert code(text).events == [], codes(code(text))


def test_an_act_on_a_place_is_no_game(code: Coder) -> None:
    doc = code("Chilean rebels captured the border town of Arica on Sunday.")
    assert {e.cameo_root for e in doc.events} == {"19"}, codes(doc)


def test_a_beating_without_a_score_is_an_assault(code: Coder) -> None:
    doc = code("Chilean soldiers beat two protesters in Santiago.")
    assert {e.cameo for e in doc.events} == {"182"}, codes(doc)


def test_an_offer_to_mediate_is_no_act_with_one_another(code: Coder) -> None:
    doc = code("Norway and Qatar offered to mediate between the two sides.")
    assert doc.events and all(e.target.code not in ("NOR", "QAT") for e in doc.events)


@pytest.mark.parametrize("text, cameo", [
    ("A Kenyan court found the former minister guilty of fraud.", "116"),
    ("A Somali militant group claimed the bombing in Mogadishu.", "015"),
    ("Lithuania called the border incident an act of aggression.", "111"),
    ("The Dutch government issued an apology to Indonesia on Monday.", "055"),
    ("Peru extended diplomatic recognition to Kosovo on Tuesday.", "054"),
    ("Chile recognised the city as Bolivia's capital on Tuesday.", "054"),
    ("Chile and Peru inked a border agreement in Lima on Tuesday.", "057"),
    ("Hungary and Poland blocked the bloc's budget on Monday.", "129"),
    ("Russia's veto of the resolution drew criticism in Paris.", "129"),
    ("Chile's refusal of the Peruvian offer angered Lima.", "120"),
    ("The Chilean government balked at the IMF's conditions.", "120"),
    ("Chile signed the treaty, defying Argentina's warnings.", "128"),
    ("Chile announced that it was severing all diplomatic links with Peru.", "161"),
    ("The US raised tariffs on Chilean copper on Friday.", "163"),
    ("The Security Council voted to impose sanctions on Eritrea.", "163"),
    ("The Peruvian army sealed the only crossing into the valley.", "191"),
    ("Peruvian soldiers opened fire on the rebels in Ayacucho.", "193"),
])
def test_codebook_phrases(code: Coder, text: str, cameo: str) -> None:
    """CAMEO 116 "find guilty", 015 "claim responsibility", 111 "denounce", 055 "apologize",
    054 "grant diplomatic recognition", 057 "sign formal agreement", 120 "reject", 128 "defy
    norms", 129 "veto", 161 "break diplomatic relations", 163 "impose embargo, boycott or
    sanctions" (a council's vote to act is its act), 191 "impose blockade, restrict
    movement", 193 "fight with small arms"."""
    assert cameo in {e.cameo for e in code(text).events}, codes(code(text))


@pytest.mark.parametrize("text, target", [
    ("Peruvian students marched in Lima on Monday to demand the resignation of the "
     "Peruvian president.", "PERGOV"),
    ("Chilean students occupied the ministry on Monday, demanding that the Chilean "
     "government resign.", "CHLGOV"),
])
def test_what_protesters_demand_is_the_protest_s_aim(code: Coder, text: str,
                                                     target: str) -> None:
    """One act: the protest, against whom the demand is made; no demand of its own."""
    doc = code(text)
    assert [(e.cameo_root, e.target.code) for e in doc.events] == [("14", target)], codes(doc)


@pytest.mark.parametrize("text", [
    "Ghana and Togo opened a new railway line on Monday.",
    "Ghana, Togo open cross-border oil pipeline",
    "Ghana reopened the coastal highway with Togo on Monday.",
])
def test_a_link_opened_between_two_sides_is_economic_cooperation(code: Coder,
                                                                  text: str) -> None:
    """CAMEO 061 "initiate, resume, improve, or expand economic exchange": both ways, as
    an act done with one another."""
    doc = code(text)
    assert {(e.cameo, e.source.country, e.target.country) for e in doc.events} == {
        ("061", "GHA", "TGO"), ("061", "TGO", "GHA")}, codes(doc)


@pytest.mark.parametrize("text", [
    "Ghana reopened the coastal highway on Monday after the floods.",
    "The mayor of Accra opened a new bridge over the river on Monday.",
])
def test_a_link_opened_for_nobody_named_is_no_event(code: Coder, text: str) -> None:
    doc = code(text)
    assert not [e for e in doc.events if e.cameo_root == "06"], codes(doc)


def test_data_shared_with_another_side_is_intelligence_sharing(code: Coder) -> None:
    """CAMEO 064 "share intelligence or information"; spaCy's lemma of "data" is
    "datum", which the lexicon does not spell."""
    doc = code("Ghana shared its data with Togo on Monday.")
    assert ("064", "GHA", "TGO") in {(e.cameo, e.source.country, e.target.country)
                                     for e in doc.events}, codes(doc)


@pytest.mark.parametrize("text, cameo", [
    ("Ghana agreed on Monday to share intelligence with Togo.", "0314"),
    ("Ghana agreed on Monday to extradite the suspect to Togo.", "0313"),
])
def test_an_agreement_to_share_or_extradite_is_an_intent(code: Coder, text: str,
                                                         cameo: str) -> None:
    """CAMEO 0313 and 0314, intents to cooperate on judicial matters and on intelligence."""
    doc = code(text)
    assert (cameo, "GHA", "TGO") in {(e.cameo, e.source.country, e.target.country)
                                     for e in doc.events}, codes(doc)
