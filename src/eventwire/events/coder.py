"""From the sentences of a parsed document to coded events with their provenance.

Why in this order: match triggers (what), check mood (did it happen), find arguments
(who to whom), expand coordination (one event per actor pair), then code (CAMEO ->
root, QuadClass, Goldstein, PLOVER). Each step is a pure function of the parse, so the
same code serves the built-in lexicon and PETRARCH dictionaries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Protocol

from spacy.tokens import Span, Token

from eventwire.events.actorlink import ActorLink, actors_for
from eventwire.events.arguments import (
    Arguments,
    conditions_of,
    content_targets,
    holder_of,
    owned,
    recipient_of,
    reciprocal,
    subject_of,
    target_alternatives,
)
from eventwire.events.context import place_target, with_country
from eventwire.events.lexicon import STATEMENT, EventLexicon, TriggerEntry
from eventwire.events.matching import (
    JOINT_ACT,
    Match,
    best_entry,
    done_together,
    lemma_keys,
    lookup,
    match_arguments,
    object_lemmas,
)
from eventwire.events.mood import Mood, content_governor, is_conditional, is_negated, mood_of
from eventwire.events.ontology import Ontology, load_ontology
from eventwire.events.timecues import background, sentence_times
from eventwire.model import ActorMention, Document, Event, EventActor, Plover
from eventwire.settings import AtLeast

__all__ = ["Settings", "EventCandidate", "code_document", "rule_candidates", "Found", "Matcher",
           "finish_events", "one_per_act", "one_purpose", "one_violent_act", "protest_demands",
           "confidence_of",
           "tabular"]


class Matcher(Protocol):
    """Anything that proposes candidate events for a sentence (built-in, PETRARCH)."""

    def candidates(self, sent: Span, link: ActorLink) -> list[EventCandidate]: ...


@dataclass(frozen=True, slots=True)
class Settings:
    """The ``stages.events`` settings, typed; the events stage's settings model.

    ``require_actor: auto`` is "both" when only PETRARCH dictionaries code (their
    require_dyad default), else "any"; the stage resolves it, and the coder reads an
    unresolved "auto" as "any". ``petrarch`` says whether a ``petrarch:DIR`` dictionary
    replaces the built-in lexicon or is added to it. ``coder`` picks who decides: the
    lexicon rules, the trained model (``model``: its folder, the shipped one when null),
    both (``hybrid``: the rules, and the model's events of at least ``learned_min``
    confidence at words no rule codes; :mod:`eventwire.events.hybrid`) or PETRARCH
    dictionaries alone. Events below ``min_confidence`` are not kept, nor,
    unless ``keep_background``, acts their own clause dates more than 14 months before the
    document (:func:`eventwire.events.timecues.background`).
    """

    max_events_per_sentence: Annotated[int, AtLeast(1)] = 12
    keep_negated: bool = False
    keep_hypothetical: bool = False
    require_actor: Literal["auto", "none", "any", "both"] = "auto"
    petrarch: Literal["replace", "add"] = "replace"
    coder: Literal["rules", "learned", "hybrid", "petrarch"] = "rules"
    model: str | None = None
    learned_min: Annotated[float, AtLeast(0.0)] = 0.6
    min_confidence: Annotated[float, AtLeast(0.0)] = 0.0
    keep_background: bool = False
    statements: bool = False


@dataclass(slots=True)
class EventCandidate:
    """An event before numbering: code, trigger, actors, flags and rule."""

    cameo: str
    trigger: Token
    clause: Token
    source: EventActor
    target: EventActor
    rule: str
    negated: bool = False
    hypothetical: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


#: The kept candidates of each sentence that is not a table: (sentence, its index, them).
Found = list[tuple[Span, int, list[EventCandidate]]]


def _coded(actor: EventActor) -> bool:
    return bool(actor.code or actor.country)


def _named(actor: EventActor) -> bool:
    """An actor with a country or an organisation code, not a bare sector ("GOV")."""
    return bool(actor.country) or len(actor.code or "") >= 6


def _actor_ok(cand: EventCandidate, settings: Settings) -> bool:
    src, tgt = _coded(cand.source), _coded(cand.target)
    if settings.require_actor == "both":
        return _named(cand.source) and _named(cand.target)
    if settings.require_actor in ("any", "auto"):
        return src or tgt
    return bool(cand.source.text or cand.target.text)


def _side(link: ActorLink, tok: Token | None) -> list[EventActor]:
    """The actors an argument names, with their sentence's country where they lack one."""
    if tok is None:
        return [EventActor()]
    return [with_country(a, link.doc, tok.sent) for a in actors_for(link, tok)]


def _where(target: Token | None, lex: EventLexicon) -> bool:
    """Whether a target is named after a place preposition ("a strike in Mali"): where
    the act was done more than to whom."""
    return target is not None and target.dep_ == "pobj" \
        and target.head.lower_ in lex.word_list("place_preps")


def _placed(src: EventActor, tgt: EventActor, place: EventActor | None) -> EventActor:
    """The place's country as target, unless it is the source itself."""
    return place if place is not None and place.code != src.code else tgt


#: CAMEO 13 "threaten": aimed at whom its condition names ("threatened war if X ...").
_THREAT = "13"

#: CAMEO's "make a visit" and "provide aid": done to the country they go to.
_VISIT = "042"
_AID = "07"


def is_mutual(code: str, lex: EventLexicon) -> bool:
    """Whether a CAMEO code is an act done with one another (``mutual_codes`` of the
    lexicon: "signed a pact", "held talks"), not one done to someone else ("visited",
    "mediated", "sent aid"). Not a fight by its code: "police and reservists launched an
    operation" fight a third party; the entries that name fighting one another ("clashed",
    "exchanged fire") are listed by id in ``mutual_entries``."""
    return lex.lists_code("mutual_codes", code)


def _pairs(link: ActorLink, args: Arguments, mutual: bool = False, joint: bool = False,
           said: bool = False) -> list[tuple[EventActor, EventActor]]:
    """(source, target) of each event: one per source and target. With ``mutual`` (an act
    done with one another), coordinated sources with no actor as target act on each other:
    "Japan and India signed a pact" is JPN -> IND and IND -> JPN, as a careful coder reads
    it, not two events with no target. With ``joint`` (an act both sides do whenever one
    does it with the other: ``joint_codes``), a source and its target act both ways."""
    sources, targets = _side(link, args.source), _listed(_side(link, args.target))
    no_target = args.target is None or link.mention(args.target) is None
    if (mutual and no_target or reciprocal(args.target)) and len(sources) > 1:
        return [(a, b) for a in sources for b in sources
                if a is not b and (a.code or a.text) != (b.code or b.text)]
    out = []
    for src in sources:
        others = [(src, tgt) for tgt in targets if not (src.code and src.code == tgt.code)]
        # an actor acting on itself is a coding accident; a statement about oneself
        # ("warned it would retaliate": "it" is the speaker) stays, with no target
        out.extend(others or ([(src, EventActor())] if said else []))
    if joint and not no_target:  # "Pence held talks with Erdogan": Erdogan did too
        out += [(tgt, src) for src, tgt in out if _two_sides(src, tgt)]
    return out


def _where_together(args: Arguments, lex: EventLexicon) -> bool:
    """Whether coordinated doers of an act done with one another have only a place after
    a place preposition, or a topic, as target ("cooperate in Syria", "clashed in
    Tripoli", "signed a deal on the return of Rohingya refugees"): the place is where
    they act on each other, the topic what about, not whom."""
    target, source = args.target, args.source
    while target is not None and target.dep_ in {"compound", "amod", "nmod", "poss"}:
        target = target.head  # "Rohingya" in "Rohingya refugees": the phrase's place
    return target is not None and source is not None and bool(source.conjuncts) \
        and target.dep_ == "pobj" and target.head.lower_ in (
            lex.word_list("place_preps") | lex.word_list("topic_preps"))


def at_home(src: EventActor, tgt: EventActor, code: str, lex: EventLexicon) -> EventActor:
    """A target named by its role alone ("the opposition", "rebel leaders") that a state's
    organ acts on (``home_sectors``) is of that state, when the sentence does not say
    otherwise: "the Philippine government freed two rebel leaders" frees Philippine
    rebels. So are people named by no role (``home_people``: "pardoned 300
    prisoners"). Not for force and shows of force (``away_roots``), which cross borders,
    nor for a country's posts abroad (``abroad_nouns``): "summoned the ambassador" is a
    foreign one."""
    if not tgt.code and _home_people(tgt, lex) and src.country \
            and code[:2] not in lex.word_list("away_roots") \
            and _in_sectors(src, lex, "home_sectors"):
        return EventActor(tgt.text, src.country, src.country, [], tgt.resolved)
    if tgt.country or not tgt.sectors or len(tgt.code or "") > 3 * len(tgt.sectors):
        return tgt
    if {s.lower() for s in tgt.sectors} <= lex.word_list("stateless_sectors"):
        return tgt  # "detained 40 migrants": from elsewhere, unless the text says whence
    last = (tgt.text or "").split()[-1:] or [""]
    if {last[0].lower(), last[0].lower().removesuffix("s")} & lex.word_list("abroad_nouns"):
        return tgt
    if not src.country or code[:2] in lex.word_list("away_roots") \
            or not _in_sectors(src, lex, "home_sectors"):
        return tgt
    return EventActor(tgt.text, src.country + "".join(tgt.sectors), src.country,
                      list(tgt.sectors), tgt.resolved)


def _own_ranks(src: EventActor, tgt: EventActor) -> bool:
    """Whether a target is of the source's own body: its country and no sector it lacks
    ("police commanders" and "officers")."""
    return tgt.code == src.code or (tgt.country == src.country and bool(tgt.sectors)
                                    and set(tgt.sectors) <= set(src.sectors))


def _home_people(tgt: EventActor, lex: EventLexicon) -> bool:
    """Whether an uncoded target is people named by no role (``home_people``)."""
    word = ((tgt.text or "").split()[-1:] or [""])[0].lower()
    return bool({word, word.removesuffix("s"), word.removesuffix("es")}
                & lex.word_list("home_people"))


def _listed(actors: list[EventActor]) -> list[EventActor]:
    """The targets of a list that an event is coded for: the coded ones, or the first
    when none is ("shelled army posts and residential areas" is one act on the army;
    "pounded positions and villages" one act on no named actor, not two). Sources are
    all kept: a list of doers names actors ("Iran and six world powers met"), coded or
    not, where a list of objects often names things."""
    coded = [a for a in actors if _coded(a)]
    return coded or actors[:1]


def _two_sides(src: EventActor, tgt: EventActor) -> bool:
    """Two named actors of different countries or organisations: the sides of a joint
    act (not "signed a decree", whose object names no side)."""
    return _named(src) and _named(tgt) and (src.country or src.code) != (tgt.country or tgt.code)


_COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08", "09"})


def _threatening(match: Match, lex: EventLexicon) -> bool:
    """"will withdraw ... unless X does Y": an act announced on a condition is a threat."""
    marks = {"unless", "if"} & lex.word_list("conditional")
    return any(
        k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in k.children)
        for k in match.verb.children
    )


def _announced(match: Match, mood: Mood, lex: EventLexicon,
               onto: Ontology) -> tuple[str, str] | None:
    """An act announced for the future ("will impose", "agreed to release", "vowed to
    fight") is an event of its own: intent (CAMEO 03) or, for a conflictual act or one
    announced on a condition, a threat (CAMEO 13)."""
    entry = match.entry
    if match.noun is not None and match.noun is match.verb:
        return None  # a noun with its own doer ("Pelosi's visit") is no announcement
    if any(k.dep_ in {"auxpass", "nsubjpass"} for k in match.verb.children):
        return None  # "they would be killed": no one states an intent
    gov = mood.governor
    future = mood.modal == "future" and not mood.content and not mood.conditional
    promised = mood.content and gov is not None and bool(
        set(lemma_keys(gov)) & lex.word_list("intent_governors")
    )
    if mood.negated or mood.conditional or not (future or promised) \
            or entry.cameo.startswith("13"):
        return None  # an act inside a condition ("if the US sent warships") is not announced
    if promised and gov is not None and content_governor(gov, lex) is not None:
        return None  # "demanded that the US cancel plans to sell": no plan is announced
    if promised and gov is not None and _denied_governor(gov, lex):
        return None  # "had no plans to expel", "did not agree to release": none announced
    if promised and match.verb.dep_ == "pcomp" and match.verb.head.lower_ == "against":
        return None  # "warned NATO against sending troops": what is warned against
    conflict = onto.info(entry.cameo).quad_class in (3, 4)
    if conflict and entry.cameo[:2] not in lex.threat_codes:
        # "will ask", "will investigate": announced, not done, and no threat of harm
        return (entry.intent, f"{entry.id}:intent") if entry.intent else None
    if conflict or (future and _threatening(match, lex)):
        threat = lex.threat_codes.get(entry.cameo[:2], "130")
        return threat, f"{entry.id}:threat"
    intent = entry.intent or ("030" if entry.cameo[:2] in _COOPERATIVE_ROOTS else None)
    return (intent, f"{entry.id}:intent") if intent else None


def _denied_governor(gov: Token, lex: EventLexicon) -> bool:
    """Whether the intent is itself denied: "did not agree to", "had no plans to", "is
    not ready to" (an adjective's negation is on its copula)."""
    return is_negated(gov, lex) or gov.dep_ in {"acomp", "attr"} and is_negated(gov.head, lex)


def _decide(
    match: Match, mood: Mood, lex: EventLexicon, onto: Ontology
) -> tuple[str, str, bool, bool]:
    """(code, rule, hypothetical, negated) for a match given its mood."""
    entry = match.entry
    if _noncommittal(match.verb, lex):
        return "011", "no_comment", False, False
    if mood.negated and entry.negated and not (mood.conditional or mood.content):
        return entry.negated, f"{entry.id}:negated", False, False  # "will not accept"
    announced = _announced(match, mood, lex, onto)
    if announced is not None:
        return announced[0], announced[1], False, False
    hypothetical = bool(mood.modal or mood.conditional or mood.content or mood.generic)
    if _promised_harm(match, lex):
        return "130", f"{entry.id}:harm", hypothetical, mood.negated
    return entry.cameo, entry.id, hypothetical, mood.negated


def _noncommittal(verb: Token, lex: EventLexicon) -> bool:
    """"Would neither confirm nor deny", "did not confirm or deny": declining to comment
    (CAMEO 011), not a denial. Two words of ``noncommittal`` joined as conjuncts."""
    words = lex.word_list("noncommittal")
    own = verb.lemma_.lower()
    return own in words and any(k.lemma_.lower() in words - {own} for k in verb.conjuncts)


def _promised_harm(match: Match, lex: EventLexicon) -> bool:
    """A vow whose content is harm to others is a threat (CAMEO 13: "coercive or forceful
    warnings with serious potential repercussions"): "vowed that the killers would not go
    unpunished", "promised to avenge the dead", "vowed to hunt down the planners". Not one
    that rules harm out ("pledged not to take revenge")."""
    verb = match.verb
    if match.entry.cameo[:2] != "03" or not set(lemma_keys(verb)) & lex.word_list("vow_verbs"):
        return False
    clauses = [k for k in verb.children if k.dep_ in {"xcomp", "ccomp"}]
    return any(_harms(clause, lex) for clause in clauses)


def _harms(clause: Token, lex: EventLexicon) -> bool:
    """Whether a clause names harm (``harm_words``), its negation read: "would not go
    unpunished" does, "pledged not to take revenge" does not."""
    denied = any(k.dep_ == "neg" for k in clause.children)
    for word in lex.word_list("harm_words"):
        head, _, obj = word.partition(" ")
        for tok in clause.subtree:
            if head not in (tok.lemma_.lower(), tok.lower_):
                continue
            if obj and not any(k.lemma_.lower() == obj for k in tok.children):
                continue
            if denied == head.startswith("un"):
                return True
    return False


def is_joint(code: str, lex: EventLexicon) -> bool:
    """Whether a CAMEO code is an act both sides do when one does it with the other
    (``joint_codes`` of the lexicon: talks, a phone call, a signed agreement)."""
    return lex.lists_code("joint_codes", code)


class LexiconMatcher:
    """Candidates from eventwire's own lexicon."""

    def __init__(self, lex: EventLexicon, onto: Ontology | None = None) -> None:
        self.lex = lex
        self.onto = onto or load_ontology()

    def _one(self, tok: Token, link: ActorLink) -> tuple[list[EventCandidate], int | None]:
        match = link.match(tok, self.lex)
        if match is None or _a_game(match, self.lex):
            return [], None
        mood = mood_of(match.trigger, self.lex)
        code, rule, hypo, negated = _decide(match, mood, self.lex, self.onto)
        args = match_arguments(match, link.names_actor)
        if args.source is None and args.target is not None and code.startswith("08"):
            args.source = holder_of(args.target)  # the holder is who lets go
        entry = match.entry
        code = _crowd_act(code, match.trigger, args.source, self.lex, link)
        doer = link.mention(args.source) if args.source is not None and (
            code.startswith("19") or code in self.lex.word_list("force_codes")) else None
        code = _enforcement_act(code, match.trigger, doer, self.lex)
        code = _labour_strike(code, match.trigger, link, args.source, self.lex)
        code = _armed_strike(code, match.trigger, link, args.source, self.lex)
        code = _official_protest(code, match.trigger, link, args.source, self.lex)
        code = _foreboding(code, match.verb, link, self.lex)
        killing = code.startswith("18")  # still the toll of an attack it tells (190 below)
        toll = _toll_of(match.trigger, args.source, self.lex) if killing and (
            args.source is None or link.mention(args.source) is None) else None
        if toll is not None:  # "killed in the fighting", "a bombing killed two": the act
            match = Match(toll[0], toll[1], match.verb, toll[1])
            code, rule = toll[0].cameo, f"{toll[0].id}{_TOLL}"
        code = _military_act(code, doer, self.lex)
        own_forces = entry.cameo.startswith(tuple(self.lex.word_list("own_force_codes")))
        if own_forces and args.target is not None \
                and (args.target.lemma_.lower() in entry.objects or _own(args.target)):
            args.target = None  # the forces shown or withdrawn are the source's own (CAMEO
            # 15's target: "the party against whom the military move is directed")
        threat = rule.endswith(":threat")  # "would close the border if Uganda ...": Uganda
        if entry.id == STATEMENT:  # said to whom, if anyone: "told parliament"
            args.target = args.target if _has_target(link, args.target) else None
        else:
            args.target = better_target(link, match.verb, args.target, entry.target,
                                        entry.opaque or threat or code.startswith(_THREAT),
                                        _passed_thing(entry, code, args.target, self.lex))
            if own_forces and args.target is not None \
                    and args.target.lemma_.lower() in entry.objects:
                args.target = None  # what "thousands of troops" counts are still its own
        code, args.target = _handover(code, match.verb, args.target, link, self.lex)
        code = _left_body(code, link, args.target, self.lex)
        code = _left_talks(code, match.verb, self.lex)
        code = _repression(code, args, link, self.lex)
        code = _held_together(code, entry, args, link, self.lex)
        if _sent_home(code, match.verb, args, link, self.lex):
            code, args.target = "154", None
        untargeted = "target" in entry.require \
            and not _has_target(link, args.target, entry.target)
        if untargeted and not self._mutual(entry, code):
            return [], None
        if _commentary(code, args.source, link, self.lex):
            return [], None  # "analysts warned that ...": a forecast, no political act
        if "source" in entry.require and (args.source is None or link.mention(args.source) is None):
            return [], None  # "X travelled to Y" needs its traveller: "the exhibition" is none
        announced = rule.endswith((":intent", ":threat"))
        refined = mood.governor.i if announced and mood.governor is not None else None
        # an intent to act between others is no act with one another: "Britain and France
        # offered to mediate" (``third_party_codes``)
        mutual = self._mutual(entry, code) and not (
            announced and entry.cameo in self.lex.word_list("third_party_codes"))
        if mutual and _where_together(args, self.lex):
            args.target = None  # "Turkey and Russia agreed to cooperate in Syria": each other
        place = self._place(link, match, code, args)
        pairs = _pairs(link, args, mutual, is_joint(code, self.lex),
                       entry.opaque or _own_act(args.target, entry.objects)
                       or code.startswith("15"))  # "deployed troops to its border"
        if entry.id == JOINT_ACT:  # done jointly by one side alone is no joint act
            pairs = [(src, tgt) for src, tgt in pairs if _two_sides(src, tgt)]
        if untargeted:  # an act that needs a target, done by two sides to each other
            pairs = [(src, tgt) for src, tgt in pairs if tgt.code]
        if "addressee" in entry.require:  # "ordered its units to ...": no one else
            pairs = [] if args.target is not None and owned(args.target) else [
                (src, tgt) for src, tgt in pairs if _coded(tgt) and not _own_ranks(src, tgt)]
        pairs = [(src, at_home(src, tgt, code, self.lex)) for src, tgt in pairs]
        extra: dict[str, object] = {"killing": True} if killing else {}
        if place is not None or _where(args.target, self.lex):
            extra["place_target"] = True  # a place stands in for whom: the dead may say
        return [
            EventCandidate(code, match.trigger, match.verb, src, _placed(src, tgt, place), rule,
                           negated, hypo, extra=dict(extra))
            for src, tgt in pairs
        ], refined

    def _mutual(self, entry: TriggerEntry, code: str) -> bool:
        """Whether coordinated sources with no actor as target act on one another: by the
        act's code (``mutual_codes``) or by the entry (``mutual_entries``)."""
        return done_together(entry, self.lex, code)

    def _place(
        self, link: ActorLink, match: Match, code: str, args: Arguments
    ) -> EventActor | None:
        """A conflictual act with no actor as target targets where it happened ("shelled
        Juba", "rallies in the Gaza Strip"), and a visit or a delivery of aid the place it
        goes to ("arrived in Addis Ababa", "flew aid into Beirut"), read in the verb's
        clause."""
        if args.target is not None and link.mention(args.target) is not None:
            return None
        if code.startswith((_VISIT, _AID)):
            return place_target(link.doc, match.verb, destinations=True)
        if self.onto.info(code).quad_class not in (3, 4):
            return None
        return place_target(link.doc, match.verb)

    def _obligation(self, tok: Token, link: ActorLink) -> list[EventCandidate]:
        """"X said Y must hand over Z": a request by X to Y, whatever Y must do. Only an
        act asked of an actor is one: not a state ("should be"), not a regret about the
        past ("should have"), not a passive ("must be given"), not an unnamed "we"."""
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in self.lex.word_list("reporting"):
            return []
        if not any(k.dep_ == "aux" and k.lower_ in self.lex.word_list("obligation")
                   for k in tok.children):
            return []
        if tok.lemma_.lower() in self.lex.word_list("state_verbs") or any(
            k.dep_ == "aux" and k.lemma_.lower() == "have" for k in tok.children
        ):
            return []  # "it should be simple", "should have used": no act is asked for
        source, _ = subject_of(tok.head)
        target = next((k for k in tok.children if k.dep_ == "nsubj"), None)
        if source is None or target is None or link.mention(target) is None:
            return []  # "we should forget ...": the one asked is an actor
        return [EventCandidate("100", tok, tok.head, s, t, "obligation")
                for s, t in _pairs(link, Arguments(source, target))]

    def candidates(self, sent: Span, link: ActorLink) -> list[EventCandidate]:
        out: list[EventCandidate] = []
        refined: set[int] = set()
        for tok in sent:
            cands, gov = self._one(tok, link)
            out.extend(cands)
            out.extend(self._obligation(tok, link))
            if gov is not None:
                refined.add(gov)
        return [
            c for c in out
            if c.trigger.i not in refined or c.rule.endswith((":intent", ":threat"))
        ]


def _a_game(match: Match, lex: EventLexicon) -> bool:
    """An act done to a part or a prize of a game ("captured the division title", "an
    attack on goal", "conceded a late goal": ``game_objects``) is sport, whatever its
    verb; and an assault or a fight whose clause gives a score ("Nigeria beat Ghana 2-1",
    "crushed the visitors 4-0": goals, a dash, goals) is a game, not an act of force."""
    if _game_objects(match.trigger) & lex.word_list("game_objects"):
        return True
    if match.entry.cameo[:2] not in ("18", "19"):
        return False
    verb = match.verb
    doc, first, last = verb.doc, verb.left_edge.i, verb.right_edge.i
    return any(_goals(doc[i].text) and doc[i + 1].text in ("-", "\u2013")
               and _goals(doc[i + 2].text) for i in range(first, last - 1))


def _game_objects(trigger: Token) -> set[str]:
    """The lemmas of what an act is done to, the way a game's parts and players are named:
    the object of a verb, the "on" object of a verb or a noun ("an attack on goal"), the
    noun a participle describes."""
    heads = [k for k in trigger.children if k.dep_ in ("dobj", "nsubjpass")]
    heads += [g for k in trigger.children if k.dep_ == "prep" and k.lower_ == "on"
              for g in k.children if g.dep_ == "pobj"]
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        heads.append(trigger.head)  # "striker released by club": the one it is done to
    return {h.lemma_.lower() for h in heads}


def _goals(text: str) -> bool:
    """A team's goals in a score: one or two digits."""
    return text.isdigit() and len(text) <= 2


#: The rule suffix of a killing coded as the act of force it happened in.
_TOLL = ":toll"


def _toll_of(trigger: Token, source: Token | None, lex: EventLexicon,
             ) -> tuple[TriggerEntry, Token] | None:
    """The act of force whose toll a killing with no actor as killer tells: the noun it
    happened "in" ("soldiers were killed in the fighting") or the thing that did it ("the
    explosion killed four"), when the lexicon codes that noun as an assault, a fight or
    mass violence. The dead are then the target of that act, whoever did it."""
    nouns = [g for k in trigger.children if k.dep_ == "prep" and k.lower_ == "in"
             for g in k.children if g.dep_ == "pobj"]
    if source is not None:
        if source.pos_ != "NOUN":
            return None
        nouns.append(source)  # the subject, when no actor but a thing
    for noun in nouns:
        if noun.lemma_.lower() in lex.word_list("vague_attacks"):
            continue  # "killed in an attack" says no more than the killing
        entry = best_entry(lookup(lex, "noun", noun), noun)
        if entry is not None and entry.cameo[:2] in _VIOLENT_ROOTS:
            return entry, noun
    return None


def _crowd_act(code: str, trigger: Token, source: Token | None, lex: EventLexicon,
               link: ActorLink) -> str:
    """Force or damage done by protesters is a violent protest (CAMEO 145: "demonstrations
    ... that involve the use of violence or destruction of property"), and a blockade by
    them an obstruction (144): "protesters stormed parliament", "rioters torched a bank",
    "rioters rampaged" (violence of no kind named, 180).
    A strike with no object is a stoppage (:func:`_labour_strike`), not force. Doers the
    actors stage codes as armed (``armed_sectors``: "armed men", "gunmen") are no crowd."""
    if source is None or _stoppage(trigger, lex) or not _a_crowd(source, lex):
        return code
    mention = link.mention(source)
    if mention is not None and _in_sectors(mention, lex, "armed_sectors"):
        return code
    if code.startswith("191"):
        return "144"
    return "145" if code[:2] in ("17", "19") or code == "180" else code


def _repression(code: str, args: Arguments, link: ActorLink, lex: EventLexicon) -> str:
    """Force the police or soldiers use on a crowd is violent repression (CAMEO 175:
    "actively repress collective actions of dissent ... through crowd control tactics";
    the codebook sets it apart from military engagements): "police opened fire on
    protesters", "troops fired on demonstrators". Fighting armed men stays 19."""
    if code[:2] != "19" or args.source is None or args.target is None \
            or not _a_crowd(args.target, lex):
        return code
    doer, crowd = link.mention(args.source), link.mention(args.target)
    if doer is None or crowd is not None and _in_sectors(crowd, lex, "armed_sectors"):
        return code
    sectors = lex.word_list("enforcement_sectors") | lex.word_list("force_sectors")
    return _REPRESSION if {s.lower() for s in doer.sectors} & sectors else code


_REPRESSION = "175"


def _a_crowd(source: Token, lex: EventLexicon) -> bool:
    """A crowd: its own word (``crowd_nouns``: "protesters", "a mob"), or civilians of
    one kind named in the plural (``crowd_groups``: "students", "young men", "farmers"),
    whose collective force is a riot, not an armed group's."""
    words = _crowd_words(source)
    if words & lex.word_list("crowd_nouns"):
        return True
    return source.tag_ == "NNS" and bool(words & lex.word_list("crowd_groups"))


def _labour_strike(code: str, trigger: Token, link: ActorLink, source: Token | None,
                   lex: EventLexicon) -> str:
    """Civilians who strike stop work (CAMEO 143, "conduct strike or boycott"), they do
    not attack: "teachers struck across France". Read by the sectors of the doers, any of
    a list (``civilian_sectors``), for the verbs of ``labour_strikes``."""
    if source is None or not code.startswith("19") or not _stoppage(trigger, lex):
        return code
    civil = any(_in_sectors(d, lex, "civilian_sectors") for d in _doers(link, source))
    return "143" if civil else code


def _armed_strike(code: str, trigger: Token, link: ActorLink, source: Token | None,
                  lex: EventLexicon) -> str:
    """A strike named as a noun is a stoppage (CAMEO 143) when civilians strike, and an
    attack (190) when armed forces strike ("the army's strikes") or when it is made on or
    against a place or a group ("carried out strikes on Gaza"): an armed strike is done
    to a target, a labour strike is not."""
    if code != "143" or trigger.pos_ != "NOUN" \
            or trigger.lemma_.lower() not in lex.word_list("labour_strikes"):
        return code
    if any(p.dep_ == "prep" and p.lower_ in ("on", "against")
           and any(k.dep_ == "pobj" and _names_a_side(k) for k in p.children)
           for p in trigger.children):
        return "190"
    doers = _doers(link, source)
    armed = bool(doers) and all(_in_sectors(d, lex, "force_sectors") for d in doers)
    return "190" if armed else code


def _official_protest(code: str, trigger: Token, link: ActorLink, source: Token | None,
                      lex: EventLexicon) -> str:
    """A state that protests complains officially (CAMEO 114, "issue a formal complaint
    or protest"); civilians demonstrate (140, "civilian demonstrations"): "China
    protested the visit" is a complaint. Read by the doers: each a country alone or of
    the sectors of ``official_sectors`` (government, legislature), or an
    international organisation, for the verbs of ``complaint_verbs``."""
    if code != "140" or trigger.lemma_.lower() not in lex.word_list("complaint_verbs"):
        return code
    doers = _doers(link, source)
    official = bool(doers) and all(_official(d, lex) for d in doers)
    return "114" if official else code


def _official(mention: ActorMention, lex: EventLexicon) -> bool:
    """Whether an actor speaks for a state: a country with no sector, a state's
    government or legislature, or an international organisation."""
    if not mention.sectors:
        return bool(mention.country) or (mention.code or "").startswith("IGO")
    return _in_sectors(mention, lex, "official_sectors")


def _doers(link: ActorLink, source: Token | None) -> list[ActorMention]:
    """The actor mentions of a source and its conjuncts ("teachers and nurses struck")."""
    if source is None:
        return []
    return [m for k in [source, *source.conjuncts] if (m := link.mention(k)) is not None]


_SIDES = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC"})


def _names_a_side(noun: Token) -> bool:
    """Whether a noun phrase names a place or a group ("on Gaza", "against Houthi
    targets"), not a policy ("against the new labour law") or a day ("on Monday")."""
    return any(t.ent_type_ in _SIDES for t in [*noun.lefts, noun])


def _stoppage(trigger: Token, lex: EventLexicon) -> bool:
    """A strike verb with no object ("teachers struck"): a stoppage, whoever strikes."""
    return trigger.lemma_.lower() in lex.word_list("labour_strikes") and not any(
        k.dep_ == "dobj" for k in trigger.children)


def _enforcement_act(code: str, trigger: Token, source: ActorMention | None,
                     lex: EventLexicon) -> str:
    """A raid by the police, prosecutors or intelligence agents (``enforcement_raids`` by
    ``enforcement_sectors``) seizes (171), as PLOVER codes a law enforcement raid; a raid by
    soldiers or rebels stays an attack."""
    if not code.startswith("19") or source is None:
        return code
    if trigger.lemma_.lower() not in lex.word_list("enforcement_raids"):
        return code
    return "171" if _in_sectors(source, lex, "enforcement_sectors") else code


def _handover(code: str, verb: Token, target: Token | None, link: ActorLink,
              lex: EventLexicon) -> tuple[str, Token | None]:
    """A person handed over to the police or the courts (``enforcement_sectors``) is
    judicial cooperation with them (063, as an extradition is), not a release: "handed
    the suspect over to U.S. marshals". The target is then who receives him, as it is of
    any judicial handover ("extradited the banker to Spain")."""
    if code.startswith(_JUDICIAL):
        recipient = recipient_of(verb)
        named = recipient is not None and link.mention(recipient) is not None
        return code, recipient if named else target
    if not code.startswith("0841"):
        return code, target
    recipient = recipient_of(verb)
    mention = link.mention(recipient) if recipient is not None else None
    if mention is None or not _in_sectors(mention, lex, "enforcement_sectors"):
        return code, target
    return _JUDICIAL, recipient


#: CAMEO 063 "engage in judicial cooperation": extraditions and handovers of suspects.
_JUDICIAL = "063"


def _foreboding(code: str, verb: Token, link: ActorLink, lex: EventLexicon) -> str:
    """A warning of what no actor is to do is a pessimistic comment (CAMEO 012), not a
    threat: "the governor warned that the economy faced a recession". It threatens when it
    is told to someone ("warned Kim he could face justice"), when the speaker or another
    actor is to act ("warned it would respond", "warned that soldiers would shoot"), when
    what is to be done is left without its doer ("would be answered with sanctions") or
    aimed at anyone who acts ("any country that interferes would face ..."), or when it
    sets a condition ("... if X went ahead")."""
    if code != _WARNING or verb.lemma_.lower() not in lex.word_list("warning_verbs") \
            or any(k.dep_ in {"dobj", "dative"} for k in verb.children):
        return code  # a vow of harm stays a threat ("vowed the killers would not go ...")
    said = next((k for k in verb.children if k.dep_ == "ccomp"), None)
    if said is None or is_conditional(said, lex) \
            or conditions_of(said, lex.word_list("conditional")):
        return code
    doer = next((k for k in said.children if k.dep_ in {"nsubj", "nsubjpass"}), None)
    if doer is None or doer.pos_ == "PRON" or link.mention(doer) is not None:
        return code
    if doer.dep_ == "nsubjpass" or any(d.dep_ == "det" and d.lower_ == "any"
                                       for d in doer.children):
        return code  # "would be answered with sanctions", "any country that interferes"
    return _PESSIMISM


#: CAMEO 130 "threaten, not specified", and 012 "make pessimistic comment".
_WARNING, _PESSIMISM = "130", "012"



def _military_act(code: str, source: ActorMention | None, lex: EventLexicon) -> str:
    """A killing (``force_codes``) by a state's armed forces (``force_sectors``) is
    conventional force (190): "soldiers killed 30 villagers"."""
    if source is None or code not in lex.word_list("force_codes"):
        return code
    return "190" if _in_sectors(source, lex, "force_sectors") else code


def _left_body(code: str, link: ActorLink, target: Token | None, lex: EventLexicon) -> str:
    """A withdrawal from an organisation ("Britain withdrew from the EU") reduces
    relations with it (CAMEO 160): a retreat (087) is from a country or a force."""
    if target is None or not code.startswith("087") or target.head.lower_ not in ("from", "of"):
        return code
    left = link.mention(target)
    return "160" if left is not None and _in_sectors(left, lex, "body_sectors") else code


def _held_together(code: str, entry: TriggerEntry, args: Arguments, link: ActorLink,
                   lex: EventLexicon) -> str:
    """A military exercise held with another side, or by two sides together, is a joint
    military game: material cooperation (CAMEO 062; PLOVER COOPERATE "joint military
    games and maneuvers"), not a show of force (150). "Held drills with the French navy",
    "Indian and French navies held exercises"; the entries so read are ``joint_games``."""
    if entry.id not in lex.word_list("joint_games"):
        return code
    target = args.target
    if target is not None and target.dep_ == "pobj" and target.head.lower_ == "with":
        other = link.mention(target)
        return "062" if other is not None and _named_mention(other) else code
    sides = {a.country or a.code for a in _side(link, args.source) if _named(a)}
    return "062" if len(sides) > 1 else code


def _sent_home(code: str, verb: Token, args: Arguments, link: ActorLink,
               lex: EventLexicon) -> bool:
    """Troops sent where no other country receives them ("sent a thousand soldiers to the
    border", "deployed troops to the north") are a mobilisation (CAMEO 154), not military
    aid (072), which is given to someone. The forces are ``deployed_forces``."""
    if not code.startswith("072") \
            or not object_lemmas(verb) & lex.word_list("deployed_forces"):
        return False
    source = link.mention(args.source) if args.source is not None else None
    target = link.mention(args.target) if args.target is not None else None
    if target is None or args.target is not None and args.target.dep_ == "dobj":
        return True  # to no actor, or the target is the troops themselves
    return source is not None and bool(source.country) and target.country == source.country


def _commentary(code: str, source: Token | None, link: ActorLink, lex: EventLexicon) -> bool:
    """A warning or a comment by people who comment for a living (``commentator_nouns``:
    analysts, economists, scientists), of no country the sentence names: a forecast, not
    a political act (CAMEO's sources are political actors). Statements (01) and threats
    or warnings (13) only."""
    if source is None or code[:2] not in ("01", "13") \
            or source.lemma_.lower() not in lex.word_list("commentator_nouns"):
        return False
    mention = link.mention(source)
    return mention is None or not mention.country


def _passed_thing(entry: TriggerEntry, code: str, target: Token | None,
                  lex: EventLexicon) -> bool:
    """The object an entry names, of an act done with one another, is what passes between
    the sides, not one of them: "Kenya and Tanzania shared intelligence" share it with
    each other ("intelligence" is no spy agency here), "swapped prisoners" with each
    other."""
    return target is not None and target.dep_ in ("dobj", "nsubjpass") \
        and target.lemma_.lower() in entry.objects and done_together(entry, lex, code)


def _left_talks(code: str, verb: Token, lex: EventLexicon) -> str:
    """Withdrawing from talks ("pulled out of the negotiations", "withdrew from talks with
    the government") halts negotiations (CAMEO 164), no military retreat (087). The
    nouns of talks are ``talk_nouns``."""
    if not code.startswith("087"):
        return code
    left = {g.lemma_.lower() for k in verb.children if k.dep_ == "prep" and k.lower_ in (
        "from", "of", "out") for g in k.subtree if g.dep_ == "pobj"}
    return "164" if left & lex.word_list("talk_nouns") else code


def _in_sectors(mention: ActorMention | EventActor, lex: EventLexicon, name: str) -> bool:
    """Whether an actor has one of the sectors of the lexicon's list ``name``."""
    return bool({s.lower() for s in mention.sectors} & lex.word_list(name))


def _crowd_words(source: Token) -> set[str]:
    """The lemmas that say who a source is: its own, its antecedent's when it is a relative
    pronoun ("rioters who attacked"), and its "of" object's when it counts them
    ("thousands of protesters")."""
    words = {source.lemma_.lower()}
    if source.tag_ in ("WP", "WDT") and source.head.dep_ == "relcl":
        words.add(source.head.head.lemma_.lower())
    words.update(k.lemma_.lower() for p in source.children if p.dep_ == "prep" and p.lower_ == "of"
                 for k in p.children if k.dep_ == "pobj")
    return words


def better_target(
    link: ActorLink, verb: Token, target: Token | None, preps: tuple[str, ...],
    opaque: bool = False, passed: bool = False,
) -> Token | None:
    """The object when it names an actor, else the first other place that does. An object
    the actor owns ("withdraw its troops from Lebanon") comes after the other places; one
    that is what passes between the sides (``passed``: "shared intelligence") is none."""
    target = _counted(link, target)
    own = target is not None and _own(target) and link.mention(target) is not None
    options = [target] if target is not None and not own and not passed else []
    if opaque:
        options.extend(content_targets(verb))
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":  # "reiterated its demand that X"
            options.extend(content_targets(verb.head))
    others = target_alternatives(verb, target, preps)
    if own and target is not None:
        others = [o for o in others if o.head.i != target.i] + [target]
    options.extend(others)
    coded = [o for o in options if o.ent_type_ not in _NOT_ACTORS and link.mention(o)]
    if passed and not coded:
        return None
    # A sector without a country ("two artillery shells" -> MIL) yields to a named
    # country elsewhere ("fired ... at Seoul").
    placed = [o for o in coded if (m := link.mention(o)) is not None and _named_mention(m)]
    if placed or coded:
        return (placed or coded)[0]
    if target is not None and target.ent_type_ in _NOT_ACTORS:
        return None
    return target


def _counted(link: ActorLink, target: Token | None) -> Token | None:
    """Who a count that names no actor counts: in "detained dozens *of schoolgirls*" the
    act is done to the schoolgirls, as in "detained schoolgirls"; a count is a number,
    never an actor, and an act needing a target would otherwise be dropped with it."""
    if target is None or target.ent_type_ not in _NOT_ACTORS or link.mention(target):
        return target
    counted = [g for k in target.children if k.dep_ == "prep" and k.lower_ == "of"
               for g in k.children if g.dep_ == "pobj"]
    return counted[0] if counted else target


def _count_of(tok: Token) -> bool:
    """Whether ``tok`` is what a count counts ("dozens *of schoolgirls*"): the object of
    the act, as the count is."""
    prep = tok.head
    return prep.lower_ == "of" and prep.head.ent_type_ in _NOT_ACTORS


def _has_target(link: ActorLink, target: Token | None, preps: tuple[str, ...] = ()) -> bool:
    """A required target is an object or an actor; a place after a preposition is not one
    ("negotiators return to Geneva" releases no one), nor where the act starts ("after
    returning from Germany"), unless the entry's act is done "from" someone (``preps``:
    "withdrew from Lebanon")."""
    if target is None:
        return False
    if target.dep_ != "pobj" or _count_of(target):
        return True
    return link.mention(target) is not None and (target.head.lower_ != "from" or "from" in preps)


def _own(tok: Token) -> bool:
    """An object owned by its own actor ("its troops", "their forces"): the act is done
    with it, and the actor acted upon is elsewhere in the clause (the caller checks that
    the object is itself an actor: in "charging its neighbor" the owner is the target)."""
    return tok.pos_ == "NOUN" and owned(tok)


def _own_act(target: Token | None, objects: frozenset[str]) -> bool:
    """The object is the act the entry names, owned by its doer ("ended *their strike*",
    "called off *its boycott*"): the event stands with no target rather than being
    dropped as an actor acting on itself. The target may be the owner the argument
    finder took from the act's noun ("their")."""
    if target is not None and target.dep_ == "poss":
        target = target.head
    return target is not None and target.lemma_.lower() in objects and _own(target)


def _named_mention(mention: ActorMention) -> bool:
    """A country or an organisation ("a United Nations appeal"), not a bare role."""
    return bool(mention.country) or len(mention.code or "") > 3 * max(len(mention.sectors), 1)


_NOT_ACTORS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def _keep(cand: EventCandidate, settings: Settings) -> bool:
    if cand.negated and not settings.keep_negated:
        return False
    if cand.hypothetical and not settings.keep_hypothetical:
        return False
    return _actor_ok(cand, settings)


def _event(doc: Document, n: int, sent_index: int, cand: EventCandidate, onto: Ontology) -> Event:
    info = onto.info(cand.cameo)
    clause = cand.clause
    start = clause.left_edge.idx
    end = clause.right_edge.idx + len(clause.right_edge.text)
    trig = cand.trigger
    return Event(
        id=f"{doc.doc_id}-{n}",
        sentence_index=sent_index,
        start=start,
        end=end,
        trigger=trig.text,
        trigger_start=trig.idx,
        trigger_end=trig.idx + len(trig.text),
        source=cand.source,
        target=cand.target,
        cameo=cand.cameo,
        cameo_root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=Plover(info.event_type, info.mode, list(info.context)),
        negated=cand.negated,
        hypothetical=cand.hypothetical,
        rule=cand.rule,
        confidence=confidence_of(cand),
    )


def _dedupe(cands: list[EventCandidate]) -> list[EventCandidate]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in cands:
        key = (c.cameo, c.source.code or c.source.text, c.target.code or c.target.text)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def one_per_act(cands: list[EventCandidate]) -> list[EventCandidate]:
    """One event per act: the same trigger and dyad never gives two events (two lexicon
    entries or a matcher and the model may both read it); the most confident reading is
    kept, the first one on a tie, and text order is kept."""
    best: dict[tuple[Any, ...], EventCandidate] = {}
    for c in cands:
        key = (c.trigger.i, c.source.code or c.source.text, c.target.code or c.target.text)
        if key not in best or confidence_of(c) > confidence_of(best[key]):
            best[key] = c
    kept = {id(c) for c in best.values()}
    return [c for c in cands if id(c) in kept]


def confidence_of(cand: EventCandidate) -> float:
    """The model's probability for learned events; for the rule coders, a documented
    rule-based value (docs/events.md): flagged acts 0.3; PETRARCH patterns 0.75 and bare
    verbs 0.5; lexicon entries 0.75 with a named source and target, else 0.6. On a tie
    the first matcher's reading wins: a PETRARCH dictionary the user added comes first."""
    given = cand.extra.get("confidence")
    if isinstance(given, float):
        return given
    if cand.negated or cand.hypothetical:
        return 0.3
    if cand.rule.startswith("petrarch:"):
        return 0.5 if cand.rule.endswith(":*") else 0.75
    return 0.75 if _named(cand.source) and _named(cand.target) else 0.6


def finish_events(
    doc: Document, found: Found, settings: Settings, onto: Ontology,
) -> list[Event]:
    """Kept candidates per sentence -> numbered events: one per act, capped per sentence."""
    placed: list[tuple[int, EventCandidate]] = []
    for sent, index, cands in found:
        kept = [c for c in one_per_act(_dedupe(cands))
                if confidence_of(c) >= settings.min_confidence]
        if kept and not settings.keep_background:
            kept = _news(doc, sent, kept)
        where = _sentence_index(doc, sent, index)
        placed.extend((where, cand) for cand in kept[: settings.max_events_per_sentence])
    placed = _drop_retold(placed, onto)
    return [_event(doc, n, where, cand, onto) for n, (where, cand) in enumerate(placed)]


def _news(doc: Document, sent: Span, cands: list[EventCandidate]) -> list[EventCandidate]:
    """The candidates that are not background: an act its own clause dates more than 14
    months before the document is history the story recalls, not an event it reports."""
    cues = sentence_times(doc, sent)
    if not cues:
        return cands
    return [c for c in cands if not background(c.trigger, cues)]


def rule_candidates(doc: Document, matchers: list[Matcher], settings: Settings,
                    link: ActorLink | None = None) -> Found:
    """The kept candidates the ``matchers`` give each sentence of a parsed document
    (``link``: its actor lookups, when another coder of the document shares them)."""
    link = ActorLink(doc) if link is None else link
    found: Found = []
    for index, sent in enumerate(doc.spacy.sents):
        if tabular(sent):
            continue
        cands: list[EventCandidate] = []
        for matcher in matchers:
            cands.extend(matcher.candidates(sent, link))
        cands = one_purpose(statements(cands))
        kept = [c for c in cands if _keep(c, settings)]
        found.append((sent, index, one_violent_act(protest_demands(kept))))
    return found


def statements(cands: list[EventCandidate]) -> list[EventCandidate]:
    """A sentence's candidates with its plain statements (``make_statement``) kept only
    where the statement is no other act: a speaker whose words the lexicon codes as an
    accusation, a threat or a demand ("said the vote was a fraud", "said it would
    retaliate") made that act, not a statement besides it; a speaker of no country or
    organisation ("witnesses said", "refugees say") makes none. With
    ``stages.events.statements`` off, the stage's lexicon has no such entry at all."""
    plain = [c for c in cands if c.rule.split(":", 1)[0] == STATEMENT]
    if not plain:
        return cands
    acts = [c for c in cands if c not in plain]
    said = [c for c in plain if _named(c.source) and not _said_as(c, acts)]
    return [c for c in cands if c not in plain or c in said]


def _said_as(statement: EventCandidate, acts: list[EventCandidate]) -> bool:
    """Whether the speaker of ``statement`` also does an act in what it says."""
    verb = statement.clause
    inside = range(verb.left_edge.i, verb.right_edge.i + 1)
    speaker = statement.source.code or statement.source.text
    return any(a.trigger.i in inside and a.trigger.i != verb.i
               and (a.source.code or a.source.text) == speaker for a in acts)


def code_document(
    doc: Document, matchers: list[Matcher], settings: Settings, onto: Ontology | None = None
) -> list[Event]:
    """Every event of a parsed document, numbered in text order."""
    onto = onto or load_ontology()
    return finish_events(doc, rule_candidates(doc, matchers, settings), settings, onto)


_VIOLENT_ROOTS = ("18", "19", "20")


def one_purpose(cands: list[EventCandidate]) -> list[EventCandidate]:
    """An act done "to" do the same act is one act: "summoned the ambassador to protest
    the detention" is one complaint (CAMEO 114), not two. A candidate whose trigger is
    the infinitive of purpose of another candidate's trigger, with the same code, is
    dropped when its doer is that act's source, or its target (the parse reads "summoned
    X to protest" as X protesting)."""
    sides: dict[tuple[int, str], set[str]] = {}
    for c in cands:
        sides.setdefault((c.trigger.i, c.cameo), set()).update(
            {_side_of(c.source), _side_of(c.target)})
    return [c for c in cands if not (
        c.trigger.dep_ in {"advcl", "xcomp"} and c.trigger.head.i != c.trigger.i
        and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.trigger.children)
        and _side_of(c.source) in sides.get((c.trigger.head.i, c.cameo), set()))]


def _side_of(actor: EventActor) -> str:
    return actor.code or actor.text or ""


def protest_demands(cands: list[EventCandidate]) -> list[EventCandidate]:
    """What protesters demand while they protest is the protest's aim, not an act of its
    own: "students occupied parliament, *demanding* that Suharto resign", "rallied *to
    demand* higher pensions" are one protest (CAMEO 14's codes carry the demand: 1411
    "demonstrate for leadership change" ...). A demand (10) in a participle or purpose
    clause of a protest of the sentence is dropped; whom it is made of is whom the protest
    is against (CAMEO 14: "the party that the protest is directed against"), when the
    protest names no one but where it was held."""
    protests: dict[int, list[EventCandidate]] = {}
    for c in cands:
        if c.cameo.startswith("14"):
            for i in {c.trigger.i, c.clause.i}:
                protests.setdefault(i, []).append(c)
    out = []
    for c in cands:
        aim = c.cameo.startswith("10") and c.trigger.dep_ in ("advcl", "xcomp")
        held = protests.get(c.trigger.head.i, []) if aim else []
        if not held:
            out.append(c)
            continue
        for protest in held:
            if _coded(c.target) and not (_coded(protest.target)
                                         and not protest.extra.get("place_target")):
                protest.target = c.target  # a place stands in only for whom it names
    return out


def one_violent_act(cands: list[EventCandidate]) -> list[EventCandidate]:
    """The dead of an attack are its toll, not an act of their own: "the air strike killed
    two generals", "soldiers were killed in an ambush", "shelled the town, killing nine"
    are one assault, and "fired on the crowd, killing nine" one act of repression. A
    killing (CAMEO 18) is dropped when the act it tells the toll of is itself an event of
    the sentence."""
    violent: dict[int, list[EventCandidate]] = {}
    for c in cands:
        if c.cameo[:2] in _VIOLENT_ROOTS or c.cameo == _REPRESSION:
            violent.setdefault(c.trigger.i, []).append(c)
    out = []
    for cand in cands:
        if cand.rule.endswith(_TOLL):  # coded as the act it happened in: that act's event
            told = [c for c in violent.get(cand.trigger.i, []) if not c.rule.endswith(_TOLL)]
        else:
            killing = cand.cameo.startswith("18") or cand.extra.get("killing", False)
            acts = _tolled_acts(cand.trigger) - {cand.trigger.i} if killing else set()
            told = [c for i in sorted(acts) for c in violent.get(i, [])[:1]]
        if not told:
            out.append(cand)
        elif _coded(cand.target) and (told[0].extra.get("place_target") or not (
                told[0].target.text or told[0].target.code)):
            told[0].target = cand.target  # the dead are whom the attack was done to
    return out


def _tolled_acts(tok: Token) -> set[int]:
    """The tokens a killing may be the toll of: its subject, the act it happened "in", and
    the verb its participle follows ("shelled the town, killing nine")."""
    out = {k.i for k in tok.children if k.dep_ in {"nsubj", "nsubjpass"}}
    out |= {g.i for k in tok.children if k.dep_ == "prep" and k.lower_ == "in"
            for g in k.children if g.dep_ == "pobj"}
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        out.add(tok.head.i)
    return out


def _participle(tok: Token) -> bool:
    """A reduced relative or participle modifying a noun ("five men arrested by police")."""
    return tok.dep_ == "acl" and tok.tag_ in {"VBN", "VBG"}


def _retold_key(cand: EventCandidate, onto: Ontology) -> tuple[str, str, str, str]:
    root = onto.info(cand.cameo).root
    return (cand.rule, root, cand.source.code or "", cand.target.code or "")


def _drop_retold(
    found: list[tuple[int, EventCandidate]], onto: Ontology
) -> list[tuple[int, EventCandidate]]:
    """A lead's participle ("Five men arrested by police were freed") names an act that
    the story tells in a clause of its own, with a better date; the participle's copy of
    the same act (same lexicon entry, root and dyad) is dropped."""
    told = {_retold_key(c, onto) for _, c in found if not _participle(c.trigger)}
    return [
        (where, c) for where, c in found
        if not (_participle(c.trigger) and _retold_key(c, onto) in told)
    ]


def tabular(sent: Span, tokens: Sequence[Token] | None = None) -> bool:
    """A table flattened to text ("China 500 12 40 Japan 30 0 2 ..."): mostly numbers,
    column headers that look like verbs; no sentence to read events from (``tokens``: the
    sentence's tokens, when already listed)."""
    words = [t for t in (sent if tokens is None else tokens)
             if not t.is_punct and not t.is_space]
    return len(words) >= 8 and sum(t.like_num for t in words) > 0.4 * len(words)


def _sentence_index(doc: Document, sent: Span, fallback: int) -> int:
    found = doc.sentence_index_at(sent.start_char)
    return found if found is not None else fallback
