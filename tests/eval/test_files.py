"""Whole-file problems are GoldFormatErrors with their codes; gzip is read transparently."""

import gzip
from pathlib import Path

import pytest

from eventwire.errors import GoldFormatError
from eventwire.eval.files import json_records, read_text
from eventwire.eval.seed import load as load_seed
from eventwire.eval.timeml import load as load_timeml


def _code(exc: pytest.ExceptionInfo[GoldFormatError]) -> str:
    return exc.value.code


def test_missing_file_is_e502(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError) as info:
        read_text(tmp_path / "nope.jsonl")
    assert _code(info) == "E502"
    assert "nope.jsonl" in str(info.value)


def test_broken_json_list_is_e501_but_a_broken_line_is_only_skipped(tmp_path: Path) -> None:
    listing = tmp_path / "a.json"
    listing.write_text('[{"text": "x"}, ')
    with pytest.raises(GoldFormatError) as info:
        list(json_records(listing))
    assert _code(info) == "E501"
    lines = tmp_path / "b.jsonl"
    lines.write_text('{"text": "x"}\n{"text": \n')
    assert [(loc, problem is None) for loc, _, problem in json_records(lines)] == [
        ("b.jsonl:1", True),
        ("b.jsonl:2", False),
    ]


def test_gzip_and_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress('\ufeff{"text": "é"}\n'.encode()))
    assert [rec for _, rec, _ in json_records(path)] == [{"text": "é"}]


def test_empty_folders_are_e503(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError) as info:
        load_timeml(tmp_path)
    assert _code(info) == "E503"
    with pytest.raises(GoldFormatError) as info:
        load_seed(tmp_path)
    assert _code(info) == "E503"
