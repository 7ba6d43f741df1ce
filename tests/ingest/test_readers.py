import gzip
import json
from pathlib import Path

from eventwire.ingest.readers import content_id, read_inputs, record_fields, record_to_document


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("first story")
    (tmp_path / "b" / "c.txt.gz").write_bytes(gzip.compress(b"second story"))
    (tmp_path / ".hidden.txt").write_text("skipped")
    docs = list(read_inputs([tmp_path]))
    assert [Path(d.source).name for d in docs] == ["a.txt", "c.txt.gz"]
    assert docs[1].raw == b"second story"


def test_jsonl_records_keep_ids_and_fields(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    lines = [
        {"id": "x1", "text": "One.", "title": "T", "date": "2002-05-22", "url": "http://a"},
        {"maintext": "Two.", "date_publish": "2002-05-23 10:00:00", "title": "np"},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    docs = list(read_inputs([f]))
    assert docs[0].doc_id == "x1" and docs[0].title == "T" and docs[0].url == "http://a"
    assert docs[1].raw == "Two." and docs[1].stated_date.startswith("2002-05-23")
    assert docs[2].error is not None and docs[2].error.code == "E106"
    assert docs[2].source.endswith("in.jsonl:3")


def test_missing_path_and_truncated_gzip_are_errors(tmp_path: Path) -> None:
    bad = tmp_path / "t.txt.gz"
    bad.write_bytes(gzip.compress(b"x" * 10000)[:30])
    docs = list(read_inputs([tmp_path / "nope.txt", bad]))
    assert docs[0].error is not None and docs[0].error.code == "E102"
    assert docs[1].error is not None and "truncated" in str(docs[1].error)


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * 2000)
    (doc,) = read_inputs([f], max_bytes=1000)
    assert doc.error is not None and doc.error.code == "E103"


def test_content_id_ignores_line_endings() -> None:
    assert content_id("a\r\nb\n") == content_id(b"a\nb")


def test_record_fields_take_the_first_non_empty_alias() -> None:
    rec = {"text": "", "maintext": "Body.", "headline": "H", "date_publish": "2020-01-02",
           "doc_id": 7, "link": "http://x"}
    assert record_fields(rec) == {"id": 7, "text": "Body.", "html": None, "title": "H",
                                  "date": "2020-01-02", "url": "http://x"}
    doc = record_to_document(rec, "f.jsonl:1")
    assert (doc.doc_id, doc.raw, doc.title, doc.stated_date) == ("7", "Body.", "H", "2020-01-02")
