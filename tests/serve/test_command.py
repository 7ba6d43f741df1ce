"""``eventwire serve`` starts uvicorn on loopback and serves the API and the page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from eventwire.cli import main


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_help_lists_the_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "--allowed-host", "--create",
                   "--config", "--set"):
        assert option in result.output


def test_bad_configuration_exits_2() -> None:
    result = CliRunner().invoke(main, ["serve", "--set", "serve.max_limit=0"])
    assert result.exit_code == 2 and "E621" in result.output


def test_a_missing_store_is_refused_without_create(tmp_path: Path) -> None:
    missing = tmp_path / "mistyped.duckdb"
    env = {**os.environ, "EVENTWIRE_TOKEN": ""}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "eventwire", "serve", "--db", str(missing),
             "--port", str(_free_port())],
            capture_output=True, text=True, env=env, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("eventwire serve started on a file that does not exist")
    assert result.returncode == 2 and "E409" in result.stderr and "--create" in result.stderr
    assert "Traceback" not in result.stderr and not missing.exists()


def test_bad_allowed_hosts_exit_2() -> None:
    result = CliRunner().invoke(main, ["serve", "--set", "serve.allowed_hosts=[1, 2]"])
    assert result.exit_code == 2 and "E621" in result.output


@pytest.mark.slow
def test_serve_answers_on_loopback(story_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "served.duckdb"
    shutil.copy(story_db, db)
    port = _free_port()
    env = {**os.environ, "EVENTWIRE_TOKEN": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                response = httpx.get(base + "/api/events", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("eventwire serve did not answer")
        assert response.status_code == 200 and response.json()["events"]
        assert httpx.get(base + "/").status_code == 200
        assert httpx.head(base + "/api/events").status_code == 200
        rebound = httpx.post(base + "/api/documents", content=b"Troops shelled a town.", headers={
            "host": f"evil.example:{port}", "origin": f"http://evil.example:{port}",
            "content-type": "text/plain"})
        assert rebound.status_code == 400 and rebound.json()["error"]["code"] == "E616"
        unsigned = httpx.post(base + "/api/documents", content=b"Troops shelled a town.",
                              headers={"content-type": "text/plain"})
        assert unsigned.status_code == 401
    finally:
        proc.terminate()
        proc.wait(20)


@pytest.mark.slow
def test_ingest_into_a_served_store_names_the_server_and_what_to_do(
    story_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "served.duckdb"
    shutil.copy(story_db, db)
    story = tmp_path / "story.txt"
    story.write_text("Police arrested four protesters in an invented town on Monday.\n")
    port = _free_port()
    env = {**os.environ, "EVENTWIRE_TOKEN": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        ingest = subprocess.run(
            [sys.executable, "-m", "eventwire", "ingest", str(story), "--db", str(db)],
            capture_output=True, text=True, env=env, timeout=120)
    finally:
        proc.terminate()
        proc.wait(20)
    err = ingest.stderr
    assert ingest.returncode == 2 and "E402" in err and "Traceback" not in err
    assert f"eventwire serve (PID {proc.pid}" in err
    assert f"http://127.0.0.1:{port}/api/documents" in err and f"kill {proc.pid}" in err
