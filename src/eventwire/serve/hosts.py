"""The ``Host`` allow-list: the defence against DNS rebinding.

Why: a hostile web page can make its own name (``evil.example``) resolve to ``127.0.0.1``
after the page has loaded. The browser then sends the page's requests to this server, as
the page's own origin: the same-origin policy lets the page read every answer, and
``Origin`` and ``Host`` both say ``evil.example``, so comparing them proves nothing. What
the attacker cannot change is that ``Host`` names *their* domain. Answering only the names
this server is meant to be reached by (loopback, the address it binds to, and the names the
operator allows) closes the hole for reads and writes alike, as Django's ``ALLOWED_HOSTS``
and Jupyter's local-host check do.
"""

from __future__ import annotations

import ipaddress

from starlette.types import ASGIApp, Receive, Scope, Send

from eventwire.errors import Errors
from eventwire.serve.errors import api_response
from eventwire.serve.settings import ServeSettings, is_loopback

__all__ = ["HostCheck", "host_name", "host_allowed"]

#: Bind addresses that mean "every interface": they name no host a client would use.
_ANY_ADDRESS = {"0.0.0.0", "::", ""}


def host_name(header: str) -> str | None:
    """The name of a ``Host`` header, lower case, without port, brackets or final dot;
    None when the header is malformed (a port that is not a number, an open bracket)."""
    value = header.strip().lower()
    if value.startswith("["):
        name, sep, rest = value[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else rest
        return name if sep and _valid_port(port) and _is_ip(name) else None
    name, _, port = value.partition(":") if value.count(":") == 1 else (value, "", "")
    if ":" in name or not _valid_port(port):
        return None
    return name[:-1] if name.endswith(".") else name


def _valid_port(port: str) -> bool:
    return port == "" or (port.isdigit() and len(port) <= 5)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _matches(name: str, pattern: str) -> bool:
    """``*`` matches any name, ``.example.org`` the domain and its subdomains."""
    pattern = pattern.strip().lower().strip("[]")
    if pattern == "*":
        return True
    if pattern.startswith("."):
        return name == pattern[1:] or name.endswith(pattern)
    return name == pattern


def host_allowed(name: str, settings: ServeSettings) -> bool:
    """True when ``name`` (from :func:`host_name`) is one this server answers to."""
    if is_loopback(name):
        return True
    bound = settings.host.strip("[]").lower()
    if bound not in _ANY_ADDRESS and name == bound:
        return True
    return any(_matches(name, pattern) for pattern in settings.allowed_hosts)


def _header(scope: Scope) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"host":
            return str(value.decode("latin-1"))
    return None


class HostCheck:
    """ASGI middleware: refuse any request whose ``Host`` is not allowed (400, E616).

    A request without ``Host`` (HTTP/1.0 from a script) passes: browsers always send one.
    """

    def __init__(self, app: ASGIApp, settings: ServeSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        header = _header(scope) if scope["type"] == "http" else None
        if header is None:
            await self.app(scope, receive, send)
            return
        name = host_name(header)
        if name is not None and host_allowed(name, self.settings):
            await self.app(scope, receive, send)
            return
        response = api_response(Errors.E616.error(detail={"host": header[:200]}))
        await response(scope, receive, send)
