"""The learned coder's tables are read with the cycle collector paused, and it runs again
after them, also when reading fails."""

from __future__ import annotations

import gc

import pytest

from eventwire.events.loading import collector_paused


def test_the_collector_is_paused_for_the_block_and_on_again_after_it() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_failed_read() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a damaged table")
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
