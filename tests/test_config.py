from pathlib import Path

import pytest

from eventwire.config import apply_override, default_config, load_config
from eventwire.errors import ConfigError


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
