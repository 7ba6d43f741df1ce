"""One error shape for every error of every endpoint, and bad input never brings the
server down."""

from __future__ import annotations

import logging
import random
import re
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

from eventwire.serve import ServeSettings
from eventwire.store import Store

from .conftest import Client, make_client

SQL = ["1' OR '1'='1", "'; DROP TABLE events; --", "\" OR 1=1 --", "1); DELETE FROM events"]


def assert_error_shape(response: httpx.Response, status: int | None = None) -> dict[str, Any]:
    """The body is exactly {"error": {status, code, message, detail}} and says no trace."""
    body = response.json()
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"status", "code", "message", "detail"}, err
    assert err["status"] == response.status_code
    assert re.fullmatch(r"E\d{3}", err["code"]), err
    assert err["message"] and "Traceback" not in response.text
    assert response.headers["content-type"].startswith("application/json")
    if status is not None:
        assert response.status_code == status, body
    return dict(err)


def _api_routes(client: Client) -> list[tuple[str, set[str]]]:
    """(path, methods) of every API endpoint, as the OpenAPI schema documents them."""
    paths = client.get("/openapi.json").json()["paths"]
    return [(path, {m.upper() for m in ops}) for path, ops in paths.items()]


def _concrete(path: str, value: str = "no-such-id") -> str:
    return re.sub(r"\{[^}]+\}", value, path)


def test_every_endpoint_answers_unknown_parameters_with_the_shape(client: Client) -> None:
    routes = _api_routes(client)
    assert {p for p, _ in routes} == {
        "/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/actors",
        "/api/stats/timeline", "/api/network", "/api/documents", "/api/points",
        "/api/stats/goldstein", "/api/codes/cameo", "/api/facets", "/api/export"}
    for path, methods in routes:
        for method in methods:
            response = client.request(method, _concrete(path) + "?page=-1")
            assert assert_error_shape(response, 400)["code"] == "E602", path


def test_every_endpoint_answers_a_wrong_method_with_the_shape(client: Client) -> None:
    for path, methods in _api_routes(client):
        wrong = "PATCH" if "DELETE" in methods else "DELETE"
        assert_error_shape(client.request(wrong, _concrete(path)), 405)


def test_missing_things_are_404_in_the_shape(client: Client) -> None:
    for url in ("/api/events/no-such-event", "/api/documents/no-such-doc", "/api/nothing",
                "/static/nothing.js", "/nothing"):
        assert_error_shape(client.get(url), 404)


@pytest.mark.parametrize("query", [
    "limit=-1", "limit=0", "limit=1000000000000000000", "limit=abc", "limit=1e3",
    "cursor=-1", "cursor=%00", "since=2002-13-45", "until=tomorrow",
    "since=2002-01-01T00:00:00", "since=2002-01-01garbage", "until=20020101",
    "until=2002-01-01%2000:00", "since=" + "2" * 50,
    "near=1,2", "near=91,0,5", "near=nan,0,5", "near=0,0,-1", "country=CHINA", "cameo=abc",
    "actor=" + "A" * 40, "text=" + "x" * 300, "limit=10&limit=20",
])
def test_bad_parameters_are_4xx_in_the_shape(client: Client, query: str) -> None:
    err = assert_error_shape(client.get("/api/events?" + query))
    assert 400 <= err["status"] < 500


def test_dates_are_exactly_year_month_day(client: Client) -> None:
    for query in ("since=2002-01-01T00:00:00", "until=2002-01-01garbage"):
        assert assert_error_shape(client.get("/api/events?" + query), 422)["code"] == "E601"
    assert client.get("/api/events?since=2002-01-01&until=2030-12-31").status_code == 200


@pytest.mark.parametrize("path", ["/api/events", "/api/actors", "/api/network",
                                  "/api/stats/timeline"])
def test_limits_and_choices_are_bounded(client: Client, path: str) -> None:
    for query in ("limit=-1", "limit=1000000000000000000", "interval=week", "by=source"):
        response = client.get(f"{path}?{query}")
        assert 400 <= response.status_code < 500
        assert_error_shape(response)


def test_a_forged_cursor_is_a_400(client: Client) -> None:
    # Well-formed base64 of something the store never gave out.
    err = assert_error_shape(client.get("/api/events?cursor=WyJ4IiwgIngiXQ=="), 400)
    assert err["code"] == "E612"


def test_sql_in_every_parameter_is_refused_or_taken_literally(client: Client) -> None:
    before = client.get("/api/events?limit=500").json()["events"]
    params = ["actor", "country", "cameo", "plover", "since", "until", "near", "text",
              "limit", "cursor"]
    for path in ("/api/events", "/api/actors", "/api/network", "/api/stats/timeline"):
        for name in params + ["interval", "by"]:
            for value in SQL:
                response = client.get(path, params={name: value})
                if response.status_code == 200:
                    assert name == "text", (path, name)
                    assert response.json().get("events", []) == []
                else:
                    assert 400 <= assert_error_shape(response)["status"] < 500
    for value in SQL:
        assert_error_shape(client.get("/api/events/" + value))
        assert_error_shape(client.get("/api/documents/" + value))
    assert client.get("/api/events?limit=500").json()["events"] == before != []


def test_an_internal_failure_is_a_500_without_trace(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(Store, "query_events", broken)  # every reader of the pool
    err = assert_error_shape(client.get("/api/events"), 500)
    assert err == {"status": 500, "code": "E600", "message": "internal error", "detail": None}


def test_a_closed_store_is_a_503_with_a_store_code(story_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(story_db.read_bytes())
    client = make_client(db, settings=ServeSettings())
    try:
        client.app.state.access.close()  # the connections are gone under the app
        err = assert_error_shape(client.get("/api/events"), 503)
        assert err["code"].startswith("E4") and "eventwire ingest" in err["detail"]["hint"]
    finally:
        client.loop.run_until_complete(client.http.aclose())


def test_malformed_json_and_wrong_media_types(client: Client) -> None:
    headers = {"content-type": "application/json"}
    for body in (b"{bad", b"", b"\xff\xfe", b'{"text": "a",}', b"[1, 2"):
        err = assert_error_shape(client.post("/api/documents", content=body, headers=headers),
                                 400)
        assert err["code"] == "E606"
    for body in (b"42", b'"text"', b"[]", b'{"title": "no text"}', b'{"text": ""}',
                 b'{"text": "x", "evil": 1}', b'{"text": "x", "date": "yesterday"}',
                 b'{"text": "x", "id": "../../etc"}'):
        response = client.post("/api/documents", content=body, headers=headers)
        assert assert_error_shape(response, 422)["code"] == "E601", body
    for media in ("application/xml", "multipart/form-data; boundary=x", ""):
        response = client.post("/api/documents", content=b"<a/>", headers={"content-type": media})
        assert assert_error_shape(response, 415)["code"] == "E607"


def test_a_100_mb_body_is_a_413_and_the_server_stays_up(client: Client) -> None:
    big = b"a" * 100_000_000
    response = client.post("/api/documents", content=big, headers={"content-type": "text/plain"})
    assert assert_error_shape(response, 413)["code"] == "E605"

    async def stream() -> Any:  # no Content-Length: the limit is enforced while reading
        for _ in range(100):
            yield b"b" * 100_000

    response = client.post("/api/documents", content=stream(),
                           headers={"content-type": "text/plain"})
    assert "content-length" not in response.request.headers
    assert assert_error_shape(response, 413)["code"] == "E605"
    assert client.get("/api/events").status_code == 200


def test_json_nested_50000_deep_is_a_400(client: Client) -> None:
    for body in (b"[" * 50_000 + b"]" * 50_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000):
        response = client.post("/api/documents", content=body,
                               headers={"content-type": "application/json"})
        assert assert_error_shape(response, 400)["code"] == "E606"
    assert client.get("/api/events").status_code == 200


@pytest.mark.parametrize("url", ["/", "/api/events", "/api/actors?limit=5", "/openapi.json",
                                 "/static/app.js"])
def test_head_is_get_without_the_body(client: Client, url: str) -> None:
    get, head = client.get(url), client.request("HEAD", url)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


def test_head_of_a_missing_path_is_a_404_without_body(client: Client) -> None:
    head = client.request("HEAD", "/api/nothing")
    assert head.status_code == 404 and head.content == b""


def test_a_client_that_goes_away_leaves_one_line_in_the_log(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    secret = client.page_secret().encode()
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/api/documents", "raw_path":
             b"/api/documents", "root_path": "", "query_string": b"", "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 8000), "headers": [
                 (b"host", b"127.0.0.1:8000"), (b"content-type", b"text/plain"),
                 (b"content-length", b"1000"), (b"x-eventwire-token", secret)]}
    messages = [{"type": "http.request", "body": b"Half a story", "more_body": True},
                {"type": "http.disconnect"}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    with caplog.at_level(logging.INFO, logger="eventwire.serve"):
        client.loop.run_until_complete(client.app(scope, receive, send))
    records = [r for r in caplog.records if r.name == "eventwire.serve"]
    assert [r.getMessage() for r in records] == [
        "client disconnected during POST /api/documents"]
    assert not any(r.exc_info for r in caplog.records)
    assert sent == []


def test_a_store_damaged_under_the_server_is_a_503_with_a_store_code(
    story_db: Path, story: tuple[dict[str, Any], bool], tmp_path: Path
) -> None:
    db = tmp_path / "damaged.duckdb"
    shutil.copy(story_db, db)
    c = make_client(db, settings=ServeSettings(cache_entries=0))
    try:
        size = db.stat().st_size
        with db.open("r+b") as f:  # every block after the file's headers, once it is open
            f.seek(12288)
            f.write(random.Random(7).randbytes(size - 12288))
        for url in ("/api/events", f"/api/documents/{story[0]['doc_id']}", "/api/network"):
            err = assert_error_shape(c.get(url), 503)
            assert err["code"].startswith("E4"), err
            assert "eventwire ingest" in err["detail"]["hint"]
    finally:
        c.loop.run_until_complete(c.http.aclose())
