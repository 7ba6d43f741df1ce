"""Source and target of a trigger, from the dependency parse (not from word order).

Why rules over the parse: voice, coordination and clause structure decide who acted on
whom. Active clauses give subject -> object; passives give the ``by`` agent -> the
subject; participles modifying a noun ("five men arrested by police") make the noun the
target; verbs without a subject of their own (infinitives, participles, conjoined verbs)
inherit the subject, and when they have no object, the object of the verb they hang on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.lexicon import word_list
from eventwire.events.tree import PAST_FORMS, headline_passive

__all__ = ["Arguments", "arguments_of", "order_arguments", "owned", "holder_of", "reciprocal",
           "recipient_of", "target_alternatives",
           "content_targets", "conditions_of", "event_agent", "late_agent", "modifier_agent",
           "names_someone", "IsActor"]

#: Whether a token names an actor (the event coder asks the actors stage's mentions).
IsActor = Callable[[Token], bool]

_SUBJ = frozenset({"nsubj", "csubj"})
_OBJ = frozenset({"dobj", "dative", "oprd"})
_INHERIT = frozenset({"xcomp", "advcl", "conj", "pcomp", "acomp"})
_EVENT_AGENT_PREPS = ("by", "from")


@dataclass(slots=True)
class Arguments:
    """Tokens heading the source and the target (None when the parse gives none)."""

    source: Token | None = None
    target: Token | None = None


def _child(tok: Token, deps: frozenset[str] | set[str]) -> Token | None:
    for kid in tok.children:
        if kid.dep_ in deps:
            return kid
    return None


def _pobj(tok: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of the first of ``preps`` the token governs, in order of preference; an
    "of" may hang on the token's "out" ("pulled out of Moldova")."""
    for prep in preps:
        for kid in _with_out(tok, prep):
            if kid.dep_ in {"prep", "agent", "dative"} and kid.lower_ == prep:
                obj = _child(kid, {"pobj"}) or _stranded_object(kid)
                if obj is not None:
                    return obj
    return None


def _with_out(tok: Token, prep: str) -> list[Token]:
    """The token's children, and for "of" those of its "out" too."""
    kids = list(tok.children)
    if prep != "of":
        return kids
    return kids + [g for k in kids if k.lower_ == "out" and k.dep_ in {"prep", "prt", "advmod"}
                   for g in k.children]


def _stranded_object(prep: Token) -> Token | None:
    """The noun phrase right after a preposition the parse left without an object, when
    it took the phrase as the subject of a clause that follows ("granted asylum to [five
    officers] holed up in the embassy"): the head whose phrase begins after the
    preposition."""
    if _child(prep, {"pcomp"}) is not None or prep.i + 1 >= len(prep.doc):
        return None
    nxt = prep.doc[prep.i + 1]
    for tok in [nxt, *nxt.ancestors][:4]:
        if tok.left_edge.i == prep.i + 1 and tok.pos_ in {"NOUN", "PROPN", "PRON"} \
                and tok.dep_ in _SUBJ | {"nsubjpass"}:
            return tok
    return None


def _subject(verb: Token) -> Token | None:
    """The subject; with two ("Old foes Gondor and Osgiliath"), the proper name."""
    subjects = [_participle_subject(k) for k in verb.children if k.dep_ in _SUBJ]
    names = [k for k in subjects if k.pos_ == "PROPN"]
    found = names or subjects
    return found[0] if found else None


def _participle_subject(tok: Token) -> Token:
    """"The Red Cross operating in Iraq said", parsed with the participle as subject: the
    participle's own subject is the speaker."""
    if tok.tag_ == "VBG" and tok.pos_ == "VERB":
        return _child(tok, {"nsubj"}) or tok
    return tok


def _agent(tok: Token) -> Token | None:
    agent = _child(tok, {"agent"})
    return _child(agent, {"pobj"}) if agent is not None else _stray_agent(tok)


def _stray_agent(verb: Token) -> Token | None:
    """ "was accused of harbouring militants by India", parsed with "by India" on the
    active gerund of the passive's complement: an active verb has no agent, so a "by"
    phrase there that names someone is the passive's."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for comp in prep.children:
            if comp.dep_ == "pcomp" and comp.tag_ == "VBG":
                by = _pobj(comp, ("by",))
                if by is not None and names_someone(by):
                    return by
    return None


def _is_passive(verb: Token) -> bool:
    """In the passive voice, also without its auxiliary: a reduced relative ("five men
    arrested by police") or a headline's participle ("Opposition leader arrested in
    capital", whose subject is acted upon)."""
    if any(k.dep_ in {"nsubjpass", "auxpass"} for k in verb.children):
        return True
    if headline_passive(verb, PAST_FORMS):
        return True  # a headline writes no past tense: "plane shot down near border"
    return verb.tag_ == "VBN" and (verb.dep_ == "acl" or _passive_conjunct(verb))


def _passive_conjunct(verb: Token) -> bool:
    """A participle coordinated with a passive verb, with no subject or auxiliary of its
    own, shares its voice: in "X was arrested at home and *charged* with
    treason", X is charged. "Police have arrested and charged X" is active throughout.
    Only after "and": "were killed or wounded" counts the victims of one act, which the
    first participle carries."""
    head = verb.head
    joined = [k.lower_ for k in head.children if k.dep_ == "cc" and head.i < k.i < verb.i]
    return verb.dep_ == "conj" and head.tag_ == "VBN" and head.i < verb.i \
        and joined == ["and"] \
        and not any(k.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "dobj"}
                    for k in verb.children) \
        and any(k.dep_ in {"nsubjpass", "auxpass"} for k in head.children)


def _listed_before(verb: Token) -> Token | None:
    """The first verb of a headline's list of acts, which the parser hangs as a complement
    of the last ("Rabat recalls its envoy, accuses Berlin of hostile acts"): a clause
    before the subjectless root, closed by a comma. Its subject did both."""
    if verb.dep_ != "ROOT":
        return None
    for k in verb.children:
        if k.dep_ == "ccomp" and k.i < verb.i and _comma_closed(k, verb):
            return k
    return None


def _comma_closed(clause: Token, verb: Token) -> bool:
    """Whether a comma closes ``clause`` before ``verb``: after its last word, or as its
    last word (the parser may hang the comma on the clause)."""
    end = clause.right_edge.i
    if verb.doc[end].text == ",":
        return end < verb.i
    return end + 1 < verb.i and verb.doc[end + 1].text == ","


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """(token, is_agent): the acting subject, inherited up a chain of bare verbs."""
    node = verb
    for _ in range(6):
        if _is_passive(node):
            if node is not verb:  # "X was seen to break in": X is the breaker
                raised = _child(node, {"nsubjpass"})
                if raised is not None:
                    return raised, True
            return _agent(node), True
        subj = _subject(node)
        if subj is not None:
            return subj, True
        if node.dep_ == "relcl":
            return node.head, True
        if node.dep_ == "acl" and node.head.lemma_.lower() in word_list("intent_nouns"):
            owner = event_agent(node.head)
            if owner is not None:
                return owner, True  # "Canada's decision to recognise": Canada recognises
        if node.dep_ == "acl" and node.tag_ == "VBG":
            author = _author(node.head)
            if author is not None:
                return author, True  # "an EU statement criticising X": the EU's words
            sender = _sender_verb(node.head)
            if sender is not None:
                node = sender  # "sent a letter (to X) urging Y": the letter's sender
                continue
            return node.head, True
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.i != node.head.i:
            prep, node = node.head, node.head.head  # "said after meeting X": who said, met
            obj = _child(node, _OBJ)
            if obj is not None and prep.lower_ in word_list("object_control_preps"):
                return obj, True  # "thanked X for sending", "barred X from meeting"
            continue
        reporter = _reported_by(node)
        if reporter is not None:  # "Chile said Peru had ..., accusing": Chile accuses
            node = reporter
            continue
        first = _listed_before(node)
        if first is not None:  # "Rabat recalls its envoy, accuses Berlin": Rabat accuses
            node = first
            continue
        if node.dep_ not in _INHERIT or node.head is node:
            return None, False
        if node.dep_ == "xcomp":
            obj = _child(node.head, _OBJ)
            if obj is not None and node.head.lemma_ not in word_list("subject_control"):
                return obj, True  # object control: "urged X to respond"
        node = _coordinated_with(node) if node.dep_ == "conj" else node.head
    return None, False


def _reported_by(verb: Token) -> Token | None:
    """The reporting verb a participle of speech after a comma goes with, when the parser
    hangs it on the reported clause: in "Chile said Peru had broken the truce, *accusing*
    Lima of bad faith", Chile accuses, not Peru. Only a verb of speech
    (``speech_participles``): in "police said the gunman opened fire, *killing* three",
    the killing is the gunman's."""
    clause = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or clause.dep_ != "ccomp" \
            or clause.i > verb.i or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if verb.lemma_.lower() not in word_list("speech_participles") \
            or clause.head.lemma_.lower() not in word_list("reporting"):
        return None
    return clause.head


def _coordinated_with(verb: Token) -> Token:
    """The verb a conjunct verb is coordinated with: its head, or the verb whose complement
    the parser hung it on when the two share a tense the complement lacks. In "Norway
    said it would admit more refugees and urged ...", "urged" is parsed as a conjunct of
    "admit", but a past tense cannot be coordinated with "would admit", "had failed" or
    "to remove": it goes with "said", and Norway urges. A verb whose past is its bare form
    ("cut") is not moved: its tag is then a guess."""
    head = verb.head
    if verb.lower_ == verb.lemma_.lower():
        return head  # "cut", "put", "hit": a past tense or a bare verb, the tag may be either
    if verb.tag_ in _FINITE and head.dep_ in {"ccomp", "xcomp"} and head.tag_ != verb.tag_ \
            and head.head.tag_ == verb.tag_:
        return head.head
    return head


#: Finite verb tags whose tense a coordinated verb shares (past, and the present of
#: headlines and ledes: "says ... and urges").
_FINITE = frozenset({"VBD", "VBZ"})


def _author(noun: Token) -> Token | None:
    """Who wrote an instrument noun ("a letter"), when the noun itself says: "an EU
    statement", "Russia's note", "a letter from the ambassador". Whoever handles the
    words ("blocked an EU statement") did not write them."""
    if noun.lemma_.lower() not in word_list("instrument_nouns"):
        return None
    return event_agent(noun)


def _sender_verb(noun: Token) -> Token | None:
    """The verb that sent an instrument noun ("a letter"), seen from the noun or from the
    addressee the participle may hang on ("sent a letter to the ambassador urging...")."""
    instruments = word_list("instrument_nouns")
    if noun.lemma_.lower() in instruments and noun.head is not noun:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.head is not noun.head:
        verb = noun.head.head
        if any(k.dep_ == "dobj" and k.lemma_.lower() in instruments for k in verb.children):
            return verb
    return None


def _passive_target(verb: Token) -> Token | None:
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if _passive_conjunct(verb):
        return _passive_target(verb.head)
    return _child(verb, {"nsubjpass"}) or (
        _child(verb, {"nsubj"}) if headline_passive(verb, PAST_FORMS) else None)


def event_agent(noun: Token, is_actor: IsActor | None = None) -> Token | None:
    """The doer of an event noun: "an attack by rebels", "Israel's raid", "an Israeli
    air strike", "a government crackdown"."""
    by = _pobj(noun, _EVENT_AGENT_PREPS) or late_agent(noun)
    if by is not None:
        return by
    poss = None if _patient_noun(noun) else _child(noun, {"poss"})
    return poss if poss is not None else modifier_agent(noun, is_actor)


def _patient_noun(noun: Token) -> bool:
    """"his arrest", "the reporter's killing": the possessor is who the act is done to."""
    return noun.lemma_.lower() in word_list("patient_nouns")


def late_agent(noun: Token) -> Token | None:
    """ "the expulsion of diplomats by Ankara", parsed with "by Ankara" on "diplomats": a
    "by" phrase after the act's "of" object is the act's agent; "soldiers captured by
    Hezbollah in a raid": the doer of the act a noun of force happened in is the raid's."""
    patient = _pobj(noun, ("of",))
    if patient is not None:
        return _pobj(patient, ("by",))
    return _doer_in(noun)


def _doer_in(noun: Token) -> Token | None:
    """The agent of the passive verb whose "in" or "during" phrase a noun of force is
    ("captured by Hezbollah in a cross-border raid"); only for nouns of force
    (``doer_in_nouns``)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during") or prep.head.i == prep.i \
            or noun.lemma_.lower() not in word_list("doer_in_nouns"):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or not _is_passive(verb):
        return None  # an active verb's doer is read by the act itself
    agent = _agent(verb)
    return agent if agent is not None and agent.pos_ in {"NOUN", "PROPN"} else None


_AGENT_MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod"})
_NAMED = frozenset({"NORP", "GPE", "ORG", "PERSON"})
_WHEN = frozenset({"DATE", "TIME"})


def names_someone(tok: Token) -> bool:
    """Without the actor mentions: a name or a nationality, on the word or its modifiers
    ("Turkish artillery" names someone, "air" in "air strike" does not, nor "Monday")."""
    return any(t.ent_type_ in _NAMED or t.pos_ == "PROPN" and t.ent_type_ not in _WHEN
               for t in [tok, *tok.lefts])


def modifier_agent(noun: Token, is_actor: IsActor | None = None) -> Token | None:
    """The modifier of an act's noun that names who acted: "Israeli" in "an Israeli air
    strike", "artillery" in "Turkish artillery shelling". ``is_actor`` says which tokens
    name actors (the event coder passes the actors stage's answer); without it, names
    and nationalities count."""
    test = is_actor or names_someone
    goes_to = _destination(noun)
    for kid in reversed(list(noun.lefts)):  # the nearest modifier first
        if kid.dep_ in _AGENT_MODIFIERS and test(kid) and (goes_to is None or kid.i != goes_to.i):
            return kid
    return None


def _act_doer(tok: Token | None, is_actor: IsActor | None) -> Token | None:
    """A subject that is an act names its doer: "a raid by NATO-led troops killed four
    civilians" and "an Israeli air strike killed ..." were acts of the troops and of the
    Israeli military, not of the raid or the strike."""
    if tok is None or not (tok.lemma_.lower() in word_list("act_nouns") or _gerund(tok)):
        return tok
    return event_agent(tok, is_actor) or tok


def _gerund(tok: Token) -> bool:
    """An -ing form used as a noun: "Turkish artillery shelling of Kurdish positions"."""
    return tok.tag_ == "VBG" and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}


def object_of(verb: Token, preps: tuple[str, ...]) -> Token | None:
    """The direct object, else the object of a target preposition, else an inherited one."""
    if _is_passive(verb):
        return _passive_target(verb)
    for obj in verb.children:  # "shot dead a protester": not the predicate "dead"
        if obj.dep_ in _OBJ and (obj.pos_ in {"NOUN", "PROPN", "PRON"} or reciprocal(obj)):
            return obj
        if obj.dep_ in _OBJ and obj.pos_ == "NUM" and (counted := _pobj(obj, ("of",))):
            return counted  # "freed two of the hostages": the hostages
    for kid in verb.children:  # "met visiting President X", read as "met [visiting X]"
        if attributive(kid):
            return _child(kid, {"dobj"})
    return _pobj(verb, preps)


def attributive(tok: Token) -> bool:
    """A participle of ``attributive_participles`` right after a verb, parsed as a clause
    of it ("met visiting President X"): a title of the name after it, not an act."""
    return tok.dep_ in {"advcl", "xcomp", "ccomp"} and tok.i == tok.head.i + 1 \
        and tok.lower_ in word_list("attributive_participles") \
        and not any(k.dep_ in _OBJ for k in tok.head.children)


def recipient_of(verb: Token) -> Token | None:
    """Whom something is handed or sent to: the object of the verb's "to" ("handed the
    suspect over to the police")."""
    return _pobj(verb, ("to",))


def reciprocal(tok: Token | None) -> bool:
    """Whether an argument is "each other" or "one another" (``reciprocals`` of the
    lexicon; the tagger often reads "other" as an adjective): coordinated sources acting
    on it act on one another."""
    if tok is None:
        return False
    pairs = word_list("reciprocals")
    return any(f"{k.lower_} {tok.lower_}" in pairs for k in tok.lefts) or any(
        f"{tok.lower_} {k.lower_}" in pairs for k in tok.rights)  # "one" heading "another"


def _complement_subject(verb: Token) -> Token | None:
    """"allowed them to fly" parsed as a clause: its subject is the verb's target."""
    for kid in verb.children:
        if kid.dep_ in {"ccomp", "xcomp"}:
            subj = _child(kid, {"nsubj", "nsubjpass"})
            if subj is not None:
                return subj
    return None


def holder_of(target: Token) -> Token | None:
    """Who holds a person: "five men arrested by police" -> police (for releases)."""
    for kid in target.children:
        if kid.dep_ == "acl" and kid.tag_ == "VBN":
            agent = _agent(kid)
            if agent is not None:
                return agent
    return None


def arguments_of(
    verb: Token, noun: Token | None, preps: tuple[str, ...], complement: bool = False,
    is_actor: IsActor | None = None,
) -> Arguments:
    """Source and target for a verb trigger, or a noun trigger carried by ``verb``.

    An act's noun, or a gerund used as one, takes its doer from "by", a possessive or an
    actor modifier, and its target from the entry's prepositions, then "of" ("the
    bombardment of X", "the expulsion of diplomats by Ankara")."""
    if noun is not None and verb is noun:
        drawn = reaction_to(noun)
        if drawn is not None:
            return Arguments(*drawn)
        target = _noun_target(noun, preps)
        source = event_agent(noun, is_actor)
        if source is None and "between" not in preps:
            source = _pobj(noun, ("between",))  # "talks between India and Pakistan"
        return Arguments(source, target)
    if noun is None and _gerund(verb):
        target = _child(verb, _OBJ) or _pobj(verb, (*preps, "of"))
        return Arguments(event_agent(verb, is_actor), target)
    source = _act_doer(subject_of(verb)[0], is_actor)
    if source is None and noun is not None and noun.dep_ == "pobj" and _is_passive(verb) \
            and noun.head.head.i == verb.i:
        source = _child(verb, {"nsubjpass"})  # "troops were killed in clashes with X": a side
    if source is None and noun is not None and "between" not in preps:
        # "talks were held in Cairo between Egypt and Sudan": the sides, as with the noun's
        source = _pobj(noun, ("between",)) or _pobj(verb, ("between",))
    if noun is not None:  # "announced the expulsion of the envoy": "of" after the rest
        target = _pobj(noun, preps) or _pobj(verb, preps) or _noun_target(noun, ())
        return Arguments(source, target)
    target = object_of(verb, preps)
    if target is None and complement:
        target = _complement_subject(verb)  # "allowed them to fly" (not "said X did")
    if target is not None and target.pos_ == "NOUN":
        doer = event_agent(target, is_actor)
        if doer is not None and target.lemma_ in word_list("act_nouns"):
            target = doer  # "condemned an attack by X" targets X
    if target is None and verb.dep_ == "conj":
        target = object_of(_coordinated_with(verb), preps)  # "accused X ... and demanded"
    return Arguments(source, target)


def reaction_to(noun: Token) -> tuple[Token, Token] | None:
    """(doer, target) of a reaction its target drew (``reaction_verbs``), or one its
    target's act answered (``reaction_preps``): "the Pope drew *criticism from Kyiv*" is
    Kyiv's criticism of the Pope; "arrested in Vancouver *at the request of the United
    States*" and "refused *despite appeals from UN agencies*" are requests to whoever acted.
    "Of" names the doer only of a request (``request_of_nouns``): "criticism of the plan"
    is about the plan."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in word_list("reaction_verbs"):
        doer, verb = _pobj(noun, ("from",)) or _pobj(head, ("from",)), head
    elif noun.dep_ == "pobj" and head.lower_ in word_list("reaction_preps"):
        preps = ("from", "of") if noun.lemma_.lower() in word_list("request_of_nouns") \
            else ("from",)
        owner = None if _patient_noun(noun) else _owner(noun)  # "after the leader's arrest"
        doer, verb = _pobj(noun, preps) or owner, head.head
    else:
        return None
    target = subject_of(verb)[0] if verb.pos_ in {"VERB", "AUX"} else None
    return None if doer is None or target is None else (doer, target)


def _owner(noun: Token) -> Token | None:
    """A possessor that names someone, not a pronoun ("at *Kenya's* request")."""
    return next((k for k in noun.children if k.dep_ == "poss" and k.tag_ != "PRP$"), None)


def _noun_target(noun: Token, preps: tuple[str, ...]) -> Token | None:
    """Whom an act written as a noun is done to: the object of the entry's prepositions,
    then of "of" ("the bombardment of X"), then the possessor of a patient noun ("his
    arrest")."""
    target = _pobj(noun, (*preps, "of"))
    if target is None and _patient_noun(noun):
        target = _child(noun, {"poss"})
    return target if target is not None else _destination(noun)


def _destination(noun: Token) -> Token | None:
    """The place a trip noun names before it: "began a *Japan* visit", "his *Gulf* tour"
    (``destination_nouns``): where the visitor goes, not who goes."""
    if noun.lemma_.lower() not in word_list("destination_nouns"):
        return None
    return next((k for k in noun.lefts if k.dep_ == "compound" and k.ent_type_ in _PLACES),
                None)


_PLACES = frozenset({"GPE", "LOC"})


def owned(tok: Token) -> bool:
    """A word owned through a possessive pronoun: "its troops", "their forces"."""
    return any(k.dep_ == "poss" and k.tag_ == "PRP$" for k in tok.children)


def order_arguments(
    order: Token, act: Token, preps: tuple[str, ...], is_actor: IsActor | None = None,
) -> Arguments:
    """Source and target of an ordered act ("ordered the arrest of X", "ordered police to
    disperse the crowd", "ordered him held"): who gave the order acts, on whom the act
    is done. When the order itself reads as the act ("ordered the envoys out") its object,
    or its clause's subject ("ordered [the envoys to leave]"), is the target."""
    if act is order:
        return arguments_of(order, None, preps, True, is_actor)
    source = _act_doer(subject_of(order)[0], is_actor)
    if act.pos_ in {"NOUN", "PROPN"}:  # "ordered the arrest of X", "ordered X held in custody"
        target, clause = _noun_target(act, preps), act.head
    else:
        target, clause = object_of(act, preps), act
    if target is None and clause is not order and clause.tag_ == "VBN":
        # "ordered him held", "ordered them shut": the one the order names undergoes it
        target = _child(clause, {"nsubj", "nsubjpass"}) or _child(order, _OBJ)
    return Arguments(source, target)


def target_alternatives(verb: Token, target: Token | None, preps: tuple[str, ...]) -> list[Token]:
    """Where else the target may be when the object names no actor: the object's owner
    or modifier ("praised Haiti's efforts"), a prepositional object of the verb
    ("granted asylum to five officers") or of the object ("ties with Iran"). An owner
    written as a possessive pronoun is the actor itself ("lifted its ban", "offered his
    condolences to X"), not whom the act is done to."""
    out: list[Token] = []
    if target is not None:
        out.extend(k for k in target.children
                   if k.dep_ in {"poss", "compound", "amod"} and k.tag_ != "PRP$")
        found = _pobj(target, ("by", "from", "to", "with", "against", "on", "of", "for"))
        if found is not None:
            out.append(found)
    found = _pobj(verb, preps + ("to", "with", "against", "in", "from"))
    if found is not None and found is not target:
        out.append(found)
    if found is not None:  # "against Kampuchean guerrilla camps"
        out.extend(_modifiers(found))
    if target is not None:  # "a resumption of ties with X": an actor deeper in the object
        # not inside a clause of its own that modifies the object ("signed a deal brokered
        # by Qatar", "the truce brokered by Egypt": Qatar and Egypt are that act's doers)
        inner = {i for k in target.children if k.dep_ in {"acl", "relcl"}
                 for i in range(k.left_edge.i, k.right_edge.i + 1)}
        out.extend(t for t in target.subtree
                   if t.pos_ in {"PROPN", "NOUN"} and t is not target and t.i not in inner)
    out.extend(purpose_objects(verb))
    return out


def purpose_objects(verb: Token) -> list[Token]:
    """Whom a means is used on, named in its purpose clause (``purpose_verbs``): "fired
    tear gas to *disperse* opposition supporters", "used water cannon to scatter the
    crowd"."""
    verbs = word_list("purpose_verbs")
    return [obj for k in verb.children
            if k.dep_ in {"advcl", "xcomp"} and k.lemma_.lower() in verbs
            for obj in k.children if obj.dep_ == "dobj"]


def _modifiers(tok: Token) -> list[Token]:
    return [k for k in tok.children if k.dep_ in {"poss", "compound", "amod"}]


def conditions_of(clause: Token, marks: frozenset[str]) -> list[Token]:
    """The adverbial clauses of ``clause`` that a word of ``marks`` opens ("if", "unless")."""
    return [adv for adv in clause.children if adv.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in marks for m in adv.children)]


def _condition_subjects(clauses: list[Token]) -> list[Token]:
    """The subjects of the "if" or "unless" clauses of ``clauses``: the party a threat or
    warning is aimed at ("warned it would retaliate if Washington went ahead")."""
    marks = frozenset({"if", "unless"})
    return [subj for clause in clauses for adv in conditions_of(clause, marks)
            for subj in adv.children if subj.dep_ in {"nsubj", "nsubjpass"}]


def content_targets(verb: Token) -> list[Token]:
    """Who a demand, threat or refusal is about: the subject of a condition it sets
    ("threatened sanctions if Ankara ..."), else the subject, object or prepositional
    object of its complement ("demanded that the US cancel...", "threatened to cut off
    electricity to X")."""
    deps = {"xcomp", "ccomp", "acl"} if verb.pos_ == "NOUN" else {"xcomp", "ccomp"}
    comps = [k for k in verb.children if k.dep_ in deps]
    comps += [g for k in verb.children if k.dep_ == "acomp"  # "was ready to help X"
              for g in k.children if g.dep_ == "xcomp"]
    out = _condition_subjects([verb, *comps])
    for comp in comps:  # a noun's clause: "its demand that Israel lift ..."
        args = [k for k in comp.children if k.dep_ in {"nsubj", "nsubjpass", "dobj"}]
        out.extend(args)
        found = _pobj(comp, ("to", "against", "on", "with", "from", "in"))
        if found is not None:
            out.append(found)
        for obj in args:  # "refusing to lift the curfew on Palestinian towns"
            deeper = _pobj(obj, ("on", "against", "to", "with", "of"))
            if deeper is not None:
                out.extend([deeper, *_modifiers(deeper)])
    return out
