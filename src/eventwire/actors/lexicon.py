"""The actor lexicon: countries, organisations and role nouns, read from data files.

Why precompiled tables: the actor stage looks at every noun of every sentence, so every
lookup must be a dict access keyed by a lower-cased lemma, and multi-word names are found
in one pass by spaCy's ``PhraseMatcher``. Nothing here scans the lexicon per token.

Names (countries, capitals, organisations, users' actors) become :class:`NameEntry` objects
keyed by their lower-cased text; role nouns become tuples of lemmas mapped to role codes.
User dictionaries are applied on top (see :mod:`eventwire.actors.dictionaries`), later
entries overriding earlier ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from eventwire.config import load_yaml
from eventwire.errors import Errors
from eventwire.places.succession import state_on

__all__ = ["CAMEO_COUNTRIES", "NameEntry", "Period", "ActorLexicon", "load_builtin", "iso_code",
           "split_code", "word_list", "number_words", "ROLE_CODES"]

#: CAMEO role (sector) codes that may follow a country code.
# fmt: off
ROLE_CODES = frozenset((
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "REF", "BUS", "MED", "EDU", "NGO",
    "IGO", "CVL", "LAB", "HLH", "REL", "SPY", "ELI", "CRM", "AGR", "UAF", "MOD", "RAD",
    "PTY", "INS", "SEP", "IMG", "UNK", "MNC", "MOS", "CHR", "JEW", "BUD", "HIN", "SIK",
))
# fmt: on


@dataclass(frozen=True, slots=True)
class Period:
    """A date-restricted code: ``code`` applies from ``start`` to ``end`` (ISO, inclusive)."""

    code: str
    start: str | None = None
    end: str | None = None

    def covers(self, date: str) -> bool:
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What a name stands for.

    ``kind`` says how the name may be used: ``name`` (a country's name), ``adj`` (adjective
    or singular demonym), ``plural`` (plural demonym), ``capital`` (metonymy only in
    argument positions), ``org`` (an organisation), ``actor`` (a user's actor).
    """

    kind: str
    country: str | None
    sectors: tuple[str, ...] = ()
    code: str | None = None
    periods: tuple[Period, ...] = ()
    rule: str = ""

    def at(self, date: str | None) -> NameEntry:
        """The entry as coded on ``date``: the first period covering it wins. A capital
        of a state not yet independent then is a town of its predecessor ("Juba" in 1995
        is Sudan's, and no seat of government: :func:`eventwire.places.succession.state_on`).
        The state's own name and demonyms keep its code: a story that names the nation
        ("Montenegrin officials" in 2003) is coded as that nation."""
        if not date:
            return self
        for period in self.periods:
            if period.covers(date):
                country, sectors = split_code(period.code)
                return NameEntry(self.kind, country, sectors, period.code, (), self.rule)
        if self.kind != "capital":
            return self
        held = state_on(self.country, date)
        if held == self.country or held is None:
            return self
        return NameEntry("name", held, self.sectors, None, (), self.rule)


@dataclass
class ActorLexicon:
    """All actor knowledge, as lookup tables."""

    names: dict[str, NameEntry] = field(default_factory=dict)
    originals: dict[str, str] = field(default_factory=dict)
    roles: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    capitalised: dict[str, tuple[str, ...]] = field(default_factory=dict)
    titles: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    transparent: frozenset[str] = frozenset()
    #: Nouns that name their owner's country ("his country", "their homeland").
    home_nouns: frozenset[str] = frozenset()
    individuals: frozenset[str] = frozenset()
    default_roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    persons: frozenset[str] = frozenset()
    #: The role of a people noun that refers back to no one ("a man" is a civilian).
    people_roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Role nouns that give way to a modifier's role ("army officer" is military).
    yielding: frozenset[str] = frozenset()
    #: Numbers that stand for people when plural and alone ("thousands marched").
    crowds: frozenset[str] = frozenset()
    #: Verbs whose object number is money ("cost thousands").
    money_verbs: frozenset[str] = frozenset()
    #: Role codes of a faith, written after the sector ("MILMOS").
    faiths: frozenset[str] = frozenset()
    refugee_cues: frozenset[str] = frozenset()
    #: Words that make a holder of an office a former one ("former", "ousted"), the
    #: sectors of those offices, and the role a former holder has (CAMEO's elites).
    former_words: frozenset[str] = frozenset()
    office_sectors: frozenset[str] = frozenset()
    former_role: tuple[str, ...] = ()
    max_role_len: int = 1
    #: For each last word of a role phrase, the longest phrase ending with it.
    role_ends: dict[str, int] = field(default_factory=dict)
    #: Nouns of acts whose modifier acts ("an Israeli air strike"), with the role implied.
    agent_nouns: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    #: Words that make a modifier the leader ("NATO-led"), and roles of led nouns.
    led_words: frozenset[str] = frozenset()
    led_roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Words that make a modifier a backer, not the phrase's country ("Iran-backed").
    backer_words: frozenset[str] = frozenset()
    #: Words that make a modifier the phrase's owner ("British-flagged", "Chinese-owned").
    owner_words: frozenset[str] = frozenset()

    @cached_property
    def nouns(self) -> frozenset[str]:
        """Every one-word noun the lexicon knows (read once the lexicon is complete)."""
        return frozenset(self.role_ends) | self.transparent | self.persons | self.home_nouns

    def add_name(self, text: str, entry: NameEntry) -> None:
        """Add or override a name (later additions win)."""
        text = " ".join(text.split())
        if text:
            self.names[text.lower()] = entry
            self.originals[text.lower()] = text

    def add_role(self, words: tuple[str, ...], sectors: tuple[str, ...]) -> None:
        if words:
            self.roles[words] = sectors
            self.max_role_len = max(self.max_role_len, len(words))
            self.role_ends[words[-1]] = max(self.role_ends.get(words[-1], 0), len(words))


#: CAMEO country codes that are not the ISO 3166 code eventwire writes for that country
#: (the Phoenix dictionaries write Kosovo as the World Bank's KSV and East Timor as TMP):
#: read as the ISO code, so that one country has one code whoever names it.
CAMEO_COUNTRIES = {"KSV": "XKX", "TMP": "TLS"}


def iso_code(code: str) -> str:
    """``code`` with its CAMEO country written as eventwire writes it (``KSVGOV`` ->
    ``XKXGOV``): what a dictionary's period codes are read as."""
    head = CAMEO_COUNTRIES.get(code[:3])
    return head + code[3:] if head else code


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """Split a CAMEO actor code into its country and role codes.

    ``CHNCOP`` -> (``CHN``, (``COP``,)); ``IGOUNO`` -> (None, (``IGO``,)); ``COP`` ->
    (None, (``COP``,)); ``KSVGOV`` -> (``XKX``, (``GOV``,)) (see ``CAMEO_COUNTRIES``).
    Codes from other dictionaries ("ARN") keep their first three letters as the country.
    """
    code = code.strip().upper()
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return None, ()
    if chunks[0] in ("IGO", "NGO"):
        return None, (chunks[0],) + tuple(c for c in chunks[2:] if c in ROLE_CODES)
    if chunks[0] in ROLE_CODES:
        return None, tuple(chunks)
    return CAMEO_COUNTRIES.get(chunks[0], chunks[0]), tuple(chunks[1:])


def _read_yaml(name: str) -> Any:
    path = resources.files("eventwire") / "data" / "actors" / name
    try:
        return load_yaml(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise Errors.E225.error(name=name, reason=exc, stage="actors") from exc


@cache
def _word_lists() -> dict[str, Any]:
    data = _read_yaml("words.yaml")
    return data if isinstance(data, dict) else {}


def _word_entry(name: str) -> Any:
    data = _word_lists()
    if name not in data:
        raise Errors.E228.error(file="data/actors/words.yaml", name=name,
                                known=", ".join(data), stage="actors")
    return data[name]


@cache
def word_list(name: str) -> frozenset[str]:
    """One word list of ``data/actors/words.yaml`` (pronouns, prepositions, honorifics).

    Why by name from a data file: the rules' vocabulary is read and extended there, not in
    the code; a name the file lacks raises, since a misspelt list would match nothing and
    switch its rule off without a word.
    """
    return frozenset(str(w).lower() for w in _word_entry(name) or ())


@cache
def divided_countries() -> tuple[tuple[str, ...], ...]:
    """The halves' names of each divided country ("north korea", "south korea")."""
    return tuple(tuple(str(n).lower() for n in names)
                 for names in _word_entry("divided_countries") or ())


@cache
def number_words() -> dict[str, int]:
    """Number words a phrase's count is read from ("five North Koreans"), with values."""
    return {str(k).lower(): int(v) for k, v in (_word_entry("number_words") or {}).items()}


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


def _add_countries(lex: ActorLexicon, countries: dict[str, Any]) -> None:
    for iso3, info in countries.items():
        # Later kinds win where one text is several: "U.S." is a name before an adjective.
        kinds = (
            ("plural", "demonyms"),
            ("adj", "adjectives"),
            ("capital", "capitals"),
            ("name", "names"),
        )
        for kind, key in kinds:
            for text in info.get(key) or []:
                lex.add_name(text, NameEntry(kind, iso3, rule=f"country:{iso3}:{kind}"))


def _add_orgs(lex: ActorLexicon, orgs: dict[str, Any]) -> None:
    for key, info in orgs.items():
        kind = info.get("type", "IGO")
        code = kind + str(info.get("code", key))
        _, sectors = split_code(code)
        sectors = tuple(dict.fromkeys(sectors + tuple(info.get("sectors") or [])))
        full = code + "".join(s for s in sectors if s not in code)
        entry = NameEntry("org", None, sectors, full, rule=f"org:{key}")
        for text in info.get("names") or []:
            lex.add_name(text, entry)


def _add_groups(lex: ActorLexicon, groups: dict[str, Any]) -> None:
    for code, names in groups.items():
        country, sectors = split_code(code)
        entry = NameEntry(
            "org" if country is None else "name", country, sectors, code, rule=f"group:{code}"
        )
        for text in names or []:
            lex.add_name(text, entry)


def _add_roles(lex: ActorLexicon, data: dict[str, Any]) -> None:
    for code, nouns in (data.get("roles") or {}).items():
        for noun in nouns:
            lex.add_role(_words(noun), (code,))
    for code, words in (data.get("capitalised") or {}).items():
        for word in words:
            lex.capitalised[word] = (code,)
    for code, titles in (data.get("titles") or {}).items():
        for title in titles:
            lex.titles.setdefault(_words(title), (code,))
    lex.transparent = frozenset(data.get("transparent") or [])
    lex.home_nouns = frozenset(data.get("home_nouns") or [])
    for code, nouns in (data.get("default_roles") or {}).items():
        for noun in nouns:
            lex.default_roles[noun] = (code,)
    lex.persons = frozenset(data.get("persons") or [])
    for code, nouns in (data.get("people_roles") or {}).items():
        for noun in nouns:
            lex.people_roles[noun] = (code,)
    lex.individuals = frozenset(data.get("individuals") or [])
    lex.yielding = frozenset(data.get("yielding") or [])
    lex.faiths = frozenset(data.get("faiths") or [])
    lex.crowds = frozenset(data.get("crowds") or [])
    lex.money_verbs = frozenset(data.get("money_verbs") or [])
    lex.refugee_cues = frozenset(data.get("refugee_cues") or [])
    former = data.get("former") or {}
    lex.former_words = frozenset(former.get("words") or [])
    lex.office_sectors = frozenset(former.get("offices") or [])
    lex.former_role = tuple(former.get("role") or ())
    _add_agency(lex, data)


def _add_agency(lex: ActorLexicon, data: dict[str, Any]) -> None:
    """Who acts in a phrase: agent nouns, "X-led" and "X-backed" words."""
    for code, nouns in (data.get("agent_nouns") or {}).items():
        role = () if code == "own" else (code,)
        for noun in nouns:
            lex.agent_nouns[_words(noun)] = role
    lex.led_words = frozenset(data.get("led_words") or [])
    for code, nouns in (data.get("led_roles") or {}).items():
        for noun in nouns:
            lex.led_roles[noun] = (code,)
    lex.backer_words = frozenset(data.get("backer_words") or [])
    lex.owner_words = frozenset(data.get("owner_words") or [])


def load_builtin() -> ActorLexicon:
    """The lexicon shipped with eventwire (countries, organisations, roles)."""
    lex = ActorLexicon()
    _add_countries(lex, _read_yaml("countries.yaml") or {})
    _add_orgs(lex, _read_yaml("igos.yaml") or {})
    _add_groups(lex, _read_yaml("groups.yaml") or {})
    _add_roles(lex, _read_yaml("roles.yaml") or {})
    return lex
