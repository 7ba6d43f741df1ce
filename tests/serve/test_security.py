"""Writes need a token beyond loopback (and always once one is set); cross-site writes
are refused; every response carries the security headers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.serve import ServeSettings
from eventwire.serve.settings import is_loopback

from .conftest import Client, make_client
from .test_errors import assert_error_shape

# A body that passes the guards and fails parsing: a 400 proves the guards let it through,
# without loading the NLP pipeline.
BAD_JSON = {"content": b"{", "headers": {"content-type": "application/json"}}


@pytest.fixture
def public(story_db: Path) -> Iterator[Client]:
    c = make_client(story_db, settings=ServeSettings(host="0.0.0.0"))
    yield c
    c.close()


@pytest.fixture
def with_token(story_db: Path) -> Iterator[Client]:
    c = make_client(story_db, token="s3cret-token", settings=ServeSettings())
    yield c
    c.close()


def test_loopback_without_token_allows_writes(client: Client) -> None:
    assert client.post("/api/documents", **BAD_JSON).status_code == 400


def test_a_public_address_without_token_refuses_writes(public: Client) -> None:
    err = assert_error_shape(public.post("/api/documents", **BAD_JSON), 403)
    assert err["code"] == "E609"
    assert public.get("/api/events").status_code == 200  # reads stay open


def test_a_token_is_required_once_set(with_token: Client) -> None:
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": "Basic x"},
                    {"x-eventwire-token": "s3cret-toke"}):
        response = with_token.post("/api/documents", content=b"{",
                                   headers={"content-type": "application/json", **headers})
        assert assert_error_shape(response, 401)["code"] == "E608"
    for good in ({"authorization": "Bearer s3cret-token"}, {"x-eventwire-token": "s3cret-token"}):
        response = with_token.post("/api/documents", content=b"{",
                                   headers={"content-type": "application/json", **good})
        assert response.status_code == 400


def test_the_token_can_come_from_the_environment(story_db: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_TOKEN", "from-env")
    c = make_client(story_db, settings=ServeSettings(host="0.0.0.0"))
    try:
        assert c.post("/api/documents", **BAD_JSON).status_code == 401
        ok = c.post("/api/documents", content=b"{", headers={
            "content-type": "application/json", "authorization": "Bearer from-env"})
        assert ok.status_code == 400
    finally:
        c.close()


def test_cross_site_writes_are_refused(client: Client) -> None:
    response = client.post("/api/documents", content=b"some text", headers={
        "content-type": "text/plain", "origin": "http://evil.example"})
    assert assert_error_shape(response, 403)["code"] == "E615"
    same = client.post("/api/documents", content=b"{", headers={
        "content-type": "application/json", "origin": "http://127.0.0.1:8000"})
    assert same.status_code == 400


def test_security_headers_on_every_response(client: Client) -> None:
    for url in ("/", "/api/events", "/api/nothing", "/static/app.js"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_loopback_addresses() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "127.5.0.1", "::1", "[::1]", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.10", "::", "example.org"]))
