"""Which lexicon entry, if any, a token of the parse triggers.

Why lemma lookups with constraints: a trigger is a lemma (one dict access per token);
particles, prepositions, object nouns and open complements narrow it down ("hand over",
"call for", "hold talks", "allow ... to leave"), and the most constrained entry that fits
wins. Light verbs hand their code to their object noun ("launched an attack").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.arguments import (
    Arguments,
    IsActor,
    arguments_of,
    attributive,
    late_agent,
    modifier_agent,
    names_someone,
    order_arguments,
    reaction_to,
)
from eventwire.events.lemmas import lemma_keys
from eventwire.events.lexicon import EventLexicon, TriggerEntry, word_list
from eventwire.events.mood import modal_of

__all__ = ["Match", "match_token", "match_arguments", "lemma_keys", "JOINT_ACT", "done_together",
           "object_lemmas"]

_VERB_POS = frozenset({"VERB"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
#: Tags of relative pronouns ("that", "which", "whom"): no object of their own.
_RELATIVES = frozenset({"WDT", "WP"})


@dataclass(frozen=True, slots=True)
class Match:
    """A fired entry: the trigger token and the verb that carries its arguments; for an
    order, the token naming the act it orders (``act``, see events/directives.py)."""

    entry: TriggerEntry
    trigger: Token
    verb: Token
    noun: Token | None = None
    act: Token | None = None


def match_arguments(match: Match, is_actor: IsActor | None = None) -> Arguments:
    """Source and target of a match: an ordered act's from the order and the act."""
    entry = match.entry
    if match.act is not None:
        return order_arguments(match.verb, match.act, entry.target, is_actor)
    return arguments_of(match.verb, match.noun, entry.target, entry.complement_target,
                        is_actor)


def lookup(lex: EventLexicon, pos: str, tok: Token) -> list[TriggerEntry]:
    """Entries for the first lemma key that has any."""
    for key in lemma_keys(tok):
        found = lex.lookup(pos, key)
        if found:
            return found
    return []


def object_lemmas(tok: Token) -> set[str]:
    """Lemmas of the verb's objects, including "for"/"of"/"in" objects ("pledged $60 million
    in loans", "placed under house arrest") and conjuncts."""
    heads = [k for k in tok.children if k.dep_ in _OBJECT_DEPS]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        heads.append(tok.head)  # a reduced relative: "the aid delivered to", "a statement released"
    elif tok.dep_ == "relcl" and not any(k.dep_ == "dobj" and k.tag_ not in _RELATIVES
                                         for k in tok.children):
        heads.append(tok.head)  # an object relative: "a charge Khartoum dismissed"
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "on", "with", "in", "under",
                                                   "into", "by", "as"}:
            heads.extend(k for k in prep.children if k.dep_ == "pobj")
        elif prep.dep_ == "prep" and prep.lower_ == "out":  # "walked out of the talks"
            heads.extend(g for k in prep.children if k.dep_ == "prep" and k.lower_ == "of"
                         for g in k.children if g.dep_ == "pobj")
    heads += _of_objects(heads, word_list("measure_nouns"))
    out = set()
    for head in heads:
        out |= {head.lemma_.lower(), head.lower_}  # spaCy's lemma of "data" is "datum"
        out.update(c.lemma_.lower() for c in head.conjuncts)
        out.update(k.lemma_.lower() for k in head.children if k.dep_ in {"compound", "amod"})
    return out


def _of_objects(heads: list[Token], nouns: frozenset[str]) -> list[Token]:
    """The "of" objects of the heads that are among ``nouns``: what an object counts or
    holds (``measure_nouns``: "evacuated thousands *of people*", "20 tonnes *of rice*"),
    or the act a spell of time holds (``spell_nouns``: "four days *of talks*")."""
    return [g for head in heads if head.lemma_.lower() in nouns for k in head.children
            if k.dep_ == "prep" and k.lower_ == "of" for g in k.children if g.dep_ == "pobj"]


def _as_objects(tok: Token) -> set[str]:
    """Lemmas of the verb's "as" objects ("recognised X as the government")."""
    return {g.lemma_.lower() for k in tok.children if k.dep_ == "prep" and k.lower_ == "as"
            for g in k.children if g.dep_ == "pobj"}


#: How the parser attaches a verb's particle ("called off", "set ... ablaze", read as an
#: object too: "set cars alight").
_PARTICLE_DEPS = frozenset({"prt", "advmod", "prep", "dobj"})


def _fits(entry: TriggerEntry, tok: Token, objects: set[str]) -> bool:
    """Whether ``tok`` meets ``entry``'s constraints (``objects``: its objects' lemmas)."""
    kids = list(tok.children)
    if entry.prt and not any(
        k.dep_ in _PARTICLE_DEPS and k.lower_ == entry.prt for k in kids
    ):
        return False
    if not entry.prt and _carried_on(kids):
        return False  # "pressed ahead with": carried on, no act of its own
    if entry.prep:
        preps = [k for k in kids
                 if k.dep_ in {"prep", "agent", "dative"} and k.lower_ == entry.prep]
        if not preps:
            return False
        # the preposition's object is the entry's object too: "took *to the streets*"
        objects = objects | {g.lemma_.lower() for k in preps for g in k.children
                             if g.dep_ == "pobj"}
    if entry.objects and not entry.objects & objects:
        return False
    if entry.not_objects & objects and entry.not_objects & (objects - _as_objects(tok)):
        return False  # "battled a blaze", "struck a deal": no political act ("freed them
        # as a gift" frees them: what an act is done "as" is no object of it)
    if entry.xcomp and not any(
        k.dep_ in {"xcomp", "ccomp", "advcl", "oprd"}  # oprd: "called the move illegal"
        and ("*" in entry.xcomp or _complement_words(k) & entry.xcomp and not _participle(k)
             or "that" in entry.xcomp and _stated(k))
        for k in kids
    ) and not any(_complement_words(k) & entry.xcomp for k in _predicates(kids)):
        return False
    if entry.modifier:
        mods = {k.lower_ for k in kids if k.dep_ in {"compound", "amod", "nmod", "npadvmod"}}
        if not set(entry.modifier) <= mods:
            return False
    return True


def _carried_on(kids: list[Token]) -> bool:
    """A particle of carrying on among a verb's children (``carrying_on_particles``:
    "pressed *ahead* with"), not a preposition of time or place ("*ahead of* the rally")."""
    particles = word_list("carrying_on_particles")
    return any(k.dep_ in ("prt", "advmod") and k.lower_ in particles
               and not any(c.lower_ == "of" for c in k.children) for k in kids)


def _predicates(kids: list[Token]) -> list[Token]:
    """What a verb of calling says its object is, where the parser reads no complement: a
    second object ("branded the move *a provocation*"), an object its thing modifies
    ("called the scheme *theft*"), an "as" phrase ("dismissed the report *as baseless*")."""
    objects = [k for k in kids if k.dep_ == "dobj"]
    out = objects[1:] + [o for o in objects[:1] if any(c.dep_ == "compound" for c in o.children)]
    out += [g for k in kids if k.dep_ == "prep" and k.lower_ == "as"
            for g in k.children if g.dep_ in {"pobj", "amod"}]
    return out


def _complement_words(comp: Token) -> set[str]:
    """A complement's lemma, and after a noun of kind (``kind_nouns``) its "of" object's:
    "called the siege *an act of terrorism*" says terrorism."""
    words = {comp.lemma_.lower()}
    if comp.lemma_.lower() in word_list("kind_nouns"):
        words.update(o.lemma_.lower() for p in comp.children
                     if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj")
    return words


def _stated(clause: Token) -> bool:
    """A finite clause that states how things are, with no modal ("agreed that the
    situation was dangerous"): an entry's ``xcomp: [that]``. "Agreed that their officials
    should meet" is a plan, not a view."""
    modals = word_list("modals")
    kids = list(clause.children)
    return clause.dep_ == "ccomp" and any(k.dep_ in {"nsubj", "nsubjpass"} for k in kids) \
        and not any(k.dep_ in {"aux", "mark"} and k.lower_ in modals | {"to"} for k in kids)


def _participle(tok: Token) -> bool:
    """An adverbial "-ing" clause ("refused, saying it had no plans"): what the subject
    also did, not the complement an entry names."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG"


def best_entry(entries: list[TriggerEntry], tok: Token) -> TriggerEntry | None:
    """The most constrained entry whose constraints the token satisfies."""
    best: TriggerEntry | None = None
    wanted = any(e.objects or e.not_objects for e in entries)
    objects = object_lemmas(tok) if wanted else set()  # read once for all the lemma's entries
    for entry in entries:
        if _fits(entry, tok, objects) and (best is None or entry.specificity > best.specificity):
            best = entry
    return best


def _light_noun(verb: Token, lex: EventLexicon) -> tuple[TriggerEntry, Token] | None:
    """The event noun a light verb carries: "launched an attack", "held talks"."""
    if not set(lemma_keys(verb)) & lex.word_list("light_verbs"):
        return None
    if any(k.dep_ == "oprd" for k in verb.children):
        return None  # "called the attack a cowardly act" says what the attack was
    nouns = [k for k in verb.children if k.dep_ in {"dobj", "nsubjpass"}]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"on", "in"}:
            nouns.extend(k for k in prep.children if k.dep_ == "pobj")
    nouns += _of_objects(nouns, lex.word_list("spell_nouns"))  # "four days of talks"
    for kid in nouns:
        if kid.pos_ not in _NOUN_POS:
            continue
        # "launched a mediation effort": the event may be the object's modifier
        for noun in [kid] + [k for k in kid.children if k.dep_ == "compound"]:
            entry = best_entry(lookup(lex, "noun", noun), noun)
            if entry is not None:
                return entry, noun
    return None


def _natural_doer(tok: Token, lex: EventLexicon) -> bool:
    """The verb's subject is a force of nature or of the economy ("the hurricane hit the
    coast", "the recession hit exporters"), or the act happened in a mishap ("killed in a
    car crash"): no act of an actor."""
    forces = lex.word_list("natural_forces")
    doers = [k for k in tok.children if k.dep_ == "nsubj"]
    doers += [g for k in tok.children if k.dep_ == "agent" for g in k.children]
    if tok.dep_ == "relcl" and any(d.tag_ in _RELATIVES for d in doers):
        doers.append(tok.head)  # "the earthquake that struck the coast"
    if any(d.lemma_.lower() in forces for d in doers):
        return True
    mishaps = lex.word_list("mishaps")  # "killed in a car crash"
    return any(k.dep_ == "prep" and k.lower_ == "in" and g.dep_ == "pobj"
               and g.lemma_.lower() in mishaps for k in tok.children for g in k.children)


def _verb_match(tok: Token, lex: EventLexicon, is_actor: IsActor | None = None,
                ) -> Match | None:
    own = best_entry(lookup(lex, "verb", tok), tok)
    if own is None or own.specificity == 0:
        ordered = _directed(tok, lex, is_actor)  # "ordered the arrest of X" is an arrest
        if ordered is not None:
            return ordered
    light = _light_noun(tok, lex)
    if own is None and light is None:
        own = _joint_act(tok, lex)
    if (own is None and light is None) or _natural_doer(tok, lex):
        return None
    if light is not None and (own is None or own.specificity < 2):
        return Match(light[0], light[1], tok, light[1])
    return Match(own, tok, tok) if own is not None else None


#: The rule name of an act two sides do jointly (:func:`_joint_act`).
JOINT_ACT = "joint_act"


def _joint_act(tok: Token, lex: EventLexicon) -> TriggerEntry | None:
    """An act done jointly, which no entry codes, is material cooperation (CAMEO 06,
    PLOVER COOPERATE: "mutual material cooperation", "joint military games and
    maneuvers"): "jointly opened a railway", "patrolled the strait together", "set up a
    joint intelligence cell". Its kind is the first of ``joint_domains`` whose words the
    verb or its objects use. Not what is said or held jointly ("a joint statement", "a
    joint news conference": ``joint_not``), nor a report or a state ("said together")."""
    if not _done_jointly(tok, lex):
        return None
    verbs = set(lemma_keys(tok))
    words = object_lemmas(tok) | verbs
    if verbs & (lex.word_list("reporting") | lex.word_list("state_verbs")
                | lex.word_list("travel_verbs")) or words & lex.word_list("joint_not"):
        return None
    code = next((c for c, kinds in lex.joint_domains.items() if "*" in kinds or kinds & words),
                None)
    return None if code is None else TriggerEntry(JOINT_ACT, code, tok.lemma_.lower())


def _done_jointly(tok: Token, lex: EventLexicon) -> bool:
    """An adverb of the verb says the act is joint ("jointly ran", "sailed together"), or a
    modifier of one of its objects does ("opened a joint bank", "in a joint sweep")."""
    if any(k.dep_ == "advmod" and k.lower_ in lex.word_list("joint_adverbs")
           for k in tok.children):
        return True
    objects = [k for k in tok.children if k.dep_ in _OBJECT_DEPS]
    objects += [g for k in tok.children if k.dep_ == "prep" for g in k.children
                if g.dep_ == "pobj"]
    return any(m.dep_ == "amod" and m.lower_ in lex.word_list("joint_modifiers")
               for o in objects for m in o.children)


def _directed(tok: Token, lex: EventLexicon, is_actor: IsActor | None) -> Match | None:
    """:func:`eventwire.events.directives.directed_match`, for an order verb only (imported
    here: the module reads the lexicon through this one)."""
    if not set(lemma_keys(tok)) & lex.word_list("directive_verbs"):
        return None
    from eventwire.events.directives import directed_match

    return directed_match(tok, lex, is_actor)


def _noun_match(tok: Token, lex: EventLexicon, is_actor: IsActor | None = None) -> Match | None:
    """A free-standing event noun with its own doer: "an attack by rebels on X", "an
    Israeli air strike", "a government crackdown" (``is_actor``: see ``modifier_agent``)."""
    entries = lookup(lex, "noun", tok)
    if not entries:  # most nouns: no need to look at the verb above
        return None
    if tok.dep_ in {"dobj", "nsubjpass"} and set(lemma_keys(tok.head)) & lex.word_list(
        "light_verbs"
    ):
        return None  # carried by its light verb
    entry = best_entry(entries, tok)
    if entry is None:
        return None
    has_doer = any(
        (k.dep_ == "prep" and k.lower_ == "by") or k.dep_ == "poss" and not _ended(k, lex)
        for k in tok.children
    )
    if has_doer or late_agent(tok) is not None or _between(tok, entry, lex) \
            or _reaction(tok, entry, lex):
        return Match(entry, tok, tok, tok)
    entry = _aimed(entries, entry, tok, lex)
    if entry.cameo[:2] in lex.word_list("modifier_doers") and not _topic(tok, lex) \
            and modifier_agent(tok, is_actor):
        return Match(entry, tok, tok, tok)  # "an Israeli air strike killed ..."
    clause = _occasion_of(tok, entry, lex)
    if clause is not None:
        return Match(entry, tok, clause, tok)  # its sides: the clause's subject, "with" X
    return None


def _ended(poss: Token, lex: EventLexicon) -> bool:
    """A pronoun owning an act that the verb ends or eases (``ending_verbs``): "lifted
    its blockade", "called off their strike" are no new blockade or strike."""
    act = poss.head
    return poss.tag_ == "PRP$" and act.dep_ == "dobj" \
        and bool(set(lemma_keys(act.head)) & lex.word_list("ending_verbs"))


def _aimed(entries: list[TriggerEntry], entry: TriggerEntry, tok: Token,
           lex: EventLexicon) -> TriggerEntry:
    """A noun of two readings aimed at someone is the act of force: "Russian strikes on
    the grid" are attacks, "strikes on Monday" or "nationwide strikes" stoppages. An
    entry whose doer its modifier names (``modifier_doers``) and one of whose target
    prepositions has an object that names someone or somewhere takes the place of
    ``entry``."""
    doers = lex.word_list("modifier_doers")
    if entry.cameo[:2] in doers:
        return entry
    for other in entries:
        if other.cameo[:2] in doers and any(
                k.dep_ == "prep" and k.lower_ in other.target and any(
                    o.dep_ == "pobj" and names_someone(o) for o in k.children)
                for k in tok.children):
            return other
    return entry


def _reaction(tok: Token, entry: TriggerEntry, lex: EventLexicon) -> bool:
    """A verbal reaction its target drew ("drew criticism from Kyiv"): of the CAMEO roots
    of ``reaction_roots`` only ("drew protests from rights groups" are no demonstrations)."""
    return entry.cameo[:2] in lex.word_list("reaction_roots") and reaction_to(tok) is not None


def _occasion_of(tok: Token, entry: TriggerEntry, lex: EventLexicon) -> Token | None:
    """The verb of the clause an act done with one another is the occasion of: "Seoul and
    Tokyo agreed after talks with ...", "said after 16 hours of talks", "signed at a
    summit". The clause's subject took part in it (``occasion_preps``, ``spell_nouns``),
    and in one it came back from ("returned from talks with X": ``back_from_verbs``).
    A fight is the occasion of a clause only when the clause happened in it ("killed in
    clashes with X": ``fight_occasion_preps``); "agreed after two days of fighting" tells
    what came before."""
    if not done_together(entry, lex) or tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in lex.word_list("spell_nouns") \
            and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "after 16 hours of talks"
    fight = entry.id in lex.word_list("mutual_entries")
    verb = _clause_verb(prep.head)
    back = prep.lower_ == "from" and not fight \
        and verb.lemma_.lower() in lex.word_list("back_from_verbs")
    if prep.dep_ != "prep" or prep.lower_ not in lex.word_list(
            "fight_occasion_preps" if fight else "occasion_preps") and not back:
        return None
    if verb.pos_ not in _VERB_POS or verb.dep_ == "xcomp" or modal_of(verb, lex) is not None:
        return None  # "will sign after talks", "agreed to reopen it after talks": not yet
    return verb if _both_sides_named(tok, verb) else None


def _clause_verb(head: Token) -> Token:
    """The verb an occasion is of, when the parser hung it on the verb's object instead
    ("agreed to a cessation of hostilities *after ten days of talks*"): up from an object
    or a prepositional object to the verb, at most twice."""
    for _ in range(2):
        if head.pos_ not in _NOUN_POS:
            break
        if head.dep_ == "dobj":
            head = head.head
        elif head.dep_ == "pobj" and head.head.head.pos_ in _VERB_POS | _NOUN_POS:
            head = head.head.head
        else:
            break
    return head


def _both_sides_named(noun: Token, verb: Token) -> bool:
    """Whether an occasion names both its sides: coordinated subjects of its clause ("Kenya
    and Uganda agreed after talks"), or a partner after "with" or "between" ("said after
    talks with X"). One side alone at a summit is not yet a meeting with anyone."""
    if any(k.dep_ == "prep" and k.lower_ in {"with", "between"} for k in noun.children):
        return True
    if any(k.dep_ == "prep" and k.lower_ == "with" for k in verb.children):
        return True
    subjects = [k for k in verb.children if k.dep_ in {"nsubj", "nsubjpass"}]
    return any(k.dep_ == "conj" for s in subjects for k in s.children)


def _between(tok: Token, entry: TriggerEntry, lex: EventLexicon) -> bool:
    """An act done with one another, named with its sides: "talks between India and
    Pakistan", "a meeting between the two presidents"."""
    if "between" in entry.target or not done_together(entry, lex):
        return False
    return any(k.dep_ == "prep" and k.lower_ == "between" for k in tok.children)


def done_together(entry: TriggerEntry, lex: EventLexicon, code: str | None = None) -> bool:
    """Whether an entry's act is done with one another, by its code (``mutual_codes``;
    ``code`` when the act was coded otherwise than the entry says) or by the entry itself
    (``mutual_entries``: a battle, an exchange of fire)."""
    return lex.lists_code("mutual_codes", code or entry.cameo) \
        or entry.id in lex.word_list("mutual_entries")


def _topic(tok: Token, lex: EventLexicon) -> bool:
    """An act named as the object of another act ("condemned the Russian bombardment",
    "complained about Israeli air strikes") is that act's topic: with no "by" or
    possessive of its own, it is not reported as a new event."""
    if tok.dep_ in {"dobj", "attr"}:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in lex.word_list("topic_preps")


def _nominal(tok: Token) -> bool:
    """A participle used as a noun ("evacuated the wounded", "freed the detained"): it
    names people, not an act."""
    return tok.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"} and any(
        k.dep_ == "det" for k in tok.children
    )


def match_token(tok: Token, lex: EventLexicon, is_actor: IsActor | None = None) -> Match | None:
    """The entry ``tok`` triggers, or None."""
    if tok.pos_ in _VERB_POS:
        return None if _nominal(tok) or attributive(tok) else _verb_match(tok, lex, is_actor)
    if tok.pos_ in _NOUN_POS:
        if _verb_shaped(tok):  # "Tunisian police arrest opposition leader"
            return _verb_match(tok, lex, is_actor)
        return _noun_match(tok, lex, is_actor)
    if tok.pos_ == "ADJ":
        return _adjective_match(tok, lex)
    return None


def _verb_shaped(tok: Token) -> bool:
    """A word the tagger calls a noun that the parser gives a subject and an object: a
    headline's verb in the present ("Police arrest opposition leader", "Court orders
    new probe"), which the tagger reads as a plural noun. It is read as the verb."""
    deps = {k.dep_ for k in tok.children}
    return "nsubj" in deps and "dobj" in deps


def _adjective_match(tok: Token, lex: EventLexicon) -> Match | None:
    """An adjective entry said of its subject with a clause of what it would do: "Greece
    stands *ready* to help Turkey", "said it was *willing* to resume talks". The verb it
    completes carries the subject; the clause, the act and whom it is for."""
    entries = lookup(lex, "adj", tok)
    if not entries or tok.dep_ != "acomp" or not any(k.dep_ == "xcomp" for k in tok.children):
        return None
    entry = best_entry(entries, tok)
    return None if entry is None else Match(entry, tok, tok.head)
