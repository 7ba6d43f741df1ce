import gzip
import io
import json
import os
import sys
import threading
from pathlib import Path

import pytest

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


def test_an_oversized_jsonl_line_is_refused_and_the_next_one_read(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl.gz"
    big = json.dumps({"id": "big", "text": "word " * 400})
    small = json.dumps({"id": "small", "text": "The council met on Friday."})
    f.write_bytes(gzip.compress(f"{big}\n{small}\n".encode()))
    docs = list(read_inputs([f], max_bytes=1000))
    assert docs[0].error is not None and docs[0].error.code == "E103"
    assert docs[0].source.endswith("in.jsonl.gz:1")
    assert docs[1].doc_id == "small" and docs[1].source.endswith(":2")


def test_a_line_of_exactly_max_bytes_is_kept(tmp_path: Path) -> None:
    line = json.dumps({"text": "x" * 50})
    f = tmp_path / "in.jsonl"
    f.write_text(line + "\n" + line)
    docs = list(read_inputs([f], max_bytes=len(line)))
    assert [d.error for d in docs] == [None, None]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))


def test_stdin_json_lines_are_streamed_past_max_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": f"s{i}", "text": f"Story {i} of the evening."}) for i in range(50)]
    lines.insert(3, json.dumps({"text": "long " * 100}))
    _stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
    docs = list(read_inputs(["-"], max_bytes=200))
    assert [d.error.code for d in docs if d.error] == ["E103"]
    assert docs[3].source == "-:4"
    assert [d.doc_id for d in docs if not d.error] == [f"s{i}" for i in range(50)]


def test_stdin_text_over_max_bytes_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"A story that goes on. " * 100)
    (doc,) = read_inputs(["-"], max_bytes=1000)
    assert doc.error is not None and doc.error.code == "E103"


def test_a_fifo_is_read_like_standard_input(tmp_path: Path) -> None:
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    records = "".join(json.dumps({"id": f"f{i}", "text": "Rain fell."}) + "\n" for i in range(3))

    def write() -> None:
        with fifo.open("w", encoding="utf-8") as fh:
            fh.write(records)

    writer = threading.Thread(target=write)
    writer.start()
    docs = list(read_inputs([fifo]))
    writer.join(timeout=10)  # a writer still closing its end is not stuck
    if writer.is_alive():  # the reader never opened the pipe: release the writer
        fifo.read_bytes()
        writer.join()
    assert [d.doc_id for d in docs] == ["f0", "f1", "f2"]
    assert docs[0].source == f"{fifo}:1"


@pytest.mark.parametrize(("given", "expected"), [("a-7", "a-7"), (7, "7"), (0, "0")])
def test_string_and_integer_ids_are_kept_as_text(given: object, expected: str) -> None:
    doc = record_to_document({"id": given, "text": "Rain fell."}, "f.jsonl:1")
    assert doc.error is None and doc.doc_id == expected


@pytest.mark.parametrize("given", [7.0, True, ["a"], {"x": 1}])
def test_other_ids_are_an_input_error(given: object) -> None:
    doc = record_to_document({"id": given, "text": "Rain fell."}, "f.jsonl:1")
    assert doc.error is not None and doc.error.code == "E112"
    assert doc.source == "f.jsonl:1" and "id" in doc.error.message


def test_utf16_html_with_a_mark_is_sniffed_as_html(tmp_path: Path) -> None:
    f = tmp_path / "page"
    f.write_bytes("<!DOCTYPE html><html><body><p>Hi.</p></body></html>".encode("utf-16"))
    (doc,) = read_inputs([f])
    assert doc.fmt == "html"


def test_csv_rows_are_records_with_their_fields(tmp_path: Path) -> None:
    f = tmp_path / "in.csv"
    f.write_text(
        "id,title,date,url,text,section\n"
        'a1,Port shelled,2011-04-02,http://x.example/1,"Rebels shelled the port, officials '
        'said.\nA second line.",world\n'
        ",,,,,\n"  # an empty row is no record
        "a2,No text,2011-04-03,,,local\n",
        encoding="utf-8")
    docs = list(read_inputs([f]))
    assert len(docs) == 2
    first = docs[0]
    assert (first.doc_id, first.title, first.stated_date, first.url) == (
        "a1", "Port shelled", "2011-04-02", "http://x.example/1")
    assert first.raw == "Rebels shelled the port, officials said.\nA second line."
    assert first.fmt == "record" and first.source.endswith("in.csv:3")
    assert docs[1].error is not None and docs[1].error.code == "E105"


def test_csv_without_a_text_column_is_refused_not_coded_as_prose(tmp_path: Path) -> None:
    f = tmp_path / "in.csv.gz"
    f.write_bytes(gzip.compress(b"id,headline\n1,Talks resume\n"))
    docs = list(read_inputs([f]))
    assert len(docs) == 1 and docs[0].error is not None and docs[0].error.code == "E114"
    assert "text column" in docs[0].error.message


def test_a_csv_field_over_the_limit_stops_the_file_with_a_coded_error(tmp_path: Path) -> None:
    f = tmp_path / "big.csv"
    f.write_text('text\n"' + "x" * 500 + '"\n', encoding="utf-8")
    docs = list(read_inputs([f], 100))
    assert [d.error.code for d in docs if d.error] == ["E114"]
