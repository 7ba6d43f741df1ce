from __future__ import annotations

import math

import pytest

from eventwire.errors import ConfigError
from eventwire.places.gazetteer import load_gazetteer, normalise
from eventwire.places.resolve import haversine_km


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_load_gazetteer_is_built_once_per_process(gaz):
    assert load_gazetteer() is gaz


def test_normalise_drops_accents_case_dots_and_article():
    assert normalise("the U.S.") == "us"
    assert normalise("Kandahār") == "kandahar"


def test_lookup_knows_countries_states_and_cities(gaz):
    assert {p.feature for p in gaz.lookup("China")} >= {"PCLI"}
    assert any(p.feature == "ADM1" and p.admin1 == "IL" for p in gaz.lookup("Ill."))
    shenyang = max(gaz.lookup("Shenyang"), key=lambda p: p.population)
    assert shenyang.country == "CHN"
    assert haversine_km(shenyang.lat, shenyang.lon, 41.79, 123.43) < 5


def test_every_country_has_coordinates(gaz):
    assert all(not math.isnan(c.lat) for c in gaz.countries.values())


def test_state_points_lie_inside_their_state(gaz):
    texas = gaz.states["TX"]
    assert 26 < texas.lat < 36 and -106 < texas.lon < -94


def test_provinces_take_a_central_point_not_the_middle_of_their_towns(gaz):
    # Queensland's and Ontario's towns cluster on the coast and in the south; the box of
    # their towns put the points 600 and 430 km off the provinces' usual centre points.
    queensland = next(p for p in gaz.lookup("Queensland") if p.feature == "ADM1")
    ontario = next(p for p in gaz.lookup("Ontario") if p.feature == "ADM1")
    assert haversine_km(queensland.lat, queensland.lon, -22.0, 144.0) < 200
    assert haversine_km(ontario.lat, ontario.lon, 50.0, -85.0) < 200


def test_capitals_are_marked(gaz):
    assert any(p.feature == "PPLC" and p.country == "USA" for p in gaz.lookup("Washington"))


def test_unknown_dataset_is_refused():
    with pytest.raises(ConfigError) as info:
        load_gazetteer("cities7")
    assert info.value.code == "E251"


def test_cached_gazetteer_equals_a_fresh_build(gaz, tmp_path, monkeypatch):
    """The on-disk cache gives back the same index, countries and states as a build."""
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    built = load_gazetteer.__wrapped__("cities15000")
    assert list(tmp_path.glob("gazetteer-cities15000-*.pickle"))
    read = load_gazetteer.__wrapped__("cities15000")
    assert read is not built
    assert read.index == built.index
    assert (read.countries, read.states, read.neighbours) == (
        built.countries, built.states, built.neighbours)


def test_normalise_spells_out_leading_abbreviations():
    assert normalise("Mt. Pleasant") == normalise("Mount Pleasant") == "mount pleasant"
    assert normalise("St. Albans") == normalise("Saint Albans")
    assert normalise("Ft. Worth") == "fort worth"
    assert normalise("Stanford") == "stanford"


def test_a_letter_left_of_an_alternate_name_is_no_name(gaz):
    assert not any(p.name == "Detroit" for p in gaz.lookup("D"))  # from "The D"
    assert any(p.name == "Los Angeles" for p in gaz.lookup("L.A."))


#: Published points of two gazetteers that news corpora annotate with (GeoNames' country
#: entry; the coordinates of the country's Wikipedia article), where they lie more than
#: 161 km apart: the shipped point must be right for a reader of either.
TWO_CONVENTIONS = {
    "CHN": ((35.0, 105.0), (35.0, 103.0)),
    "SDN": ((15.0, 30.0), (15.0, 32.0)),
    "NGA": ((10.0, 8.0), (8.0, 10.0)),
}


@pytest.mark.parametrize("iso3", sorted(TWO_CONVENTIONS))
def test_a_country_point_is_within_161_km_of_both_conventions(gaz, iso3):
    place = gaz.countries[iso3]
    for lat, lon in TWO_CONVENTIONS[iso3]:
        assert haversine_km(place.lat, place.lon, lat, lon) <= 161


def test_a_country_point_lies_in_its_country(gaz):
    # countryinfo put Kuwait at 45.75E, in the desert beyond its western border.
    kuwait = gaz.countries["KWT"]
    assert 28.5 < kuwait.lat < 30.1 and 46.5 < kuwait.lon < 48.5


def test_countries_where_both_conventions_agree_keep_their_point(gaz):
    mexico, kenya = gaz.countries["MEX"], gaz.countries["KEN"]
    assert (mexico.lat, mexico.lon) == (23.0, -102.0)
    assert (kenya.lat, kenya.lon) == (1.0, 38.0)
