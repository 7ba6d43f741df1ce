"""Users' gazetteer files: read, checked line by line, and resolved alongside GeoNames."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.api import make_config
from eventwire.errors import DictionaryError
from eventwire.model import Document
from eventwire.places.resolve import haversine_km
from eventwire.places.stages import PlacesStage
from eventwire.places.user import read_user_places
from tests.places.helpers import by_text

HEADER = "name,alternate_names,country,admin1,lat,lon,feature,population\n"
CAMP = "Tamarind Camp,Tamarind Settlement,KE,,3.71,34.86,PPL,38000\n"


def _csv(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "places.csv"
    path.write_text(header + "".join(rows), "utf-8")
    return path


def _stage(pipeline, gazetteers: list[str], **settings) -> PlacesStage:
    return PlacesStage({"gazetteers": gazetteers, **settings}, make_config())


def _run(pipeline, stage: PlacesStage, text: str, url: str | None = None) -> Document:
    doc = pipeline.get_stage("parse")(Document(doc_id="t", source="test", text=text, url=url))
    return stage(doc)


def test_a_csv_row_becomes_a_gazetteer_entry(tmp_path):
    [entry] = read_user_places(_csv(tmp_path, CAMP))
    assert entry.names == ("Tamarind Camp", "Tamarind Settlement")
    place = entry.place
    assert (place.country, place.feature, place.population) == ("KEN", "PPL", 38000)
    assert (place.lat, place.lon, place.geonameid, place.admin1) == (3.71, 34.86, None, None)


def test_feature_and_population_may_be_left_out(tmp_path):
    path = _csv(tmp_path, "Tamarind Camp,KEN,3.71,34.86\n", header="name,country,lat,lon\n")
    [entry] = read_user_places(path)
    assert (entry.place.country, entry.place.feature, entry.place.population) == (
        "KEN", "PPL", 0)


def test_the_yaml_form_reads_the_same_entries(tmp_path):
    path = tmp_path / "places.yaml"
    path.write_text(
        "places:\n"
        "  - name: Tamarind Camp\n"
        "    alternate_names: [Tamarind Settlement]\n"
        "    country: KE\n"
        "    lat: 3.71\n"
        "    lon: 34.86\n"
        "    population: 38000\n", "utf-8")
    [entry] = read_user_places(path)
    assert entry.names == ("Tamarind Camp", "Tamarind Settlement")
    assert entry.place.country == "KEN"


@pytest.mark.parametrize(("row", "words"), [
    ("Tamarind Camp,,KE,,95.0,34.86,PPL,38000\n", "lat 95.0 is outside ±90"),
    ("Tamarind Camp,,KE,,3.71,-181,PPL,38000\n", "lon -181 is outside ±180"),
    ("Tamarind Camp,,KE,,north,34.86,PPL,38000\n", "lat 'north' is not a number"),
    ("Tamarind Camp,,XQ,,3.71,34.86,PPL,38000\n", "country 'XQ' is not an ISO 3166-1 code"),
    ("Tamarind Camp,,,,3.71,34.86,PPL,38000\n", "country '' is not an ISO 3166-1 code"),
    ("Tamarind Camp,,KE,,3.71,34.86,CAMP,38000\n", "feature 'CAMP' is not one of"),
    ("Tamarind Camp,,KE,,3.71,34.86,PPL,-5\n", "population -5 is negative"),
    (",,KE,,3.71,34.86,PPL,38000\n", "name is empty"),
    ("Tamarind Camp,,KE,,3.71\n", "no lon (too few values)"),
])
def test_a_bad_row_is_an_error_naming_the_file_and_line(tmp_path, row, words):
    path = _csv(tmp_path, CAMP, row)
    with pytest.raises(DictionaryError) as err:
        read_user_places(path)
    assert err.value.code == "E255"
    assert f"{str(path)!r}, line 3: {words}" in err.value.message
    assert "docs/places.md" in (err.value.hint or "")


def test_a_header_without_coordinates_is_an_error_on_line_1(tmp_path):
    path = _csv(tmp_path, "Tamarind Camp,KE\n", header="name,country\n")
    with pytest.raises(DictionaryError, match=r"line 1: the header lacks lat, lon") as err:
        read_user_places(path)
    assert err.value.code == "E255"


def test_a_bad_yaml_entry_names_its_line(tmp_path):
    path = tmp_path / "places.yml"
    path.write_text(
        "places:\n"
        "  - {name: Tamarind Camp, country: KE, lat: 3.71, lon: 34.86}\n"
        "  - name: Mango Ridge\n"
        "    country: KE\n"
        "    lat: -91\n"
        "    lon: 34.9\n", "utf-8")
    with pytest.raises(DictionaryError, match=r"line 3: lat -91 is outside ±90") as err:
        read_user_places(path)
    assert err.value.code == "E255"


@pytest.mark.parametrize(("name", "text", "words"), [
    ("missing.csv", None, "cannot be read"),
    ("places.txt", "Tamarind Camp", "not a .csv, .yaml or .yml file"),
    ("places.yaml", "places: [unclosed\n", "not YAML"),
])
def test_an_unreadable_file_is_e254(tmp_path, name, text, words):
    path = tmp_path / name
    if text is not None:
        path.write_text(text, "utf-8")
    with pytest.raises(DictionaryError, match=words) as err:
        read_user_places(path)
    assert err.value.code == "E254"
    assert "stages.places.gazetteers" in (err.value.hint or "")


def test_a_bad_file_stops_the_stage_before_any_document(tmp_path, pipeline):
    path = _csv(tmp_path, "Tamarind Camp,,KE,,3.71,200,PPL,38000\n")
    with pytest.raises(DictionaryError) as err:
        _stage(pipeline, [str(path)])
    assert err.value.code == "E255" and "line 2" in err.value.message


def test_the_resolver_finds_a_users_place(tmp_path, pipeline):
    text = "Aid convoys reached Tamarind Camp on Monday after the floods."
    assert "Tamarind Camp" not in by_text(_run(pipeline, _stage(pipeline, []), text))
    stage = _stage(pipeline, [str(_csv(tmp_path, CAMP))])
    camp = by_text(_run(pipeline, stage, text))["Tamarind Camp"]
    assert (camp.country, camp.name, camp.geonameid) == ("KEN", "Tamarind Camp", None)
    assert haversine_km(camp.lat, camp.lon, 3.71, 34.86) < 1


def test_a_users_alternate_name_counts_as_its_own(tmp_path, pipeline):
    stage = _stage(pipeline, [str(_csv(tmp_path, CAMP))])
    doc = _run(pipeline, stage, "Families fled to Tamarind Settlement in Kenya on Friday.")
    camp = by_text(doc)["Tamarind Settlement"]
    assert (camp.name, camp.country) == ("Tamarind Camp", "KEN")


def test_a_users_town_competes_with_its_namesakes_by_the_storys_context(tmp_path, pipeline):
    # A Kenyan town named like American ones: the story's country decides.
    path = _csv(tmp_path, "Springfield,,KE,,0.52,35.27,PPL,20000\n")
    stage = _stage(pipeline, [str(path)])
    kenyan = by_text(_run(pipeline, stage,
                          "Farmers in Kenya said the road to Springfield was washed away."))
    assert kenyan["Springfield"].country == "KEN"
    american = by_text(_run(pipeline, stage,
                            "Farmers in Illinois said the road to Springfield was washed away."))
    assert american["Springfield"].country == "USA"


def test_the_outlet_prior_can_be_switched_off(pipeline):
    text = "A fire destroyed a barn outside Athens early on Sunday. Nobody was hurt."
    url = "https://www.ajc.com/news/local/barn-fire/"
    assert by_text(_run(pipeline, _stage(pipeline, []), text, url))["Athens"].country == "USA"
    off = _stage(pipeline, [], outlet_prior=False)
    assert by_text(_run(pipeline, off, text, url))["Athens"].country == "GRC"
