"""Who did it: actors written as modifiers of an act, "by" agents, "X-led" phrases."""

from __future__ import annotations

from eventwire.model import Document, Event
from tests.events.conftest import Coder


def _by_trigger(doc: Document) -> dict[str, Event]:
    return {e.trigger: e for e in doc.events}


def test_a_nationality_on_an_air_strike_is_its_source(code: Coder) -> None:
    events = _by_trigger(code("An Israeli air strike on the camp killed two guards."))
    assert events["strike"].source.code == "ISRMIL"
    assert "killed" not in events  # the strike's toll, not an act of its own


def test_a_bombardment_of_a_city_has_its_source_and_target(code: Coder) -> None:
    events = _by_trigger(code("The Russian bombardment of Kyiv resumed at dawn."))
    event = events["bombardment"]
    assert event.source.code == "RUSMIL"
    assert event.target.text == "Kyiv"


def test_artillery_shelling_of_positions(code: Coder) -> None:
    doc = code("Turkish artillery shelling of Kurdish positions killed two fighters.")
    events = _by_trigger(doc)
    assert events["shelling"].source.code == "TURMIL"
    assert events["shelling"].target.text == "Kurdish positions"
    assert "killed" not in events


def test_a_government_crackdown_targets_the_protesters(code: Coder) -> None:
    event = _by_trigger(code("A government crackdown on protesters left dozens hurt."))["crackdown"]
    assert (event.source.code, event.target.text) == ("GOV", "protesters")


def test_passive_by_agent(code: Coder) -> None:
    event = _by_trigger(code("Twelve protesters were arrested by police in the capital."))[
        "arrested"
    ]
    assert event.source.code == "COP" and event.target.code.endswith("CVL")


def test_an_air_raid_by_government_forces(code: Coder) -> None:
    event = _by_trigger(code("Residents described an air raid by government forces."))["raid"]
    assert event.cameo.startswith("19") and "MIL" in (event.source.code or "")


def test_expulsion_of_diplomats_by_a_capital(code: Coder) -> None:
    doc = code("The expulsion of Dutch diplomats by Ankara angered the Netherlands.")
    event = _by_trigger(doc)["expulsion"]
    assert (event.source.code, event.target.code) == ("TURGOV", "NLDGOV")


def test_a_raid_by_nato_led_troops_is_nato_s(code: Coder) -> None:
    events = _by_trigger(code("A raid by NATO-led troops killed four civilians on Friday."))
    assert events["raid"].source.code == "IGONATMIL"
    assert events["raid"].target.code == "CVL"  # its dead are whom it was done to
    assert "killed" not in events


def test_an_act_as_subject_names_its_doer(code: Coder) -> None:
    events = _by_trigger(code("A raid by NATO-led troops destroyed two houses on Friday."))
    assert events["destroyed"].source.code == "IGONATMIL"  # the troops' act, not the raid's


def test_the_leader_s_country_is_not_given_to_the_other_side(code: Coder) -> None:
    event = _by_trigger(code("US-led forces attacked insurgents near the town."))["attacked"]
    assert event.source.code == "USAMIL"
    assert event.target.text == "insurgents"
    assert not (event.target.code or "").startswith("USA")


def test_a_saudi_led_coalition_is_saudi_military(code: Coder) -> None:
    event = _by_trigger(code("The Saudi-led coalition struck rebel positions at dawn."))["struck"]
    assert event.source.code == "SAUMIL"


def test_a_drone_strike_by_a_country(code: Coder) -> None:
    events = _by_trigger(code("A U.S. drone strike killed a militant commander on Sunday."))
    assert events["strike"].cameo == "195" and events["strike"].source.code == "USAMIL"
    assert "killed" not in events


def test_an_act_named_as_the_topic_of_another_is_not_a_new_event(code: Coder) -> None:
    doc = code("Poland condemned the Russian bombardment of the port city.")
    events = _by_trigger(doc)
    assert "bombardment" not in events
    assert events["condemned"].target.code == "RUSMIL"


def test_the_owner_of_the_object_written_as_a_pronoun_is_not_the_target(code: Coder) -> None:
    """"offered his condolences to X": his is the source's own; the target is X, and with
    no actor after "to" the event keeps its source alone rather than vanishing as an
    actor acting on itself."""
    event = _by_trigger(code("Kenya's president offered his condolences to Tanzania."))["offered"]
    assert (event.cameo, event.source.code, event.target.code) == ("018", "KENGOV", "TZA")
    alone = code("Kenya's president offered his condolences to the families of the victims.")
    event = _by_trigger(alone)["offered"]
    assert (event.source.code, event.target.code) == ("KENGOV", None)


def test_a_named_owner_of_the_object_is_still_the_target(code: Coder) -> None:
    event = _by_trigger(code("Russia rejected Ukraine's demand for a ceasefire."))["rejected"]
    assert (event.source.code, event.target.code) == ("RUS", "UKR")


def test_a_clause_modifying_the_object_keeps_its_own_doer(code: Coder) -> None:
    """"a deal brokered by Qatar": Qatar brokered the deal (045); the sides who signed it
    act on each other, and Qatar is no side of the signing."""
    doc = code("Kenya and Somalia signed a deal brokered by Qatar.")
    signed = {(e.source.country, e.target.country) for e in doc.events if e.trigger == "signed"}
    assert signed == {("KEN", "SOM"), ("SOM", "KEN")}
    brokered = [e for e in doc.events if e.trigger == "brokered"]
    assert [(e.cameo, e.source.country) for e in brokered] == [("045", "QAT")]


def test_a_reduced_relative_names_its_doer_not_its_target(code: Coder) -> None:
    doc = code("The truce, brokered by Egypt, took effect at midnight.")
    assert [(e.cameo, e.source.country, e.target.country) for e in doc.events] == [
        ("045", "EGY", None)]


def test_a_passive_agent_parsed_on_the_gerund_is_the_source(code: Coder) -> None:
    """ "by Lima" belongs to "was accused", though the parser hangs it on "harbouring"."""
    doc = code("Ecuador has been accused of harbouring Colombian rebels by Lima.")
    assert [(e.cameo_root, e.source.country, e.target.country) for e in doc.events][:1] == [
        ("11", "PER", "ECU")], [(e.cameo, e.source.code, e.target.code) for e in doc.events]


def test_the_owner_of_a_decision_does_what_was_decided(code: Coder) -> None:
    events = _by_trigger(code("Norway's decision to recognise a Palestinian state was "
                              "welcomed in Ramallah."))
    assert events["recognise"].source.code == "NOR"


def test_a_refusal_to_act_is_no_act(code: Coder) -> None:
    events = _by_trigger(code("Iran's refusal to allow inspectors into the site drew "
                              "criticism."))
    assert "allow" not in events


def test_a_statement_is_its_author_s_not_its_handler_s(code: Coder) -> None:
    events = _by_trigger(code("Spain blocked an EU statement condemning Iran."))
    assert events["condemning"].source.code == "IGOEUR"
    assert events["condemning"].target.code == "IRN"


def test_an_act_noun_after_a_verb_takes_its_of_object_as_target(code: Coder) -> None:
    events = _by_trigger(code("Warsaw announced the expulsion of the Belarusian envoy."))
    assert events["expulsion"].target.code == "BLRGOV"


def test_a_place_an_act_noun_is_of_is_its_target(code: Coder) -> None:
    events = _by_trigger(code("The Syrian army's bombardment of Aleppo resumed at dawn."))
    assert events["bombardment"].target.code == "SYR"


def test_a_blockade_written_as_a_noun(code: Coder) -> None:
    events = _by_trigger(code("The Saudi blockade of Qatar lasted three years."))
    assert events["blockade"].cameo == "191"
    assert (events["blockade"].source.country, events["blockade"].target.code) == (
        "SAU", "QAT")


def test_a_lifted_blockade_is_no_new_blockade(code: Coder) -> None:
    events = _by_trigger(code("Riyadh lifted its blockade of Qatar on Tuesday."))
    assert "blockade" not in events


def test_an_x_led_airstrike_is_the_leader_s(code: Coder) -> None:
    events = _by_trigger(code("A Saudi-led airstrike killed 12 civilians."))
    assert events["airstrike"].source.code == "SAUMIL"


def test_an_x_led_coalition_modifying_an_act_is_the_leader_s(code: Coder) -> None:
    events = _by_trigger(code("A US-led coalition airstrike hit a bridge near Mosul."))
    assert events["airstrike"].source.code == "USAMIL"


def test_armed_men_are_no_crowd(code: Coder) -> None:
    events = _by_trigger(code("Armed men attacked a police station in Mali, killing 11 "
                              "officers."))
    assert events["attacked"].cameo_root == "19"
    assert _by_trigger(code("Young men attacked a police station with stones."))[
        "attacked"].cameo == "145"


def test_strikes_aimed_at_a_named_place_are_attacks(code: Coder) -> None:
    events = _by_trigger(code("Russian strikes on Ukraine's power plants caused blackouts."))
    assert events["strikes"].cameo_root == "19"
    assert events["strikes"].target.code == "UKR"
    assert "strikes" not in _by_trigger(code("French strikes on Monday paralysed rail "
                                             "traffic."))


def test_a_summoned_envoy_is_not_of_the_summoner_s_country(code: Coder) -> None:
    events = _by_trigger(code("The envoy was summoned by the Turkish foreign ministry."))
    assert events["summoned"].target.country is None


def test_migrants_take_no_country_from_who_holds_them(code: Coder) -> None:
    events = _by_trigger(code("Italian police detained 40 migrants near Ventimiglia."))
    assert events["detained"].target.country is None


def test_a_rebel_commander_is_a_rebel(code: Coder) -> None:
    """The group's sector, not the rank's: the army killing a rebel commander is no
    army acting on itself."""
    events = _by_trigger(code("Colombian troops killed a FARC commander in Cauca."))
    assert (events["killed"].source.code, events["killed"].target.code) == ("COLMIL", "COLREB")


def test_blocking_ships_restricts_movement(code: Coder) -> None:
    events = _by_trigger(code("Iranian patrol boats blocked two Emirati tankers in the Gulf."))
    assert events["blocked"].cameo == "191"


def test_who_speaks_after_meeting_someone_met_them(code: Coder) -> None:
    events = _by_trigger(code("The Chilean president spoke to reporters after meeting the "
                              "Peruvian foreign minister."))
    assert (events["meeting"].source.code, events["meeting"].target.code) == ("CHLGOV",
                                                                             "PERGOV")


def test_who_is_thanked_for_an_act_did_it(code: Coder) -> None:
    events = _by_trigger(code("Jordan thanked Egypt for sending aid to Gaza."))
    assert events["sending"].source.code == "EGY"


def test_a_deal_about_someone_is_between_its_signatories(code: Coder) -> None:
    doc = code("Ghana and Togo signed an agreement on the return of Burkinabe refugees.")
    assert {(e.source.code, e.target.code) for e in doc.events} == {("GHA", "TGO"),
                                                                   ("TGO", "GHA")}


def test_an_ambush_is_an_attack_and_its_dead_its_toll(code: Coder) -> None:
    doc = code("Militants ambushed a police convoy near Kandahar, killing six officers.")
    assert [e.cameo_root for e in doc.events] == ["19"]


def test_a_law_is_its_maker_s(code: Coder) -> None:
    events = _by_trigger(code("Georgia's parliament passed a law banning opposition "
                              "rallies."))
    assert events["banning"].source.code == "GEOLEG"


def test_the_dead_of_a_strike_are_its_target_rather_than_its_place(code: Coder) -> None:
    events = _by_trigger(code("A French drone strike in Mali killed a senior Nigerian "
                              "militant."))
    assert events["strike"].target.country == "NGA"


def test_an_actor_s_deputies_act_for_it(code: Coder) -> None:
    events = _by_trigger(code("The sheriff's deputies detained two protesters in Fresno."))
    assert (events["detained"].source.code or "").endswith("COP")


def test_a_past_verb_hung_on_a_reported_clause_is_the_speaker_s(code: Coder) -> None:
    # the parser hangs "urged" on "would resume"; a past tense goes with "said"
    doc = code("Norway said the talks would resume in Oslo and urged Sudan to attend.")
    event = _by_trigger(doc)["urged"]
    assert (event.source.code, event.target.code) == ("NOR", "SDN")


def test_a_past_verb_hung_on_an_infinitive_is_not_its_subject_s(code: Coder) -> None:
    doc = code("Iran told the agency to remove its cameras and expelled three inspectors.")
    assert _by_trigger(doc)["expelled"].source.code == "IRN"


def test_talks_held_between_two_sides_are_theirs(code: Coder) -> None:
    doc = code("Talks on the border dispute were held in Cairo on Monday between Egypt and Sudan.")
    dyads = {(e.source.code, e.target.code) for e in doc.events if e.trigger == "Talks"}
    assert dyads == {("EGY", "SDN"), ("SDN", "EGY")}


def test_a_count_s_of_object_is_the_target(code: Coder) -> None:
    assert [e.cameo for e in code("Iranian police detained dozens of schoolgirls.").events] \
        == ["173"]
    event = _by_trigger(code("Ugandan troops freed two of the hostages."))["freed"]
    assert (event.cameo, event.target.text) == ("0841", "the hostages")


def test_a_place_named_before_a_visit_is_where_it_goes(code: Coder) -> None:
    event = _by_trigger(code("The Russian president began a Japan visit on Thursday."))["visit"]
    assert (event.source.code, event.target.country) == ("RUSGOV", "JPN")


def test_a_speech_participle_after_a_reported_clause_is_the_speaker_s(code: Coder) -> None:
    """"X said Y had ..., accusing Y": the parser hangs the participle on the reported
    clause; the accuser is who said it."""
    events = _by_trigger(code("Chile said Peru had broken the truce, accusing Lima of bad "
                              "faith."))
    assert events["accusing"].source.country == "CHL"


def test_a_participle_of_an_act_after_a_reported_clause_stays_with_its_doer(
        code: Coder) -> None:
    events = _by_trigger(code("Chilean police said rebels had stormed the depot, seizing "
                              "weapons."))
    assert events["seizing"].source.sectors != ["COP"]


def test_a_participle_joined_to_a_passive_is_passive(code: Coder) -> None:
    """"X was arrested and charged": X is charged, by no one the sentence names."""
    events = _by_trigger(code("A Chilean opposition lawmaker was arrested at his home and "
                              "charged with sedition."))
    assert events["charged"].source.code is None
    assert events["charged"].target.country == "CHL"


def test_victims_killed_or_wounded_are_one_toll(code: Coder) -> None:
    doc = code("Twelve Chilean guards were killed or wounded when Peruvian artillery shelled "
               "the depot.")
    assert "wounded" not in {e.trigger for e in doc.events}


def test_the_possessor_of_an_arrest_after_which_one_acts_is_arrested(code: Coder) -> None:
    """"after X's arrest" answers no one: X is who was arrested."""
    events = _by_trigger(code("Chilean unions called a general strike after the opposition "
                              "leader's arrest."))
    assert events["arrest"].source.code is None
    assert events["arrest"].target.code == "CHLOPP"


def test_a_headline_s_past_form_is_a_passive(code: Coder) -> None:
    """Headlines write no simple past: in "Chilean army helicopter shot down near Peruvian
    border" the tagger's past tense is a participle, and the helicopter is what was shot."""
    events = _by_trigger(code("Chilean army helicopter shot down near Peruvian border"))
    assert events["shot"].source.code is None
    assert events["shot"].target.country == "CHL"


def test_a_sentence_closed_by_a_stop_before_a_line_break_is_no_headline(code: Coder) -> None:
    """A blank line after the stop is no part of the sentence: its past tense stays
    active."""
    doc = code("Peruvian troops crossed the border on Monday.\n\nChilean officials in "
               "Santiago denied that the raiders had come from Chile.\n\nTalks resumed.")
    events = _by_trigger(doc)
    assert events["denied"].source.country == "CHL"
