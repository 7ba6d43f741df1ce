"""Plain-text news: split a scraped story into header, body and footer.

Scraped wire and web stories carry a header (headline, "By ..." byline, date and time),
a dateline or bureau at the start of the body ("SEOUL (AP) -", "WASHINGTON, May 8
(Reuters) -", "Pacific Rim Bureau (") and a footer (related-story lists, tip and letter
prompts, credits, author notes). The coder must read only the story, but the header and
footer say who wrote it and when, so they are kept as metadata. The patterns are data
(``data/ingest/patterns.yaml``); this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from eventwire.ingest.dates import find_time, parse_date
from eventwire.ingest.decode import strip_controls
from eventwire.ingest.patterns import compiled, compiled_list, patterns

__all__ = ["Parsed", "dateline_length", "parse_plaintext", "split_related", "take_dateline",
           "trim_web_text"]

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•·–—>]|\d{1,2}[.)])\s+")
_RELATED_ITEM = re.compile(
    r"^(?P<title>.{3,200}?)\s*(?:[(\[]\s*(?P<d1>[^()\[\]]{4,40}?)\s*[)\]]|\s[-–—|]\s*(?P<d2>.{4,40}))\s*$"
)


@dataclass
class Parsed:
    """What the header and footer parsing found; ``text`` is the clean story body."""

    text: str
    title: str | None = None
    byline: str | None = None
    stated_date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _words(line: str) -> int:
    return len(line.split())


def _is_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def _body_like(line: str) -> bool:
    """A line that reads as story text rather than a header field."""
    max_words = int(patterns()["header"]["max_words"])
    if _words(line) > max_words:
        return True
    if _dateline(line) is not None and _words(line) > 6:
        return True
    return _is_sentence(line) and _words(line) >= 8


def _byline(line: str, parsed: Parsed) -> bool:
    """Read a "By ..." line: the name, and any date and time beside it."""
    m = compiled("header", "byline").match(line)
    if m is None:
        return False
    parts = [p.strip() for p in re.split(r"\s*[|•·]\s*|\s{2,}", m.group("rest")) if p.strip()]
    name = parts[0] if parts else ""
    if _is_sentence(name) and _words(name) > 3:
        return False  # "By Tuesday, 40 were dead." is a sentence, not a byline
    roles = "|".join(re.escape(r) for r in patterns()["header"]["byline_roles"])
    cut = re.search(rf",\s*(?:an?\s+|the\s+)?[\w .'-]*?\b(?:{roles})\b.*$", name, re.IGNORECASE)
    if cut:
        parsed.meta["byline_role"] = name[cut.start() + 1 :].strip()
        name = name[: cut.start()]
    date_in_name = parse_date(name) is not None
    if not date_in_name and parsed.byline is None:
        parsed.byline = name.strip(" ,;") or None
    for part in parts[1:] + ([name] if date_in_name else []):
        _date_line(part, parsed)
    return True


def _date_line(line: str, parsed: Parsed) -> bool:
    """Read a line that only states when the story was published."""
    text = compiled("header", "date_labels").sub("", line)
    iso = parse_date(text)
    time = find_time(text)
    if iso is None and time is None:
        return False
    if _words(text) > 12:
        return False
    if iso is not None and parsed.stated_date is None:
        parsed.stated_date = iso
    if time is not None and "stated_time" not in parsed.meta:
        parsed.meta["stated_time"] = time
    return True


def _header(lines: list[str], parsed: Parsed) -> int:
    """Consume header lines; return the index of the first body line."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonblank) < 2:
        return 0
    extra: list[str] = []
    for i in nonblank[:8]:
        line = lines[i].strip()
        if _body_like(line):
            break
        if _byline(line, parsed) or _date_line(line, parsed):
            continue
        if compiled("header", "furniture").match(line):
            extra.append(line)
            continue
        if parsed.title is None and not line.endswith(".") and _words(line) <= 25:
            parsed.title = line
        elif _is_sentence(line):
            break  # a short first paragraph
        else:
            extra.append(line)
    else:
        return 0  # no line of the first eight reads as a story: keep it all
    if extra:
        parsed.meta["header_lines"] = extra
    return i


def _dateline(line: str) -> re.Match[str] | None:
    for key in ("with_agency", "caps_place"):
        m = compiled("dateline", key, 0).match(line)
        if m is None:
            continue
        agency = (m.groupdict().get("agency") or "").strip()
        if agency and not agency[0].isupper():
            continue
        if m.group("place") or agency:
            return m
    return None


#: The longest dateline looked for.
DATELINE_CHARS = 160


def dateline_length(text: str, start: int = 0) -> int:
    """How many characters of ``text`` from ``start`` a dateline opening there takes
    ("TBILISI, Georgia -- ", "SEOUL (AP) - "; 0: none). Read by the parse, actors and
    events stages too: a dateline left inside a text (after a headline line) ends its own
    sentence and names where the story was filed, not an actor."""
    m = _dateline(text[start:start + DATELINE_CHARS])
    return m.end() if m is not None else 0


def _take_dateline(line: str, meta: dict[str, Any]) -> str:
    """Move a dateline or bureau at the start of a line into ``meta``."""
    m = _dateline(line)
    if m is None:
        return line
    place = (m.group("place") or "").strip(" ,")
    agency = (m.groupdict().get("agency") or "").strip()
    if place and compiled("dateline", "bureau").search(place):
        meta["bureau"] = place
    elif place:
        meta["dateline_place"] = place
    if agency:
        meta["agency"] = agency
    if m.group("date"):
        meta["dateline_date"] = m.group("date")
    meta["dateline"] = line[: m.end()].strip()
    return line[m.end() :]


def take_dateline(text: str, meta: dict[str, Any]) -> str:
    """The text without the dateline or bureau that opens it, which goes into ``meta``
    (``dateline``, ``dateline_place``, ``agency``, ``dateline_date``, ``bureau``).

    Why one function for every input kind: "KABUL, Afghanistan, May 3 (Reuters) - ..."
    names where the reporter filed from, not an actor. Left in the text of a JSON Lines
    record or an HTML page it was coded as an Afghan actor, so the same story gave other
    actors from a ``.txt`` file than from a record.
    """
    body = text.lstrip()
    first, sep, rest = body.partition("\n")
    taken = _take_dateline(first, meta)
    return text if taken is first else taken + sep + rest


def split_related(line: str) -> dict[str, str | None] | None:
    """A related-story line: ``{"title", "date"}`` when it ends with a date, else None."""
    line = _BULLET.sub("", line).strip()
    m = _RELATED_ITEM.match(line)
    if m is None:
        return None
    iso = parse_date(m.group("d1") or m.group("d2") or "")
    title = m.group("title").strip(" -–—|:")
    if iso is None or _is_sentence(title) or _words(title) > 25:
        return None
    return {"title": title, "date": iso}


def _footer_kind(line: str, byline: str | None) -> str | None:
    """What a trailing line is: a related-list header, a related item, a notice, short."""
    if compiled("footer", "related_headers").match(line):
        return "related_header"
    if any(p.search(line) for p in compiled_list("footer", "notices")):
        return "notice"
    if split_related(line) is not None:
        return "related_item"
    if byline and line.strip(" .") == byline:
        return "short"
    max_words = int(patterns()["footer"]["bio_max_words"])
    if _words(line) <= max_words and not _is_sentence(line):
        return "short"
    return None


def _footer_start(lines: list[str], start: int, byline: str | None) -> int:
    """Index of the first footer line (``len(lines)`` when there is no footer)."""
    cut = len(lines)
    i = len(lines) - 1
    while i > start:
        line = lines[i].strip()
        if line:
            kind = _footer_kind(line, byline)
            if kind is None:
                break
            if kind != "short":
                cut = i
        i -= 1
    return cut


def _read_footer(lines: list[str], parsed: Parsed) -> None:
    """Sort footer lines into related stories and other boilerplate, kept in metadata."""
    related: list[dict[str, str | None]] = []
    boilerplate: list[str] = []
    in_list = False
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        kind = _footer_kind(line, parsed.byline)
        if kind == "related_header":
            in_list = True
        elif kind == "notice":
            in_list = False
        item = split_related(line) if kind != "related_header" else None
        if item is not None or (in_list and kind == "short"):
            related.append(item or {"title": _BULLET.sub("", line).strip(), "date": None})
        else:
            boilerplate.append(line)
    if related:
        parsed.meta["related_stories"] = related
    if boilerplate:
        parsed.meta["boilerplate"] = boilerplate


def _join(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def parse_plaintext(text: str) -> Parsed:
    """Split a plain-text story into its clean body and its header and footer metadata."""
    lines = strip_controls(text).split("\n")
    parsed = Parsed(text="")
    start = _header(lines, parsed)
    body_first = next((i for i in range(start, len(lines)) if lines[i].strip()), len(lines))
    end = _footer_start(lines, body_first, parsed.byline)
    _read_footer(lines[end:], parsed)
    parsed.text = take_dateline(_join(lines[body_first:end]), parsed.meta)
    return parsed


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().lower()

    return bool(norm(a)) and norm(a) == norm(b)


def trim_web_text(text: str, title: str | None) -> Parsed:
    """Remove what an extractor left of a web page's furniture from an article text.

    A repeat of the headline as first line, link promotions between paragraphs
    ("READ MORE: ...") and trailing related-story lists and notices are moved to metadata.
    """
    lines = text.split("\n")
    parsed = Parsed(text="", title=title)
    removed: list[str] = []
    if title and lines and _same(lines[0], title):
        removed.append(lines.pop(0))
    end = _footer_start(lines, 0, None)
    _read_footer(lines[end:], parsed)
    promo = compiled("footer", "promos")
    body: list[str] = []
    for line in lines[:end]:
        (removed if promo.match(line) else body).append(line)
    if removed:
        parsed.meta["boilerplate"] = removed + parsed.meta.get("boilerplate", [])
    parsed.text = take_dateline(_join(body), parsed.meta)
    return parsed
