"""POST /api/documents codes texts in process with the real pipeline and stores them."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.pipeline import Pipeline
from eventwire.serve import ServeSettings

from .conftest import Client, make_client
from .test_errors import assert_error_shape

TEXT = ("Police in Cairo arrested twelve protesters on Monday, the interior ministry said. "
        "Egypt's foreign minister met his Sudanese counterpart in Khartoum on Tuesday.")


@pytest.fixture
def writer(story_db: Path, tmp_path: Path, pipeline: Pipeline) -> Iterator[Client]:
    db = tmp_path / "copy.duckdb"
    shutil.copy(story_db, db)
    c = make_client(db, settings=ServeSettings(max_documents=3), pipeline=pipeline)
    yield c
    c.close()


def test_a_json_document_is_coded_and_stored(writer: Client) -> None:
    body = {"text": TEXT, "id": "cairo-1", "title": "Arrests in Cairo", "date": "2024-03-05"}
    response = writer.post("/api/documents", json=body)
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["coded"] == 1 and data["failed"] == 0
    assert data["documents"][0]["doc_id"] == "cairo-1"
    assert data["store"]["added"] == 1
    doc = writer.get("/api/documents/cairo-1").json()
    assert doc["text"].startswith("Police in Cairo") and doc["title"] == "Arrests in Cairo"
    assert len(doc["events"]) == data["documents"][0]["events"]
    again = writer.post("/api/documents", json=body).json()
    assert again["store"]["added"] == 0 and again["store"]["skipped"] == 1


def test_a_write_refreshes_cached_answers(writer: Client, example_text: str) -> None:
    before = len(writer.get("/api/events?limit=500").json()["events"])
    data = writer.post("/api/documents", json={"text": example_text, "id": "copy"}).json()
    after = len(writer.get("/api/events?limit=500").json()["events"])
    assert after == before + data["documents"][0]["events"]


def test_a_list_and_plain_text_are_accepted(writer: Client) -> None:
    docs = [{"text": TEXT}, {"text": "Rebels attacked a convoy near Goma on Friday."}]
    data = writer.post("/api/documents", json=docs).json()
    assert data["coded"] == 2 and data["store"]["added"] == 2
    response = writer.post("/api/documents", content=TEXT.replace("twelve", "ten").encode(),
                           headers={"content-type": "text/plain; charset=utf-8"})
    assert response.status_code == 201 and response.json()["coded"] == 1
    doc_id = response.json()["documents"][0]["doc_id"]
    assert writer.get("/api/documents/" + doc_id).status_code == 200


def test_too_many_documents_in_one_request_is_a_413(writer: Client) -> None:
    response = writer.post("/api/documents", json=[{"text": TEXT}] * 4)
    assert assert_error_shape(response, 413)["code"] == "E613"


def test_concurrent_writers_are_serialised(writer: Client, tmp_path: Path) -> None:
    results: list[int] = []

    def post(i: int) -> None:
        client = Client(writer.app)
        try:
            r = client.post("/api/documents", json={"text": f"{TEXT} Item {i}.", "id": f"c{i}"})
            results.append(r.status_code)
        finally:
            client.loop.run_until_complete(client.http.aclose())
            client.loop.close()

    threads = [threading.Thread(target=post, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert results == [201] * 4
    for i in range(4):
        assert writer.get(f"/api/documents/c{i}").status_code == 200


def _writer_with(settings: ServeSettings, story_db: Path, tmp_path: Path,
                 pipeline: Pipeline) -> Client:
    db = tmp_path / "budget.duckdb"
    shutil.copy(story_db, db)
    return make_client(db, settings=settings, pipeline=pipeline)


def test_more_characters_than_max_chars_is_a_413(story_db: Path, tmp_path: Path,
                                                 pipeline: Pipeline) -> None:
    c = _writer_with(ServeSettings(max_chars=120), story_db, tmp_path, pipeline)
    try:
        one = c.post("/api/documents", content=("x" * 121).encode(),
                     headers={"content-type": "text/plain"})
        err = assert_error_shape(one, 413)
        assert err["code"] == "E617" and err["detail"]["max_chars"] == 120
        two = c.post("/api/documents", json=[{"text": "y" * 61}, {"text": "z" * 60}])
        assert assert_error_shape(two, 413)["code"] == "E617"
        assert c.post("/api/documents", json={"text": TEXT[:120]}).status_code == 201
    finally:
        c.close()


def test_a_write_past_its_coding_budget_is_a_503_and_stores_nothing(
    story_db: Path, tmp_path: Path, pipeline: Pipeline
) -> None:
    c = _writer_with(ServeSettings(max_coding_seconds=0.001), story_db, tmp_path, pipeline)
    try:
        before = c.get("/api/events?limit=500").json()["events"]
        response = c.post("/api/documents", json=[{"text": TEXT, "id": "slow-1"},
                                                  {"text": TEXT + " Again.", "id": "slow-2"}])
        err = assert_error_shape(response, 503)
        assert err["code"] == "E618" and "nothing was stored" in err["message"]
        assert c.get("/api/documents/slow-1").status_code == 404
        assert c.get("/api/events?limit=500").json()["events"] == before
    finally:
        c.close()


def test_a_write_waiting_past_its_budget_for_the_writer_is_a_503(
    story_db: Path, tmp_path: Path, pipeline: Pipeline
) -> None:
    c = _writer_with(ServeSettings(max_coding_seconds=0.5), story_db, tmp_path, pipeline)
    lock = c.app.state.access._write_lock
    lock.acquire()  # a long write in progress
    release = threading.Timer(5, lock.release)
    release.start()
    try:
        started = time.monotonic()
        response = c.post("/api/documents", json={"text": TEXT, "id": "queued"})
        assert assert_error_shape(response, 503)["code"] == "E618"
        assert time.monotonic() - started < 4
    finally:
        release.join()
        c.close()
