from typing import Any

import pytest

from eventwire.config import Config, load_config
from eventwire.errors import ConfigError
from eventwire.model import Document
from eventwire.pipeline import analyze, build_pipeline, register_stage, registered_stages


class _Boom:
    name = "test_boom"

    def __call__(self, doc: Document) -> Document:
        if "boom" in doc.text:
            raise RuntimeError("exploded")
        doc.meta["seen"] = True
        return doc


@register_stage("test_boom", requires=["doc.text"], assigns=["doc.meta"])
def _make_boom(settings: dict[str, Any], config: Config) -> _Boom:
    return _Boom()


def test_builtin_stages_are_registered() -> None:
    names = set(registered_stages())
    assert {
        "clean",
        "dating",
        "parse",
        "actors",
        "times",
        "places",
        "quantities",
        "events",
    } <= names


def test_unknown_stage_is_a_config_error() -> None:
    cfg = load_config(updates=[{"pipeline": ["clean", "nope"]}])
    with pytest.raises(ConfigError, match="nope"):
        build_pipeline(cfg)


def test_failing_stage_marks_only_its_document() -> None:
    cfg = load_config(updates=[{"pipeline": ["clean", "test_boom"]}])
    pipe = build_pipeline(cfg)
    docs = [
        Document("a", "a", raw="fine text"),
        Document("b", "b", raw="boom here"),
        Document("c", "c", raw="also fine"),
    ]
    out = list(pipe.pipe(docs))
    assert [d.doc_id for d in out] == ["a", "b", "c"]
    assert out[0].meta["seen"] and out[2].meta["seen"]
    assert out[1].error is not None
    assert out[1].error.stage == "test_boom" and out[1].error.doc_id == "b"
    assert "exploded" in str(out[1].error)


def test_analyze_warns_when_requirement_is_missing() -> None:
    warnings = analyze(["test_boom"])
    assert any("doc.text" in w for w in warnings)
    assert analyze(["clean", "test_boom"]) == []
