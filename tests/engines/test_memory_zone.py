"""Batches run inside spaCy's memory zone: results must not depend on what came before."""

from eventwire.engines.base import process_batch
from eventwire.model import Document
from eventwire.pipeline import Pipeline

TEXTS = [
    "Zorblaxian rebels attacked Ulmtown police in northern Kenya on Friday, killing 3 guards.",
    "Quixotl ministers met Brazilian diplomats in Brasilia and signed a trade agreement.",
]


def _batch(tag: str) -> list[Document]:
    return [Document(f"d{i}", tag, raw=t, dct="2010-03-05") for i, t in enumerate(TEXTS)]


def test_records_are_identical_across_memory_zones(pipeline: Pipeline) -> None:
    first = process_batch(pipeline, _batch("a"))
    second = process_batch(pipeline, _batch("a"))
    assert all(o.ok for o in first + second), [o.error for o in first + second]
    assert [o.record for o in first] == [o.record for o in second]


def test_new_strings_are_freed_after_the_zone(pipeline: Pipeline) -> None:
    strings = pipeline.get_stage("parse").nlp.vocab.strings  # type: ignore[attr-defined]
    process_batch(pipeline, [Document("z", "z", raw="Vexillomancer Qwertyuiopx spoke.")])
    assert "Qwertyuiopx" not in strings
