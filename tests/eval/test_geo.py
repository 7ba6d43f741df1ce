"""geo: GeoVirus and LGL forms, repaired offsets, malformed articles, and the figures."""

import gzip
from pathlib import Path

import pytest
from lxml import etree

from eventwire.eval.geo import (
    GeoCounts,
    Toponym,
    _url,
    load,
    report_from,
    score,
    score_article,
)

GEOVIRUS = """<articles>
<article><source>https://example.org/a</source>
<text>Cases rose in Pandi, Bulacan on Sunday.</text>
<locations>
<location><name>Pandi</name><start>15</start><end>20</end><lat>14.87</lat><lon>120.95</lon>
</location>
<location><name>Bulacan</name><start>22</start><end>29</end><lat>15</lat><lon>121.08</lon>
</location>
</locations></article>
<article><text>Bad span.</text><locations><location><name>X</name><start>5</start>
<end>99</end></location></locations></article>
<article><text>Bad number.</text><locations><location><name>Bad</name><start>0</start>
<end>3</end><lat>north</lat><lon>1</lon></location></locations></article>
</articles>
"""

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="7"><dltime>2009-03-20 12:24:52.002364-05</dltime>
<text><![CDATA[Alexandria woman charged. A fire in Alexandria.]]></text>
<toponyms count="2">
<toponym><start>0</start><end>10</end><phrase>Alexandria</phrase>
<gaztag geonameid="4314550"><name>Alexandria</name><lat>31.3113</lat><lon>-92.4451</lon>
</gaztag></toponym>
<toponym><start>36</start><end>46</end><phrase>Alexandria</phrase></toponym>
<toponym><start>0</start><end>10</end><phrase>Alexandria</phrase>
<gaztag geonameid="1"><name>Alexandria Parish</name><lat>31</lat><lon>-92</lon></gaztag>
</toponym>
</toponyms></article></articles>
"""


def test_geovirus_offsets_off_by_one_are_moved_onto_the_name(tmp_path: Path) -> None:
    path = tmp_path / "gv.xml"
    path.write_text(GEOVIRUS)
    gold = load(path)
    [item] = gold.items
    assert [item.text[t.start : t.end] for t in item.toponyms] == ["Pandi", "Bulacan"]
    assert item.repaired == 2
    assert item.toponyms[0].lat == 14.87
    assert [s.location for s in gold.skipped] == ["gv.xml:10", "gv.xml:12"]
    assert "outside the text" in gold.skipped[0].reason
    assert "not a number" in gold.skipped[1].reason


def test_lgl_gzip_with_gaztag_coordinates_and_date(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml.gz"
    path.write_bytes(gzip.compress(LGL.encode()))
    [item] = load(path).items
    assert item.id == "7"
    assert item.date == "2009-03-20"
    assert item.toponyms[0] == Toponym(0, 10, "Alexandria", 31.3113, -92.4451)
    assert item.toponyms[1].lat is None
    assert item.toponyms[2].name == "Alexandria"
    assert item.repaired == 0


def test_overlap_matching_and_distances() -> None:
    gold = [Toponym(0, 10, "A", 0.0, 0.0), Toponym(20, 30, "B", 0.0, 0.0), Toponym(40, 50, "C")]
    pred = [
        Toponym(2, 8, "A", 1.0, 0.0),
        Toponym(20, 30, "B", 0.0, 3.0),
        Toponym(40, 44, "C", 5.0, 5.0),
        Toponym(60, 70, "D"),
    ]
    c = score_article(gold, pred)
    assert (c.gold, c.pred, c.gold_matched, c.pred_matched) == (3, 4, 3, 3)
    assert c.errors_km == pytest.approx([111.195, 333.585], abs=0.01)
    r = report_from(c, "p")
    assert r.toponym_precision == 0.75
    assert r.toponym_recall == 1.0
    assert r.accuracy_161km == 0.5
    assert r.mean_error_km == pytest.approx(222.39, abs=0.01)
    assert r.median_error_km == pytest.approx(222.39, abs=0.01)
    assert r.resolved_matches == 2


def test_no_resolved_match_leaves_distance_figures_undefined() -> None:
    r = report_from(GeoCounts(gold=2), "p")
    assert r.toponym_recall == 0.0
    assert r.accuracy_161km is None
    assert r.mean_error_km is None


LOCAL = """<articles><article docid="9">
<domain>ajc.com</domain><url>https://www.ajc.com/news/local/barn-fire/?a=1&amp;b=2</url>
<text><![CDATA[A fire destroyed a barn outside Athens early on Sunday. Nobody was hurt.]]></text>
<toponyms><toponym><start>32</start><end>38</end><phrase>Athens</phrase>
<gaztag geonameid="4180386"><lat>33.96</lat><lon>-83.38</lon></gaztag></toponym></toponyms>
</article></articles>
"""


def test_the_articles_url_reaches_the_document_for_the_outlet_prior(
    tmp_path: Path, pipeline
) -> None:
    path = tmp_path / "local.xml"
    path.write_text(LOCAL)
    [item] = load(path).items
    assert item.url == "https://www.ajc.com/news/local/barn-fire/?a=1&b=2"
    report = score([item], pipeline, str(path))
    assert (report.resolved_matches, report.accuracy_161km) == (1, 1.0)


def test_a_geovirus_source_is_its_url_and_an_empty_one_none(tmp_path: Path) -> None:
    path = tmp_path / "gv.xml"
    path.write_text(GEOVIRUS.replace("<article><text>Bad span", "<article><source></source>"
                                     "<text>Bad span"))
    [item] = load(path).items
    assert item.url == "https://example.org/a"
    assert _url(etree.fromstring("<article><source> </source></article>")) is None
