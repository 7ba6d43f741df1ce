"""A web page's headline, authors, agency, site name and date, beyond trafilatura's metadata.

trafilatura's metadata (and htmldate inside it) is the base. Each rule here replaces one of
its fields only where it was measured to be more often right on hand-checked real pages
(``eventwire eval html-meta``, docs/ingest.md):

- the headline is the article's ``<h1>``, not the ``<title>``, which often carries a shorter
  SEO wording or the site's name appended ("Headline | Example News");
- a byline is split into person names; agencies ("Associated Press") go to ``meta.agency``,
  and desks, roles, site accounts and organisations ("News Desk", "Admin") are dropped;
- a site name given with a tagline ("Example | Sports | Weather") keeps its first part;
- a page with no publication date in its metadata is dated by the ``<time datetime>``
  just after its headline (a page that shows only "1 day ago"), not by a date in its text.

The word lists are data: ``data/ingest/page-meta.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.ingest.dates import parse_date
from eventwire.ingest.patterns import read_data

__all__ = [
    "page_meta",
    "Byline",
    "split_byline",
    "headline",
    "strip_site_suffix",
    "site_name",
    "time_after_headline",
]

#: Metadata that states a page's publication date; a page with one is dated by it.
_DATE_META = (
    "//meta[contains(translate(@property, 'PUBLISHED', 'published'), 'published')]"
    " | //meta[contains(translate(@name, 'PUBLISHED', 'published'), 'published')]"
    " | //meta[@itemprop='datePublished'] | //*[@itemprop='datePublished']"
    " | //meta[@name='date'] | //meta[@name='pubdate'] | //meta[@name='dc.date']"
)


@cache
def page_meta() -> dict[str, Any]:
    """The parsed ``page-meta.yaml`` (read once per process)."""
    return read_data("page-meta.yaml", "page metadata words")


@cache
def _agency_names() -> dict[str, str]:
    """Every credited name of an agency (folded) -> the agency's one name."""
    agencies: dict[str, list[str]] = page_meta()["agencies"]
    return {alias.casefold(): name for name, aliases in agencies.items() for alias in aliases}


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in page_meta()[key])


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:|-–—")


# --- byline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Byline:
    """The person names of a byline, in order, and the agency it credits (or None)."""

    authors: tuple[str, ...]
    agency: str | None


_ENTRY_SPLIT = re.compile(r"\s*(?:;|,|\||/|&|\band\b)\s*", re.I)


def _drop_opener(text: str) -> str:
    for opener in sorted(_words("byline_openers"), key=len, reverse=True):
        if text.casefold().startswith(opener + " "):
            return text[len(opener) + 1 :]
    return text


def _agency_in(entry: str) -> tuple[str, str | None]:
    """An entry less an agency credited at its start or end ("Jane Doe Associated Press")."""
    names = _agency_names()
    folded = entry.casefold()
    if folded in names:
        return "", names[folded]
    for alias, name in sorted(names.items(), key=lambda kv: -len(kv[0])):
        if folded.endswith(" " + alias):
            return entry[: -len(alias) - 1], name
        head = entry[: len(alias)]
        if folded.startswith(alias + " ") and (len(alias) > 3 or head.isupper()):
            return entry[len(alias) + 1 :], name
    return entry, None


def _is_date_word(word: str) -> bool:
    from eventwire.ingest.patterns import month_number, weekday_number

    return month_number(word) is not None or weekday_number(word) is not None


def _person(entry: str, site_words: frozenset[str]) -> str | None:
    """The entry as a person's name, or None when it is a role, desk, account or org."""
    words = [w for w in entry.split() if not _is_date_word(w)]
    if not 2 <= len(words) <= 5 or words[0].casefold() == "the":
        return None
    particles, roles = _words("name_particles"), _words("not_person_words")
    for word in words:
        bare = word.strip(".,'’()").casefold()
        if bare in roles or bare in site_words or any(c.isdigit() or c in "@#" for c in word):
            return None
        if not word[:1].isupper() and bare not in particles:
            return None
    name = " ".join(words)
    return name.title() if name.isupper() else name


def _without_variants(names: list[str]) -> list[str]:
    """Names less those that are a shorter form of another ("Jane Doe" of "Jane Q. Doe")."""

    def tokens(name: str) -> set[str]:
        return {w.strip(".").casefold() for w in name.split()}

    kept: list[str] = []
    for name in names:
        if any(tokens(name) < tokens(other) for other in names):
            continue
        if all(tokens(name) != tokens(k) for k in kept):
            kept.append(name)
    return kept


def split_byline(byline: str | None, site: str | None = None) -> Byline:
    """The people and the agency of a byline ("By Jane Doe and John Roe, Associated Press").

    ``site`` (the site's name or host) marks entries that name the site itself.
    """
    site_words = frozenset(w.casefold() for w in re.findall(r"[^\W_]+", site or "") if len(w) > 2)
    agency: str | None = None
    names: list[str] = []
    for raw in _ENTRY_SPLIT.split(_clean(_drop_opener(_clean(byline or "")))):
        entry, credited = _agency_in(_clean(_drop_opener(_clean(raw))))
        agency = agency or credited
        name = _person(entry, site_words) if entry else None
        if name:
            names.append(name)
    return Byline(tuple(_without_variants(names)), agency)


# --- headline and site ------------------------------------------------------------------


def _text(element: Any) -> str:
    return " ".join(str(element.text_content()).split())


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W_]{4,}", text)}


def headline(tree: Any, titles: list[str], site: str | None) -> str | None:
    """The article's headline: its first non-empty ``<h1>`` that is neither the site's name
    nor foreign to every title the page's metadata gives (a promoted story's ``<h1>``).
    """
    known = set().union(*(_content_words(t) for t in titles if t)) if titles else set()
    for element in tree.iter("h1"):
        text = _text(element)
        if not text or (site and text.casefold() == site.casefold()):
            continue
        if known and not (_content_words(text) & known) and _content_words(text):
            return None
        if any(_is_suffix(text, t) for t in titles):
            return None
        return text
    return None


def _is_suffix(text: str, title: str) -> bool:
    """Whether ``text`` is what follows a separator in ``title`` (the site's name there)."""
    for sep in page_meta()["title_separators"]:
        head, found, tail = title.rpartition(sep)
        if found and head and tail.strip().casefold() == text.casefold():
            return True
    return False


def strip_site_suffix(title: str, site: str | None, host: str | None) -> str:
    """A ``<title>`` less the site's name appended to it ("Headline | Example News")."""
    marks = {_squash(s) for s in (site, host) if s}
    if host:
        marks.add(_squash(host.removeprefix("www.").split(".")[0]))
    marks = {m for m in marks if len(m) > 3}
    for sep in page_meta()["title_separators"]:
        head, found, tail = title.rpartition(sep)
        if (
            found
            and head
            and _squash(tail)
            and any(_squash(tail) in m or m in _squash(tail) for m in marks if m)
        ):
            return head.strip()
    return title


def _squash(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").casefold().removeprefix("www."))


def site_name(name: str | None) -> str | None:
    """A site name less its tagline or section list ("Example | Sports | Weather")."""
    if not name:
        return None
    for sep in (" | ", " - ", " – ", " — "):
        if sep in name:
            name = name.split(sep)[0]
    return name.strip() or None


# --- date ---------------------------------------------------------------------------------


def time_after_headline(tree: Any) -> str | None:
    """The day of the first ``<time datetime>`` after the first ``<h1>``, when the page's
    metadata states no publication date (else that date is better evidence)."""
    if tree.xpath(_DATE_META):
        return None
    seen_h1 = False
    for element in tree.iter("h1", "time"):
        if element.tag == "h1":
            seen_h1 = True
        elif seen_h1 and element.get("datetime"):
            return parse_date(str(element.get("datetime")))
    return None
