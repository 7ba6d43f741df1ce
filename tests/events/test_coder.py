"""The rule-based coder's dyads: one event per source and target, and acts done with one
another (``mutual_codes`` of the lexicon) read both ways. Every sentence here is invented
for the test."""

from __future__ import annotations

import pytest

from tests.events.conftest import Coder, codes, triples


def test_coordinated_sources_of_a_mutual_act_act_on_each_other(code: Coder) -> None:
    doc = code("Kenya and Ethiopia signed a border security pact on Friday.")
    signed = {(s, t) for r, s, t in triples(doc) if r == "05"}
    assert signed == {("KEN", "ETH"), ("ETH", "KEN")}, triples(doc)


def test_a_headline_list_of_a_mutual_act_reads_both_ways(code: Coder) -> None:
    doc = code("Kenya, Ethiopia sign border security pact")
    signed = {(s, t) for r, s, t in triples(doc) if r == "05"}
    assert signed == {("KEN", "ETH"), ("ETH", "KEN")}, triples(doc)


def test_coordinated_sources_of_a_mutual_act_in_a_place_act_on_each_other(code: Coder) -> None:
    """The place is where they act together, not whom they act on."""
    doc = code("Kenya and Ethiopia agreed to cooperate in Somalia.")
    agreed = {(s, t) for r, s, t in triples(doc) if r == "03"}
    assert agreed == {("KEN", "ETH"), ("ETH", "KEN")}, triples(doc)


def test_coordinated_backers_of_a_plan_endorse_it_not_each_other(code: Coder) -> None:
    """CAMEO 051 "praise or endorse": backing is no cooperation done with one another."""
    doc = code("Norway and Iceland backed the fishing plan on Monday.")
    assert sorted((e.cameo, e.source.country, e.target.country) for e in doc.events) == [
        ("051", "ISL", None), ("051", "NOR", None)], codes(doc)


def test_a_backing_needs_a_backer(code: Coder) -> None:
    """Troops "backed by helicopters" or a blockade "backing" a cause: no one endorses."""
    doc = code("A week of blockades backing the strikers closed the port of Antofagasta.")
    assert [c for c in codes(doc) if c[0].startswith("05")] == [], codes(doc)


def test_coordinated_sources_of_a_one_sided_act_keep_its_target(code: Coder) -> None:
    doc = code("Kenya and Ethiopia sent food aid to Somalia on Friday.")
    aid = {(s, t) for r, s, t in triples(doc) if r == "07"}
    assert aid == {("KEN", "SOM"), ("ETH", "SOM")}, triples(doc)


def test_coordinated_sources_of_a_fight_do_not_fight_each_other(code: Coder) -> None:
    """A joint operation fights a third party, and the lexicon does not tell "clashed"
    from "attacked"."""
    doc = code("Kenyan police and army reservists launched a joint operation on Thursday.")
    sides = {"KENCOP", "KENMIL"}
    assert not [e for e in doc.events if {e.source.code, e.target.code} <= sides], \
        [(e.cameo, e.source.code, e.target.code) for e in doc.events]


@pytest.mark.parametrize("text", ["Qatar and Egypt mediated on Sunday.",
                                  "Qatar and Egypt praised the deal on Sunday."])
def test_coordinated_sources_of_an_act_done_to_others_stay_apart(code: Coder, text: str) -> None:
    doc = code(text)
    assert doc.events and all(e.target.country is None for e in doc.events), \
        [(e.cameo, e.source.code, e.target.code) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Lithuania expelled two Belarusian diplomats on Friday.", "161"),
        ("Slovakia ordered three Hungarian diplomats to leave the country.", "161"),
        ("Ecuador declared the Colombian ambassador persona non grata.", "161"),
        ("Estonia ordered the Belarusian envoy out on Monday.", "161"),
        ("Belarus expelled two Polish journalists on Monday.", "174"),
        ("The junta expelled UN weapons inspectors on Monday.", "166"),
    ],
)
def test_an_expulsion_is_coded_by_who_is_expelled(code: Coder, text: str, cameo: str) -> None:
    """CAMEO 174's note: expelling diplomats reduces relations (161), expelling other
    people is 174, and inspectors, observers or aid agencies 166."""
    doc = code(text)
    assert [e.cameo for e in doc.events] == [cameo], \
        [(e.cameo, e.source.code, e.target.code) for e in doc.events]


@pytest.mark.parametrize("text, expected", [
    ("The Chilean foreign minister travelled to Lima on Monday.", ("04", "CHL", "PER")),
    ("The Spanish king will travel to Morocco next week.", ("03", "ESP", "MAR")),
    ("Norway flew 40 tonnes of medical aid into Beirut on Friday.", ("07", "NOR", "LBN")),
])
def test_travel_and_deliveries_are_done_to_where_they_go(code: Coder, text: str,
                                                         expected: tuple[str, str, str]) -> None:
    """CAMEO 042 is "all visits and travels"; aid flown into a city is aid to its country."""
    assert expected in triples(code(text)), triples(code(text))


def test_a_travel_needs_a_traveller(code: Coder) -> None:
    """``require: [source]``: things travel too ("the exhibition travelled to Lima")."""
    assert not any(r == "04" for r, _, _ in triples(code("The paintings travelled to Lima.")))


def test_a_person_flown_somewhere_makes_no_visit(code: Coder) -> None:
    doc = code("The suspect was flown to Madrid under guard on Tuesday.")
    assert not any(r == "04" for r, _, _ in triples(doc)), triples(doc)


@pytest.mark.parametrize("text, root", [
    ("The Kenyan president thanked Uganda for its support on Monday.", "05"),
    ("Hungary turned down a Romanian request for talks on Friday.", "12"),
    ("Serbia surrendered two suspects to Croatian prosecutors on Monday.", "06"),
    ("Chadian troops fought alongside Nigerian soldiers near the border.", "06"),
    ("Armenia's rocket barrage on the Azerbaijani town lasted an hour.", "19"),
    ("Two Kenyan soldiers died in a firefight with Somali militants on Monday.", "19"),
    ("Ethiopian forces began a counteroffensive against Eritrean units.", "19"),
    ("Bulgaria suspended military cooperation with Serbia on Friday.", "16"),
    ("Peru cancelled a planned visit by the Chilean foreign minister.", "16"),
    ("Canada froze the assets of two Venezuelan state companies.", "16"),
    ("Oman hosted talks between Iranian and Saudi officials on Monday.", "04"),
    ("Rwandan soldiers massacred villagers in eastern Congo, a UN report said.", "20"),
    ("Kenyan protesters hurled stones at the police in Nairobi on Tuesday.", "14"),
    ("Indian and Pakistani troops exchanged fire in Kashmir on Monday.", "19"),
    ("Bolivia and Peru struck a deal on gas exports on Monday.", "05"),
    ("Chile asked Peru to extradite the former minister.", "02"),
    ("Russia warned Finland of retaliation if it joined the alliance.", "13"),
    ("Serbia dismissed the Croatian accusation as a fabrication.", "01"),
    ("Iran denied that its drones had struck a Saudi tanker.", "01"),
    ("Kenyan protesters stormed the parliament building in Nairobi.", "14"),
    ("Riot police fired tear gas at Kenyan protesters in Nairobi.", "17"),
    ("Kenyan police lobbed tear gas at protesters in Nairobi on Tuesday.", "17"),
    ("China held military drills near the Philippines on Monday.", "15"),
    ("Washington hit Beijing with new tariffs on steel on Friday.", "16"),
    ("Kenya's supreme court struck down the ban on Ugandan imports.", "12"),
    ("Ghana's president began a three-day visit to Nigeria on Monday.", "04"),
    ("The trade deal was signed during a visit by the Kenyan president to Uganda.", "04"),
    ("Japan handed the Kenyan navy two patrol boats on Tuesday.", "07"),
    ("Ugandan rebels handed in their rifles at a UN camp in Congo.", "08"),
    ("Kenya put its troops on high alert on Monday.", "15"),
    ("Uganda called up 5,000 reservists on Friday.", "15"),
    ("Kenya dispatched two warships to the Somali coast.", "15"),
    ("Russia flew two bombers near the Norwegian coast on Monday.", "15"),
    ("Kenyan police placed the Ugandan opposition leader under house arrest.", "17"),
    ("Morocco summoned home its ambassador to Germany on Thursday.", "16"),
    ("The Ugandan delegation walked out of the talks with Kenya on Friday.", "16"),
    ("Thousands of Kenyan protesters stormed the parliament building in Nairobi.", "14"),
    ("Kenyan police said rioters who attacked a police station would be charged.", "14"),
    ("Kampala denied any involvement in the Kenyan border raid.", "01"),
    ("Kenya's foreign ministry denied any wrongdoing on Friday.", "01"),
    ("Uganda accused Kenya of spying, a charge Nairobi dismissed.", "01"),
    ("The Kenyan foreign minister declined to say whether Uganda had been told.", "01"),
    ("Kenyan police raided the Nairobi offices of a Ugandan newspaper on Monday.", "17"),
    ("Ugandan troops raided a Kenyan border post on Monday.", "19"),
    ("Kenyan troops entered the town at Uganda's request on Friday.", "02"),
    ("Kenya insisted on the withdrawal of Ugandan troops.", "10"),
    ("Kenyan police handed the Ugandan suspect over to Ugandan detectives.", "06"),
    ("Kenyan teachers' unions called a national strike on Monday.", "14"),
    ("Kenyan teachers ended their strike on Monday.", "08"),
    ("Uganda's president pardoned two jailed Kenyan journalists on Friday.", "08"),
    ("Kenya's government backed down on the fuel tax after riots in Nairobi.", "08"),
    ("Ugandan soldiers killed 30 Kenyan herders near the border on Monday.", "19"),
    ("Ugandan rebels killed 30 Kenyan herders near the border on Monday.", "18"),
    ("Ugandan rebels handed the captured Kenyan soldiers over to the Red Cross.", "08"),
])
def test_the_codebook_names_these_acts(code: Coder, text: str, root: str) -> None:
    """Entries written from the CAMEO definitions: thanks are praise (051), refusing in
    phrasal verbs (120), suspending cooperation (160), cancelling a visit (161), freezing
    assets (163), hosting talks between others (045), a massacre (202), rioters' stones
    (145), an exchange of fire (190), a deal struck (057); a request is an appeal (02); a
    warning of repercussions a threat (130); dismissing or denying a charge is a denial
    (016); force by protesters a violent protest (145); tear gas violent repression (175);
    drills a show of force (150); hitting a country with tariffs sanctions it (163); striking
    down a law rejects it (120); a visit named as a noun with its visitor is a visit (042);
    handing over boats is military aid (072), handing in one's rifles disarming (0873);
    alerts, call-ups, dispatched warships and bombers flown near a coast are force
    posture (15); house arrest is detention (173); summoning an envoy home reduces
    relations (161) and walking out of talks halts them (164). A crowd counted ("thousands
    of protesters") or named before a relative clause ("rioters who attacked") is a crowd;
    denying a misdeed or a part in it, or dismissing a charge in a relative clause ("a
    charge Nairobi dismissed"), denies responsibility (016); declining to say is declining
    to comment (011). A raid by the police is a seizure (171), by troops an attack (190).
    A request named as a noun is an appeal (020); insisting on something demands it (10).
    A person handed over to the police is judicial cooperation (063), to the Red Cross a
    release (0841). A pardon frees (0841); backing down yields (080). A killing by soldiers
    is conventional force (190), by rebels an assault (1823)."""
    doc = code(text)
    assert root in {r for r, _, _ in triples(doc)}, triples(doc)


@pytest.mark.parametrize("text", [
    "Kenyan troops fought a fire at a Ugandan army depot on Monday.",
    "The hurricane hit the coast of Cuba on Sunday.",
    "The Cuban coast was hit by a hurricane on Sunday.",
    "A Kenyan senator is fighting cancer, his office said.",
    "A Kenyan woman was killed in a car crash on Friday.",
    "A Kenyan man pleaded guilty to fraud on Monday.",
    "Ugandan police released the information on Tuesday.",
    "The Kenyan minister said the change should be simple.",
    "The Kenyan opposition stepped up pressure on the president on Monday.",
    "The Kenyan army insisted that no shots had been fired at Ugandan protesters.",
    "The earthquake that struck western Kenya destroyed hundreds of homes.",
    "The Kenyan president signed a decree setting new election rules.",
])
def test_no_political_act_is_read_in_these(code: Coder, text: str) -> None:
    """Forces of nature, mishaps and things done to things are no acts of an actor
    (``natural_forces``, ``mishaps``, an entry's ``not_objects``)."""
    assert not code(text).events, triples(code(text))


def test_a_demand_announced_for_the_future_is_no_threat(code: Coder) -> None:
    doc = code("The Kenyan government will ask Uganda to extradite the suspects.")
    assert not any(r == "13" for r, _, _ in triples(doc)), triples(doc)


def test_the_possessor_of_an_arrest_is_the_one_arrested(code: Coder) -> None:
    doc = code("Kenya condemned the Ugandan opposition leader's arrest by Ugandan police.")
    arrests = [(e.source.code, e.target.code) for e in doc.events if e.cameo_root == "17"]
    assert arrests == [("UGACOP", "UGAOPP")], triples(doc)


def test_an_obligation_asked_of_an_actor_is_a_demand(code: Coder) -> None:
    doc = code("The UN said Israel must withdraw its troops from Lebanon.")
    demands = [(e.source.code, e.target.code) for e in doc.events if e.cameo_root == "10"]
    assert demands == [("IGOUNO", "ISR")], triples(doc)


def test_talks_held_with_another_side_are_held_by_both(code: Coder) -> None:
    """Negotiating, phoning, meeting at a third place and signing an agreement are done by
    both sides (``joint_codes``); a visit is not."""
    doc = code("Kenya's president held talks with Ugandan President Yoweri Museveni on Friday.")
    talks = {(s, t) for r, s, t in triples(doc) if r == "04"}
    assert talks == {("KEN", "UGA"), ("UGA", "KEN")}, triples(doc)
    visit = code("Kenya's president visited Uganda on Friday.")
    assert ("04", "UGA", "KEN") not in triples(visit), triples(visit)


def test_talks_between_two_sides_name_their_doers(code: Coder) -> None:
    doc = code("Talks between Kenya and Uganda broke down on Friday night.")
    talks = {(s, t) for r, s, t in triples(doc) if r == "04"}
    assert talks == {("KEN", "UGA"), ("UGA", "KEN")}, triples(doc)


@pytest.mark.parametrize("text", [
    "Kenya warned it would close the border if Uganda raised its tariffs.",
    "Kenya threatened a trade war if Uganda raised its tariffs.",
    "Kenya vowed retaliation if Uganda raised its tariffs.",
])
def test_a_threat_is_aimed_at_the_subject_of_its_condition(code: Coder, text: str) -> None:
    doc = code(text)
    assert ("13", "KEN", "UGA") in triples(doc), triples(doc)


@pytest.mark.parametrize("text", [
    "A Kenyan air strike killed four Somali militants near Kismayo on Monday.",
    "Kenyan troops shelled the Somali town of Kismayo, killing nine civilians.",
])
def test_the_dead_of_an_attack_are_its_toll(code: Coder, text: str) -> None:
    """One assault, not an assault and a killing: the killing tells the attack's toll, and
    its victims are whom the attack was done to."""
    doc = code(text)
    assert [(r, s, t) for r, s, t in triples(doc)] == [("19", "KEN", "SOM")], triples(doc)


@pytest.mark.parametrize("text, root", [
    ("Six Malian soldiers were killed in heavy fighting near Gao on Sunday.", "19"),
    ("A bombing killed three Iraqi policemen in Mosul on Friday.", "18"),
    ("Six Malian soldiers were killed in an attack near Gao on Sunday.", "18"),
])
def test_a_killing_with_no_killer_is_the_act_it_happened_in(code: Coder, text: str,
                                                             root: str) -> None:
    """The dead of a battle were killed in a fight (CAMEO 19), of a bombing in an assault
    (18); "an attack" (``vague_attacks``) says no more than the killing."""
    doc = code(text)
    assert [e.cameo_root for e in doc.events] == [root], codes(doc)


def test_a_killing_of_its_own_is_an_event(code: Coder) -> None:
    doc = code("Gunmen killed nine Kenyan villagers near the Somali border.")
    assert any(r == "18" for r, _, _ in triples(doc)), triples(doc)


def test_an_act_inside_a_condition_is_not_announced(code: Coder) -> None:
    """"if Uganda sent troops" is the threat's condition, not Uganda's threat."""
    doc = code("Kenya warned it would respond if Uganda sent troops to the border.")
    threats = {(s, t) for r, s, t in triples(doc) if r == "13"}
    assert threats == {("KEN", "UGA")}, triples(doc)


def test_the_forces_shown_are_no_target(code: Coder) -> None:
    """CAMEO 15's target is "the party against whom the military move is directed", not
    the troops moved."""
    doc = code("Uganda called up 5,000 reservists on Friday.")
    assert ("15", "UGA", None) in triples(doc), triples(doc)


def test_a_warning_about_oneself_is_a_warning(code: Coder) -> None:
    """"warned it would retaliate": "it" is the speaker, so the warning has no target,
    and is still a warning."""
    doc = code("Kenya warned on Monday that it would retaliate.")
    assert ("13", "KEN", None) in triples(doc), triples(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Tanzanian troops shelled the Ugandan army and several farm buildings near the lake.",
        "Mozambican soldiers burned the rebel camp and two warehouses on Friday.",
    ],
)
def test_a_list_of_targets_gives_events_only_for_its_actors(code: Coder, text: str) -> None:
    doc = code(text)
    assert doc.events, text
    assert all(e.target.code for e in doc.events), [(e.target.text, e.target.code)
                                                    for e in doc.events]


def test_a_list_of_things_is_one_act_on_no_actor(code: Coder) -> None:
    doc = code("Rebels torched warehouses and trucks in the port on Tuesday.")
    assert len([e for e in doc.events if e.cameo_root == "17"]) == 1, doc.events


def test_coordinated_sources_of_an_exchange_of_fire_fire_on_each_other(code: Coder) -> None:
    pairs = {(s, t) for r, s, t in triples(code(
        "Kenyan and Somali troops exchanged fire near the border on Monday.")) if r == "19"}
    assert pairs == {("KEN", "SOM"), ("SOM", "KEN")}, pairs


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Kampala and Kigali accused each other of backing the rebels.", "11"),
        ("Kenyan and Somali troops fired at one another near the border post.", "19"),
    ],
)
def test_coordinated_sources_acting_on_each_other_act_both_ways(
    code: Coder, text: str, root: str
) -> None:
    pairs = {(s, t) for r, s, t in triples(code(text)) if r == root}
    assert {p for p in pairs if None not in p} == {(a, b) for a, b in pairs} and len(pairs) == 2, \
        pairs
    assert {(b, a) for a, b in pairs} == pairs, pairs


def test_reported_speech_gives_the_speaker_s_statement_and_the_act(code: Coder) -> None:
    doc = code("Ugandan troops shelled the Kenyan town of Busia, the Kenyan army said.",
               statements=True)
    assert {("19", "UGA", "KEN"), ("01", "KEN", None)} <= triples(doc), triples(doc)
    said = [e for e in doc.events if e.cameo == "010"]
    assert [e.trigger for e in said] == ["said"] and said[0].target.code is None


def test_a_statement_that_is_another_act_of_its_speaker_is_that_act(code: Coder) -> None:
    doc = code("Kenya said it would host talks between the two sides next month.",
               statements=True)
    assert doc.events and all(e.cameo != "010" for e in doc.events), \
        [(e.cameo, e.trigger) for e in doc.events]


def test_an_unnamed_speaker_makes_no_statement(code: Coder) -> None:
    doc = code("Witnesses said the Kenyan soldiers fired into the air.", statements=True)
    assert all(e.cameo != "010" for e in doc.events), [(e.cameo, e.trigger) for e in doc.events]


def test_statements_are_events_only_when_asked_for(code: Coder) -> None:
    text = "Kenya said on Monday that the border would stay open."
    assert code(text).events == []
    assert [e.cameo for e in code(text, statements=True).events] == ["010"]


def test_an_object_the_parse_strands_after_its_preposition_is_still_its_object(
    code: Coder,
) -> None:
    """The parse can take the phrase after "to" as the subject of the clause that follows
    ("to four officers holed up ..."): the phrase is still whom asylum is granted to."""
    doc = code("Chile has granted political asylum to four Bolivian navy officers holed up "
               "in a consular residence.")
    assert ("07", "CHL", "BOL") in triples(doc), triples(doc)


@pytest.mark.parametrize("text", [
    "The Peruvian foreign ministry summoned the Chilean ambassador to protest the arrests.",
    "Peru summoned the Chilean envoy to protest the incursion.",
])
def test_an_act_done_to_do_the_same_act_is_one_act(code: Coder, text: str) -> None:
    """Summoning an envoy to protest is one complaint (CAMEO 114), not two."""
    doc = code(text)
    assert [e.trigger for e in doc.events if e.cameo == "114"] == ["summoned"], \
        [(e.cameo, e.trigger, e.source.code) for e in doc.events]


@pytest.mark.parametrize("text, expected", [
    ("Moldovan troops withdrew from Ukraine on Monday.",
     ("08", "MDA", "UKR")),
    ("The last Turkish soldiers pulled out of Libya on Sunday.", ("08", "TUR", "LBY")),
    ("Kenya pulled its soldiers out of Somalia last week.", ("08", "KEN", "SOM")),
    ("Chad completed the withdrawal of its troops from Mali on Tuesday.", ("08", "TCD", "MLI")),
])
def test_a_withdrawal_is_from_the_country_it_leaves(code: Coder, text: str,
                                                    expected: tuple[str, str, str]) -> None:
    """The troops withdrawn are the source's own, never the target (``own_force_codes``);
    the country left is ("from", or "of" after "out")."""
    assert triples(code(text)) == {expected}, codes(code(text))


def test_the_men_a_withdrawal_pulls_out_are_the_source_s_own(code: Coder) -> None:
    doc = code("The rebel commander pulled his men out of the town on Monday.")
    assert [(e.cameo_root, e.target.code) for e in doc.events] == [("08", None)], codes(doc)


def test_a_withdrawal_from_an_organisation_cuts_relations_with_it(code: Coder) -> None:
    """CAMEO 160: leaving a body is no retreat (``body_sectors``)."""
    doc = code("Burundi withdrew from the International Criminal Court on Friday.")
    assert [e.cameo for e in doc.events] == ["160"], codes(doc)


@pytest.mark.parametrize("text", [
    "The Chilean opposition withdrew from talks with the government on Monday.",
    "The Chilean opposition pulled out of the negotiations with the government.",
])
def test_a_withdrawal_from_talks_halts_negotiations(code: Coder, text: str) -> None:
    """CAMEO 164, no military retreat (087): ``talk_nouns``."""
    doc = code(text)
    assert [e.cameo for e in doc.events] == ["164"], codes(doc)


def test_a_withdrawal_from_what_is_no_actor_has_no_event(code: Coder) -> None:
    assert triples(code("The opposition party withdrew from the talks on Monday.")) == set()


@pytest.mark.parametrize("text", [
    "Ugandan opposition leader arrested after rally in Kampala",
    "Georgian opposition leader Nika Melia arrested as protests grow",
])
def test_a_headline_participle_is_passive(code: Coder, text: str) -> None:
    """Headlines drop the auxiliary: the subject of "arrested" is the one arrested."""
    doc = code(text)
    assert [(e.cameo_root, e.source.code, bool(e.target.code)) for e in doc.events] == [
        ("17", None, True)], codes(doc)


def test_running_text_keeps_its_subject_as_the_doer(code: Coder) -> None:
    doc = code("Amnesty called on Kenyan authorities to free the protesters.")
    assert ("02", "NGOAMN") in [(e.cameo_root, e.source.code) for e in doc.events], codes(doc)


def test_a_suspect_handed_over_is_handed_to_the_receiving_state(code: Coder) -> None:
    """CAMEO 063: the target of an extradition or a handover is who receives the suspect."""
    doc = code("Peru extradited the Bolivian banker to Spain on Monday.")
    assert triples(doc) == {("06", "PER", "ESP")}, codes(doc)


@pytest.mark.parametrize("text, root", [
    ("Kenya's central bank governor warned that inflation would rise next year.", "01"),
    ("Kenya warned it would close the border with Somalia.", "13"),
    ("Kenya warned that any incursion would be answered with force.", "13"),
    ("Kenya warned Somalia that its troops could be expelled.", "13"),
])
def test_a_warning_threatens_only_what_someone_is_to_do(code: Coder, text: str,
                                                        root: str) -> None:
    """CAMEO 012 "make pessimistic comment" for what no actor is to do; 13 otherwise."""
    doc = code(text)
    assert [e.cameo_root for e in doc.events] == [root], codes(doc)


def test_a_raid_is_done_by_whoever_acted_in_it(code: Coder) -> None:
    """"Captured by X in a raid": X raided (``doer_in_nouns``)."""
    doc = code("Two Kenyan soldiers were captured by Somali militants in a cross-border raid.")
    assert ("19", "SOM") in [(e.cameo_root, e.source.country) for e in doc.events], codes(doc)



@pytest.mark.parametrize("text, expected", [
    ("Greece stands ready to help Turkey after the earthquake.", {("03", "GRC", "TUR")}),
    ("The Chilean government said it was willing to help Bolivia.", {("03", "CHL", "BOL")}),
    ("Chile said it was ready to send troops to Haiti.", {("03", "CHL", "HTI")}),
    ("Chile was not ready to help Bolivia.", set()),
    ("Is Chile ready to help Bolivia?", set()),
])
def test_ready_or_willing_to_act_is_an_intent(code: Coder, text: str,
                                              expected: set[tuple[str, str, str]]) -> None:
    """CAMEO 03: an adjective of readiness with the act it is ready for (``ready_to``);
    an act an entry codes gives the intent its code ("ready to send troops": 0332)."""
    assert triples(code(text)) == expected, codes(code(text))


@pytest.mark.parametrize("text, expected", [
    ("Chile sent a thousand soldiers to the border on Monday.", {("15", "CHL", None)}),
    ("The Chilean government sent troops to the northern provinces.", {("15", "CHL", None)}),
    ("Chile sent 500 troops to Haiti on Monday.", {("07", "CHL", "HTI")}),
    ("Chile sent Haiti 500 troops on Monday.", {("07", "CHL", "HTI")}),
])
def test_troops_sent_where_no_country_receives_them_are_mobilised(
        code: Coder, text: str, expected: set[tuple[str, str, str | None]]) -> None:
    """CAMEO 154 "mobilize armed forces", not 072 military aid (``deployed_forces``)."""
    assert triples(code(text)) == expected, codes(code(text))


@pytest.mark.parametrize("text, expected", [
    ("Chilean police arrest former minister Jose Perez at his home", {("17", "CHL", "CHL")}),
    ("Peruvian protesters torch ruling party office over bread price", {("14", "PER", "PER")}),
])
def test_a_headline_verb_tagged_as_a_noun_is_read_as_the_verb(
        code: Coder, text: str, expected: set[tuple[str, str, str]]) -> None:
    """The tagger reads a headline's present tense as a plural noun; the parser still gives
    it a subject and an object."""
    assert triples(code(text)) == expected, codes(code(text))


def test_a_headline_s_list_of_acts_shares_its_subject(code: Coder) -> None:
    """"X does A, does B": the parser hangs the first act under the second, which has no
    subject of its own; X did both."""
    doc = code("Chile recalls its ambassador, accuses Peru of meddling")
    assert ("11", "CHL", "PER") in triples(doc), codes(doc)
    # the parser may hang the comma on the first act
    doc = code("French president tours Beirut's ruined port, urges Lebanon's leaders to act")
    assert ("02", "FRA", "LBN") in triples(doc), codes(doc)


def test_an_attribution_keeps_its_own_speaker(code: Coder) -> None:
    doc = code("Chilean police arrested five protesters, officials said.")
    assert all(e.source.country == "CHL" for e in doc.events), codes(doc)


def test_the_role_of_listed_countries_acts_for_each(code: Coder) -> None:
    doc = code("The presidents of France, Chile and Peru called on Bolivia to end the strike.")
    assert {e.source.code for e in doc.events} == {"FRAGOV", "CHLGOV", "PERGOV"}, codes(doc)


@pytest.mark.parametrize("text", [
    "Chile pressed ahead with the new border fence on Monday.",
    "Peruvian rebels pressed their offensive on the town on Tuesday.",
])
def test_pressing_on_with_something_is_no_demand(code: Coder, text: str) -> None:
    """``carrying_on_particles`` and the ask entry's ``not_objects``: carrying on."""
    assert not [e for e in code(text).events if e.cameo.startswith("10")], codes(code(text))


def test_pressing_someone_is_a_demand(code: Coder) -> None:
    doc = code("The US pressed Chile to stop building the fence.")
    assert [e.cameo for e in doc.events] == ["100"], codes(doc)


@pytest.mark.parametrize("text", [
    "The four states handed Chile a ten-point ultimatum on Friday.",
    "The Chilean senate rejected the treaty, handing the president one of his worst defeats.",
])
def test_handing_someone_a_thing_releases_no_one(code: Coder, text: str) -> None:
    assert not [e for e in code(text).events if e.cameo.startswith("08")], codes(code(text))


@pytest.mark.parametrize("text", [
    "Analysts warned that a disorderly exit would threaten thousands of jobs.",
    "Scientists warned that the new wheat disease poses a threat to harvests.",
])
def test_a_commentator_s_warning_is_no_political_act(code: Coder, text: str) -> None:
    """``commentator_nouns``: forecasts by analysts or scientists of no named country."""
    assert code(text).events == [], codes(code(text))


def test_a_leader_s_warning_is_one(code: Coder) -> None:
    doc = code("The Chilean president warned Peru against crossing the border.")
    assert [e.cameo_root for e in doc.events] == ["13"], codes(doc)


def test_one_of_what_an_act_is_done_to_is_what_it_is_done_to(code: Coder) -> None:
    """``measure_nouns``: "met one of the demands" meets demands, as "met two demands"."""
    doc = code("The Chilean president met one of the protesters' demands on Friday.")
    roots = {e.cameo_root for e in doc.events if e.trigger == "met"}
    assert roots == {"08"}, codes(doc)


def test_pressure_with_no_one_pressed_is_not_the_subject_s_demand(code: Coder) -> None:
    """The parser reads "to pressure" as an infinitive; the pressure is someone else's."""
    assert code("Peru will not yield to pressure, its foreign minister said.").events == []
    assert triples(code("Chile pressured Peru to free the fishermen.")) == {("10", "CHL", "PER")}


@pytest.mark.parametrize("text", [
    "Chilean police opened fire on protesters in Santiago.",
    "Soldiers fired on demonstrators in the capital, killing nine.",
])
def test_force_of_police_or_soldiers_on_a_crowd_is_repression(code: Coder, text: str) -> None:
    """CAMEO 175 sets the repression of collective dissent apart from military
    engagements; the dead are its toll."""
    assert [e.cameo for e in code(text).events] == ["175"], codes(code(text))


def test_force_on_armed_men_or_by_rebels_stays_a_fight(code: Coder) -> None:
    assert [e.cameo_root for e in code("Chilean police fired on armed men.").events] == ["19"]
    assert [e.cameo_root for e in code("Rebels fired on protesters.").events] == ["19"]
