"""Within-document coreference for the cases that carry actors in news.

Why only these: wire stories name an actor once ("Five North Koreans", "Chinese police")
and then refer back with a pronoun ("their", "its police"), a bare number ("the five"), a
head noun alone ("Police", "the ministry") or a head count ("the two men, two women and
a toddler" are the five). Each case is a small rule over the phrases found so far:

* pronouns: they/their to the nearest plural actor ("they" saying what a coordinated
  subject said or agreed: each of its actors), it/its to the nearest country or
  organisation, he/she to the nearest person; within the sentence the nearest one, in
  the two sentences before it the subject first;
* "the five": the latest actor counted five;
* a group of people nouns whose counts add up to an earlier actor's count; a people noun
  that refers back to no one takes its role of ``people_roles`` (``roles.yaml``: "a man
  stabbed two women" is a civilian, as "Iraqi men" are Iraqi civilians);
* a role noun without a country: the latest actor with the same head noun, else the
  latest with the same role, lends its country.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import islice
from typing import Any

from eventwire.actors.found import Found
from eventwire.actors.lexicon import number_words, word_list
from eventwire.actors.phrases import PhrasesSoFar

__all__ = ["pronoun", "definite_number", "resolve"]

LOOKBACK_SENTENCES = 2
#: How many earlier actors a bare role noun may look back over for its country.
LOOKBACK_MENTIONS = 300
#: Roles whose definite mention ("the ministry", "the army") means the one named before.
INSTITUTIONS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB"})


def _compatible(word: str) -> Callable[[Found], bool] | None:
    if word in word_list("plural_pronouns"):
        return lambda f: f.plural and not f.person
    if word in word_list("thing_pronouns"):
        return lambda f: not f.plural and not f.person
    if word in word_list("person_pronouns"):
        return lambda f: f.person
    return None


def antecedent(rec: PhrasesSoFar, tok: Any, fits: Callable[[Found], bool]) -> Found | None:
    """The most likely earlier actor a reference at ``tok`` points to."""
    sent = rec.sent_of.get(tok.i, 0)
    by_sent: dict[int, list[Found]] = {}
    for f in reversed(rec.found):
        if f.sent < sent - LOOKBACK_SENTENCES:
            break
        if f.end <= tok.i and f.coded and fits(f) and not f.rule.endswith(":place"):
            by_sent.setdefault(f.sent, []).insert(0, f)
    if by_sent.get(sent):
        return by_sent[sent][-1]
    for back in range(1, LOOKBACK_SENTENCES + 1):
        there = by_sent.get(sent - back)
        if there:
            subjects = [f for f in there if f.subject]
            return (subjects or there)[0]
    return None


def pronoun(rec: PhrasesSoFar, tok: Any) -> Found | None:
    """A personal or possessive pronoun coded as its antecedent; a speaker's "we" or "I"
    in the words a named actor is quoted as saying, as that actor."""
    if tok.lower_ in word_list("speaker_pronouns"):
        return _speaker(rec, tok)
    fits = _compatible(tok.lower_)
    if fits is None or _expletive(tok):
        return None
    if tok.lower_ in word_list("plural_pronouns") and tok.dep_ in ("nsubj", "nsubjpass"):
        group = _coordinated(rec, tok)
        if group:  # "Kenya and Uganda said they would ...": each of them
            rule = "coref:pronoun>group"
            rec.extras.setdefault(tok.i, []).extend(
                _as(rec, tok, g, rule) for g in group[1:])
            return _as(rec, tok, group[0], rule)
    ante = antecedent(rec, tok, fits)
    if ante is None:
        return None
    found = rec.make(tok, None, (), "", plural=ante.plural, person=ante.person, quantity=None)
    return found.with_coding(ante, f"coref:pronoun>{ante.rule}")


def _as(rec: PhrasesSoFar, tok: Any, ante: Found, rule: str) -> Found:
    found = rec.make(tok, None, (), "", plural=True, person=False, quantity=None)
    return found.with_coding(ante, f"{rule}>{ante.rule}")


def _coordinated(rec: PhrasesSoFar, tok: Any) -> list[Found]:
    """The actors of a coordinated subject that the plural subject of a clause it says or
    decides refers to: "Seoul and Tokyo said *they* would consult Washington", "the Kenyan
    and Ugandan governments said *they* had agreed". Not across an adverbial clause
    ("... must agree before they demobilize" may mean anyone). Empty when the subject
    names fewer than two actors of different codes."""
    node = tok.head
    for _ in range(4):
        head = node.head
        if head.i == node.i or node.dep_ not in ("ccomp", "xcomp", "conj"):
            return []
        subject = next((k for k in head.children if k.dep_ == "nsubj"), None)
        if subject is not None:
            members = {subject.i, *(c.i for c in subject.conjuncts)}
            group = [f for f in rec.found if f.coded and f.head in members]
            codes = {(f.country, f.sectors, f.org) for f in group}
            return group if len(codes) > 1 else []
        node = head
    return []


def _speaker(rec: PhrasesSoFar, tok: Any) -> Found | None:
    """ '"We will never accept foreign troops," the president said': "we" is the
    speaker's side, "I" the speaker. The speaker is the subject of the verb of saying
    (``saying_verbs``) whose quoted clause holds the pronoun, in a sentence that quotes."""
    if not any(t.text in _QUOTES for t in tok.sent):
        return None
    node = tok
    while not (node.dep_ in {"ccomp", "parataxis"}
               and node.head.lemma_.lower() in word_list("saying_verbs")):
        if node.head.i == node.i:
            return None
        node = node.head
    subject = next((k for k in node.head.children if k.dep_ == "nsubj"), None)
    said = None if subject is None or subject.i == tok.i else rec.analyze(subject)
    if said is None or not said.coded:
        return None
    plural = tok.lower_ in word_list("plural_speaker_pronouns")
    found = rec.make(tok, None, (), "", plural=plural, person=not plural, quantity=None)
    return found.with_coding(said, f"coref:speaker>{said.rule}")


#: Quotation marks: a sentence with one quotes someone.
_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})


def _expletive(tok: Any) -> bool:
    """ "it is", "it seems": an empty subject, not a reference ("it is willing" is one:
    its adjective is one of subject control, ``control_adjectives`` in the word lists)."""
    if tok.lower_ != "it" or tok.head.lemma_ not in word_list("expletive_verbs"):
        return False
    control = word_list("control_adjectives")
    return not any(k.dep_ == "acomp" and k.lower_ in control for k in tok.head.children)


def _number(tok: Any) -> int | None:
    text = tok.lower_.replace(",", "")
    return int(text) if text.isdigit() else number_words().get(text)


def definite_number(rec: PhrasesSoFar, tok: Any) -> Found | None:
    """ "the five": the latest actor counted five."""
    if tok.dep_ == "nummod" or not any(c.lower_ == "the" for c in tok.children):
        return None
    value = _number(tok)
    if value is None:
        return None
    for prev in reversed(rec.found):
        if prev.quantity == value and prev.coded:
            found = rec.make(tok, None, (), "", plural=value > 1, quantity=value)
            return found.with_coding(prev, f"coref:number>{prev.rule}")
    return None


def _count(tok: Any) -> int | None:
    for child in tok.children:
        if child.dep_ == "nummod":
            return _number(child)
        if child.dep_ == "det" and child.lower_ in ("a", "an", "one"):
            return 1
    return None


def _people_group(rec: PhrasesSoFar, tok: Any, found: Found) -> Found | None:
    """Counted people nouns adding up to an earlier actor's count share its coding."""
    if tok.dep_ == "conj":
        return None
    group = [tok] + [c for c in tok.conjuncts if c.lemma_.lower() in rec.lex.persons]
    counts = [_count(t) for t in group]
    if None in counts or len(group) < 2 and counts[0] in (None, 1):
        return None
    total = sum(c for c in counts if c is not None)
    for prev in reversed(rec.found):
        if prev.quantity == total and prev.coded:
            rule = f"coref:count>{prev.rule}"
            for other in group[1:]:
                coded = rec.make(other, None, (), "").with_coding(prev, rule)
                rec.memo[other.i] = coded
            return found.with_coding(prev, rule)
    return None


def _role_country(rec: PhrasesSoFar, tok: Any, found: Found) -> Found:
    """A role noun without a country borrows one from an earlier mention of it: the same
    noun ("Chinese police" ... "Police"), or the same role when the phrase is definite
    ("the ministry"). Phrases with modifiers of their own ("Western embassies") do not."""
    if any(c.dep_ in ("amod", "compound", "nmod") for c in tok.lefts):
        return found
    dets = {c.lower_ for c in tok.lefts if c.dep_ == "det"}
    if dets - {"the"}:
        return found
    earlier = [f for f in islice(reversed(rec.found), LOOKBACK_MENTIONS) if f.country or f.org]
    tests = [lambda f: f.lemma == found.lemma]
    if dets and found.sectors[0] in INSTITUTIONS:
        tests.append(lambda f: f.sectors[:1] == found.sectors[:1])
    for test in tests:
        for prev in earlier:
            if test(prev):
                return Found(
                    **{
                        **_fields(found),
                        "country": prev.country,
                        "org": prev.org,
                        "rule": f"coref:role>{prev.rule}",
                    }
                )
    return found


def _fields(found: Found) -> dict[str, Any]:
    return {name: getattr(found, name) for name in Found.__slots__}


def resolve(rec: PhrasesSoFar, tok: Any, found: Found) -> Found | None:
    """Fill in what the phrase itself does not say, from earlier phrases."""
    if found.rule.startswith("people:"):
        group = _people_group(rec, tok, found)
        roles = rec.lex.people_roles.get(found.lemma)
        if group is not None or not roles:
            return group
        return _role_country(rec, tok, replace(found, sectors=roles, rule=f"role:{found.lemma}"))
    if found.sectors and not (found.country or found.org) and found.rule.startswith("role:"):
        return _role_country(rec, tok, found)
    return found
