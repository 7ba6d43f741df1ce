"""An order is the act it orders: "ordered the arrest of five men" is an arrest.

Why: CAMEO codes an order by what it sets in motion ("formal military orders to go on
alert" are the alert, 152; "ordered patrols by police" a show of police power, 153; "an
order to leave" the expulsion, 161 and 174), and whoever gives the order is the one who
acts: the state acts through its orders. Coded as a demand (10), an order would lose both
the act and its weight. An order that names no act the lexicon knows stays a demand.

The act is read from the parse, in this order of trust:

- the order itself, in the words of another verb (``directive_readings`` of the lexicon):
  "ordered the envoys out" or "to leave" as an expulsion, "ordered troops to the border"
  as a deployment, "ordered a curfew" as its imposition;
- its complement clause: "ordered police to disperse the crowd", "ordered him held in
  custody";
- its object noun: "ordered the arrest of X", "ordered the closure of two newspapers"
  (a noun the lexicon lacks is read as the verb it derives from, "closure" as "close").

Only the order verbs of the lexicon's ``directive_verbs`` are read so, and only what the
lexicon codes as an act (not a demand, an accusation or other speech: ``opaque``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.arguments import IsActor, owned
from eventwire.events.lexicon import EventLexicon, TriggerEntry
from eventwire.events.matching import Match, best_entry, lookup, match_token
from eventwire.events.verbclasses import noun_suffixes

__all__ = ["directed_match"]


def directed_match(tok: Token, lex: EventLexicon, is_actor: IsActor | None = None,
                   ) -> Match | None:
    """The act an order verb (``tok``, one of the lexicon's ``directive_verbs``: the
    caller, :mod:`eventwire.events.matching`, checks) orders, as a match with the order as
    its trigger, or None when it names no act."""
    found = _read_as(tok, lex) or _complement_act(tok, lex, is_actor) or _object_act(tok, lex)
    if found is None:
        return None
    entry, act = found
    if entry.cameo[:2] not in lex.word_list("ordered_roots"):
        return None  # "directed X to meet Y": X's meeting, not the director's
    return Match(_ordered(entry), tok, tok, act=act)


def _ordered(entry: TriggerEntry) -> TriggerEntry:
    """The entry under the rule name that says the act was ordered."""
    return replace(entry, id=f"order:{entry.id}", xcomp=frozenset())


def _entries(lex: EventLexicon, shape: str, with_objects: bool = False) -> list[TriggerEntry]:
    verbs = lex.directive_readings.get(shape, ())
    found = [e for verb in verbs for e in lex.lookup("verb", verb)]
    return [e for e in found if e.objects] if with_objects else found


def _read_as(tok: Token, lex: EventLexicon) -> tuple[TriggerEntry, Token] | None:
    """The order read as another verb: an expulsion, a withdrawal, a deployment or an
    imposition."""
    kids = list(tok.children)
    leave = lex.word_list("leave_words")
    leaving = any(k.dep_ in {"prt", "advmod", "prep"} and k.lower_ in leave for k in kids) \
        or any(k.dep_ in {"xcomp", "ccomp"} and k.lemma_.lower() in leave for k in kids)
    if leaving and not _crowd(tok, lex):
        own = any(k.dep_ == "dobj" and owned(k) for k in kids)
        entry = best_entry(_entries(lex, "own_out" if own else "out"), tok)
        return (entry, tok) if entry is not None else None
    if any(k.dep_ == "prep" and k.lower_ in lex.word_list("destination_preps") for k in kids):
        entry = best_entry(_entries(lex, "destination", with_objects=True), tok)
        if entry is not None:
            return entry, tok
    heads = {k.lemma_.lower() for k in tok.children if k.dep_ == "dobj"}
    named = [e for e in _entries(lex, "object", with_objects=True) if e.objects & heads]
    entry = best_entry(named, tok)  # the object itself: "a curfew", not "state troopers"
    return (entry, tok) if entry is not None else None


def _crowd(tok: Token, lex: EventLexicon) -> bool:
    """"ordered the protesters to leave the square": clearing a crowd, not an expulsion."""
    crowd = lex.word_list("crowd_nouns")
    return any(k.dep_ in {"dobj", "nsubjpass"} and k.lemma_.lower() in crowd
               for k in tok.children) or (tok.dep_ == "acl" and tok.head.lemma_.lower() in crowd)


def _complement_act(tok: Token, lex: EventLexicon, is_actor: IsActor | None,
                    ) -> tuple[TriggerEntry, Token] | None:
    """The act of the order's complement clause: "ordered police to disperse the crowd"."""
    for kid in tok.children:
        if kid.dep_ not in {"xcomp", "ccomp"} or kid.pos_ not in {"VERB", "AUX"}:
            continue
        match = match_token(kid, lex, is_actor)
        if match is not None and not match.entry.opaque and match.act is None:
            return match.entry, match.noun or match.verb
    return None


def _object_act(tok: Token, lex: EventLexicon) -> tuple[TriggerEntry, Token] | None:
    """The act the order's object noun names: "ordered the arrest of X", "ordered the
    closure of two newspapers" (read as "closed two newspapers")."""
    for noun in (k for k in tok.children if k.dep_ == "dobj" and k.pos_ == "NOUN"):
        entry = best_entry(lookup(lex, "noun", noun), noun)
        if entry is None:
            entry = best_entry(_noun_verb_entries(noun.lemma_.lower(), lex), noun)
        if entry is not None and not entry.opaque:
            return entry, noun
    return None


def _noun_verb_entries(noun: str, lex: EventLexicon) -> list[TriggerEntry]:
    """The lexicon's verb entries for the verb a noun names: the noun itself ("release"),
    else the first suffix rule of ``noun_verbs.csv`` that leads to a lexicon verb
    ("closure" -> "close", "execution" -> "execute")."""
    found = lex.lookup("verb", noun)
    for suffix, repl in () if found else noun_suffixes():
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            found = lex.lookup("verb", noun[: len(noun) - len(suffix)] + repl)
            if found:
                break
    return found
