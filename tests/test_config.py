from pathlib import Path
from typing import get_args, get_type_hints

import pytest
from click.testing import CliRunner

from eventwire.api import make_config
from eventwire.cli import main
from eventwire.config import apply_override, default_config, load_config, load_yaml, section
from eventwire.errors import ConfigError
from eventwire.ingest.stages import input_limit
from eventwire.nlp.stages import ParseSettings
from eventwire.pipeline import check_stages, registered_stages
from eventwire.places.gazetteer import DATASETS
from eventwire.places.stages import PlacesSettings
from eventwire.settings import SECTIONS, EngineSettings, defaults_of


def test_default_config_names_every_stage_in_pipeline() -> None:
    cfg = default_config()
    assert cfg["pipeline"][0] == "clean"
    assert set(cfg["pipeline"]) <= set(cfg["stages"])


def test_user_file_overrides_only_its_keys(tmp_path: Path) -> None:
    f = tmp_path / "user.yaml"
    f.write_text("engine:\n  workers: 3\n")
    cfg = load_config([f])
    assert cfg["engine"]["workers"] == 3
    assert cfg["engine"]["batch_size"] == default_config()["engine"]["batch_size"]


def test_override_reads_yaml_values() -> None:
    cfg = default_config()
    apply_override(cfg, "stages.parse.batch_size=8")
    assert cfg["stages"]["parse"]["batch_size"] == 8


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("engine:\n  wrokers: 3\n")
    with pytest.raises(ConfigError, match="wrokers"):
        load_config([f])


def test_override_without_equals_is_an_error() -> None:
    with pytest.raises(ConfigError, match="section.key=value"):
        load_config(overrides=["engine.workers"])


def test_invalid_yaml_file_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.yaml"
    f.write_text("engine: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config([f])


# -- typed settings --------------------------------------------------------------------

def _error(overrides: list[str]) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        check_stages(load_config(overrides=overrides))
    return info.value


@pytest.mark.parametrize(("override", "code", "words"), [
    ("store.batch_size=abc", "E218", ["store.batch_size", "'abc'", "an integer"]),
    ("engine.batch_size=0", "E219", ["engine.batch_size", "0", ">= 1"]),
    ("engine.max_in_flight=0", "E219", ["engine.max_in_flight"]),
    ("engine.workers=0", "E215", ["engine.workers", "'auto'"]),
    ("store.dedup.code_level=day", "E219", ["store.dedup.code_level", "'root'"]),
    ("model.components=parser", "E218", ["model.components", "a list of strings"]),
    ("stages.parse.batch_size=0", "E219", ["stages.parse.batch_size", ">= 1"]),
    ("stages.clean.max_bytes=big", "E218", ["stages.clean.max_bytes"]),
    ("stages.clean.verbatim=maybe", "E218", ["stages.clean.verbatim", "true or false"]),
    ("stages.events.require_actor=all", "E219", ["'auto', 'none', 'any', 'both'"]),
    ("stages.dating.weights.weekday=high", "E218", ["stages.dating.weights.weekday"]),
    ("stages.places.gazetteer=cities1", "E251", ["stages.places.gazetteer"]),
])
def test_bad_values_are_coded_errors_naming_key_value_and_expectation(
    override: str, code: str, words: list[str]
) -> None:
    error = _error([override])
    assert error.code == code
    for word in words:
        assert word in error.message
    assert "eventwire config" in (error.hint or "")


def test_an_unknown_key_of_a_stage_without_settings_is_refused() -> None:
    assert _error(["stages.times.window=3"]).code == "E202"


def test_the_shipped_default_fits_every_model() -> None:
    settings = dict(check_stages(default_config()))
    assert isinstance(settings["parse"], ParseSettings)
    assert settings["parse"].batch_size == default_config()["stages"]["parse"]["batch_size"]


def test_default_yaml_says_what_the_models_hold() -> None:
    """default.yaml repeats each model's defaults (with comments): the two must not drift."""
    shipped = default_config()
    for name, model in SECTIONS.items():
        assert shipped[name] == defaults_of(model), name
    modelled = {n: i.settings for n, i in registered_stages().items() if i.settings}
    assert set(shipped["pipeline"]) <= set(modelled)
    for name in shipped["stages"]:
        assert shipped["stages"][name] == defaults_of(modelled[name]), name


def test_the_places_choices_are_the_gazetteer_datasets() -> None:
    hints = get_type_hints(PlacesSettings)
    assert get_args(hints["gazetteer"]) == DATASETS


def test_digits_from_the_command_line_are_a_worker_count() -> None:
    assert make_config(workers="3")["engine"]["workers"] == 3
    assert make_config(workers="auto")["engine"]["workers"] == "auto"


def test_a_section_is_read_as_its_typed_settings() -> None:
    engine = section(load_config(overrides=["engine.batch_size=4"]), "engine", EngineSettings)
    assert engine == EngineSettings(batch_size=4)


def test_the_input_limit_is_stages_clean_max_bytes() -> None:
    assert input_limit(load_config(overrides=["stages.clean.max_bytes=123"])) == 123


@pytest.mark.parametrize("args", [
    ["events", "--db", "none.duckdb", "--set", "store.batch_size=abc"],
    ["code", "-", "--set", "engine.batch_size=0"],
    ["code", "-", "--set", "stages.parse.max_chars=0"],
    ["config", "--set", "stages.events.max_events_per_sentence=-1"],
])
def test_bad_values_exit_2_with_one_line_not_a_traceback(args: list[str]) -> None:
    result = CliRunner().invoke(main, args, input="Rebels shelled the town.\n")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.output.startswith("eventwire: error: [E2")


def test_config_prints_the_effective_configuration() -> None:
    result = CliRunner().invoke(main, ["config", "--set", "engine.workers=2"])
    assert result.exit_code == 0
    assert load_yaml(result.output)["engine"]["workers"] == 2
