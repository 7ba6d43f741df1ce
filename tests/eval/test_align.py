"""Moving predicted spans from the cleaned text back onto the original."""

from eventwire.eval.align import OffsetMap


def test_trimmed_text_is_one_shift() -> None:
    omap = OffsetMap("\n  Paris and Rome.\n", "Paris and Rome.")
    assert omap.exact
    assert omap.to_original(10, 14) == (13, 17)


def test_rewritten_text_is_aligned_span_by_span() -> None:
    original = "HEADER\nRome is far. Rome again."
    cleaned = "Rome is far.  Rome again."
    omap = OffsetMap(original, cleaned)
    assert not omap.exact
    assert omap.to_original(14, 18) == (20, 24)
    assert omap.to_original(0, 4) == (7, 11)
    assert omap.to_original(5, 7) == (12, 14)


def test_a_span_not_in_the_original_is_lost_and_counted() -> None:
    omap = OffsetMap("abc", "xyz")
    assert omap.to_original(0, 3) is None
    assert omap.lost == 1
