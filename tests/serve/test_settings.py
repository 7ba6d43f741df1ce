"""The ``serve`` section of the configuration becomes checked settings."""

from __future__ import annotations

import pytest

from eventwire.api import make_config
from eventwire.errors import ConfigError
from eventwire.serve import ServeSettings


def test_the_shipped_defaults_are_the_settings_defaults() -> None:
    assert ServeSettings.from_config(make_config()) == ServeSettings()


def test_overrides_from_the_command_line_config() -> None:
    config = make_config(overrides=["serve.max_limit=20", "serve.default_limit=10"])
    settings = ServeSettings.from_config(config).with_host("::1", 9000)
    assert (settings.max_limit, settings.default_limit) == (20, 10)
    assert (settings.host, settings.port) == ("::1", 9000)


@pytest.mark.parametrize("override", ["serve.max_limit=0", "serve.port=-1",
                                      "serve.default_limit=900", "serve.max_body_bytes=abc",
                                      "serve.host=''", "serve.max_chars=0",
                                      "serve.max_coding_seconds=0",
                                      "serve.max_coding_seconds=abc",
                                      "serve.allowed_hosts=example.org",
                                      "serve.allowed_hosts=['']", "serve.readers=0",
                                      "serve.readers=two"])
def test_unusable_limits_are_refused(override: str) -> None:
    with pytest.raises(ConfigError) as info:
        ServeSettings.from_config(make_config(overrides=[override]))
    assert info.value.code == "E621"


def test_unknown_settings_are_refused() -> None:
    with pytest.raises(ConfigError) as info:
        ServeSettings.from_config({"serve": {"hots": "x"}})
    assert info.value.code == "E620"
    with pytest.raises(ConfigError):  # the config itself refuses unknown keys too
        make_config(overrides=["serve.hots=x"])


def test_allowed_hosts_come_from_the_config_and_the_command_line() -> None:
    config = make_config(overrides=["serve.allowed_hosts=[events.example.org]"])
    settings = ServeSettings.from_config(config).with_host(None, None, ("box.lan",))
    assert settings.allowed_hosts == ("events.example.org", "box.lan")
    settings.check()
