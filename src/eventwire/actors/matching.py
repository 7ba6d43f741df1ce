"""Finding the knowledge base's named actors in a parsed Doc, the way reporters name them.

Why a table of token tuples rather than spaCy's ``PhraseMatcher``: the knowledge base has
some 30,000 aliases, and a ``PhraseMatcher`` needs a ``Doc`` per alias, which costs about
a second per process to build (measured: docs/actors.md); a dict keyed by the folded
tokens of each alias is built in a tenth of that and answers the same question (the
longest alias starting at each token) in one pass. Aliases are folded (lower case, no
accents), so "Erdoğan" and "Erdogan" are one key.

How a reporter names people, and what this module accepts:

* a full name or any alias of an entry ("Barack Obama", "Vladimir Putin", "Hamas");
* a surname alone of a person named in full in the same story ("Obama" and "Barack
  Obama", in either order: a headline names by surname whom the body names in full);
  a very common surname (``kb_rules.yaml``: Kim, Lee, Khan, ...) counts only this way;
* a surname after a title or an honorific ("President Macron", "Mr. Lavrov"), or alone
  where a name stands (the tagger's person, or a proper noun that is a subject or an
  object) in a story that names the office holder's country ("Macron rejects the
  German plan"; a local story's namesake is nobody), when one office holder of that
  name holds office on the day;
* never a word inside a longer name of someone else ("Michelle Obama"), never a person's
  name the tagger reads as a place the gazetteer knows ("Chad", "Georgia") unless the
  story names that person in full, never a word of ``never_alone`` ("Hope", "Will") on
  its own.

Where matches overlap, the longest wins; at equal length the country and organisation
lexicon wins; and a user dictionary's actor wins over any overlapping entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy import __version__ as spacy_version
from spacy.attrs import IS_ASCII, LOWER, ORTH

from eventwire.actors.kb import KbEntry, KnowledgeBase, cache_inputs, code_on, fold
from eventwire.actors.lexicon import ActorLexicon, NameEntry, split_code, word_list
from eventwire.actors.names import NameMatch, blank_english, case_ok
from eventwire.cache import cached
from eventwire.config import load_yaml
from eventwire.places.gazetteer import DEFAULT_DATASET, load_gazetteer

__all__ = ["KbFinder", "KbRules", "KbTable", "build_table", "load_table", "load_rules", "entry_for"]

#: Entity labels of a longer name that a shorter alias inside it does not stand for.
_OTHER_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"}
)
#: Entity labels that make a single word a place, not a person.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: A story's full names of people by folded surname: each name's other words.
FullNames = dict[str, list[list[str]]]
#: Where a proper noun without an entity label is read as a name standing alone.
_ALONE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss"})
_PLAIN = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)*$")


@dataclass(frozen=True)
class KbRules:
    """The word lists of ``kb_rules.yaml`` (folded)."""

    common_surnames: frozenset[str]
    never_alone: frozenset[str]
    particles: frozenset[str]
    former_years: int = 10
    leader_offices: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_rules() -> KbRules:
    path = resources.files("eventwire") / "data" / "actors" / "kb_rules.yaml"
    data = load_yaml(path.read_text("utf-8")) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(str(w)) for w in data.get(key) or [])

    return KbRules(words("common_surnames"), words("never_alone"), words("particles"),
                   int(data.get("former_years") or 0), words("leader_offices"))


def alias_tokens(aliases: list[str]) -> list[tuple[str, ...]]:
    """The folded tokens of each alias as spaCy's English tokenizer splits it; names of
    letters and spaces only are split on spaces, which is what the tokenizer would do."""
    out: list[tuple[str, ...] | None] = [
        tuple(a.split()) if _PLAIN.match(a) else None for a in aliases
    ]
    rest = [k for k, toks in enumerate(out) if toks is None]
    for k, doc in zip(rest, blank_english().tokenizer.pipe(aliases[k] for k in rest), strict=True):
        out[k] = tuple(t.text for t in doc)
    return [tuple(fold(t) for t in toks or ()) for toks in out]


def entry_for(kb_entry: KbEntry, date: str | None) -> NameEntry:
    """The lexicon entry a knowledge-base entry stands for on ``date``."""
    code = code_on(kb_entry, date).code
    country, sectors = split_code(code or "")
    kind = "person" if kb_entry.person else "org" if country is None else "name"
    return NameEntry(kind, country, sectors, code, (), f"kb:{kb_entry.id}")


@dataclass
class KbTable:
    """The aliases as token tuples: the longest alias per first token, and surnames."""

    table: dict[tuple[str, ...], str] = field(default_factory=dict)
    lengths: dict[str, int] = field(default_factory=dict)
    #: Folded surname -> person entries whose full names end with it.
    surnames: dict[str, list[str]] = field(default_factory=dict)

    def add(self, toks: tuple[str, ...], entry: KbEntry, particles: frozenset[str]) -> None:
        self.table[toks] = entry.id
        self.lengths[toks[0]] = max(self.lengths.get(toks[0], 0), len(toks))
        if entry.person and len(toks) > 1 and toks[-1] not in particles:
            ids = self.surnames.setdefault(toks[-1], [])
            if entry.id not in ids:
                ids.append(entry.id)


def build_table(kb: KnowledgeBase, rules: KbRules) -> KbTable:
    """The token table of every alias (about 0.3 s for 30,000 aliases), and the other
    spellings of its hyphenated names where no alias already has them."""
    out = KbTable()
    keys = list(kb.aliases)
    hyphenated = []
    for key, toks in zip(keys, alias_tokens([kb.written[k] for k in keys]), strict=True):
        if toks:
            out.add(toks, kb.entries[kb.aliases[key]], rules.particles)
            if "-" in toks[1:-1]:
                hyphenated.append((toks, kb.entries[kb.aliases[key]]))
    for toks, entry in hyphenated:
        for variant in hyphen_variants(toks):
            if variant not in out.table:
                out.add(variant, entry, rules.particles)
    return out


def hyphen_variants(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A hyphenated name (``toks`` holds a "-" between two words) as transliterations
    also write it: joined and spaced ("Amirabdollahian", "Amir Abdollahian")."""
    joined: list[str] = []
    glue = False
    for tok in toks:
        if tok == "-" and joined:
            glue = True
        elif glue:
            joined[-1] += tok
            glue = False
        else:
            joined.append(tok)
    return [tuple(joined), tuple(t for t in toks if t != "-")]


def load_table(kb: KnowledgeBase, rules: KbRules) -> KbTable:
    """The token table, from the on-disk cache when an earlier process built it."""
    inputs = [*cache_inputs(), Path(__file__), f"spacy=={spacy_version}",
              repr(sorted(rules.particles))]
    return cached("actor-kb-table", inputs, lambda: build_table(kb, rules))


def folded_words(sdoc: Any) -> list[str]:
    """Each token's text as the knowledge base's table keys it: lower case, and folded
    when not ASCII. Read from one array of the Doc, without a ``Token`` object each."""
    strings = sdoc.vocab.strings
    return [strings[low] if ascii_ else fold(strings[orth])
            for low, orth, ascii_ in sdoc.to_array([LOWER, ORTH, IS_ASCII]).tolist()]


class KbFinder:
    """The knowledge base as a lookup table of token tuples (built once per process)."""

    def __init__(self, kb: KnowledgeBase, lexicon: ActorLexicon, rules: KbRules,
                 table: KbTable | None = None) -> None:
        self.kb = kb
        self.rules = rules
        tables = table or build_table(kb, rules)
        self.table = tables.table
        self.lengths = tables.lengths
        self.surnames = tables.surnames
        self.role_words = frozenset(w for ws in lexicon.roles for w in ws) | frozenset(
            w.lower() for w in lexicon.capitalised
        ) | frozenset(w for ws in lexicon.titles for w in ws)
        self.title_words = frozenset(ws[-1] for ws in lexicon.titles) | word_list(
            "honorifics")
        #: Every word of a title: the tagger takes "Crown Prince" or "Chief Justice" into
        #: the name it precedes, and none of them makes the name someone else's.
        self.title_parts = self.title_words | frozenset(w for ws in lexicon.titles for w in ws)
        #: One-word country names and adjectives ("Jordanian"), which the tagger may take
        #: into a person's name ("Jordanian King Abdullah").
        self.lexicon_names = frozenset(k for k in lexicon.names if " " not in k)
        self._first: dict[str, list[str]] | None = None

    # -- finding ------------------------------------------------------------------------

    def find(self, sdoc: Any, date: str | None, lexical: list[NameMatch]) -> list[NameMatch]:
        """The lexicon's matches merged with the knowledge base's, longest first."""
        words = folded_words(sdoc)
        people = self._full_names(sdoc)
        found = [m for m in self._full(sdoc, words, date, people)
                 if not _overlaps_user(m, lexical)]
        merged = _longest(lexical, found)
        short = self._short(sdoc, words, date, merged, people)
        owned = self._owned(sdoc, words, date, merged + short)
        return sorted(merged + short + owned, key=lambda m: m.start)

    def _full(self, sdoc: Any, words: list[str], date: str | None,
              people: FullNames) -> Iterable[NameMatch]:
        i = 0
        while i < len(words):
            longest = min(self.lengths.get(words[i], 0), len(words) - i)
            for n in range(longest, 0, -1):
                entry_id = self.table.get(tuple(words[i : i + n]))
                if entry_id is not None and self._accept(sdoc, i, i + n, entry_id, people):
                    yield NameMatch(i, i + n, entry_for(self.kb.entries[entry_id], date))
                    break
            i += 1

    def _accept(self, sdoc: Any, start: int, end: int, entry_id: str,
                people: FullNames) -> bool:
        span = sdoc[start:end]
        key = " ".join(fold(t.text) for t in span)
        if not case_ok(span.text, self.kb.written.get(key, span.text)):
            return False
        if self._inside_longer_name(sdoc, start, end):
            return False
        if end - start > 1:
            return True
        entry = self.kb.entries[entry_id]
        return self._alone_ok(sdoc[start], entry) and not (
            entry.person and self._someone_else_s(fold(sdoc[start].text), entry_id, people))

    def _alone_ok(self, tok: Any, entry: KbEntry) -> bool:
        """A one-word alias alone: not a common surname, a word of ``never_alone`` or a
        role word; for a person, not a word the tagger reads as a place, nor one opening a
        sentence that the tagger reads as no name and that stands for no one there (see
        :meth:`_opens_as_name`)."""
        word = fold(tok.text)
        rules = self.rules
        if word in rules.common_surnames or word in rules.never_alone or word in self.role_words:
            return False
        if not entry.person:
            return True
        if _read_as_place(tok) and not self._titled(tok):
            return False
        return bool(tok.ent_type_) or not tok.is_sent_start or self._titled(tok) \
            or self._opens_as_name(tok)

    def _opens_as_name(self, tok: Any) -> bool:
        """Whether a capitalised word opening a sentence stands for someone whatever its
        tag (the tagger reads a leader's name opening a headline as a common noun, an
        adjective or a verb as often as not): the first of a headline's list of names
        ("Trump, Putin agree"), the sentence's subject ("Trump threatens ...") or the word
        the parse takes for its verb ("Modi repeals farm laws"), or the modifier of a role
        noun ("Trump administration cuts aid"), not of anything else ("Rice prices")."""
        if not tok.text[:1].isupper():
            return False
        if _listed_first(tok):
            return True
        if tok.dep_ == "ROOT":
            return tok.pos_ in ("PROPN", "NOUN", "VERB")
        if tok.pos_ not in ("PROPN", "NOUN"):
            return False
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        return tok.dep_ == "compound" and tok.head.lemma_.lower() in self.role_words

    def _full_names(self, sdoc: Any) -> FullNames:
        """The story's full names of people by folded surname, each as its other proper
        nouns that are no title ("Ron Vance" -> "vance": [["ron"]]), read once per
        document for :meth:`_someone_else_s`."""
        out: FullNames = {}
        for ent in sdoc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            own = [w for w in (fold(t.text) for t in ent[:-1] if t.pos_ == "PROPN")
                   if w not in self.title_words and w not in self.role_words]
            if own:
                out.setdefault(fold(ent[-1].text), []).append(own)
        return out

    def _someone_else_s(self, word: str, entry_id: str, people: FullNames) -> bool:
        """Whether the story names someone else in full with the one-word alias ``word``
        (folded) as surname: after "Ron Vance, a sergeant", "Vance said" is the sergeant,
        not the politician the alias names. A full name of the entry itself ("Vice
        President JD Vance", or spelt another way: "Yousuf Raza Gilani"), or a title alone
        before the surname, is no one else."""
        given = {w[:3] for w in fold(self.kb.entries[entry_id].name).split()[:-1]}
        return any(not any(w.replace(".", "")[:3] in given for w in own)
                   for own in people.get(word, ()))

    def _inside_longer_name(self, sdoc: Any, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` lie inside a longer named entity of someone or
        something else ("Obama" in "Michelle Obama", "Hilton" in "Paris Hilton"); titles,
        articles and country words the tagger puts inside a name ("President Barack Obama",
        "The Rapid Support Forces", "Jordanian King Abdullah") do not count."""
        root = sdoc[start:end].root
        if root.ent_type_ not in _OTHER_NAME_LABELS:
            return False
        first, last = _entity_bounds(sdoc, root.i)
        if last - first <= end - start:
            return False
        return any(
            (t.i < start or t.i >= end) and t.text[:1].isupper() and t.is_alpha
            and not t.is_stop and t.lower_ not in self.title_parts
            and t.lower_ not in self.lexicon_names
            for t in sdoc[first:last]
        )

    def _titled(self, tok: Any) -> bool:
        return tok.i > 0 and tok.doc[tok.i - 1].lower_ in self.title_words

    def _short(
        self, sdoc: Any, words: list[str], date: str | None, taken: list[NameMatch],
        people: FullNames,
    ) -> list[NameMatch]:
        """Surnames of a person the story names in full, before or after (a headline's
        "Erdogan relents" before the body's "President Tayyip Erdogan"), and surnames
        after a title on the day."""
        covered = {i for m in taken for i in range(m.start, m.end)}
        named = {m.entry.country for m in taken if m.entry.country}
        story: dict[str, str] = {}
        for m in taken:
            rule = m.entry.rule
            if m.entry.kind == "person" and rule.startswith("kb:") and m.end - m.start > 1:
                for word in self._short_forms(words[m.start : m.end]):
                    story.setdefault(word, rule[3:])
        out: list[NameMatch] = []
        leaders: list[NameMatch] = []  # surnames alone of leaders whose country is unnamed
        for i, word in enumerate(words):
            if word not in story and word not in self.surnames \
                    and word not in self._family_first() or i in covered:
                continue
            tok = sdoc[i]
            if not tok.text[:1].isupper() or self._inside_longer_name(sdoc, i, i + 1):
                continue
            seen = story.get(words[i])
            entry_id = seen or self._by_title(tok, words[i], date)
            alone = entry_id is not None and not seen and not self._titled(tok) and (
                code_on(self.kb.entries[entry_id], date).code or "")[:3] not in named
            if alone and entry_id is not None and not self._leader(entry_id, date, words[i]):
                entry_id = None  # a surname alone needs its country named in the story
            if entry_id is not None and not seen \
                    and self._someone_else_s(fold(tok.text), entry_id, people):
                entry_id = None
            if entry_id is not None and (seen or not _read_as_place(tok)):
                match = NameMatch(i, i + 1, entry_for(self.kb.entries[entry_id], date))
                (leaders if alone else out).append(match)
        if named or len({m.entry.country for m in leaders}) > 1:
            out.extend(leaders)  # an international story: one naming a country, or leaders
        return out  # of two countries ("Ardern, Morrison hold talks"); else a namesake

    def _owned(self, sdoc: Any, words: list[str], date: str | None,
               taken: list[NameMatch]) -> list[NameMatch]:
        """A name after its country's possessive, the headline's way of naming a leader
        ("Pakistan's Khan", "North Korea's Kim", "Brazil's Lula"): the one person of the
        name who holds an office of that country on the day, even when the name alone is
        a common surname or a place (the possessive says whose it is)."""
        if not date:
            return []
        covered = {i for m in taken for i in range(m.start, m.end)}
        out = []
        for m in taken:
            if not m.entry.country or m.entry.kind not in _COUNTRY_KINDS:
                continue
            owner = sdoc[m.end - 1]
            if owner.dep_ != "poss":
                continue
            tok = owner.head
            i = tok.i
            if i in covered or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            entry_id = self._holder_of(words[i], m.entry.country, date)
            if entry_id is not None:
                out.append(NameMatch(i, i + 1, entry_for(self.kb.entries[entry_id], date)))
        return out

    def _holder_of(self, word: str, country: str, date: str) -> str | None:
        """The person called ``word`` (surname or one-word alias) holding an office of
        ``country`` on ``date`` (:meth:`_one_holder`)."""
        ids = list(self.surnames.get(word, ()))
        alias = self.table.get((word,))
        if alias is not None and alias not in ids:
            ids.append(alias)
        if word in self.rules.common_surnames:  # a family name written first ("Kim Jong Un")
            ids += [e for e in self._family_first().get(word, ()) if e not in ids]
        return self._one_holder(ids, date, country)

    def _one_holder(self, ids: Iterable[str], date: str, country: str | None = None,
                    ) -> str | None:
        """The one person of ``ids`` holding a dated office on ``date`` (of ``country``,
        when given): of the named offices (head of state or government, foreign minister,
        opposition leader) if one code is held on the day, else of any dated period; None
        when the name stands for more than one code ("Blair" in 2003 is the prime
        minister, not a retired admiral)."""
        named: dict[str, str] = {}
        dated: dict[str, str] = {}
        former: dict[str, str] = {}
        for entry_id in ids:
            entry = self.kb.entries[entry_id]
            coded = code_on(entry, date)
            period = coded.period
            if not entry.person or country is not None and (coded.code or "")[:3] != country:
                continue
            if period is None or not period.dated:
                if coded.code and self._lately_left(entry, date):
                    former.setdefault(coded.code, entry_id)
                continue
            dated.setdefault(coded.code or "", entry_id)
            if period.office:
                named.setdefault(coded.code or "", entry_id)
        for holders in (named, dated, former):
            if holders:
                return next(iter(holders.values())) if len(holders) == 1 else None
        return None

    def _leader(self, entry_id: str, date: str | None, word: str) -> bool:
        """Whether a surname alone may stand for the entry in a story that does not name
        its country: a head of state or government that day (``leader_offices``), whom
        international news names by surname alone, by the last word of the name itself
        or a common family name written first ("Moon" of "Moon Jae-in"), not by a word
        of an alias ("Assad government" makes no one "Government"). The caller asks
        that the story be international (:meth:`_short`)."""
        entry = self.kb.entries[entry_id]
        coded = code_on(entry, date)
        return coded.period is not None and coded.period.dated \
            and fold(coded.period.office) in self.rules.leader_offices \
            and word in self._short_forms(fold(entry.name).split())

    def _lately_left(self, entry: KbEntry, date: str) -> bool:
        """Whether the person left a dated office less than ``former_years`` before
        ``date`` (one who left office is named alone for a while)."""
        day = date[:10]
        ends = [p.end for p in entry.periods if p.dated and p.end and p.office and p.end < day]
        return bool(ends) and int(day[:4]) - int(max(ends)[:4]) <= self.rules.former_years

    def _family_first(self) -> dict[str, list[str]]:
        """People by the first word of their name when it is a common family name ("kim"
        -> Kim Jong Un, Kim Yo Jong, ...), built on first use."""
        if self._first is None:
            first: dict[str, list[str]] = {}
            for entry_id, entry in self.kb.entries.items():
                words = fold(entry.name).split()
                if entry.person and len(words) > 1 and words[0] in self.rules.common_surnames:
                    first.setdefault(words[0], []).append(entry_id)
            self._first = first
        return self._first

    def _short_forms(self, words: list[str]) -> list[str]:
        """The words a full name is later shortened to: its last word, and a common family
        name written first ("Wang" of "Wang Yi", "Kim" of "Kim Jong Un")."""
        forms = [w for w in words[:-1] if w in self.rules.common_surnames]
        last = words[-1]
        return forms + ([last] if last not in self.rules.particles else [])

    def _by_title(self, tok: Any, word: str, date: str | None) -> str | None:
        """ "President Macron", and a surname reporters write alone for a leader in office
        ("Macron rejects the German plan", as PETRARCH codes leaders by surname): the one
        office holder on the day with that surname (the caller asks a surname alone for
        its country in the story)."""
        if not date or not (self._titled(tok) or _named_alone(tok)):
            return None
        # a common surname alone is too many people ("Khan"), unless written first, as a
        # family name is ("President Moon": Moon Jae-in, if he alone holds an office)
        ids = self._family_first().get(word, []) if word in self.rules.common_surnames \
            else self.surnames.get(word, [])
        return self._one_holder(ids, date)


#: Lexicon entries that name a country itself, as a possessor ("Pakistan's Khan").
_COUNTRY_KINDS = frozenset({"name", "capital"})


def _named_alone(tok: Any) -> bool:
    """Whether a capitalised word alone reads as a person's name: the tagger says so, or
    it is a proper noun that is the subject, object or possessor of its clause (the tagger
    often reads a surname opening a sentence or a headline as an organisation, or as a
    common noun: "Musharraf sacks the chief justice")."""
    if tok.ent_type_ == "PERSON":
        return True
    if tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper():
        return False
    return tok.ent_type_ in ("", "ORG") and tok.dep_ in _ALONE_DEPS


def _listed_first(tok: Any) -> bool:
    """Whether a word is followed by a comma and another capitalised word: a headline's
    list of the actors of its verb ("Ardern, Morrison hold talks"), whose first name the
    parse hangs anywhere."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ",":
        return False
    after = doc[tok.i + 2]
    return after.text[:1].isupper() and after.is_alpha


def _read_as_place(tok: Any) -> bool:
    """Whether the tagger's place label on a one-word name stands: the word is a place
    the gazetteer knows ("Chad", a township called Clinton). A leader's surname the tagger
    takes for a place ("Erdogan slams the plan") is no place anywhere, and stays a name."""
    if tok.ent_type_ not in _PLACE_LABELS:
        return False
    # called as the places stage calls it, so that a process holds one gazetteer
    return bool(load_gazetteer(DEFAULT_DATASET).lookup(tok.text))


def _entity_bounds(sdoc: Any, i: int) -> tuple[int, int]:
    """The token span of the named entity covering token ``i`` (walked, not searched)."""
    first = i
    while first > 0 and sdoc[first].ent_iob_ == "I":
        first -= 1
    last = i + 1
    while last < len(sdoc) and sdoc[last].ent_iob_ == "I":
        last += 1
    return first, last


def _overlaps_user(match: NameMatch, lexical: list[NameMatch]) -> bool:
    """A user dictionary's actor wins over any knowledge-base entry it overlaps."""
    return any(m.entry.rule.startswith(("dictionary:", "petrarch:"))
               and m.start < match.end and match.start < m.end for m in lexical)


def _longest(first: list[NameMatch], second: list[NameMatch]) -> list[NameMatch]:
    """Non-overlapping matches, the longest first; at equal length ``first`` wins."""
    ranked = sorted(
        [(m, 0) for m in first] + [(m, 1) for m in second],
        key=lambda p: (-(p[0].end - p[0].start), p[1], p[0].start),
    )
    taken: set[int] = set()
    out = []
    for match, _ in ranked:
        span = range(match.start, match.end)
        if not taken.intersection(span):
            taken.update(span)
            out.append(match)
    return out
