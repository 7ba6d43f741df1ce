"""The server's settings: the ``serve`` section of the configuration, as a typed value.

Limits live in configuration rather than in the views so that an operator can tighten
them (a smaller body limit on a public address) without touching code.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, fields, replace
from typing import Any

from eventwire.config import Config, load_config
from eventwire.errors import Errors

__all__ = ["ServeSettings", "is_loopback"]


@dataclass(frozen=True)
class ServeSettings:
    """What ``eventwire serve`` binds to and the limits it enforces on every request."""

    host: str = "127.0.0.1"
    port: int = 8000
    max_body_bytes: int = 5_000_000
    token_env: str = "EVENTWIRE_TOKEN"
    default_limit: int = 50
    max_limit: int = 500
    max_documents: int = 100
    cache_entries: int = 256
    readers: int = 4
    max_chars: int = 50_000
    max_coding_seconds: float = 30.0
    allowed_hosts: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: Config | None = None, **overrides: Any) -> ServeSettings:
        """Settings from the ``serve`` section of ``config`` (the shipped default when None)."""
        section = dict((config if config is not None else load_config()).get("serve") or {})
        section.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(section) - set(known))
        if unknown:
            raise Errors.E620.error(unknown=unknown)
        if isinstance(section.get("allowed_hosts"), list):
            section["allowed_hosts"] = tuple(section["allowed_hosts"])
        settings = cls(**section)
        settings.check()
        return settings

    def check(self) -> None:
        """Refuse limits that would make the server unusable or unbounded."""
        for name in ("port", "max_body_bytes", "default_limit", "max_limit", "max_documents",
                     "cache_entries", "max_chars", "readers"):
            value = getattr(self, name)
            least = 0 if name == "cache_entries" else 1
            if not isinstance(value, int) or isinstance(value, bool) or value < least:
                raise Errors.E621_integer.error(name=name, least=least)
        if self.default_limit > self.max_limit:
            raise Errors.E621_limits.error()
        if not self.host:
            raise Errors.E621_host.error()
        seconds = self.max_coding_seconds
        if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds <= 0:
            raise Errors.E621_seconds.error()
        hosts = self.allowed_hosts
        if not isinstance(hosts, tuple) or not all(isinstance(h, str) and h.strip()
                                                   for h in hosts):
            raise Errors.E621_hosts.error()

    def with_host(self, host: str | None, port: int | None,
                  allowed_hosts: tuple[str, ...] = ()) -> ServeSettings:
        """A copy bound to another host or port, allowing more ``Host`` names (the command
        line wins over the config, and adds to its allowed hosts)."""
        return replace(self, host=host or self.host, port=port or self.port,
                       allowed_hosts=self.allowed_hosts + tuple(allowed_hosts))

    def env_token(self) -> str | None:
        """The write token from the environment variable named by ``token_env``, if set."""
        value = os.environ.get(self.token_env, "").strip()
        return value or None


def is_loopback(host: str) -> bool:
    """True when ``host`` only accepts connections from this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
