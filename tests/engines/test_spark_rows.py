"""The Spark reader's rows, built without Spark: the same ids as the local readers."""

from eventwire.engines.spark import _line_rows


def test_integer_ids_become_decimal_text_and_others_an_error() -> None:
    [row] = _line_rows(('{"id": 15, "text": "Rain fell."}', 0), path="f.jsonl")
    assert row["id"] == "15"
    [bad] = _line_rows(('{"id": 1.5, "text": "Rain fell."}', 2), path="f.jsonl")
    assert (bad["code"], bad["source"]) == ("E112", "f.jsonl:3")
