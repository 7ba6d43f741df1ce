"""Only allowed host names are answered (DNS rebinding); writes need the token, or on
loopback the per-run secret of the explorer's page; cross-site writes are refused; every
response carries the security headers."""

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


@pytest.fixture
def bare(story_db: Path) -> Iterator[Client]:
    """A client on loopback, without token, that has not read the page's secret."""
    c = make_client(story_db, settings=ServeSettings(), secret=False)
    yield c
    c.close()


def test_a_rebound_host_name_is_refused_for_writes_and_reads(bare: Client) -> None:
    # A page of evil.example whose name now resolves to 127.0.0.1: Origin and Host agree.
    evil = {"host": "evil.example:8000", "origin": "http://evil.example:8000"}
    response = bare.post("/api/documents", content=b"{",
                         headers={**evil, "content-type": "application/json"})
    assert assert_error_shape(response, 400)["code"] == "E616"
    response = bare.post("/api/documents", content=b"Troops shelled a border town.",
                         headers={**evil, "content-type": "text/plain"})
    assert assert_error_shape(response, 400)["code"] == "E616"
    for url in ("/", "/api/events", "/api/actors", "/openapi.json", "/static/app.js"):
        err = assert_error_shape(bare.get(url, headers={"host": "evil.example:8000"}), 400)
        assert err["code"] == "E616" and err["detail"]["host"] == "evil.example:8000"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST",
                                  "localhost.:8000", "[::1]:8000", "127.0.0.2"])
def test_loopback_names_are_answered(bare: Client, host: str) -> None:
    assert bare.get("/api/events", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost:x",
                                  "[::1", "::1", "0.0.0.0:8000", "2130706433", ""])
def test_other_and_malformed_host_names_are_refused(bare: Client, host: str) -> None:
    response = bare.get("/api/events", headers={"host": host})
    assert assert_error_shape(response, 400)["code"] == "E616"


def test_allowed_hosts_and_the_bound_address_are_answered(story_db: Path) -> None:
    settings = ServeSettings(host="192.0.2.7", allowed_hosts=(".example.org", "events.lan"))
    c = make_client(story_db, settings=settings, secret=False)
    try:
        for host in ("192.0.2.7:8000", "example.org", "news.example.org:8000", "events.lan"):
            assert c.get("/api/events", headers={"host": host}).status_code == 200, host
        for host in ("badexample.org", "lan", "other.lan", "192.0.2.8"):
            response = c.get("/api/events", headers={"host": host})
            assert assert_error_shape(response, 400)["code"] == "E616", host
    finally:
        c.close()


def test_a_star_allows_every_host_name(story_db: Path) -> None:
    c = make_client(story_db, settings=ServeSettings(allowed_hosts=("*",)), secret=False)
    try:
        assert c.get("/api/events", headers={"host": "anything.example"}).status_code == 200
    finally:
        c.close()


def test_loopback_writes_need_the_secret_of_the_page(bare: Client, story_db: Path) -> None:
    err = assert_error_shape(bare.post("/api/documents", **BAD_JSON), 401)
    assert err["code"] == "E608" and "--token" in err["detail"]["hint"]
    secret = bare.page_secret()
    assert len(secret) >= 32
    with_secret = {"content": b"{", "headers": {"content-type": "application/json",
                                                "x-eventwire-token": secret}}
    assert bare.post("/api/documents", **with_secret).status_code == 400
    assert "no-store" in bare.get("/").headers["cache-control"]
    other = make_client(story_db, settings=ServeSettings(), secret=False)
    try:  # every start makes its own secret
        assert other.page_secret() != secret
        assert other.post("/api/documents", **with_secret).status_code == 401
    finally:
        other.close()


def test_no_secret_in_the_page_with_a_token_or_beyond_loopback(with_token: Client,
                                                                public: Client) -> None:
    assert with_token.page_secret() == "" and public.page_secret() == ""
    forged = {"content": b"{", "headers": {"content-type": "application/json",
                                           "x-eventwire-token": ""}}
    assert with_token.post("/api/documents", **forged).status_code == 401


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
