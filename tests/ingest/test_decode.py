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


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_utf16_or_utf32_byte_order_mark_is_decoded(codec: str) -> None:
    text = "The mayor of Springfield opened a new bridge on Tuesday."
    data = text.encode(codec)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # utf-16-be writes no mark
        data = b"\xfe\xff" + data
    assert decode(data) == text


def test_utf16_without_a_mark_is_still_refused_as_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode("No mark here, only zero bytes between letters.".encode("utf-16-le"))
