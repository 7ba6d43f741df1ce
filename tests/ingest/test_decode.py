import pytest

from eventwire.errors import InputError
from eventwire.ingest.decode import decode, strip_controls


def test_latin1_is_detected() -> None:
    text = "Le président français a rencontré les délégués à Genève hier soir."
    assert decode(text.encode("latin-1")) == text


def test_binary_and_empty_are_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02PNG\x00" * 50)
    with pytest.raises(InputError, match="empty"):
        decode(b"  \n\t ")


def test_control_characters_are_removed() -> None:
    assert strip_controls("about this article.\b\r\nNext") == "about this article.\nNext"
