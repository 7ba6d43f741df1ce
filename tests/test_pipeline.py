from dataclasses import dataclass
from typing import Annotated, Any

import pytest

from eventwire.config import Config, load_config
from eventwire.errors import ConfigError
from eventwire.model import Document
from eventwire.pipeline import analyze, build_pipeline, register_stage, registered_stages
from eventwire.settings import AtLeast


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


@dataclass(frozen=True)
class _TagSettings:
    label: str = "seen"
    times: Annotated[int, AtLeast(1)] = 1


class _Tag:
    name = "test_tag"

    def __init__(self, settings: _TagSettings) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        doc.meta[self.settings.label] = self.settings.times
        return doc


@register_stage("test_tag", requires=["doc.text"], assigns=["doc.meta"], settings=_TagSettings)
def _make_tag(settings: _TagSettings, config: Config) -> _Tag:
    return _Tag(settings)


def test_a_stage_with_a_settings_model_gets_its_typed_settings() -> None:
    cfg = load_config(updates=[{"pipeline": ["clean", "test_tag"],
                                "stages": {"test_tag": {"times": 3}}}])
    doc = build_pipeline(cfg)(Document("a", "a", raw="Some text."))
    assert doc.meta["seen"] == 3
    assert isinstance(build_pipeline(cfg).get_stage("test_tag").settings, _TagSettings)


@pytest.mark.parametrize(("settings", "code"), [({"times": 0}, "E219"), ({"label": 1}, "E218"),
                                                ({"colour": "red"}, "E202")])
def test_bad_settings_of_a_registered_stage_stop_the_build(settings: dict, code: str) -> None:
    cfg = load_config(updates=[{"pipeline": ["clean", "test_tag"],
                                "stages": {"test_tag": settings}}])
    with pytest.raises(ConfigError) as info:
        build_pipeline(cfg)
    assert info.value.code == code and "stages.test_tag" in info.value.message


def test_a_stage_registered_without_a_model_gets_its_mapping() -> None:
    seen = []

    @register_stage("test_plain")
    def _make(settings: Any, config: Config) -> _Boom:
        seen.append(settings)
        return _Boom()

    build_pipeline(load_config(updates=[{"pipeline": ["clean", "test_plain"],
                                         "stages": {"test_plain": {"anything": 1}}}]))
    assert seen == [{"anything": 1}]
