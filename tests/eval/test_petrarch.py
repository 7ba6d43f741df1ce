"""petrarch: the XML and JSON Lines forms, discards, and the figures."""

import json
from pathlib import Path

import pytest

from eventwire.api import code_text, load_pipeline, make_config
from eventwire.errors import GoldFormatError
from eventwire.eval.petrarch import (
    PetrarchItem,
    RecordOptions,
    dictionaries_next_to,
    load,
    predicted_triples,
    score_records,
)
from eventwire.model import to_record

from ..conftest import ROOT

PETRARCH_DIR = ROOT / "tests" / "data" / "eval" / "petrarch"

XML = """<Validation>
<Environment><Verbfile>v.txt</Verbfile></Environment>
<Sentences>
<!-- a comment -->
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties
with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="NOEV-01" category="VERB">
<EventCoding noevents = "True"></EventCoding>
<Text>Arnor sighed.</Text>
</Sentence>
<Sentence date="19950101" id="DISCARD-01" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>Arnor won the golf match.</Text>
</Sentence>
<Sentence date="19950101" id="BAD-01" category="DEMO">
<EventCoding sourcecode="ARN" eventcode="064"></EventCoding>
<Text>Half a coding.</Text>
</Sentence>
<Sentence date="19950101" id="NOCODE-01" category="DEMO">
<Text>No coding at all.</Text>
</Sentence>
<Sentence date="19950101" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>No id.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_xml_records_discards_and_malformed_ones(tmp_path: Path) -> None:
    path = tmp_path / "unit.xml"
    path.write_text(XML)
    gold = load(path)
    assert [i.id for i in gold.items] == ["DEMO-00", "NOEV-01", "DISCARD-01", "NOCODE-01"]
    demo = gold.items[0]
    assert demo.text == "Arnor is about to restore full diplomatic ties with Gondor."
    assert demo.date == "1995-01-01"
    assert demo.expected == frozenset({("ARN", "GON", "064")})
    assert gold.items[1].expected == frozenset()
    assert gold.items[2].expected == frozenset()
    assert gold.items[2].expected_error == "storydiscard"
    assert gold.items[3].expected == frozenset()
    assert [s.location for s in gold.skipped] == ["unit.xml:22", "unit.xml:29"]
    assert "sourcecode" in gold.skipped[0].reason


def test_xml_that_is_not_well_formed_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<Validation><Sentence>")
    with pytest.raises(GoldFormatError) as info:
        load(path)
    assert info.value.code == "E501"


def test_json_lines_records_and_discards(tmp_path: Path) -> None:
    recs = [
        {
            "id": "A",
            "date": "19950101",
            "text": "Arnor  met Gondor.",
            "expected": [{"source": "ARN", "target": "GON", "code": "040"}],
        },
        {
            "id": "B",
            "text": "Discarded.",
            "expected": [{"source": "ARN", "target": "GON", "code": "040"}],
            "expected_error": "sentencediscard",
        },
        {"id": "C", "text": "No event.", "expected": [], "expect_no_event": True},
        {"id": "D", "text": "Bad.", "expected": [{"source": "ARN"}]},
        {
            "id": "E",
            "text": "New actor.",
            "expected": [{"source": "", "target": "GON", "code": "032"}],
        },
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs))
    gold = load(path)
    assert [i.id for i in gold.items] == ["A", "B", "C", "E"]
    assert gold.items[3].expected == frozenset({("", "GON", "032")})
    assert gold.items[0].text == "Arnor met Gondor."
    assert gold.items[1].expected == frozenset()
    assert gold.skipped[0].location == "records.jsonl:4"


def test_predicted_triples_mark_missing_actors() -> None:
    rec = {"events": [{"source": {"code": "ARN"}, "target": {"code": None}, "cameo": "064"}]}
    assert predicted_triples(rec) == frozenset({("ARN", "---", "064")})
    assert predicted_triples(None) == frozenset()


def _item(iid: str, *triples: tuple[str, str, str]) -> PetrarchItem:
    return PetrarchItem(iid, "f:1", "t", None, "DEMO", frozenset(triples))


def _rec(*triples: tuple[str, str, str]) -> dict:
    return {
        "events": [
            {"source": {"code": s}, "target": {"code": t}, "cameo": c} for s, t, c in triples
        ]
    }


def test_figures_on_four_records() -> None:
    a, b, c = ("ARN", "GON", "064"), ("GON", "ARN", "111"), ("ARN", "MOR", "190")
    items = [_item("1", a), _item("2", a, b), _item("3"), _item("4", c)]
    records = [_rec(a), _rec(a, c), _rec(), None]
    report = score_records(items, records)
    assert report.exact_match == 0.5
    assert report.exact_matches == 2
    assert report.event_precision == pytest.approx(2 / 3)
    assert report.event_recall == pytest.approx(2 / 4)
    assert report.no_event_accuracy == 1.0
    assert report.crashed == 1
    assert report.by_category == {"DEMO": {"records": 4, "exact": 2}}
    assert [m["id"] for m in report.mismatches] == ["2", "4"]


def test_dictionaries_next_to_the_records(tmp_path: Path) -> None:
    records = tmp_path / "records.xml"
    records.write_text(XML)
    assert dictionaries_next_to(records) == []
    (tmp_path / "X.verbs.txt").write_text("")
    (tmp_path / "X.actors.txt").write_text("")
    assert dictionaries_next_to(records) == [f"petrarch:{tmp_path}"]


def test_record_options_are_read_from_xml_config_and_json_lines(tmp_path: Path) -> None:
    xml = tmp_path / "unit.xml"
    xml.write_text(XML)
    items = load(xml).items
    assert items[0].options == {}
    assert items[1].options == {"require_dyad": "false"}  # a <Config> holds from there on
    assert items[3].options == {"require_dyad": "false"}
    jsonl = tmp_path / "r.jsonl"
    rec = {"id": "A", "text": "Arnor sighed.", "config": {"require_dyad": "FALSE"}}
    jsonl.write_text(json.dumps(rec) + "\n" + json.dumps(rec | {"id": "B", "config": {}}))
    one, two = load(jsonl).items
    assert RecordOptions.one_sided(one.options)
    assert not RecordOptions.one_sided(two.options)


def test_require_dyad_false_keeps_events_with_one_actor() -> None:
    config = make_config(dictionaries=[f"petrarch:{PETRARCH_DIR}"])
    pipeline = load_pipeline(config)
    options = RecordOptions(config)
    doc = code_text("The Arnor government denounced the attack.", pipeline=pipeline,
                    dct="1995-01-01", doc_id="one-sided")
    assert predicted_triples(to_record(options.apply(doc, {"require_dyad": "true"}))) == set()
    options.apply(doc, {"require_dyad": "False"})
    assert predicted_triples(to_record(doc)) == {("ARNGOV", "---", "122")}
