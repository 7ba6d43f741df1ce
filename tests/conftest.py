"""Shared fixtures: the real default pipeline (loaded once), paths to the repo's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.api import load_pipeline, make_config
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "defectors-2002.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline with the real spaCy model, built once for the session."""
    return load_pipeline(make_config())


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text("utf-8")
