"""Resolution from the whole story: its home region, and regions the city files lack."""

from __future__ import annotations

from eventwire.places.resolve import haversine_km
from tests.places.helpers import by_text


def test_home_state_decides_a_bare_town(parsed):
    # Local news that never names its state: the state all its names may lie in decides
    # (Springfield, Missouri is the biggest Springfield; Illinois has all three towns).
    doc = parsed("Police in Springfield and Decatur searched for the man, who was arrested "
                 "in Peoria on Monday.")
    springfield = by_text(doc)["Springfield"]
    assert springfield.country == "USA"
    assert haversine_km(springfield.lat, springfield.lon, 39.80, -89.64) < 30


def test_bare_paris_stays_french_without_a_home_state(parsed):
    assert by_text(parsed("The minister flew to Paris on Monday."))["Paris"].country == "FRA"


def test_regions_and_waters_are_resolved(parsed):
    doc = parsed("Aid agencies warned that the conflict in Darfur could spread across the "
                 "Middle East, while ships crossed the Red Sea.")
    places = by_text(doc)
    assert places["Darfur"].country == "SDN" and places["Darfur"].feature == "RGN"
    middle_east = places["Middle East"]
    assert middle_east.lat is not None and middle_east.lon is not None
    assert haversine_km(middle_east.lat, middle_east.lon, 29.3, 42.5) < 50


def test_a_province_named_with_its_area_word(parsed):
    doc = parsed("Floods displaced thousands of families in Hebei province last week.")
    hebei = next(m for m in doc.places if m.text.startswith("Hebei"))
    assert hebei.country == "CHN" and hebei.feature == "ADM1"


def test_an_item_of_a_list_of_states_is_a_state(parsed):
    # "Washington" alone is the capital; among states it is the state.
    doc = parsed("Cases were reported in Arizona, California, Colorado, Utah, Washington and "
                 "Wisconsin.")
    washington = by_text(doc)["Washington"]
    assert washington.feature == "ADM1"
    assert haversine_km(washington.lat, washington.lon, 47.4, -120.5) < 200
