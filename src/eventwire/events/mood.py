"""Is a trigger reported as a fact? Negation, modality, conditions, content and genericity.

Why a separate module: deciding *whether* something happened is independent of *what*
happened. A trigger under "did not", "would", "if", "urged ... to" or "usually" is not an
event of the sentence; the checks only read the dependency parse and word lists from the
lexicon, so they work the same for the built-in lexicon and PETRARCH dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.lemmas import lemma_keys
from eventwire.events.lexicon import EventLexicon
from eventwire.events.tree import (
    PAST_FORMS,
    KidsOf,
    headline_passive,
    memo_children,
    own_children,
)

__all__ = ["Mood", "mood_of", "content_governor"]

_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "acl", "advcl", "relcl", "conj"})
_CONTENT_DEPS = _COMPLEMENT_DEPS - {"relcl"}  # a relative clause is no one's content


@dataclass(frozen=True, slots=True)
class Mood:
    """What the checks found about one trigger."""

    negated: bool = False
    modal: str | None = None  # "future" or "modal"
    conditional: bool = False
    content: bool = False  # inside a demand, hope, plan, accusation...
    governor: Token | None = None
    generic: bool = False

    @property
    def factual(self) -> bool:
        return not (self.negated or self.modal or self.conditional or self.content
                    or self.generic)


def _verb_children(tok: Token, kids: KidsOf = own_children) -> list[Token]:
    """The trigger's children, and its light verb's when the trigger is a noun object, or
    its copula's when it is an adjective said of the subject ("was not ready to")."""
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "pobj"}:
        head = tok.head.head if tok.dep_ == "pobj" else tok.head
        return [*kids(tok), *kids(head)]
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
        return [*kids(tok), *kids(tok.head)]
    return kids(tok)


def is_negated(tok: Token, lex: EventLexicon, kids: KidsOf = own_children) -> bool:
    """``did not attack``, ``never visited``, ``no talks were held`` (``kids``: how the
    checks read a token's children, see :mod:`eventwire.events.tree`)."""
    negs = lex.word_list("negations")
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True  # "agreed to resign without returning"
    for kid in _verb_children(tok, kids):
        if kid.dep_ == "neg" or (kid.dep_ in {"advmod", "det"} and kid.lower_ in negs):
            return True
        if kid.dep_ in {"nsubj", "nsubjpass", "dobj"} and _nobody(kid, lex, kids):
            return True  # "neither country has sent troops", "arrested no one"
    return _not_yet(tok, kids) or _called_off(tok, lex, kids)


def _called_off(tok: Token, lex: EventLexicon, kids: KidsOf) -> bool:
    """An act named as what was cancelled ("scrapped the visit", "summit called off",
    "Dalai Lama visit scrapped"): it did not take place (``cancel_verbs``; ``off_verbs``
    with "off")."""
    if any(k.dep_ in {"acl", "advcl"} and k.tag_ == "VBN" and k.i > tok.i
           and k.lemma_.lower() in lex.word_list("cancel_verbs") for k in kids(tok)):
        return True  # "Dalai Lama visit to Oslo scrapped", read as a verb and a participle
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ not in {"dobj", "nsubjpass", "nsubj"}:
        return False
    verb = tok.head
    if verb.i == tok.i or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if tok.dep_ == "nsubj" and not headline_passive(verb, PAST_FORMS, kids):
        return False  # only a headline's participle: "visit called off"
    lemma = verb.lemma_.lower()
    if lemma in lex.word_list("cancel_verbs"):
        return True
    return lemma in lex.word_list("off_verbs") and any(
        k.dep_ in {"prt", "advmod", "prep"} and k.lower_ == "off" for k in kids(verb))



def _nobody(subject: Token, lex: EventLexicon, kids: KidsOf) -> bool:
    """A subject that says no one did it (``negative_subjects``, or one of them as its
    determiner: "neither side", "no country")."""
    words = lex.word_list("negative_subjects")
    return subject.lower_ in words or any(
        k.dep_ in {"det", "preconj"} and k.lower_ in words for k in kids(subject))


def _not_yet(tok: Token, kids: KidsOf) -> bool:
    """"has yet to recognise", "is yet to respond": not done so far."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.i != tok.i and head.lemma_ in ("have", "be") \
        and any(k.dep_ == "advmod" and k.lower_ == "yet" for k in kids(head))


def modal_of(tok: Token, lex: EventLexicon, kids: KidsOf = own_children) -> str | None:
    """"future" for will/shall/going to, "modal" for would/could/may..., else None."""
    for kid in _verb_children(tok, kids):
        if kid.dep_ not in {"aux", "auxpass"}:
            continue
        if _will(kid, lex):
            return "future"
        if kid.lower_ == "would" and _reported(tok, lex) and not _perfect(tok, kids):
            return "future"  # "said they would boycott": an announced act
        if kid.lower_ in lex.word_list("modals"):
            return "modal"
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "go" and tok.head.tag_ == "VBG":
        return "future"
    # the infinitive is the trigger's, or its light verb's ("China to hold drills")
    verb = tok.head if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "dobj" else tok
    if any(k.dep_ == "aux" and k.lower_ == "to" for k in kids(verb)):
        planned = _to_be_done(verb, lex, kids)
        if planned is not None:
            return planned
    means = tok.head
    if tok.dep_ == "pcomp" and means.lower_ == "by" and means.head.i != means.i:
        return modal_of(means.head, lex, kids)  # "could hit back by restricting exports"
    if tok.pos_ == "NOUN" and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.i != tok.i:
        told = modal_of(tok.head, lex, kids)  # "talks will resume", "a visit could follow"
        if told is not None:
            return told
        if set(lemma_keys(tok.head)) & lex.word_list("schedule_verbs"):
            return "future"  # "talks are scheduled for May", "a vote is expected to follow"
    if tok.dep_ == "xcomp" and tok.tag_ == "VBG" and any(
            k.dep_ == "aux" and _will(k, lex) for k in kids(tok.head)):
        return "future"  # "will begin pulling out": the pull-out is to come
    if tok.dep_ in {"xcomp", "ccomp"} and tok.head.i < tok.i and any(
            k.dep_ == "aux" and k.lower_ in lex.word_list("modals")
            and (k.lower_ != "would" or not _reported(tok.head, lex))
            for k in kids(tok.head)):
        # "the deal would see Russia withdraw", "could force Kyiv to cede"; a complement
        # before its head is a misread main clause ("He urged ..., so the city would")
        return "modal"
    return None


def _to_be_done(tok: Token, lex: EventLexicon, kids: KidsOf) -> str | None:
    """An infinitive that says what is to come: a headline's ("Kenya to deploy police to
    Haiti"), or after "be" ("the envoys are to meet on Saturday", "is due to visit");
    "modal" for an inverted condition ("Were Pyongyang to offer ...")."""
    head = tok.head
    if head.i == tok.i:  # "France first to recognise X" tells who did it first
        subject = next((k for k in kids(tok) if k.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return None
        ranks = lex.word_list("rank_words")
        ranked = any(k.lower_ in ranks for k in [*kids(subject), *kids(tok)] if k.i < tok.i)
        return None if ranked else "future"
    if head.lemma_ != "be" or tok.dep_ not in {"xcomp", "advcl"}:
        return None
    if head.i == head.sent.start and head.lower_ == "were":
        return "modal"
    return "future" if tok.dep_ == "xcomp" and any(
        k.dep_ in {"nsubj", "nsubjpass"} for k in kids(head)) else None


def _perfect(tok: Token, kids: KidsOf) -> bool:
    """"would have released": what did not happen, not what will."""
    return any(k.dep_ == "aux" and k.lemma_ == "have" for k in _verb_children(tok, kids))


def _reported(tok: Token, lex: EventLexicon) -> bool:
    """The clause is what a reporting verb reports, or is conjoined to it ("said Pakistan
    did not want escalation and would free the pilot")."""
    node = _clause_head(tok)
    for _ in range(4):
        if node.dep_ != "conj" or node.head is node:
            break
        node = node.head
    return node.dep_ == "ccomp" and _reads_as(node.head, lex.word_list("reporting"))


def _clause_head(tok: Token) -> Token:
    """The verb whose clause contains ``tok`` (itself when it is a verb)."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.dep_ in {"dobj", "pobj", "prep", "attr",
                                                          "acomp"}:
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def is_conditional(tok: Token, lex: EventLexicon, kids: KidsOf = own_children) -> bool:
    """The trigger's clause, or a clause above it, is introduced by if/unless; or the
    trigger is a noun no act answers to yet ("any attack on the port would", "warned against
    any recognition": ``irrealis_determiners``)."""
    if tok.pos_ == "NOUN" and any(k.dep_ == "det" and k.lower_ in
                                  lex.word_list("irrealis_determiners") for k in kids(tok)):
        return True
    marks, pending = lex.word_list("conditional"), lex.word_list("pending")
    node = _clause_head(tok)
    for _ in range(8):
        below = kids(node)
        if any(k.dep_ == "mark" and k.lower_ in marks for k in below):
            return True
        if _pending(node, below, pending, lex):
            return True
        head = node.head
        if head.i == node.i:  # the root (a Token is made anew at each access: no "is")
            return _asks(node, lex)
        if node.dep_ not in _COMPLEMENT_DEPS:
            return False
        node = head
    return False


def _asks(root: Token, lex: EventLexicon) -> bool:
    """Whether a sentence (by its root) is a question: "Did Beijing send troops?" asks
    whether an act happened and asserts nothing. It opens with an auxiliary or a question
    word (``question_openers``) and the question mark closes it, unlike a statement that
    ends with a question it quotes ("he met X, and his question was, 'Is there hope?'")."""
    doc, start, end = root.doc, root.left_edge.i, root.right_edge.i
    while end > root.i and doc[end].is_punct and doc[end].text != "?":
        end -= 1  # a closing quote or bracket after the question mark
    while start < root.i and doc[start].is_punct:
        start += 1  # an opening quote
    return doc[end].text == "?" and doc[start].lower_ in lex.word_list("question_openers")


def _pending(node: Token, below: list[Token], pending: frozenset[str],
             lex: EventLexicon) -> bool:
    """"until their demands are met": a clause of "until" (``pending``) or "as soon as"
    in the present names a condition still to be fulfilled, not an event ("fought until
    they were killed" is), and so does one under a clause told as to come ("would march
    until the officials were charged"); ``below`` are the clause's children."""
    marks = {k.lower_ for k in below if k.dep_ == "mark"}
    soon = "as" in marks and node.head.lower_ == "soon"  # "as soon as the siege ends"
    if not (marks & pending or soon):
        return False
    main = node.head.head if soon else node.head
    return node.tag_ in {"VB", "VBP", "VBZ"} or any(
        k.dep_ in {"aux", "auxpass"} and k.tag_ in {"VBP", "VBZ"} for k in below
    ) or _foretold(main, lex)


def _foretold(verb: Token, lex: EventLexicon) -> bool:
    """Whether a clause is told as to come ("would stay on strike", "will stay"): a time
    clause under it names what has not happened yet, whatever its tense ("until the
    officials were charged", in reported speech)."""
    return any(k.dep_ == "aux" and (_will(k, lex) or k.lower_ == "would")
               for k in verb.children)


def _will(aux: Token, lex: EventLexicon) -> bool:
    """Whether an auxiliary tells the future (``future``: will, shall, 'll, going)."""
    return aux.lower_ in lex.word_list("future") or aux.lemma_ == "will"


def _content_noun(node: Token, parent: Token, opaque: frozenset[str],
                  kids: KidsOf = own_children) -> Token | None:
    """"reiterated its demand that X ease ...", parsed with the clause on the verb: the
    clause is the content of the verb's object noun (demand, call, plan)."""
    if node.dep_ != "ccomp" or not _that_clause(node, kids):
        return None
    for kid in kids(parent):
        if kid.dep_ == "dobj" and kid.pos_ == "NOUN" and kid.lemma_.lower() in opaque:
            return kid
    return None


def _that_clause(node: Token, kids: KidsOf = own_children) -> bool:
    """Whether a clause opens with "that": what a noun or a verb says, not what it is."""
    return any(k.dep_ == "mark" and k.lower_ == "that" for k in kids(node))


def _infinitive(node: Token, kids: KidsOf = own_children) -> bool:
    """"have sworn to fight", parsed as an adverbial clause: still the verb's complement."""
    return any(k.dep_ == "aux" and k.lower_ == "to" for k in kids(node))


def _hearsay(verb: Token, lex: EventLexicon, kids: KidsOf = own_children) -> bool:
    """A report whose teller is a rumour or an unconfirmed report ("unconfirmed reports
    said ...", "rumours suggested ..."): what it tells is not asserted as fact."""
    if not _reads_as(verb, lex.word_list("reporting") | lex.word_list("hearsay_verbs")):
        return False
    if any(k.dep_ == "prep" and k.lower_ == "without" and _confirming(k, lex)
           for k in kids(verb)):
        return True  # "reported, without confirmation, that ..."
    return any(subj.dep_ == "nsubj" and _hearsay_source(subj, lex, kids)
               for subj in kids(verb))


def _hearsay_source(noun: Token, lex: EventLexicon, kids: KidsOf) -> bool:
    """A source that is a rumour or an unconfirmed report (``hearsay_nouns``,
    ``unconfirmed``): "rumours", "unconfirmed reports"."""
    return noun.lemma_.lower() in lex.word_list("hearsay_nouns") or any(
        k.dep_ == "amod" and k.lower_ in lex.word_list("unconfirmed") for k in kids(noun))


def _confirming(prep: Token, lex: EventLexicon) -> bool:
    """A "without" phrase that names a confirmation: "without confirmation", "without
    being able to confirm it"."""
    words = lex.word_list("confirm_verbs")
    return any(t.lemma_.lower().startswith(tuple(words)) for t in prep.subtree if t.i != prep.i)


def content_governor(tok: Token, lex: EventLexicon,
                     kids: KidsOf = own_children) -> Token | None:
    """The trigger is what someone demands, hopes, plans or alleges, not a reported fact.

    Returns the governing verb (demand, hope, plan...), or None for a reported fact.
    Walks up the complement chain; reporting verbs (say, report) are transparent, so
    "X said Y attacked Z" keeps the attack.
    """
    opaque, facts = lex.opaque_lemmas, lex.word_list("fact_marks")
    node = _clause_head(tok)
    for _ in range(8):
        rumour = _according_to_rumour(node, lex, kids)
        if rumour is not None:
            return rumour  # "seized the town, according to unconfirmed reports"
        parent = node.head
        if node.dep_ == "conj" and parent is not node:
            node = parent  # a conjoined verb shares its first conjunct's governor
            continue
        if parent is node or node.dep_ not in _CONTENT_DEPS:
            return None
        if node.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in facts
                                        for k in kids(node)):
            return None  # "threatened to retaliate after X restricted transit": a fact
        if parent.pos_ == "ADP" and parent.head is not parent:  # "accused X of violating"
            parent = parent.head
            if parent.dep_ == "dobj" and _reads_as(parent.head, opaque):
                parent = parent.head  # "of" read on the object: "accused the RSF of"
        teller = _teller_of(node, parent, opaque, lex, kids) or _denied_content(
            node, parent, lex, kids)
        if teller is not None:
            return teller
        if (_reads_as(parent, opaque) or _phrasal_irrealis(parent, lex, kids)) and (
                node.dep_ != "advcl" or _infinitive(node, kids)):
            return parent
        if _hearsay(parent, lex, kids):
            return parent  # "unconfirmed reports said rebels seized the town"
        if node.dep_ == "xcomp" and _reads_as(parent, lex.word_list("hearsay_passives")) \
                and any(k.dep_ == "auxpass" for k in kids(parent)):
            return parent  # "the rebels are believed to have killed": no one says they did
        noun = _content_noun(node, parent, opaque, kids)
        if noun is not None:
            return noun
        node = parent
    return None


def _denied_content(node: Token, noun: Token, lex: EventLexicon, kids: KidsOf,
                    ) -> Token | None:
    """A noun whose "that" clause no one asserts, by its negative determiner: "there was
    *no evidence* that Iran had supplied", "*no sign* that troops had withdrawn"."""
    if node.dep_ not in {"acl", "ccomp"} or noun.pos_ != "NOUN":
        return None
    if not _that_clause(node, kids):
        return None
    return noun if any(k.dep_ == "det" and k.lower_ in lex.word_list("negative_subjects")
                       for k in kids(noun)) else None


def _according_to_rumour(verb: Token, lex: EventLexicon, kids: KidsOf) -> Token | None:
    """An "according to" on the verb whose source is a rumour or an unconfirmed report
    (``hearsay_nouns``, ``unconfirmed``): the word "according", else None."""
    for according in kids(verb):
        if according.dep_ != "prep" or according.lower_ != "according":
            continue
        for obj in (o for to in kids(according) for o in kids(to) if o.dep_ == "pobj"):
            if _hearsay_source(obj, lex, kids):
                return according
    return None


def _phrasal_irrealis(verb: Token, lex: EventLexicon, kids: KidsOf) -> bool:
    """A phrasal verb whose complement is no fact (``irrealis_phrasal``): "did not rule
    out imposing sanctions", "held off imposing them"."""
    phrasal = lex.word_list("irrealis_phrasal")
    return any(k.dep_ == "prt" and f"{verb.lemma_.lower()} {k.lower_}" in phrasal
               for k in kids(verb))


def _reads_as(verb: Token, words: frozenset[str]) -> bool:
    """Whether a verb is one of ``words`` by its lemma or, where the tagger's lemma is
    wrong, by its form ("hopes", lemmatised "hop")."""
    return verb.lemma_.lower() in words or any(k in words for k in lemma_keys(verb))


def _teller_of(node: Token, noun: Token, opaque: frozenset[str], lex: EventLexicon,
               kids: KidsOf) -> Token | None:
    """The verb that makes a noun's "that" clause no fact: "denied reports that its
    troops had killed", "rejected claims that it armed" (an opaque verb of the noun),
    "reports that X had been arrested could not be confirmed" (a confirmation denied)."""
    if node.dep_ not in {"acl", "ccomp"} or noun.pos_ not in {"NOUN", "PROPN"} \
            or noun.dep_ not in {"dobj", "nsubj", "nsubjpass"} or noun.head.i == noun.i:
        return None
    if not _that_clause(node, kids):
        return None  # "sent a message congratulating X": what the noun is, not says
    verb = noun.head
    if noun.dep_ == "dobj" and _reads_as(verb, opaque):
        return verb
    if _reads_as(verb, lex.word_list("confirm_verbs")) and is_negated(verb, lex, kids):
        return verb
    return None


def is_generic(tok: Token, lex: EventLexicon, kids: KidsOf = own_children) -> bool:
    """Habitual or generic claims: "those who are sent back are usually executed"."""
    below = kids(tok)
    agentless = any(k.dep_ == "auxpass" for k in below) and not any(
        k.dep_ == "agent" for k in below
    )
    habitual = lex.word_list("habitual") - lex.word_list("negations")
    clause = _clause_head(tok)  # "often hold talks", "hold drills every summer": the verb
    around = below if clause is tok else kids(clause)
    # an adverb before the first of coordinated verbs is theirs: "rarely confirm or deny"
    shared = [k for k in kids(clause.head) if k.i < clause.head.i] \
        if clause.dep_ == "conj" else []
    if (agentless or _simple_present(clause, around)) and any(
            k.dep_ == "advmod" and k.lower_ in habitual for k in [*below, *around, *shared]):
        return True  # "are usually executed", "routinely refuse": what happens, not an event
    if any(_recurring(k, kids, lex) for k in around):
        return True  # "lay wreaths every year": a custom, not an event
    if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in lex.word_list("habitual_verbs"):
        return True  # "border guards tend to wave lorries through": what they do
    generic = lex.word_list("generic_subjects")
    for kid in below:
        if kid.dep_ in {"nsubj", "nsubjpass"}:
            subj = kid.head.head if kid.lower_ in {"who", "that"} and kid.head.dep_ == "relcl" \
                else kid
            if subj.lower_ in generic:
                return True
    return tok.dep_ == "relcl" and tok.head.lower_ in generic


def _simple_present(tok: Token, below: list[Token]) -> bool:
    """A verb in the simple present ("refuse", "asks", "does not ask"): with a habitual
    adverb, it tells what is done as a rule."""
    if tok.tag_ in {"VBP", "VBZ"}:
        return True
    return tok.tag_ == "VB" and any(k.dep_ == "aux" and k.tag_ in {"VBP", "VBZ"}
                                    and k.lemma_ == "do" for k in below)


def _recurring(kid: Token, kids: KidsOf, lex: EventLexicon) -> bool:
    """A time the act recurs at: "every year", "each summer" (``recurring`` determiners on
    an adverbial noun)."""
    return kid.dep_ == "npadvmod" and any(
        d.dep_ == "det" and d.lower_ in lex.word_list("recurring") for d in kids(kid))


def mood_of(tok: Token, lex: EventLexicon, kids: KidsOf | None = None) -> Mood:
    """All the checks for one trigger token. They walk the same tokens' children (the
    trigger's, its clause's): ``kids`` reads them (a document's
    :class:`~eventwire.events.tree.Tree`); when not given, each token's children are
    walked once for all the checks."""
    kids = memo_children() if kids is None else kids
    governor = content_governor(tok, lex, kids)
    return Mood(
        negated=is_negated(tok, lex, kids),
        modal=modal_of(tok, lex, kids),
        conditional=is_conditional(tok, lex, kids),
        content=governor is not None,
        governor=governor,
        generic=is_generic(tok, lex, kids),
    )
