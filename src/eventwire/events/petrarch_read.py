"""Reading PETRARCH/TABARI verb and discard dictionaries.

Why read them: users have years of work in these files. The verbs file holds synonym
sets (``&NAME`` with ``+phrase`` lines), verb blocks (``--- NAME [code] ---``) of verbs
(with irregular forms in ``{...}`` and their own ``[code]``) and patterns (``- words *
words [code]``, ``*`` the verb, ``$`` the source, ``+`` the target, ``%`` a compound
actor, ``^`` a skipped phrase, ``&SET`` any phrase of a synonym set). The discards file
lists phrases that void a sentence, or with a leading ``+`` the whole story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import Errors

__all__ = ["Element", "Pattern", "VerbEntry", "PetrarchDict", "load_petrarch", "read_verbs"]

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CODE = re.compile(r"\[([^\]]*)\]")
MARKERS = frozenset({"*", "$", "+", "%", "^"})
ADJACENT = "="  # the next word group must touch the verb


Element = str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One pattern: elements before and after the verb, and its code.

    An element is a marker (``$``, ``+``, ``%``, ``^``) or a tuple of words and
    ``&SYNSET`` names that must be consecutive (joined by ``_`` in the file).
    """

    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str
    text: str

    @property
    def words(self) -> int:
        return sum(len(e) for e in self.before + self.after if isinstance(e, tuple))


@dataclass(slots=True)
class VerbEntry:
    """A verb of a block: its words, own code, block code and the block's patterns."""

    words: tuple[str, ...]
    code: str | None
    block_code: str | None
    block: str
    patterns: list[Pattern] = field(default_factory=list)
    before: tuple[str, ...] = ()  # words before the verb ("WIRE" of "WIRE_+TAP")

    @property
    def default_code(self) -> str | None:
        code = self.code or self.block_code
        return None if code in (None, "", "---") else code


@dataclass(slots=True)
class PetrarchDict:
    """Verbs by their forms (upper case), synsets and discards."""

    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    sentence_discards: list[str] = field(default_factory=list)
    story_discards: list[str] = field(default_factory=list)


def _strip(line: str) -> str:
    for mark in ("#", ";"):
        line = line.split(mark, 1)[0]
    return line.rstrip()


def _clean_lines(text: str) -> list[str]:
    return [_strip(line) for line in _HTML_COMMENT.sub("", text).splitlines()]


def _phrase(raw: str) -> tuple[str, ...]:
    return tuple(w for w in raw.replace("_", " ").upper().split() if w)


def _forms(word: str) -> list[str]:
    """Regular forms of an English verb (PETRARCH generates them too)."""
    w = word.upper()
    if w.endswith("E"):
        return [w, w + "S", w + "D", w[:-1] + "ING"]
    if w.endswith("Y") and len(w) > 2 and w[-2] not in "AEIOU":
        return [w, w[:-1] + "IES", w[:-1] + "IED", w + "ING"]
    if w.endswith(("S", "SH", "CH", "X", "Z")):
        return [w, w + "ES", w + "ED", w + "ING"]
    return [w, w + "S", w + "ED", w + "ING"]


def _verb_word(words: tuple[str, ...]) -> int:
    """Index of the verb in a multi-word verb: the word marked ``+``, else the first."""
    return next((i for i, w in enumerate(words) if i and w.startswith("+")), 0)


def _elements(body: str) -> list[Element]:
    """Split a pattern body into markers and groups of consecutive words. A word glued to
    the verb by ``_`` ("RECENTLY_*", "*_OUT") must be next to it: ``ADJACENT`` marks it."""
    out: list[Element] = []
    for chunk in body.upper().split():
        glued = star = False
        for piece in chunk.split("_"):
            if not piece:
                continue
            if piece in MARKERS:
                if piece == "*" and glued:
                    out.append(ADJACENT)
                out.append(piece)
                glued, star = False, piece == "*"
                continue
            last = out[-1] if out else None
            if glued and isinstance(last, tuple):
                out[-1] = (*last, piece)
            else:
                out.extend([ADJACENT, (piece,)] if star else [(piece,)])
            glued, star = True, False
    return out


def _pattern(line: str, block_code: str | None) -> Pattern | None:
    m = _CODE.search(line)
    code = m.group(1).strip() if m else (block_code or "---")
    body = _CODE.sub(" ", line[1:])
    if "{" in body or "|" in body:
        return None  # disjunctive phrases are no longer PETRARCH syntax
    elems = _elements(body)
    if "*" not in elems:
        return None
    i = elems.index("*")
    return Pattern(tuple(elems[:i]), tuple(elems[i + 1 :]), code, line.strip())


class _Reader:
    """State while reading a verbs file line by line."""

    def __init__(self, out: PetrarchDict) -> None:
        self.out = out
        self.synset: str | None = None
        self.block = ""
        self.block_code: str | None = None
        self.current: list[VerbEntry] = []

    def header(self, line: str) -> None:
        m = _CODE.search(line)
        self.block = line.strip("- ").split("[")[0].strip()
        self.block_code = m.group(1).strip() if m else None
        self.current = []
        self.synset = None

    def verb(self, line: str) -> None:
        m = _CODE.search(line)
        own = m.group(1).strip() if m else None
        body = _CODE.sub(" ", line).lstrip("+")
        irregular = re.findall(r"\{([^}]*)\}", body)
        words = _phrase(re.sub(r"\{[^}]*\}", " ", body))
        if not words:
            return
        head = _verb_word(words)  # "WIRE_+TAP": the verb is TAP, WIRE comes before it
        base = tuple(w.lstrip("+") for w in words[head:])
        before = tuple(w.lstrip("+") for w in words[:head])
        entry = VerbEntry(base, own, self.block_code, self.block, before=before)
        entry.patterns = self.current[0].patterns if self.current else []
        self.current.append(entry)
        forms = set(_forms(base[0]))
        for group in irregular:
            for raw in group.split():
                phrase = _phrase(raw)
                if phrase:
                    forms.add(phrase[_verb_word(phrase)].lstrip("+"))
        for form in forms:
            self.out.verbs.setdefault(form, []).append(entry)

    def feed(self, line: str) -> None:
        stripped = line.strip()
        if not stripped:
            self.synset = None
            return
        if stripped.startswith("---"):
            self.header(stripped)
        elif stripped.startswith("&"):
            self.synset = stripped.split()[0][1:].rstrip("_").upper()
            self.out.synsets.setdefault(self.synset, [])
        elif stripped.startswith("+") and self.synset is not None:
            self.out.synsets[self.synset].append(_phrase(stripped[1:]))
        elif stripped.startswith("-"):
            pat = _pattern(stripped, self.block_code)
            if pat is not None and self.current:
                self.current[0].patterns.append(pat)
        else:
            self.verb(stripped)


def _expand_synsets(synsets: dict[str, list[tuple[str, ...]]]) -> None:
    """Synsets listing other synsets (``+&TIETYPES``) get their members."""
    for _ in range(3):
        for name, phrases in synsets.items():
            out: list[tuple[str, ...]] = []
            for ph in phrases:
                if len(ph) == 1 and ph[0].startswith("&"):
                    out.extend(synsets.get(ph[0][1:].rstrip("_"), []))
                else:
                    out.append(ph)
            synsets[name] = out


def read_verbs(path: Path, out: PetrarchDict) -> None:
    reader = _Reader(out)
    for line in _clean_lines(path.read_text("utf-8", errors="replace")):
        reader.feed(line)
    _expand_synsets(out.synsets)


def read_discards(path: Path, out: PetrarchDict) -> None:
    for line in _clean_lines(path.read_text("utf-8", errors="replace")):
        phrase = line.strip()
        if phrase.startswith("+"):
            out.story_discards.append(" ".join(_phrase(phrase[1:])))
        elif phrase:
            out.sentence_discards.append(" ".join(_phrase(phrase)))


def _find(folder: Path, suffix: str) -> Path | None:
    found = sorted(p for p in folder.iterdir() if p.name.lower().endswith(suffix))
    return found[0] if found else None


def load_petrarch(folder: str | Path) -> PetrarchDict:
    """Read the verbs (``*verbs.txt``) and discards (``*discards.txt``) of a folder."""
    path = Path(folder)
    if not path.is_dir():
        raise Errors.E233.error(folder=folder)
    verbs = _find(path, "verbs.txt")
    if verbs is None:
        raise Errors.E234.error(folder=folder)
    out = PetrarchDict()
    read_verbs(verbs, out)
    discards = _find(path, "discards.txt")
    if discards is not None:
        read_discards(discards, out)
    return out
