"""Named actors of the knowledge base in invented sentences, the way reporters name them."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors.stages import ActorStage
from eventwire.api import make_config
from eventwire.events.stages import EventsStage
from eventwire.model import Document
from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors, codes


def test_full_name_is_coded_for_the_story_date(pipeline: Pipeline) -> None:
    text = "Angela Merkel criticised the Kremlin on Tuesday and said that it was wrong."
    assert codes(code_actors(pipeline, text, "2012-03-01"))["Angela Merkel"] == "DEUGOV"
    assert codes(code_actors(pipeline, text, "2023-03-01"))["Angela Merkel"] == "DEUELI"


def test_same_name_by_date_obama(pipeline: Pipeline) -> None:
    text = "Barack Obama said that the talks were over and that he was leaving."
    by_year = {y: codes(code_actors(pipeline, text, f"{y}-06-01"))["Barack Obama"]
               for y in (2005, 2010, 2018)}
    assert by_year == {2005: "USAELI", 2010: "USAGOV", 2018: "USAELI"}


def test_surname_after_full_mention(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Barack Obama arrived in the city on Monday. Later Obama said "
                      "that the visit was a success.", "2010-06-01")
    surnames = [m for m in doc.actors if m.text == "Obama"]
    assert surnames and surnames[0].code == "USAGOV"
    assert surnames[0].rule == "kb:barack-obama"


def test_common_surname_alone_is_nobody(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Wang said that the talks were over and that he was tired.",
                      "2018-06-01")
    assert "Wang" not in codes(doc)


def test_common_family_name_after_full_mention(pipeline: Pipeline) -> None:
    text = ("Chinese Foreign Minister Wang Yi talked with Kim Jong Un on Monday, and later "
            "Wang said that Kim had agreed.")
    found = codes(code_actors(pipeline, text, "2018-05-01"))
    assert found["Wang"] == "CHNGOV"
    assert found["Kim"] == "PRKGOV"


@pytest.mark.parametrize(("text", "date", "name", "code"), [
    # a common family name written first, after its country's possessive
    ("North Korea's Kim warns Seoul over joint drills", "2021-08-10",
     "North Korea's Kim", "PRKGOV"),
    # a common surname shared by many people of the knowledge base
    ("Pakistan's Khan calls for talks with New Delhi", "2020-02-01",
     "Pakistan's Khan", "PAKGOV"),
    # a one-word name the tagger reads as a place
    ("Brazil's Lula hosts Amazon summit", "2023-08-08", "Brazil's Lula", "BRAGOV"),
])
def test_a_name_after_its_country_s_possessive_is_the_office_holder(
    pipeline: Pipeline, text: str, date: str, name: str, code: str,
) -> None:
    """A headline names a leader by surname after the country's possessive; the
    possessive says whose office holder it is, on the story's day."""
    assert codes(code_actors(pipeline, text, date))[name] == code


def test_a_possessed_name_nobody_of_that_country_holds_is_no_person(
    pipeline: Pipeline,
) -> None:
    found = codes(code_actors(pipeline, "France's Khan calls for talks with New Delhi",
                              "2020-02-01"))
    assert found.get("France's Khan") in (None, "FRA")


def test_titles_and_honorifics(pipeline: Pipeline) -> None:
    text = ("President Macron said that he would visit the capital, and Chancellor Scholz "
            "agreed, while Mr. Lavrov was silent.")
    found = codes(code_actors(pipeline, text, "2023-05-01"))
    assert found["President Macron"] == "FRAGOV"
    assert found["Chancellor Scholz"] == "DEUGOV"
    assert found["Mr. Lavrov"] == "RUSGOV"


def test_title_and_named_general(pipeline: Pipeline) -> None:
    text = "General Mark Milley met President Volodymyr Zelensky in Kyiv on Monday."
    found = codes(code_actors(pipeline, text, "2023-05-01"))
    assert found["General Mark Milley"] == "USAMIL"
    assert found["President Volodymyr Zelensky"] == "UKRGOV"


@pytest.mark.parametrize("text, who, code", [
    ("The court jailed the former vice president on Monday.", "the former vice president",
     "ELI"),
    ("Police detained ex-Finance Minister Tomas Varga in Tallinn.",
     "ex-Finance Minister Tomas Varga", "ELI"),
    ("Ousted Prime Minister Adan Roble fled to Kenya.", "Ousted Prime Minister Adan Roble",
     "ELI"),
    ("A former rebel spokesman was arrested in Goma.", "A former rebel spokesman", "REB"),
])
def test_a_former_holder_of_an_office_is_of_the_elites(pipeline: Pipeline, text: str, who: str,
                                                      code: str) -> None:
    """CAMEO's elites are "former government officials": a former word before an office
    ("former", "ex-", "ousted") makes its holder ELI; other roles stay."""
    found = codes(code_actors(pipeline, text, "2023-05-01"))
    assert code in (found.get(who) or ""), found


@pytest.mark.parametrize("text, who, code", [
    ("Ghanaian police chief Kwame Mensah banned the march.", "Ghanaian police chief Kwame Mensah",
     "GHACOP"),
    ("Jordanian intelligence chief Samir Haddad met the envoy.",
     "Jordanian intelligence chief Samir Haddad", "JORSPY"),
])
def test_a_role_written_before_a_name_is_the_person_s(pipeline: Pipeline, text: str, who: str,
                                                      code: str) -> None:
    """A role phrase used as a title names the person, so the name that heads the clause's
    subject is the actor, not the role word before it."""
    assert codes(code_actors(pipeline, text, "2023-05-01")).get(who) == code


def test_accented_and_plain_spellings(pipeline: Pipeline) -> None:
    for name in ("Erdoğan", "Erdogan"):
        doc = code_actors(pipeline, f"The prisoners were freed by {name} himself on Friday.",
                          "2015-05-01")
        assert codes(doc)[name] == "TURGOV"
        assert codes(doc)["himself"] == "TURGOV"


def test_possessive_government(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Putin's government rejected the offer on Monday.", "2015-05-01")
    assert codes(doc)["Putin's government"] == "RUSGOV"


def test_apposition_with_a_role(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Sergei Lavrov, Russia's foreign minister, said that he was "
                      "there.", "2023-05-01")
    assert codes(doc)["Sergei Lavrov"] == "RUSGOV"
    assert codes(doc)["Russia's foreign minister"] == "RUSGOV"


def test_pronoun_refers_to_a_named_person(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Narendra Modi said that he would travel to the border.",
                      "2020-05-01")
    assert codes(doc)["he"] == "INDGOV"


def test_names_that_are_places_stay_places(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "The protesters in Georgia said that they would march to "
                      "Jordan and then to Chad.", "2023-05-01")
    rules = {m.text: m.rule or "" for m in doc.actors}
    assert not any(r.startswith("kb:") for r in rules.values())
    assert codes(doc)["Jordan"] == "JOR"


def test_names_that_are_common_words_are_nobody(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Hope is all that is left, said Will Smith to the crowd.",
                      "2023-05-01")
    assert not any((m.rule or "").startswith("kb:") for m in doc.actors)


def test_someone_else_with_the_surname_is_not_the_entry(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Michelle Obama said that she was tired of the campaign.",
                      "2023-05-01")
    assert doc.actors == []


def test_paris_hilton_is_neither_place_nor_hotel(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Paris Hilton said that she was tired of the campaign.",
                      "2023-05-01")
    assert doc.actors == []


def test_longest_match_wins(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Russian President Vladimir Putin said that the war would go "
                      "on.", "2023-05-01")
    names = [m.text for m in doc.actors if (m.rule or "").startswith("kb:")]
    assert names == ["Russian President Vladimir Putin"]


def test_armed_groups_since_2016(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "The Rapid Support Forces and the Wagner Group said that they "
                      "had fought.", "2023-05-01")
    found = codes(doc)
    assert found["The Rapid Support Forces"] == "SDNREB"
    assert found["the Wagner Group"] == "RUSUAF"


def test_user_entry_wins_over_the_knowledge_base(pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - {names: [Vladimir Putin], kind: person, code: XYZGOV}\n")
    stage = ActorStage({}, make_config(dictionaries=[str(path)]))
    doc = code_actors(pipeline, "Russian President Vladimir Putin said that the war would go "
                      "on.", "2023-05-01", stage)
    assert [m.code for m in doc.actors] == ["XYZGOV"]


def _code_recalled(pipeline: Pipeline, doc: Document) -> Document:
    """Code a story's recollection of an act years back: background, which the events
    stage drops unless told to keep it."""
    for name in ("parse", "actors", "times", "places", "quantities"):
        doc = pipeline.get_stage(name)(doc)
    settings = dict(pipeline.config["stages"]["events"]) | {"keep_background": True}
    doc = EventsStage(settings, pipeline.config)(doc)
    return pipeline.get_stage("anchor")(doc)


def test_event_date_recodes_a_named_source(pipeline: Pipeline) -> None:
    """A story of 2019 recalling an event of 2005: the event's source is coded for 2005."""
    doc = Document(doc_id="t", source="<test>",
                   text="On 3 May 2005, Barack Obama criticised the government of Sudan.")
    doc.dct = "2019-06-01"
    doc = _code_recalled(pipeline, doc)
    events = [e for e in doc.events if e.source.text == "Barack Obama"]
    assert codes(doc)["Barack Obama"] == "USAELI"
    assert events and events[0].date == "2005-05-03"
    assert events[0].source.code == "USAELI"


@pytest.mark.parametrize("name", ["Barack Obama", "Vladimir Putin"])
def test_dated_recode_changes_the_code(pipeline: Pipeline, name: str) -> None:
    doc = Document(doc_id="t", source="<test>",
                   text=f"On 3 May 2010, {name} criticised the government of Sudan.")
    doc.dct = "2023-06-01"
    doc = _code_recalled(pipeline, doc)
    sources = [e.source.code for e in doc.events if e.source.text == name]
    assert sources and sources[0].endswith("GOV")


def test_the_story_s_own_title_outranks_the_dated_entry(pipeline: Pipeline) -> None:
    """A wrong document date must not overrule what the text says the person is."""
    text = "President Barack Obama said that the talks were over."
    assert codes(code_actors(pipeline, text, "2005-06-01"))["President Barack Obama"] == "USAGOV"
    former = "Former President George W. Bush said that the talks were over."
    found = codes(code_actors(pipeline, former, "2006-06-01"))
    assert [c for t, c in found.items() if "Bush" in t] == ["USAELI"]


@pytest.mark.parametrize(
    "text",
    [
        "Cameron rejected the British rebate proposal on Tuesday.",
        "Cameron demands an inquiry into the leak from Britain's embassy",
        "The union's leaders met Cameron in London.",
    ],
)
def test_a_leader_s_surname_alone_is_the_one_office_holder_of_the_day(
    pipeline: Pipeline, text: str
) -> None:
    found = codes(code_actors(pipeline, text, "2012-05-01"))
    assert found.get("Cameron") == "GBRGOV", found


@pytest.mark.parametrize("date, text, expected", [
    ("2003-03-10", "Blair rejected the French proposal in Brussels, British officials said.",
     "GBRGOV"),
    ("2009-06-10", "Blair briefed the Senate on the threat, officials in Washington said.",
     "USASPY"),
])
def test_a_surname_two_office_holders_share_is_the_one_with_a_named_office(
        pipeline: Pipeline, date: str, text: str, expected: str) -> None:
    """Two people of the knowledge base called Blair hold dated periods in 2003; only one
    of them an office a reader knows him by (prime minister). In 2009 the other is the
    one in office."""
    found = codes(code_actors(pipeline, text, date))
    assert found.get("Blair") == expected, found


def test_a_surname_alone_lately_out_of_office_is_a_former_leader(pipeline: Pipeline) -> None:
    """Reporters name a leader who left office by surname alone for years: an elite of
    the country then, no longer its government (``former_years``)."""
    text = "Cameron rejected the British rebate proposal on Tuesday."
    found = codes(code_actors(pipeline, text, "2019-05-01"))
    assert found.get("Cameron") == "GBRELI", found


def test_a_surname_alone_long_out_of_office_is_nobody(pipeline: Pipeline) -> None:
    text = "Cameron rejected the British rebate proposal on Tuesday."
    found = codes(code_actors(pipeline, text, "2040-05-01"))
    assert "Cameron" not in found, found


@pytest.mark.parametrize("text, expected", [
    ("Cameron telephoned Aliyev on Monday.", {"Cameron": "GBRGOV", "Aliyev": "AZEGOV"}),
    ("Aliyev rejected the Greek plan on Monday.", {"Aliyev": "AZEGOV"}),
    ("Aliyev rejected the county's zoning plan on Monday.", {"Aliyev": None}),
])
def test_a_head_of_government_s_surname_alone_counts_in_an_international_story(
        pipeline: Pipeline, text: str, expected: dict[str, str]) -> None:
    """International news names heads of state and government by surname alone without
    naming their country (``leader_offices``): in a story that names another country, or
    leaders of two. A local story's namesake is nobody."""
    found = codes(code_actors(pipeline, text, "2015-05-01"))
    assert {name: found.get(name) for name in expected} == expected, found


@pytest.mark.parametrize("text, date, expected", [
    ("President Moon visited Tokyo on Monday.", "2019-05-01", {"President Moon": "KORGOV"}),
    ("Yoon telephoned Kishida on Monday.", "2023-05-01", {"Yoon": "KORGOV"}),
])
def test_a_leader_s_family_name_written_first_names_the_leader_alone(
        pipeline: Pipeline, text: str, date: str, expected: dict[str, str]) -> None:
    """A common family name written first ("Moon" of Moon Jae-in) stands for the one
    person of that family name in a named office on the day, as a surname does."""
    found = codes(code_actors(pipeline, text, date))
    assert {name: found.get(name) for name in expected} == expected, found


def test_the_last_word_of_an_alias_is_no_leader_s_surname(pipeline: Pipeline) -> None:
    """"Assad government" is an alias of Syria's president: "Government" alone is no one."""
    text = "The Government of Ghana welcomed the decision on Monday."
    found = codes(code_actors(pipeline, text, "2015-05-01"))
    assert not any(code and code.startswith("SYR") for code in found.values()), found


def test_a_surname_alone_in_a_story_without_its_country_is_nobody(pipeline: Pipeline) -> None:
    text = "Cameron rejected the county's zoning proposal on Tuesday."
    found = codes(code_actors(pipeline, text, "2012-05-01"))
    assert "Cameron" not in found, found


def test_a_surname_inside_another_name_is_nobody(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "James Cameron filmed the wreck again.", "2012-05-01"))
    assert not any(code and code.startswith("GBR") for code in found.values()), found


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Macron rejects the German plan", "Macron", "FRAGOV"),
        ("Trump threatens to cut aid to the region", "Trump", "USAGOV"),
        ("Trump administration cuts aid to the region", "Trump administration", "USAGOV"),
        # the first of a comma list of names, which the parse hangs anywhere
        ("Trump, Putin agree to meet in Helsinki", "Trump", "USAGOV"),
        ("Duterte, Xi discuss sea dispute over dinner", "Duterte", "PHLGOV"),
        # the tagger takes the name for the headline's verb
        ("Modi scraps tax on fertiliser", "Modi", "INDGOV"),
    ],
)
def test_a_known_name_opening_a_headline_as_its_subject_verb_list_or_a_role_s_modifier(
    pipeline: Pipeline, text: str, mention: str, code: str
) -> None:
    found = codes(code_actors(pipeline, text, "2019-05-01"))
    assert found.get(mention) == code, found


def test_a_name_opening_a_sentence_as_a_modifier_is_nobody(pipeline: Pipeline) -> None:
    found = codes(code_actors(pipeline, "Trump casinos closed early on Friday.", "2019-05-01"))
    assert "Trump" not in " ".join(found), found


def test_a_headline_surname_before_the_full_name(pipeline: Pipeline) -> None:
    """Out of office on the day, he is known by the full name the body gives."""
    text = ("Cameron backs zoning plan. Former prime minister David Cameron said on Tuesday "
            "that the plan was right.")
    found = [m for m in code_actors(pipeline, text, "2019-05-01").actors if m.text == "Cameron"]
    assert found and found[0].code == "GBRELI", found


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # The knowledge base's "King Abdullah" of the day is Jordan's; the phrase says Saudi.
        ("Saudi King Abdullah received the envoy on Monday.", "Saudi King Abdullah", "SAUGOV"),
        ("King Abdullah received the envoy on Monday.", "King Abdullah", "JORGOV"),
        # A group states no country, and a country word the tagger takes into the name stays.
        ("Hamas and Jordanian King Abdullah held talks.", "Jordanian King Abdullah", "JORGOV"),
    ],
)
def test_the_title_s_country_outranks_a_namesake_s(
    pipeline: Pipeline, text: str, mention: str, code: str
) -> None:
    found = codes(code_actors(pipeline, text, "2010-05-01"))
    assert found.get(mention) == code, found


def test_a_surname_the_story_gives_someone_else_is_not_the_entry(pipeline: Pipeline) -> None:
    text = ("Ron Macron, a retired sergeant, was hurt in the fire. Macron, 57, said the wiring "
            "was old.")
    found = codes(code_actors(pipeline, text, "2019-05-01"))
    assert not any(code and code.startswith("FRA") for code in found.values()), found


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Greek PM declares three days of mourning", "Greek PM", "GRCGOV"),
        ("The talks will resume at 3 p.m. on Friday, Pakistan's PM said.", "Pakistan's PM",
         "PAKGOV"),
    ],
)
def test_pm_is_the_prime_minister(pipeline: Pipeline, text: str, mention: str,
                                  code: str) -> None:
    assert codes(code_actors(pipeline, text)).get(mention) == code


def test_pm_in_a_clock_time_is_nobody(pipeline: Pipeline) -> None:
    assert code_actors(pipeline, "Polls in Athens close at 7 PM on Sunday.").actors == []


@pytest.mark.parametrize(
    ("text", "date", "mention", "code"),
    [
        ("President Sebastián Piñera signed the pension reform on Monday.", "2019-03-20",
         "President Sebastián Piñera", "CHLGOV"),
        ("King Gyanendra dismissed the cabinet and took direct control.", "2005-02-01",
         "King Gyanendra", "NPLGOV"),
        ("Prime Minister Jacinda Ardern announced new gun laws.", "2019-03-21",
         "Prime Minister Jacinda Ardern", "NZLGOV"),
        ("Jacinda Ardern spoke at the university's graduation.", "2024-05-01",
         "Jacinda Ardern", "NZLELI"),
        ("Foreign Minister Karin Kneissl received her Russian counterpart.", "2018-08-20",
         "Foreign Minister Karin Kneissl", "AUTGOV"),
        ("Prime Minister Chris Hipkins said the border would reopen.", "2023-05-01",
         "Prime Minister Chris Hipkins", "NZLGOV"),
        ("Police arrested Kizza Besigye as he led a protest march.", "2016-05-11",
         "Kizza Besigye", "UGAOPP"),
    ],
)
def test_office_holders_of_every_country(
    pipeline: Pipeline, text: str, date: str, mention: str, code: str
) -> None:
    assert codes(code_actors(pipeline, text, date)).get(mention) == code


def test_an_office_holder_with_an_ordinary_english_name_needs_the_title(
    pipeline: Pipeline,
) -> None:
    doc = code_actors(pipeline, "Chris Hipkins, a local plumber, won the raffle.", "2023-05-01")
    assert doc.actors == [], [(m.text, m.code) for m in doc.actors]


def test_a_two_word_title_inside_the_tagger_s_name_is_a_title(pipeline: Pipeline) -> None:
    text = "Crown Prince Mohammed bin Salman received the delegation on Sunday."
    found = codes(code_actors(pipeline, text, "2021-06-01"))
    assert found.get("Crown Prince Mohammed bin Salman") == "SAUGOV", found


@pytest.mark.parametrize(
    "name", ["Hossein Amir-Abdollahian", "Hossein Amirabdollahian", "Hossein Amir Abdollahian"]
)
def test_a_hyphenated_name_in_its_other_spellings(pipeline: Pipeline, name: str) -> None:
    text = f"Foreign Minister {name} flew to Muscat for talks."
    found = codes(code_actors(pipeline, text, "2022-03-01"))
    assert found.get(f"Foreign Minister {name}") == "IRNGOV", found


@pytest.mark.parametrize(
    ("text", "date", "mention", "code"),
    [
        # the tagger takes the surname for a place, which no gazetteer knows
        ("Erdogan warns Greece over island flights", "2019-06-01", "Erdogan", "TURGOV"),
        # the tagger reads the surname opening a headline as a common noun
        ("Musharraf sacks Pakistan's chief justice", "2007-03-10", "Musharraf", "PAKGOV"),
        # a family name that is rare is no common surname
        ("Xi promised more aid to African states.", "2019-06-01", "Xi", "CHNGOV"),
    ],
)
def test_a_leader_s_surname_the_tagger_misreads_is_still_the_leader(
    pipeline: Pipeline, text: str, date: str, mention: str, code: str
) -> None:
    found = codes(code_actors(pipeline, text, date))
    assert found.get(mention) == code, found


def test_a_town_named_like_an_office_holder_stays_a_place(pipeline: Pipeline) -> None:
    """The tagger's place label stands when the gazetteer knows the place."""
    doc = code_actors(pipeline, "Police in Clinton arrested two men on Friday.", "2011-06-01")
    assert not any((m.rule or "").startswith("kb:") for m in doc.actors), codes(doc)


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Tigrayan fighters seized the town after a week of shelling.", "Tigrayan fighters",
         "ETHREB"),
        ("Rohingya refugees crossed the river at night.", "Rohingya refugees", "MMRREF"),
        ("Chechen rebels ambushed a supply convoy.", "Chechen rebels", "RUSREB"),
    ],
)
def test_a_people_of_one_country_gives_its_country(
    pipeline: Pipeline, text: str, mention: str, code: str
) -> None:
    found = codes(code_actors(pipeline, text, "2021-03-01"))
    assert found.get(mention) == code, found


def test_a_phrase_does_not_start_with_the_comma_of_a_headline_list(pipeline: Pipeline) -> None:
    """The parse hangs the list's comma on the noun the second name modifies."""
    doc = code_actors(pipeline, "Merkel, Macron pledge joint recovery fund", "2019-05-01")
    texts = [m.text for m in doc.actors]
    assert texts and not any(t.startswith(",") for t in texts), texts
