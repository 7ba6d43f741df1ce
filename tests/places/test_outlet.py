"""The outlet's region as a prior: the host of a story's URL votes for its home region."""

from __future__ import annotations

import pytest

from eventwire.errors import DictionaryError
from eventwire.model import Document
from eventwire.places.gazetteer import load_gazetteer
from eventwire.places.outlet import Outlet, host_of, outlet_region, read_outlets
from eventwire.places.resolve import haversine_km
from eventwire.places.stages import story_url
from tests.places.helpers import by_text


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="module")
def run(pipeline):
    stages = [pipeline.get_stage(n) for n in ("parse", "places")]

    def go(text: str, url: str | None = None) -> Document:
        doc = Document(doc_id="t", source="test", text=text, url=url)
        for stage in stages:
            doc = stage(doc)
        return doc

    return go


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.Example.com/news/1", "example.com"),
    ("example.org/a?b=c", "example.org"),
    ("http://localhost/x", None),
    ("not a url", None),
    (None, None),
])
def test_host_of(url, host):
    assert host_of(url) == host


def test_a_listed_host_and_its_subdomains_give_the_outlets_state(gaz):
    assert outlet_region("https://www.chicagotribune.com/news/local/x", gaz) == Outlet(
        "USA", ("USA", "IL"))
    assert outlet_region("https://m.chicagotribune.com/x", gaz) == Outlet("USA", ("USA", "IL"))


def test_a_host_named_after_a_place_gives_that_place(gaz):
    assert outlet_region("https://www.omahadailyexample.com/a", gaz) == Outlet(
        "USA", ("USA", "NE"))
    assert outlet_region("https://newmexico-example.com/a", gaz) == Outlet("USA", ("USA", "NM"))
    # the longest name wins: Kansas City, Missouri, not the state of Kansas
    assert outlet_region("https://kansascityexample.com/", gaz) == Outlet("USA", ("USA", "MO"))
    assert outlet_region("https://www.heraldexample.com/a", gaz) is None


def test_a_country_code_domain_gives_its_country(gaz):
    assert outlet_region("https://news.example.co.uk/story", gaz) == Outlet("GBR")
    assert outlet_region("https://www.example.de/artikel", gaz) == Outlet("DEU")


def test_generic_and_unknown_hosts_say_nothing(gaz):
    assert outlet_region("https://example.com/a", gaz) is None
    assert outlet_region("https://example.tv/a", gaz) is None
    assert outlet_region(None, gaz) is None


def test_every_shipped_outlet_names_a_known_state(gaz):
    from eventwire.places.outlet import _shipped

    for host, (country, state) in _shipped().items():
        region = outlet_region("https://" + host + "/", gaz)
        assert region is not None and region.country == country, host
        assert bool(state) == (region.state is not None), host


def test_a_bad_outlet_row_is_a_coded_error():
    with pytest.raises(DictionaryError) as info:
        read_outlets("host,country,state\nexample.com,US,Ohio\n", "my-outlets.csv")
    assert info.value.code == "E252" and "alpha-3" in str(info.value)


def test_the_url_comes_from_the_input_or_the_page_metadata():
    assert story_url(Document(doc_id="a", source="s", url="https://a.example/x")) == (
        "https://a.example/x")
    page = Document(doc_id="b", source="s")
    page.meta["url"] = "https://b.example/y"
    assert story_url(page) == "https://b.example/y"
    assert story_url(Document(doc_id="c", source="s")) is None


STORY = "A fire destroyed a barn outside Athens early on Sunday. Nobody was hurt."


def test_a_local_outlet_places_a_town_its_story_does_not_qualify(run):
    alone = by_text(run(STORY))["Athens"]
    assert alone.country == "GRC"
    local = by_text(run(STORY, "https://www.ajc.com/news/local/barn-fire/"))["Athens"]
    assert local.country == "USA"
    assert haversine_km(local.lat, local.lon, 33.96, -83.38) < 30


def test_the_outlet_does_not_outvote_the_storys_own_places(run):
    text = ("Thousands marched through Athens and Thessaloniki on Saturday against the "
            "new pension law, and unions in Patras joined them.")
    athens = by_text(run(text, "https://www.ajc.com/news/world/greece-strike/"))["Athens"]
    assert athens.country == "GRC"
