"""Map spans of the cleaned text back onto the original text that gold offsets index.

Gold spans (TimeML, geoparsing corpora) are offsets into the text as given. The ``clean``
stage may strip or rewrite it, so a predicted span must be moved before it is compared.
When the cleaned text is a substring of the original (the usual case: white space trimmed)
one shift moves every span; otherwise each span's text is searched in the original near
its expected place, and a span that cannot be found is dropped and counted.
"""

from __future__ import annotations

__all__ = ["OffsetMap"]


class OffsetMap:
    """Moves ``(start, end)`` spans of ``cleaned`` onto ``original``."""

    def __init__(self, original: str, cleaned: str) -> None:
        self.original = original
        self.cleaned = cleaned
        self.shift = original.find(cleaned) if cleaned else 0
        self.lost = 0

    @property
    def exact(self) -> bool:
        """Whether one shift maps every span (the cleaned text is inside the original)."""
        return self.shift >= 0

    def to_original(self, start: int, end: int) -> tuple[int, int] | None:
        """The span in the original text, or None when its text cannot be found there."""
        if self.exact:
            return start + self.shift, end + self.shift
        piece = self.cleaned[start:end]
        found = self._nearest(piece, start)
        if found is None:
            self.lost += 1
            return None
        return found, found + len(piece)

    def _nearest(self, piece: str, start: int) -> int | None:
        if not piece:
            return None
        scale = len(self.original) / max(1, len(self.cleaned))
        hint = int(start * scale)
        best: int | None = None
        pos = self.original.find(piece)
        while pos >= 0:
            if best is None or abs(pos - hint) < abs(best - hint):
                best = pos
            pos = self.original.find(piece, pos + 1)
        return best
