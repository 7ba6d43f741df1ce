"""Each event's location: its own clause's place, else its sentence's, else the dateline."""

from __future__ import annotations

from eventwire.anchor import locate_event
from eventwire.anchor.place import story_focus
from eventwire.api import code_text
from eventwire.model import Document, Event, EventActor, Location
from eventwire.places.resolve import haversine_km
from tests.anchor.helpers import event_at


def _where(doc: Document, event: Event) -> Location | None:
    return locate_event(doc, event).location


STORY = ("Police nabbed the two men, two women and a toddler inside the compound of the "
         "Japanese Consulate in Shenyang, north-eastern China on May 8.")


def test_locative_chain_reaches_the_city(parsed):
    doc = parsed(STORY)
    loc = _where(doc, event_at(doc, "nabbed"))
    assert loc is not None and loc.name == "Shenyang" and loc.country == "CHN"


def test_actor_by_metonymy_is_not_a_location(parsed):
    doc = parsed("Beijing said on Monday that it would protest.")
    assert _where(doc, event_at(doc, "said", "010")) is None


def test_place_of_another_clause_does_not_place_the_event(parsed):
    doc = parsed("Five refugees arrested by police were allowed to fly to freedom in Seoul.")
    assert _where(doc, event_at(doc, "arrested")) is None


def test_coordinated_verbs_share_the_place(parsed):
    doc = parsed("Gunmen killed 12 villagers and wounded 30 others near Kandahar.")
    loc = _where(doc, event_at(doc, "killed", "180"))
    assert loc is not None and loc.country == "AFG"


def test_no_trigger_offset_no_location(parsed):
    doc = parsed(STORY)
    event = event_at(doc, "nabbed")
    event.trigger_start = None
    assert _where(doc, event) is None


def test_dateline_places_the_first_sentence(parsed):
    doc = parsed("Police arrested 12 students on Monday.")
    doc.meta["dateline_geo"] = {"name": "Seoul", "country": "KOR", "lat": 37.57,
                                "lon": 126.98, "geonameid": 1835848}
    loc = _where(doc, event_at(doc, "arrested"))
    assert loc is not None and loc.name == "Seoul"


def test_participle_of_the_object_shares_the_main_clause_place(parsed):
    doc = parsed("Lawmakers sent a letter to the ambassador in Washington urging Beijing "
                 "not to repatriate refugees.")
    loc = _where(doc, event_at(doc, "urging", "020"))
    assert loc is not None and loc.name == "Washington" and loc.country == "USA"


def test_example_story_arrest_is_placed_in_shenyang(pipeline, example_text):
    doc = code_text(example_text, pipeline=pipeline)
    arrests = [e for e in doc.events if e.cameo.startswith("17") and e.trigger == "nabbed"]
    assert arrests, "the events stage should code the arrest (Police nabbed ...)"
    loc = arrests[0].location
    assert loc is not None and loc.name == "Shenyang" and loc.country == "CHN"
    assert haversine_km(loc.lat, loc.lon, 41.79, 123.43) < 5
    assert arrests[0].size.people == 5 and arrests[0].size.arrested == 5


def test_compound_preposition_places_the_event(parsed):
    doc = parsed("Three soldiers were killed by a bomb outside of the Iraqi city of Basra.")
    loc = _where(doc, event_at(doc, "killed", "183"))
    assert loc is not None and loc.country == "IRQ"
    assert haversine_km(loc.lat, loc.lon, 30.51, 47.78) < 30  # the city, not its province


def test_the_dateline_places_events_the_sentence_does_not(parsed):
    doc = parsed("The minister resigned. Police arrested 12 students on Monday.")
    doc.meta["dateline_geo"] = {"name": "Seoul", "country": "KOR", "lat": 37.57,
                                "lon": 126.98, "geonameid": 1835848, "feature": "PPLC"}
    placed = locate_event(doc, event_at(doc, "arrested"))
    assert placed.location is not None and placed.location.name == "Seoul"
    assert (placed.source, placed.precision) == ("dateline", "city")


def test_a_place_elsewhere_in_the_sentence_places_the_event(parsed):
    doc = parsed("In Yerevan, police said they detained 40 protesters.")
    placed = locate_event(doc, event_at(doc, "detained"))
    assert placed.location is not None and placed.location.name == "Yerevan"
    assert (placed.source, placed.precision) == ("sentence", "city")


def test_the_target_place_of_an_attack_places_it(parsed):
    doc = parsed("Rebels shelled Kandahar on Monday.")
    placed = locate_event(doc, event_at(doc, "shelled", "194"), target_roots=["19"])
    assert placed.location is not None and placed.location.country == "AFG"
    assert placed.source == "clause"
    assert locate_event(doc, event_at(doc, "shelled", "112"), target_roots=["19"]).location \
        is None  # a statement about a place does not happen there


def test_a_country_is_made_precise_by_the_dateline_city_in_it(parsed):
    doc = parsed("Police arrested 12 students in South Korea.")
    doc.meta["dateline_geo"] = {"name": "Seoul", "country": "KOR", "lat": 37.57,
                                "lon": 126.98, "geonameid": 1835848, "feature": "PPLC"}
    placed = locate_event(doc, event_at(doc, "arrested"))
    assert placed.location is not None and placed.location.name == "Seoul"
    assert placed.precision == "city"


def test_the_story_focus_places_an_event_with_no_place_of_its_own(parsed):
    doc = parsed("Police in Mosul arrested six men. Residents of Mosul protested. Officials "
                 "condemned the arrests.")
    focus = story_focus(doc)
    assert focus is not None and focus.name == "Mosul"
    placed = locate_event(doc, event_at(doc, "condemned", "111"), focus)
    assert placed.location is not None and placed.source == "focus"


def test_a_place_in_a_condition_does_not_place_the_sentence(parsed):
    doc = parsed("The minister warned that refugees would be turned back if war starts in "
                 "Iraq.")
    assert locate_event(doc, event_at(doc, "warned", "130")).location is None


def test_the_place_a_visit_goes_to_places_it(parsed):
    doc = parsed("The Indonesian president visited Hanoi on Monday.")
    placed = locate_event(doc, event_at(doc, "visited", "042"), target_roots=["042"])
    assert placed.location is not None and placed.location.name == "Hanoi"
    assert locate_event(doc, event_at(doc, "visited", "042"), target_roots=["19"]).location \
        is None


def test_a_relative_where_clause_is_in_the_place_it_describes(parsed):
    doc = parsed("The envoy flew on to Nairobi, where he met Kenyan officials.")
    loc = _where(doc, event_at(doc, "met", "040"))
    assert loc is not None and loc.name == "Nairobi"


def _countries():
    from eventwire.places.gazetteer import load_gazetteer
    return load_gazetteer().countries


def _between(event: Event, source: str | None, target: str | None) -> Event:
    """The event with the sides' countries the actors stage gives them."""
    event.source, event.target = EventActor(country=source), EventActor(country=target)
    return event


def test_an_act_no_place_is_named_for_is_in_its_doer_s_country(parsed):
    doc = parsed("Peru condemned the decision on Monday.")
    event = _between(event_at(doc, "condemned", "111"), "PER", None)
    assert locate_event(doc, event).location is None  # without the gazetteer's countries
    placed = locate_event(doc, event, countries=_countries())
    assert placed.location is not None and placed.location.country == "PER"
    assert (placed.source, placed.precision) == ("country", "country")


def test_force_no_place_is_named_for_is_in_its_target_s_country(parsed):
    doc = parsed("Ethiopian troops shelled Eritrean positions on Monday.")
    event = _between(event_at(doc, "shelled", "194"), "ETH", "ERI")
    placed = locate_event(doc, event, countries=_countries(), target_countries=["19"])
    assert placed.location is not None and placed.location.country == "ERI"
    placed = locate_event(doc, event, countries=_countries())
    assert placed.location is not None and placed.location.country == "ETH"


def test_a_dateline_of_neither_side_s_country_does_not_place_a_strike(parsed):
    doc = parsed("Ethiopian troops shelled Eritrean positions on Monday.")
    doc.meta["dateline_geo"] = {"name": "Nairobi", "country": "KEN", "lat": -1.28,
                                "lon": 36.82, "geonameid": 184745, "feature": "PPLC"}
    event = _between(event_at(doc, "shelled", "194"), "ETH", "ERI")
    placed = locate_event(doc, event, countries=_countries(), target_countries=["19"])
    assert placed.location is not None and placed.location.country == "ERI"
    assert locate_event(doc, event, countries=_countries()).source == "dateline"
