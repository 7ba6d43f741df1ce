"""Each event's size: the counts of people its own clause gives."""

from __future__ import annotations

from eventwire.anchor import size_event
from eventwire.model import Size
from tests.anchor.helpers import event_at


def test_arrest_of_a_coordinated_group(parsed):
    doc = parsed("Police nabbed the two men, two women and a toddler inside the consulate.")
    assert size_event(doc, event_at(doc, "nabbed")) == Size(people=5, arrested=5)


def test_killed_and_injured_from_coordinated_verbs(parsed):
    doc = parsed("A bomb killed at least 12 people and injured 30 in Kabul.")
    size = size_event(doc, event_at(doc, "killed", "183"))
    assert size.killed == 12 and size.injured == 30 and size.arrested is None


def test_passive_injured_beside_a_nominal_trigger(parsed):
    doc = parsed("Twelve people were injured in the attack on Monday.")
    assert size_event(doc, event_at(doc, "attack", "180")).injured == 12


def test_counts_of_another_clause_are_left_alone(parsed):
    doc = parsed("The minister said that 40 protesters were detained.")
    assert size_event(doc, event_at(doc, "said", "010")) == Size()


def test_no_trigger_no_size(parsed):
    doc = parsed("Police detained 40 protesters.")
    event = event_at(doc, "detained")
    event.trigger_start = None
    assert size_event(doc, event) == Size()


def test_a_later_event_of_the_same_people_is_not_an_arrest(parsed):
    doc = parsed("Five refugees arrested by police have been allowed to fly to Seoul.")
    size = size_event(doc, event_at(doc, "allowed", "0841"))
    assert size.people == 5 and size.arrested is None


def test_bare_number_with_a_harm_noun(parsed):
    doc = parsed("The blast left 12 dead on Monday.")
    assert size_event(doc, event_at(doc, "blast", "183")).killed == 12


def test_the_killers_are_not_the_killed(parsed):
    doc = parsed("Two suicide bombers killed 23 people in the city.")
    size = size_event(doc, event_at(doc, "killed", "183"))
    assert size.killed == 23 and size.people == 2


def test_the_dead_of_an_intransitive_verb(parsed):
    doc = parsed("Twelve miners died in the explosion on Monday.")
    assert size_event(doc, event_at(doc, "died", "180")).killed == 12
