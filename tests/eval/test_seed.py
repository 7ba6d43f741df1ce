"""seed: the matching rules and a whole reading, on hand-made records."""

import json
from pathlib import Path

from eventwire.eval.seed import evaluate_record, load, report_from
from eventwire.eval.seed_match import (
    boilerplate_absent,
    date_ok,
    date_within,
    event_found,
    event_like,
    forbidden_present,
    gold_place,
    is_located,
    located_near,
    place_found,
    quantity_found,
    related_found,
)

ARREST = {
    "cameo_root": "17",
    "source": {"country": "CHN"},
    "target": {"country": "PRK"},
    "date": "2002-05-08",
}


def _ev(
    root: str,
    src: str,
    tgt: str,
    date: str | None = None,
    cameo: str | None = None,
    trigger: str = "",
    start: int = 0,
    end: int = 5,
) -> dict:
    return {
        "cameo": cameo or root,
        "cameo_root": root,
        "source": {"country": src},
        "target": {"country": tgt},
        "date": date,
        "trigger": trigger,
        "start": start,
        "end": end,
    }


def test_event_found_on_root_countries_and_date() -> None:
    assert event_found(ARREST, _ev("17", "CHN", "PRK", "2002-05-08", "173"))
    assert not event_found(ARREST, _ev("17", "CHN", "PRK", "2008-05-08"))
    assert not event_found(ARREST, _ev("17", "CHN", "KOR", "2002-05-08"))
    assert not event_found(ARREST, _ev("18", "CHN", "PRK", "2002-05-08"))


def test_cameo_accept_and_date_precision_and_window() -> None:
    gold = {"cameo_accept": ["02", "10"], "source": {"country": "USA"}, "date": "2002-05"}
    assert event_found(gold, _ev("10", "USA", "CHN", "2002-05-14"))
    assert not event_found(gold, _ev("11", "USA", "CHN", "2002-05-14"))
    window = {"date_window": ["2002-05-08", "2002-05-22"]}
    assert date_ok(window, "2002-05-10")
    assert date_ok(window, "2002-05")
    assert not date_ok(window, "2002-06-01")
    assert not date_ok(window, None)
    assert date_ok({}, None)


def test_forbidden_by_root_and_trigger_and_by_passage() -> None:
    rule = {"cameo_root": "18", "trigger": "executed"}
    assert forbidden_present(rule, [_ev("18", "PRK", "PRK", trigger="execute")], "")
    assert not forbidden_present(rule, [_ev("18", "PRK", "PRK", trigger="shot")], "")
    text = "Body here.\n\nSee earlier stories:\nPolice Drag Defectors\n\nE-mail us."
    start = text.index("Police")
    passage = {"evidence_in": "See earlier stories"}
    assert forbidden_present(passage, [_ev("18", "A", "B", start=start, end=start + 6)], text)
    assert not forbidden_present(passage, [_ev("18", "A", "B", start=0, end=4)], text)
    assert not forbidden_present(passage, [_ev("18", "A", "B")], "no such passage")


def test_dates_quantities_places_boilerplate_related() -> None:
    assert date_within("2002-05-23", "2002-05-22", 1)
    assert not date_within("2002-05-24", "2002-05-22", 1)
    assert not date_within("2002-05", "2002-05-22", 1)
    assert quantity_found(
        {"value": 312, "qualifier": "more than"}, [{"value": 312.0, "qualifier": "more than"}]
    )
    assert not quantity_found({"value": 312, "qualifier": "more than"}, [{"value": 312}])
    assert quantity_found({"value": 5}, [{"value": "x"}, {"value": 5}])
    shenyang = {"country": "CHN", "lat": 41.79, "lon": 123.43}
    assert place_found(shenyang, [{"country": "CHN", "lat": 41.8, "lon": 123.4}])
    assert not place_found(shenyang, [{"country": "CHN", "lat": 39.9, "lon": 116.4}])
    assert place_found({"country": "PHL"}, [{"country": "PHL"}])
    assert boilerplate_absent("Send a Letter", "Body.")
    assert not boilerplate_absent("Send a  letter", "Body. send a letter")
    assert not boilerplate_absent("x", None)
    assert related_found(
        {"title": "Row Drags On", "date": "2002-05-16"},
        [{"title": "row drags  on", "date": "2002-05-16"}],
    )
    assert not related_found({"title": "Row", "date": "2002-05-16"}, [{"title": "Row"}])


GOLD = {
    "document": {
        "true_date": "2002-05-22",
        "true_date_tolerance_days": 1,
        "date_warning_expected": True,
        "boilerplate_not_body": ["E-mail a tip."],
        "related_stories": [{"title": "Earlier", "date": "2002-05-10"}],
    },
    "events": [
        dict(ARREST, id="E1", required=True),
        {"id": "E2", "required": False, "cameo_root": "11"},
    ],
    "forbidden": [{"why": "generic", "cameo_root": "18"}],
    "quantities": [{"value": 5}, {"value": 583}],
    "places": [{"country": "CHN"}],
}


def test_a_whole_reading_against_a_record() -> None:
    record = {
        "date": "2002-05-22",
        "date_warnings": ["stated date is off"],
        "text": "Body.",
        "events": [_ev("17", "CHN", "PRK", "2002-05-08"), _ev("18", "PRK", "PRK")],
        "mentions": {"quantities": [{"value": 5}], "places": []},
        "meta": {"related_stories": [{"title": "Earlier", "date": "2002-05-10"}]},
    }
    res = evaluate_record(GOLD, record, "s.txt")
    assert res.required == {"E1": True}
    assert res.optional == {"E2": False}
    assert res.forbidden == ["generic"]
    r = report_from([res], "p")
    assert r.required_events_found == 1.0
    assert r.optional_events_found == 0.0
    assert r.forbidden_events_present == 1
    assert (r.date_correct, r.date_warning_correct) == (1.0, 1.0)
    assert (r.quantities_found, r.places_found) == (0.5, 0.0)
    assert (r.boilerplate_absent, r.related_stories_found) == (1.0, 1.0)


def test_a_crashed_story_finds_nothing() -> None:
    r = report_from([evaluate_record(GOLD, None, "s.txt")], "p", crashed=1)
    assert r.required_events_found == 0.0
    assert r.boilerplate_absent == 0.0
    assert r.date_warning_correct == 0.0


def test_load_finds_the_story_and_reports_bad_readings(tmp_path: Path) -> None:
    (tmp_path / "a.gold.json").write_text(json.dumps(GOLD))
    (tmp_path / "a.txt").write_text("A story.")
    (tmp_path / "b.gold.json").write_text(json.dumps(GOLD))
    (tmp_path / "c.gold.json").write_text("{oops")
    (tmp_path / "c.html").write_text("<p>x</p>")
    gold = load(tmp_path)
    assert [i.story.name for i in gold.items] == ["a.txt"]
    assert [s.location for s in gold.skipped] == ["b.gold.json", "c.gold.json"]
    assert "no story" in gold.skipped[0].reason
    assert [i.id for i in load(tmp_path / "a.txt").items] == ["a"]


# Where and when: an invented mini story of a raid near a port city, told two days later.
RAID = {
    "id": "R1",
    "cameo_root": "19",
    "source": {"country": "KEN"},
    "target": {"country": "SOM"},
    "date": "2011-10-16",
    "place": {"name": "Kismayo", "lat": -0.36, "lon": 42.55, "precision": "city"},
}
TALKS = {
    "id": "R2",
    "required": False,
    "cameo_root": "04",
    "source": {"country": "KEN"},
    "target": {"country": "SOM"},
    "date": "2011-10",
}


def _placed(ev: dict, lat: float | None, lon: float | None) -> dict:
    return dict(ev, location={"name": "x", "lat": lat, "lon": lon})


def test_an_event_placed_near_the_gold_place_or_not() -> None:
    gold = {"events": [RAID, TALKS]}
    near = _placed(_ev("19", "KEN", "SOM", "2011-10-16"), -0.4, 42.5)
    far = _placed(_ev("19", "KEN", "SOM", "2011-10-16"), -1.29, 36.82)  # Nairobi, ~640 km
    talks = _ev("04", "KEN", "SOM", "2011-10-18")
    res = evaluate_record(gold, {"events": [far, talks]}, "s.txt")
    assert (res.located, res.near) == ({"R1": True, "R2": False}, {"R1": False})
    r = report_from([res, evaluate_record(gold, {"events": [near]}, "t.txt")], "p")
    assert r.event_located == 2 / 3
    assert r.event_location_161km == 0.5
    assert r.figures()["event_location_161km"] == 0.5


def test_the_event_date_is_scored_on_a_match_that_ignores_it() -> None:
    gold = {"events": [RAID, TALKS]}
    record = {
        "events": [_ev("19", "KEN", "SOM", "2011-10-18"), _ev("04", "KEN", "SOM", "2011-10-18")]
    }
    res = evaluate_record(gold, record, "s.txt")
    assert res.required == {"R1": False}
    assert res.dated == {"R1": False, "R2": True}
    assert "R1" not in res.located
    assert report_from([res], "p").event_date_correct == 0.5


def test_events_not_found_or_without_a_gold_place_or_date_are_not_counted() -> None:
    undated = {k: v for k, v in RAID.items() if k not in ("date", "place")}
    res = evaluate_record({"events": [undated]}, {"events": [_ev("19", "KEN", "SOM")]}, "s")
    assert (res.located, res.near, res.dated) == ({"R1": False}, {}, {})
    r = report_from([evaluate_record({"events": [RAID]}, {"events": []}, "s")], "p")
    assert (r.event_located, r.event_location_161km, r.event_date_correct) == (None, None, None)


def test_an_older_reading_gives_the_place_as_location() -> None:
    old = {k: v for k, v in RAID.items() if k != "place"}
    old["location"] = {"name": "Kismayo", "country": "SOM", "lat": -0.36, "lon": 42.55}
    assert gold_place(old) == old["location"]
    assert gold_place({"place": {"name": "Kismayo"}}) is None
    pred = _placed(_ev("19", "KEN", "SOM"), -0.36, 42.6)
    assert is_located(pred) and located_near(old["location"], pred)
    assert not is_located(_ev("19", "KEN", "SOM"))
    assert event_like(RAID, _ev("19", "KEN", "SOM", "1999-01-01"))
    assert not event_like(RAID, _ev("19", "SOM", "KEN", "2011-10-16"))


def test_every_story_of_the_corpus_has_a_reading_that_loads() -> None:
    folder = Path(__file__).parents[2] / "corpus" / "stories"
    gold = load(folder)
    assert not gold.skipped
    assert len(gold.items) == len(list(folder.glob("*.txt"))) >= 8
    for item in gold.items:
        assert item.gold["document"]["true_date"]
        for ev in item.gold["events"]:
            assert ev["evidence"] in item.story.read_text(), (item.id, ev["id"])
