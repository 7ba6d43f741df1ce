"""Fixtures: the real parser and the places/quantities stages on a short text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.model import Document
from eventwire.pipeline import Pipeline
from tests.places.helpers import stage_runner


@pytest.fixture(scope="session")
def parsed(pipeline: Pipeline) -> Callable[[str], Document]:
    return stage_runner(pipeline)


@pytest.fixture(scope="session")
def nlp(pipeline: Pipeline) -> Any:
    """The parse stage's spaCy pipeline, for tests that set the entities themselves."""
    return pipeline.get_stage("parse").nlp
