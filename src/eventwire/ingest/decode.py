"""Bytes to text: a byte order mark first, then UTF-8, then detected encodings.

Binary and empty input are refused.
"""

from __future__ import annotations

import codecs
import re

from eventwire.errors import Errors

__all__ = ["decode", "strip_controls", "bom_codec"]

#: Byte order marks and their codecs, UTF-32 first: its little-endian mark begins with
#: UTF-16's. Why they come before the binary check: UTF-16 text is half zero bytes.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
#: Control characters written out as escapes by a scraper ("article.\\b"): a backslash and
#: a letter that no English word continues.
_ESCAPED_CONTROL = re.compile(r"\\(?:[bfv]|x[01][0-9a-fA-F]|u00[01][0-9a-fA-F])(?![A-Za-z0-9])")


def strip_controls(text: str) -> str:
    """Remove control characters (keeping tab and newlines) and normalise line endings.

    Escaped control characters left as text by scrapers (a literal backslash-b) go too.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPED_CONTROL.sub("", text)
    return _CONTROL.sub("", text)


def bom_codec(data: bytes) -> str | None:
    """The codec a UTF-16 or UTF-32 byte order mark at the start of ``data`` names, or None."""
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _decode_bom(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise Errors.E109_bom.error(codec=codec.upper()) from exc


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 8, 27))
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes | str) -> str:
    """Decode raw input to text, or raise :class:`InputError` for binary or empty input."""
    codec = None if isinstance(data, str) else bom_codec(data)
    if isinstance(data, str):
        text = data
    elif codec is not None:
        text = _decode_bom(data, codec)
    else:
        if _looks_binary(data):
            raise Errors.E107.error()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _detect(data)
    if not text.strip():
        raise Errors.E108.error()
    return text


#: Western encodings preferred among equally good guesses: most news that is not UTF-8 is
#: cp1252, and the detector cannot tell it from cp1250 on short texts.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:
        ties = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
        best = next((m for m in ties if m.encoding in _PREFERRED), best)
    if best is None:
        raise Errors.E109.error()
    return str(best)
