"""timeml: text and spans from TimeML, malformed files, and the TempEval-3 figures."""

from pathlib import Path

import pytest

from eventwire.eval.timeml import SpanCounts, Timex, load, load_file, report_from, score_spans

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March
22, 2013</TIMEX3></DCT>
<TEXT>
Talks <EVENT eid="e1">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-21">on
Thursday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_load_file_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "T1.tml"
    path.write_text(TML)
    item = load_file(path)
    assert item.dct == "2013-03-22"
    assert item.text == "\nTalks ended on\nThursday after three days.\n"
    assert [item.text[t.start : t.end] for t in item.timexes] == ["on\nThursday", "three days"]
    assert item.timexes[0] == Timex(13, 24, "DATE", "2013-03-21")


def test_folder_with_a_malformed_file(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(TML)
    (tmp_path / "b.tml").write_text("<TimeML><TEXT>unclosed</TimeML>")
    (tmp_path / "c.tml").write_text("<TimeML><DCT/></TimeML>")
    (tmp_path / "d.tml").write_text('<TimeML><TEXT>a <TIMEX3 value="x">b</TIMEX3></TEXT></TimeML>')
    gold = load(tmp_path)
    assert [i.id for i in gold.items] == ["a"]
    assert [s.location for s in gold.skipped] == ["b.tml", "c.tml", "d.tml"]
    assert "no <TEXT>" in gold.skipped[1].reason
    assert "no type" in gold.skipped[2].reason


def test_strict_and_relaxed_matching_with_type_and_value() -> None:
    gold = [
        Timex(0, 10, "DATE", "2013-03-21"),
        Timex(20, 30, "DURATION", "P3D"),
        Timex(40, 45, "DATE", "2013"),
    ]
    pred = [
        Timex(0, 10, "DATE", "2013-03-21"),
        Timex(22, 35, "DATE", "P3D"),
        Timex(50, 55, "TIME", None),
    ]
    c = score_spans(gold, pred)
    assert (c.strict_pred, c.strict_gold) == (1, 1)
    assert (c.relaxed_pred, c.relaxed_gold) == (2, 2)
    assert (c.type_ok, c.value_ok) == (1, 2)
    r = report_from(c, "p")
    assert r.strict_precision == pytest.approx(1 / 3)
    assert r.strict_recall == pytest.approx(1 / 3)
    assert r.relaxed_f1 == pytest.approx(2 / 3)
    assert r.type_accuracy == 0.5
    assert r.value_accuracy == 1.0
    assert r.value_f1 == pytest.approx(2 / 3)


def test_no_predictions_gives_zero_recall_and_undefined_precision() -> None:
    r = report_from(score_spans([Timex(0, 4, "DATE", "2013")], []), "p")
    assert r.strict_recall == 0.0
    assert r.strict_precision is None
    assert r.value_f1 is None
    assert r.counts == SpanCounts(gold=1)
