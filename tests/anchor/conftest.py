"""Fixtures: the real parser with the times, places and quantities stages on a short text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document
from eventwire.pipeline import Pipeline
from tests.places.helpers import stage_runner


@pytest.fixture(scope="session")
def parsed(pipeline: Pipeline) -> Callable[[str], Document]:
    """text -> Document after the real parse, places and quantities stages."""
    return stage_runner(pipeline)
