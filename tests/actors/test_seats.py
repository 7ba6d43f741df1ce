"""Seats of government and capitals standing for their country (CAMEO and Phoenix code
capitals as the country, and seats of government as its government)."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors, codes


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Kremlin dismissed the report on Friday.", "The Kremlin", "RUSGOV"),
        ("Senators urged the White House to release the files.", "the White House", "USAGOV"),
        ("The Pentagon denied the claim.", "The Pentagon", "USAGOV"),
        ("The State Department criticised the verdict.", "The State Department", "USAGOV"),
    ],
)
def test_a_seat_of_government_with_the_is_the_government(
    pipeline: Pipeline, text: str, mention: str, code: str
) -> None:
    found = codes(code_actors(pipeline, text))
    assert found.get(mention) == code, found


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Elysee rejected the proposal on Tuesday.", "The Elysee", "FRAGOV"),
        ("The Élysée Palace announced a reshuffle.", "The Élysée Palace", "FRAGOV"),
        ("Zhongnanhai ordered a review of the plan.", "Zhongnanhai", "CHNGOV"),
        ("The Blue House welcomed the offer.", "The Blue House", "KORGOV"),
        ("The Casa Rosada denied the report.", "The Casa Rosada", "ARGGOV"),
        ("Malacanang rejected the demand.", "Malacanang", "PHLGOV"),
        ("The Kantei declined to comment.", "The Kantei", "JPNGOV"),
    ],
)
def test_seats_of_government_are_known(
    pipeline: Pipeline, text: str, mention: str, code: str
) -> None:
    found = codes(code_actors(pipeline, text))
    assert found.get(mention) == code, found


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Canada suspended new grants to Managua after the vote.", "Managua", "NIC"),
        ("The minister's visit to Canberra was put off.", "Canberra", "AUS"),
        ("Norway sent two planes of tents to Lima.", "Lima", "PER"),
        ("Sweden recalled its ambassador from Canberra over the dispute.", "Canberra", "AUS"),
        ("Grain shipments from Ottawa reached the port this week.", "Ottawa", "CAN"),
    ],
)
def test_a_capital_after_to_or_from_is_its_country(
    pipeline: Pipeline, text: str, mention: str, country: str
) -> None:
    doc = code_actors(pipeline, text)
    found = {m.text: m for m in doc.actors}
    assert mention in found, codes(doc)
    assert found[mention].country == country
    assert found[mention].sectors == []  # a destination is the country, not its government
    assert (found[mention].rule or "").endswith(":place")


def test_a_capital_after_a_place_preposition_stays_a_place(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "The delegates met again in Canberra and near Lima.")
    assert all(m.country not in ("AUS", "PER") for m in doc.actors), codes(doc)


def test_the_capital_with_its_title_stays_a_place(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "Aid flights went to the capital Managua on Monday.")
    assert all(m.country != "NIC" for m in doc.actors), codes(doc)


def test_a_capital_someone_goes_to_stays_a_place(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "The two delegations return to Canberra next week for talks.")
    assert all(m.country != "AUS" for m in doc.actors), codes(doc)


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Police in Canberra detained two men overnight.", "Police in Canberra", "AUSCOP"),
        ("Officials in Lima said the road was open again.", "Officials in Lima", "PERGOV"),
    ],
)
def test_a_role_in_a_capital_is_of_its_country(
    pipeline: Pipeline, text: str, mention: str, code: str
) -> None:
    found = codes(code_actors(pipeline, text))
    assert found.get(mention) == code, found


def test_a_diplomat_in_a_capital_keeps_no_host_country(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "The envoy in Canberra was recalled on Monday.")
    assert all(m.country != "AUS" for m in doc.actors), codes(doc)


def test_a_capital_someone_comes_from_stays_a_place(pipeline: Pipeline) -> None:
    doc = code_actors(pipeline, "The minister returned from Lima on Sunday.")
    assert all(m.country != "PER" for m in doc.actors), codes(doc)


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Kiev rejected the offer on Monday.", "Kiev", "UKRGOV"),
        ("Tel Aviv said the talks were over.", "Tel Aviv", "ISRGOV"),
        ("Bogotá recalled its envoy.", "Bogotá", "COLGOV"),
        ("Abidjan accused the rebels of breaking the truce.", "Abidjan", "CIVGOV"),
    ],
)
def test_other_spellings_and_seats_of_capitals(
    pipeline: Pipeline, text: str, mention: str, code: str
) -> None:
    found = codes(code_actors(pipeline, text))
    assert found.get(mention) == code, found


@pytest.mark.parametrize("text", ["Britain called on Tehran to free the ship.",
                                  "Washington imposed sanctions on Moscow."])
def test_a_capital_after_on_is_the_act_s_other_party(pipeline: Pipeline, text: str) -> None:
    found = {m.code for m in code_actors(pipeline, text).actors}
    assert found & {"IRNGOV", "RUSGOV"}, found
