"""plover-gsr: parsing, malformed records, and the figures on hand-made records."""

import json
from pathlib import Path

import pytest

from eventwire.eval.plover import (
    GoldActor,
    PloverItem,
    PloverReport,
    actor_matches,
    current_type,
    dyad_found,
    load,
    score_records,
)


def _event(etype: str, src: str | None, tgt: str | None, sectors: list[str] | None = None) -> dict:
    return {
        "plover": {"event_type": etype},
        "source": {"code": src, "country": src, "sectors": sectors or []},
        "target": {"code": tgt, "country": tgt, "sectors": []},
    }


def _item(
    etype: str, src: str = "USA", tgt: str | None = "CHN", sector: str | None = None
) -> PloverItem:
    targets = (GoldActor("China", tgt, None),) if tgt else ()
    return PloverItem("x", "f:1", "text", None, etype, (GoldActor("US", src, sector),), targets)


def test_old_names_map_to_current_ones() -> None:
    assert current_type("DEMAND") == "REQUEST"
    assert current_type("disapprove") == "ACCUSE"
    assert current_type("INVESTIGATE") == "ACCUSE"
    assert current_type("FIGHT") == "ASSAULT"
    assert current_type("AGREE") == "AGREE"
    assert current_type(None) is None


def test_load_reads_json_lines_and_reports_bad_records(tmp_path: Path) -> None:
    good = {
        "id": "A",
        "text": "Jordan and Britain agreed.",
        "date": "2000-01-01",
        "event": "DEMAND",
        "source": [{"actorText": "Jordan", "code": "JOR"}],
        "target": "",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"id": "B", "event": "AGREE"}),
        "",
        json.dumps({"text": "x", "event": "AGREE", "source": "JOR"}),
        "[1]",
    ]
    path = tmp_path / "gsr.jsonl"
    path.write_text("\n".join(lines))
    gold = load(path)
    assert [i.id for i in gold.items] == ["A"]
    item = gold.items[0]
    assert item.event_type == "REQUEST"
    assert item.date == "2000-01-01"
    assert item.sources == (GoldActor("Jordan", "JOR", None),)
    assert item.targets == ()
    assert [s.location for s in gold.skipped] == [
        "gsr.jsonl:2",
        "gsr.jsonl:3",
        "gsr.jsonl:5",
        "gsr.jsonl:6",
    ]
    assert "text" in gold.skipped[1].reason


def test_load_reads_a_json_list(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([{"text": "t", "event": "FIGHT"}, 3]))
    gold = load(path)
    assert gold.items[0].event_type == "ASSAULT"
    assert gold.skipped[0].location == "gsr.json[1]"


def test_actor_match_by_country_code_prefix_and_sector() -> None:
    gold = GoldActor("police", "CHN", "COP")
    assert actor_matches(gold, {"code": "CHNCOP", "country": None})
    assert actor_matches(gold, {"code": None, "country": "CHN", "sectors": ["COP"]}, sector=True)
    assert actor_matches(gold, {"code": "CHNCOP", "country": "CHN"}, sector=True)
    assert not actor_matches(gold, {"code": "CHNGOV", "country": "CHN"}, sector=True)
    assert not actor_matches(gold, {"code": "JPN", "country": "JPN"})
    assert actor_matches(GoldActor("UN", "IGO", None), {"code": "IGOUNO", "country": None})


def test_dyad_needs_type_source_and_gold_target() -> None:
    item = _item("ACCUSE")
    assert dyad_found(item, [_event("ACCUSE", "USA", "CHN")])
    assert not dyad_found(item, [_event("ACCUSE", "USA", "JPN")])
    assert not dyad_found(item, [_event("REQUEST", "USA", "CHN")])
    no_target = _item("ACCUSE", tgt=None)
    assert dyad_found(no_target, [_event("ACCUSE", "USA", None)])


def test_figures_on_three_sentences() -> None:
    items = [_item("ACCUSE", sector="GOV"), _item("REQUEST"), _item("AGREE")]
    records = [
        {
            "events": [_event("ACCUSE", "USA", "CHN", ["GOV"]), _event("REQUEST", "USA", "CHN")],
            "mentions": {"actors": []},
        },
        {"events": [_event("ACCUSE", "USA", "JPN")], "mentions": {"actors": []}},
        None,
    ]
    report = score_records(items, records)
    assert report.event_type_recall == pytest.approx(1 / 3)
    assert report.dyad_recall == pytest.approx(1 / 3)
    # sentence 1: 2 events, 1 right -> 1 extra; sentence 2: 1 wrong -> 1; crashed: 0
    assert report.extra_events_per_sentence == pytest.approx(2 / 3)
    # gold actors: 6 coded (USA, CHN x3); found: USA, CHN in s1, USA in s2
    assert report.gold_actors == 6
    assert report.actor_recall_country == pytest.approx(3 / 6)
    assert report.actor_recall_country_sector == 1.0
    assert report.crashed == 1
    assert report.confusion == {
        "ACCUSE": {"ACCUSE": 1},
        "REQUEST": {"ACCUSE": 1},
        "AGREE": {"NONE": 1},
    }
    assert report.recall_by_type == {"ACCUSE": 1.0, "REQUEST": 0.0, "AGREE": 0.0}
    assert report.figures()["extra_events_per_sentence"] == pytest.approx(0.666667)
    assert "extra_events_per_sentence" in report.LOWER_IS_BETTER


def test_the_confusion_tables_are_narrow_and_list_confusions_by_count() -> None:
    report = PloverReport(
        kind="plover-gsr",
        path="",
        confusion={"ACCUSE": {"ACCUSE": 3, "PROTEST": 1}, "AGREE": {"NONE": 2, "AGREE": 1}},
        recall_by_type={"ACCUSE": 0.75, "AGREE": 1 / 3},
    )
    by_type, confused = report.tables()
    assert by_type.rows[0] == ("ACCUSE", 4, 3, 0.75, "PROTEST (1)")
    assert by_type.rows[1][-1] == "NONE (2)"
    assert confused.rows == [("AGREE", "NONE", 2), ("ACCUSE", "PROTEST", 1)]
    assert max(len(h) for t in (by_type, confused) for h in t.header) < 20
