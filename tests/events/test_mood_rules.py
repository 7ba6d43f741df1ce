"""Mood checks: nominal participles, pending conditions, nested plans, content nouns."""

from __future__ import annotations

import pytest

from tests.events.conftest import Coder, triples


def test_participle_used_as_a_noun_is_no_act(code: Coder) -> None:
    doc = code("Kenyan helicopters evacuated the wounded from the town of Garissa.")
    assert not [e for e in doc.events if e.cameo_root == "18"]


def test_until_clause_in_the_present_is_pending(code: Coder) -> None:
    doc = code("Somali rebels said they opposed the talks until their demands are met.")
    assert not [e for e in doc.events if e.cameo_root == "08"]


def test_until_clause_in_the_past_is_a_fact(code: Coder) -> None:
    doc = code("Chadian rebels fought on until Sudanese police arrested five rebel commanders.")
    assert [e for e in doc.events if e.cameo_root == "17"]


@pytest.mark.parametrize("text", [
    "Chadian rebels said they would keep fighting until Sudanese police arrested the "
    "commanders.",
    "Chadian doctors will return to Abeche as soon as Sudanese police release the convoy.",
    "The Chadian rebels will not disarm before Sudanese police arrest the commanders.",
])
def test_a_time_clause_of_what_is_to_come_is_pending(code: Coder, text: str) -> None:
    """"until", "before", "as soon as": under a clause told as to come, or in the
    present, they name what has not happened yet."""
    doc = code(text)
    assert not [e for e in doc.events if e.cameo_root in ("08", "17")], triples(doc)


@pytest.mark.parametrize("text", [
    "Talks between Chad and Sudan will resume in Doha next month.",
    "Talks between Chad and Sudan are scheduled for next month in Doha.",
    "A Sudanese offensive on Abeche could drive thousands into Cameroon, analysts say.",
])
def test_an_act_named_as_subject_of_what_is_to_come_is_not_done(code: Coder,
                                                                 text: str) -> None:
    """The mood of an act's noun is its predicate's: "talks will resume", "an offensive
    could drive", "talks are scheduled"."""
    doc = code(text)
    assert not [e for e in doc.events if e.cameo_root in ("04", "19")], triples(doc)


def test_an_act_named_as_subject_of_a_past_verb_is_done(code: Coder) -> None:
    doc = code("Talks between Chad and Sudan resumed in Doha on Monday.")
    assert [e for e in doc.events if e.cameo_root == "04"], triples(doc)


def test_an_act_begun_in_the_future_is_announced(code: Coder) -> None:
    """"Will begin pulling out": the future of "begin" is the pull-out's."""
    doc = code("Chad will begin pulling its troops out of Sudan next month.")
    assert not [e for e in doc.events if e.cameo_root == "08"], triples(doc)


@pytest.mark.parametrize("text", [
    "Any Sudanese attack on Abeche would be answered at once, the Chadian army said.",
    "Chad warned Khartoum against any recognition of the rebel government.",
])
def test_an_act_s_noun_with_any_names_no_act(code: Coder, text: str) -> None:
    doc = code(text)
    assert not [e for e in doc.events if e.cameo_root in ("05", "19")], triples(doc)


def test_plan_inside_a_demand_is_not_announced(code: Coder) -> None:
    doc = code("Russia demanded that Ukraine cancel its plans to sell weapons to Georgia.")
    assert ("10", "RUS", "UKR") in triples(doc)
    assert not [e for e in doc.events if e.cameo_root == "03"]


def test_clause_of_a_demand_noun_is_content(code: Coder) -> None:
    doc = code("Egypt reiterated its demand that Israel lift the blockade of Gaza.")
    assert ("10", "EGY", "ISR") in triples(doc)
    assert not [e for e in doc.events if e.cameo_root == "08"]


def test_sworn_to_fight_is_a_threat(code: Coder) -> None:
    doc = code("Kurdish rebels have sworn to fight the Turkish army.")
    assert {e.cameo_root for e in doc.events} == {"13"}


def test_return_to_a_place_releases_no_one(code: Coder) -> None:
    doc = code("Iranian and Iraqi negotiators return to Vienna this week for talks.")
    assert not [e for e in doc.events if e.cameo_root == "08"]


def test_return_of_people_is_a_release(code: Coder) -> None:
    doc = code("Iraq returned 200 Iranian prisoners of war to Iran on Monday.")
    assert [e for e in doc.events if e.cameo_root == "08"]


def test_what_unconfirmed_reports_tell_is_no_act(code: Coder) -> None:
    """The annotation guide's rumour: "unconfirmed reports said rebels seized the town" is
    no event unless the story confirms it; a report by someone is a reported fact."""
    rumoured = code("Unconfirmed reports said Malian rebels arrested the mayor of Kidal.")
    assert not [e for e in rumoured.events if e.cameo_root == "17"]
    told = code("Officials said Malian rebels arrested the mayor of Kidal.")
    assert [e for e in told.events if e.cameo_root == "17"]


def test_what_rumours_suggest_is_no_act(code: Coder) -> None:
    doc = code("Rumours suggested that the Malian army had arrested the mayor of Kidal.")
    assert not [e for e in doc.events if e.cameo_root == "17"]


def test_would_in_a_clause_joined_to_reported_speech_is_announced(code: Coder) -> None:
    """"said it did not want a war and would free the pilot": the "would" is the
    reported "will", as in "said it would free the pilot"."""
    doc = code("Kenya said it did not want a war and would free the Ugandan pilot on Friday.")
    assert ("03", "KEN", "UGA") in triples(doc), triples(doc)


def test_a_passive_future_announces_no_one_s_intent(code: Coder) -> None:
    doc = code("Kenyan officials said the refugees would be killed if they were sent to Uganda.")
    assert not [e for e in doc.events if e.cameo_root in {"13", "18"}], triples(doc)


def test_would_have_is_what_did_not_happen(code: Coder) -> None:
    doc = code("Kenya said Uganda would have released the prisoners without the court ruling.")
    assert not [e for e in doc.events if e.cameo_root in {"03", "08"}], triples(doc)


@pytest.mark.parametrize("text", [
    "Kenyan police often arrest opposition supporters in Nairobi.",
    "Every spring, Ugandan ambassadors lay wreaths at the memorial in Kampala.",
    "Kenyan and Ugandan officials often hold talks in Arusha.",
    "The Kenyan and Ugandan navies hold joint drills every summer off Mombasa.",
])
def test_what_is_done_as_a_rule_is_no_event(code: Coder, text: str) -> None:
    """A habitual adverb on a verb in the simple present, or a recurring time ("every
    year"), tells a custom, not an event."""
    assert code(text).events == [], [(e.cameo, e.trigger) for e in code(text).events]


@pytest.mark.parametrize("text", [
    "Kenyan police arrested opposition supporters in Nairobi on Monday.",
    "Kenya routinely expelled Ugandan diplomats during the dispute.",
])
def test_a_single_act_or_a_past_habit_stays_an_event(code: Coder, text: str) -> None:
    assert code(text).events, text


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian foreign ministry said it had no plans to expel the Bolivian envoy.",
        "The Peruvian foreign ministry said it had no intention of expelling the envoy.",
        "The Peruvian government did not agree to release the Chilean fishermen.",
        "The Peruvian government is not ready to send troops to Bolivia.",
    ],
)
def test_an_intent_denied_is_neither_an_intent_nor_an_act(code: Coder, text: str) -> None:
    doc = code(text)
    assert doc.events == [], [(e.cameo, e.rule) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian soldiers made a desperate bid to free the Chilean hostages.",
        "Peruvian soldiers made new efforts to free the Chilean hostages.",
    ],
)
def test_what_is_tried_is_not_done(code: Coder, text: str) -> None:
    doc = code(text)
    assert not [e for e in doc.events if e.cameo_root == "08"], [e.rule for e in doc.events]


def test_a_clause_of_fact_inside_a_threat_is_an_act(code: Coder) -> None:
    """ "After" states what happened, whatever the threat around it says."""
    doc = code("Bolivian rebels vowed to retaliate after Peruvian troops shelled rebel camps.")
    assert [e for e in doc.events if e.cameo_root == "19" and e.source.country == "PER"]


def test_a_report_denied_tells_no_act(code: Coder) -> None:
    doc = code("Quito denied reports that its troops had killed civilians in Peru.")
    assert not [e for e in doc.events if e.cameo_root in ("18", "19")], [
        e.rule for e in doc.events]


def test_a_killing_confirmed_is_an_act(code: Coder) -> None:
    doc = code("Quito confirmed that its troops had killed civilians in Peru.")
    assert [e for e in doc.events if e.cameo_root in ("18", "19")]


def test_a_question_asserts_no_act(code: Coder) -> None:
    doc = code("Did Ecuadorean troops shell the Peruvian border post? Quito would not say.")
    assert not [e for e in doc.events if e.cameo_root == "19"], [e.rule for e in doc.events]


def test_a_statement_ending_with_a_quoted_question_is_a_statement(code: Coder) -> None:
    doc = code('The Peruvian president met Ecuador\'s president in Lima, and his question '
               'was, "Is there any hope?"')
    assert [e for e in doc.events if e.cameo == "040"], [e.rule for e in doc.events]


def test_an_act_a_modal_verb_would_bring_about_is_not_done(code: Coder) -> None:
    """ "would see X withdraw": the deal would, it has not."""
    doc = code("The deal would see Ecuador withdraw its troops from the Peruvian border.")
    assert not [e for e in doc.events if e.cameo_root == "08"], [e.rule for e in doc.events]


def test_what_an_accusation_names_is_not_done_whichever_word_its_of_hangs_on(
        code: Coder) -> None:
    """ "accused the paramilitary X of killing": the parser may hang "of" on the object."""
    doc = code("Bolivia's army accused the paramilitary rebels of killing Peruvian farmers.")
    assert [e.cameo_root for e in doc.events] == ["11"], [e.rule for e in doc.events]


def test_an_act_no_one_is_named_as_asserting_is_a_rumour(code: Coder) -> None:
    """ "are believed to have", "is said to have": a passive of report or belief."""
    doc = code("Bolivian rebels are believed to have killed two Peruvian hostages.")
    assert not [e for e in doc.events if e.cameo_root == "18"], [e.rule for e in doc.events]


def test_what_is_warned_against_is_no_intent_of_the_warner(code: Coder) -> None:
    doc = code("Lima warned Quito against sending troops to the border.")
    assert not [e for e in doc.events if e.cameo.startswith("03")], [
        e.rule for e in doc.events]


def test_a_hope_the_tagger_lemmatises_wrongly_is_still_a_hope(code: Coder) -> None:
    """spaCy reads "hopes" as a form of "hop": the form tells the verb too."""
    doc = code("Chile hopes to sign a trade deal with Peru next month.")
    assert not [e for e in doc.events if e.cameo_root == "05"], \
        [(e.cameo, e.rule) for e in doc.events]


@pytest.mark.parametrize("text", [
    "Rebels seized the airport, according to unconfirmed reports.",
    "According to rumours, the army arrested the defence minister.",
])
def test_what_an_unconfirmed_source_tells_is_no_act(code: Coder, text: str) -> None:
    assert not code(text).events


def test_a_named_source_s_account_is_an_act(code: Coder) -> None:
    assert code("According to the UN, troops shelled the village of Ayod.").events


@pytest.mark.parametrize("text", [
    "The minister did not rule out imposing sanctions on Ghana.",
    "The bloc held off imposing sanctions on Ghana.",
])
def test_what_is_not_ruled_out_or_held_off_is_not_done(code: Coder, text: str) -> None:
    assert not [e for e in code(text).events if e.cameo_root == "16"]


def test_what_is_suspected_is_not_asserted(code: Coder) -> None:
    doc = code("Police in Accra arrested a man suspected of killing three people.")
    assert [e.cameo_root for e in doc.events] == ["17"]


def test_a_means_shares_the_mood_of_its_act(code: Coder) -> None:
    assert not code("Officials said Beijing could hit back by restricting exports to "
                    "Lithuania.").events


@pytest.mark.parametrize("text", [
    "Neither country has sent troops to the border.",
    "Nobody was arrested by the Kenyan police.",
    "The Kenyan police arrested no one.",
    "Canada has yet to recognise the new government in Niamey.",
    "Officials said there was no evidence that Iran had supplied weapons to the rebels.",
])
def test_what_no_one_did_or_is_yet_to_do_is_no_act(code: Coder, text: str) -> None:
    assert not code(text).events


def test_what_is_scheduled_is_not_done(code: Coder) -> None:
    assert not [e for e in code("The Kenyan president is scheduled to visit Kampala in "
                                "May.").events if e.cameo == "042"]


@pytest.mark.parametrize("text", [
    "Zambian rebel leaders are to meet Angolan envoys in Luanda on Saturday.",
    "Ghana to send 500 soldiers to Mali",
    "Ghana to launch an offensive against the rebels",
    "Were Zambia to expel the Angolan envoy, talks would collapse.",
])
def test_an_infinitive_of_what_is_to_come_is_not_done(code: Coder, text: str) -> None:
    """"Are to meet", a headline's "to send" or "to launch an offensive" (the infinitive
    of the noun's light verb), an inverted condition: not done (yet)."""
    doc = code(text)
    assert not [e for e in doc.events if not e.hypothetical and e.cameo_root in
                {"04", "07", "16", "17", "19"}], [(e.cameo, e.hypothetical) for e in doc.events]


def test_the_first_to_do_it_did_it(code: Coder) -> None:
    doc = code("Ghana first to recognise the new Malian government")
    assert [e.cameo_root for e in doc.events] == ["05"]


@pytest.mark.parametrize("text", [
    "Ghana cancelled the Malian president's visit to Accra on Monday.",
    "Ghanaian president's visit to Bamako called off amid unrest",
    "Zambian opposition postponed Saturday's rally in Lusaka.",
])
def test_an_act_called_off_did_not_take_place(code: Coder, text: str) -> None:
    doc = code(text)
    assert not [e for e in doc.events if e.cameo_root in {"04", "14"}], triples(doc)


@pytest.mark.parametrize("text", [
    "Ghanaian and Togolese border officials meet weekly at the Aflao crossing.",
    "Nigerian truckers periodically block the Lagos port road over fuel prices.",
    "Residents reported, without confirmation, that soldiers had torched a village.",
])
def test_a_custom_or_an_unconfirmed_report_is_no_act(code: Coder, text: str) -> None:
    assert code(text).events == [], triples(code(text))


def test_a_balk_is_a_refusal_not_the_act_balked_at(code: Coder) -> None:
    doc = code("Ghana balked at sending troops to Mali on Monday.")
    assert [e.cameo for e in doc.events] == ["120"], triples(doc)


def test_what_someone_tends_to_do_is_generic(code: Coder) -> None:
    doc = code("Chadian border guards tend to release detained traders within a day.")
    assert not [e for e in doc.events if e.cameo_root == "08"], triples(doc)
