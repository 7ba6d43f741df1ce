"""The event lexicon: trigger entries, indexed by lemma, and the word lists of mood.

Why a data file and an index: coders fix codes by editing ``lexicon.yaml`` (or their
own dictionary), never the code; lookups are by lemma so that matching a sentence costs
one dictionary access per token.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.config import load_yaml
from eventwire.errors import Errors

__all__ = ["TriggerEntry", "EventLexicon", "load_lexicon", "builtin_lexicon", "user_lexicon",
           "word_list", "STATEMENT"]

_WORD_LISTS = ("destination_nouns", "time_clause_words", "light_verbs", "irrealis",
               "reporting", "modals", "future", "habitual",
               "conditional", "pending", "negations", "intent_governors", "obligation",
               "modifier_doers", "generic_subjects", "instrument_nouns", "subject_control",
               "act_nouns", "travel_verbs", "destination_preps", "place_preps",
               "topic_preps", "member_nouns", "mutual_codes", "span_bounds", "hearsay_nouns",
               "hearsay_verbs", "unconfirmed", "natural_forces", "mishaps", "patient_nouns",
               "state_verbs", "crowd_nouns", "directive_verbs", "leave_words", "joint_codes",
               "ordered_roots", "occasion_preps", "spell_nouns", "reciprocals",
               "enforcement_raids", "enforcement_sectors", "mutual_entries", "joint_games",
               "game_objects", "back_from_verbs", "talk_nouns", "deployed_forces",
               "carrying_on_particles", "commentator_nouns",
               "recurring", "force_codes", "force_sectors", "joint_adverbs",
               "joint_modifiers", "joint_not", "measure_nouns",
               "home_sectors", "away_roots", "vow_verbs", "harm_words",
               "noncommittal", "crowd_groups", "labour_strikes", "civilian_sectors",
               "reaction_verbs", "reaction_roots", "reaction_preps", "request_of_nouns",
               "attributive_participles", "fact_marks", "confirm_verbs",
               "question_openers", "abroad_nouns", "hearsay_passives",
               "purpose_verbs", "complaint_verbs", "official_sectors", "intent_nouns",
               "own_force_codes", "body_sectors", "vague_attacks",
               "fight_occasion_preps", "cancel_verbs", "rank_words",
               "warning_verbs", "doer_in_nouns",
               "off_verbs",
               "ending_verbs", "armed_sectors", "irrealis_phrasal", "stateless_sectors",
               "object_control_preps", "negative_subjects", "third_party_codes",
               "kind_nouns", "home_people", "speech_participles",
               "irrealis_determiners", "gap_units", "gap_marks",
               "schedule_verbs", "habitual_verbs")


DEFAULT_TARGET_PREPS = ("to", "with", "against", "on")


def _word(value: Any) -> str:
    """A YAML scalar as a word: YAML 1.1 reads a bare ``on`` as True. A bare ``off``,
    ``no`` or ``false`` reads as False, and which word it was is lost: that is an error
    (quote the word), never a constraint silently dropped."""
    if value is True:
        return "on"
    if value is False:
        raise ValueError("a bare off, no or false is read as false: quote the word")
    return str(value).lower()


def _words(values: Any) -> frozenset[str]:
    return frozenset(_word(v) for v in values or ())


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One trigger pattern: a lemma with the constraints that make it code ``cameo``."""

    id: str
    cameo: str
    lemma: str
    pos: str = "verb"
    modifier: tuple[str, ...] = ()
    prt: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    intent: str | None = None
    opaque: bool = False
    target: tuple[str, ...] = DEFAULT_TARGET_PREPS
    require: frozenset[str] = frozenset()
    negated: str | None = None

    @property
    def complement_target(self) -> bool:
        """The complement's subject is the target: "allowed them to leave" (not "denied
        that they left", an entry taking any clause with ``xcomp: ["*"]``)."""
        return bool(self.xcomp) and "*" not in self.xcomp

    @property
    def specificity(self) -> int:
        """How constrained the entry is: the most specific matching entry wins."""
        return (
            2 * bool(self.objects) + 2 * bool(self.xcomp) + bool(self.prt) + bool(self.prep)
            + len(self.modifier)
        )


@dataclass
class EventLexicon:
    """Entries by (pos, head lemma), plus the word lists the mood checks use."""

    by_key: dict[tuple[str, str], list[TriggerEntry]] = field(
        default_factory=lambda: defaultdict(list))
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    threat_codes: dict[str, str] = field(default_factory=dict)
    directive_readings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    joint_domains: dict[str, frozenset[str]] = field(default_factory=dict)
    _opaque: tuple[object, frozenset[str]] | None = field(default=None, repr=False,
                                                         compare=False)

    def add(self, entry: TriggerEntry) -> None:
        self.by_key[(entry.pos, entry.lemma)].append(entry)
        self._opaque = None

    def lookup(self, pos: str, lemma: str) -> list[TriggerEntry]:
        return self.by_key.get((pos, lemma), [])

    def without(self, ids: frozenset[str]) -> EventLexicon:
        """A copy without the entries ``ids``: an entry a setting turns off is then not
        matched at all, rather than matched and dropped (``say`` is in most sentences)."""
        out = self.empty_copy()
        for key, entries in self.by_key.items():
            kept = [e for e in entries if e.id not in ids]
            if kept:
                out.by_key[key] = kept
        return out

    def empty_copy(self) -> EventLexicon:
        """A lexicon with this one's word lists and tables, and no entries."""
        return EventLexicon(words=dict(self.words), threat_codes=dict(self.threat_codes),
                            directive_readings=dict(self.directive_readings),
                            joint_domains=dict(self.joint_domains))

    def word_list(self, name: str) -> frozenset[str]:
        """A word list of the mood checks; a misspelt name raises rather than match nothing."""
        found = self.words.get(name)
        if found is not None:
            return found
        if name not in _WORD_LISTS:
            raise Errors.E228_events.error(name=name, known=", ".join(_WORD_LISTS))
        return frozenset()

    def lists_code(self, name: str, code: str) -> bool:
        """Whether a CAMEO code, or its first three digits, is in the code list ``name``
        (``mutual_codes``, ``joint_codes``)."""
        codes = self.word_list(name)
        return code in codes or code[:3] in codes

    @property
    def opaque_lemmas(self) -> frozenset[str]:
        """Verbs whose complement is content, not an event: lexicon ones and irrealis.
        Kept until an entry is added or the irrealis list replaced: the mood checks ask for
        it for every candidate, and building it walks the whole lexicon."""
        irrealis = self.word_list("irrealis")
        if self._opaque is None or self._opaque[0] is not irrealis:
            own = {e.lemma for entries in self.by_key.values() for e in entries if e.opaque}
            self._opaque = (irrealis, frozenset(own) | irrealis)
        return self._opaque[1]


def _entries(raw: dict[str, Any]) -> list[TriggerEntry]:
    out = []
    for lemma in raw["lemmas"]:
        words = str(lemma).lower().split()
        target = raw.get("target")
        out.append(
            TriggerEntry(
                id=str(raw["id"]),
                cameo=str(raw["cameo"]),
                lemma=words[-1],
                pos=str(raw.get("pos", "verb")),
                modifier=tuple(words[:-1]),
                prt=_word(raw["prt"]) if raw.get("prt") is not None else None,
                prep=_word(raw["prep"]) if raw.get("prep") is not None else None,
                objects=_words(raw.get("objects")),
                not_objects=_words(raw.get("not_objects")),
                xcomp=_words(raw.get("xcomp")),
                intent=raw.get("intent"),
                opaque=bool(raw.get("opaque", False)),
                target=tuple(_word(t) for t in target) if target else DEFAULT_TARGET_PREPS,
                require=frozenset(raw.get("require") or ()),
                negated=str(raw["negated"]) if raw.get("negated") else None,
            )
        )
    return out


def parse_lexicon(data: dict[str, Any], origin: str) -> EventLexicon:
    """Build a :class:`EventLexicon` from the YAML structure of ``lexicon.yaml``."""
    lex = EventLexicon()
    try:
        for raw in data.get("entries") or []:
            for entry in _entries(raw):
                lex.add(entry)
        for name in _WORD_LISTS:
            lex.words[name] = _words(data.get(name))
        lex.threat_codes = {str(k): str(v) for k, v in (data.get("threat_codes") or {}).items()}
        lex.directive_readings = {str(k): tuple(str(w).lower() for w in v)
                                  for k, v in (data.get("directive_readings") or {}).items()}
        lex.joint_domains = {str(k): _words(v)
                             for k, v in (data.get("joint_domains") or {}).items()}
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise Errors.E231.error(origin=origin, reason=exc) from exc
    return lex


def load_lexicon(path: str | Path) -> EventLexicon:
    """Read an event lexicon in eventwire's YAML format from a file."""
    try:
        data = load_yaml(Path(path).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise Errors.E232.error(path=path, reason=exc) from exc
    return parse_lexicon(data or {}, str(path))


def user_lexicon(path: str | Path, base: EventLexicon) -> EventLexicon | None:
    """The ``events:`` section of a user YAML dictionary on top of ``base``, or None.

    User entries come first, so that they win ties with built-in entries; the word lists
    of the mood checks stay the built-in ones. Dictionaries without an ``events:`` section
    (actor dictionaries) are left to the other stages.
    """
    try:
        data = load_yaml(Path(path).read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise Errors.E232_user.error(path=path, reason=exc) from exc
    if not isinstance(data, dict) or not data.get("events"):
        return None
    own = parse_lexicon({"entries": data["events"]}, str(path))
    merged = base.empty_copy()
    for key in set(own.by_key) | set(base.by_key):
        merged.by_key[key] = list(own.by_key.get(key, [])) + list(base.by_key.get(key, []))
    return merged


_BUILTIN: EventLexicon | None = None
_QUIET: EventLexicon | None = None

#: The entry of plain statements ("said"), which ``stages.events.statements`` turns on.
STATEMENT = "make_statement"


def builtin_lexicon(statements: bool = True) -> EventLexicon:
    """The lexicon shipped with eventwire (read once per process); ``statements=False``:
    without its plain statements, one copy per process too. Why one object: a token's
    lexicon match is worked out once per document and lexicon (``ActorLink.match``), and
    the rules and the trained model of the hybrid coder read the same one."""
    global _BUILTIN, _QUIET
    if _BUILTIN is None:
        text = resources.files("eventwire.data.events").joinpath("lexicon.yaml").read_text("utf-8")
        _BUILTIN = parse_lexicon(load_yaml(text), "lexicon.yaml (built-in)")
    if statements:
        return _BUILTIN
    if _QUIET is None:
        _QUIET = _BUILTIN.without(frozenset({STATEMENT}))
    return _QUIET


def word_list(name: str) -> frozenset[str]:
    """A word list of the built-in lexicon, for rules that read the parse without a
    lexicon at hand (arguments, place context); an unknown name raises."""
    return builtin_lexicon().word_list(name)
