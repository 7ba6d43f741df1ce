"""Finding counts in a parsed text: the number, its qualifier and what it counts.

Why from the parse: the counted noun is the head the number modifies ("312 North Korean
defectors" -> defectors), and coordinated counts of people add up ("two men, two women and
a toddler" -> 5). Dates, money, percentages and ordinals are spaCy entities of their own
and are not counts.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import QuantityMention
from eventwire.quantities.numbers import NumberLexicon, is_number_word, parse_number

__all__ = ["find_quantities", "counts_people"]

NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})
MAX_QUALIFIER = 4


def counts_people(noun: Any, lex: NumberLexicon) -> bool:
    """Whether a noun token counts people: a person noun or a plural demonym ("Koreans")."""
    lemma = noun.lemma_.lower()
    if lemma in lex.person_nouns or noun.lower_ in lex.person_nouns:
        return True
    if len(lemma) >= 6 and lemma.endswith(lex.person_suffixes):
        return True
    return noun.ent_type_ == "NORP" or noun.tag_ == "NNPS"


def _number_run(sdoc: Any, i: int, lex: NumberLexicon) -> int:
    """The end of the number that starts at token ``i`` (``i`` when none starts there)."""
    j = i
    while j < len(sdoc):
        tok = sdoc[j]
        nxt = sdoc[j + 1].lower_ if j + 1 < len(sdoc) else ""
        if tok.ent_type_ in NOT_COUNTS:
            break
        starts = is_number_word(tok.text, lex) or (tok.lower_ in ("a", "an") and nxt in lex.scales)
        if not (starts or (j > i and _joiner(tok.lower_, sdoc[j - 1].lower_, nxt, lex))):
            break
        j += 1
    return j


def _joiner(word: str, prev: str, nxt: str, lex: NumberLexicon) -> bool:
    """ "and" in "two hundred and fifty", "-" in "twenty - one" as spaCy splits it."""
    if word == "and":
        return prev in lex.scales and is_number_word(nxt, lex)
    return word == "-" and prev in lex.tens and nxt in lex.units


def _head_noun(sdoc: Any, first: int, last: int) -> Any | None:
    """The noun the number counts: its head when it modifies one, or "dozens of X" -> X."""
    tok = sdoc[last]
    if tok.dep_ in ("nummod", "quantmod") and tok.head.pos_ in ("NOUN", "PROPN") and (
        tok.head.i > last
    ):
        return tok.head
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _qualifier(sdoc: Any, start: int, lex: NumberLexicon) -> tuple[str | None, int]:
    """The qualifier just before a number ("more than", "as many as") and where it starts."""
    sent_start = sdoc[start].sent.start
    for n in range(MAX_QUALIFIER, 0, -1):
        if start - n < sent_start:
            continue
        phrase = " ".join(t.lower_ for t in sdoc[start - n : start])
        if phrase in lex.qualifiers:
            return lex.qualifiers[phrase], start - n
    return None, start


def _fuzzy(sdoc: Any, i: int, lex: NumberLexicon) -> tuple[int, int] | None:
    """A vague plural at token ``i`` ("dozens", "tens of thousands"): (end, value)."""
    for n in (3, 1):
        phrase = " ".join(t.lower_ for t in sdoc[i : i + n])
        if len(sdoc[i : i + n]) == n and phrase in lex.fuzzy:
            return i + n, lex.fuzzy[phrase]
    return None


def _coordinated(head: Any, lex: NumberLexicon) -> tuple[int, Any] | None:
    """The sum and last noun of counted people in a coordination, or None.

    Every conjunct must be a person noun with a count ("two women") or an article
    ("a toddler", one); otherwise the parts are not one group and nothing is summed.
    """
    conjuncts = [c for c in head.conjuncts if c.i > head.i]
    if not conjuncts or not counts_people(head, lex):
        return None
    total = 0
    for noun in conjuncts:
        if not counts_people(noun, lex) or noun.tag_ not in ("NNS", "NN", "NNPS"):
            return None
        count = _own_count(noun, lex)
        if count is None:
            return None
        total += count
    return total, conjuncts[-1]


def _own_count(noun: Any, lex: NumberLexicon) -> int | None:
    for child in noun.children:
        if child.dep_ == "nummod":
            value = parse_number([child.text], lex)
            return int(value) if isinstance(value, int) else None
        if child.dep_ == "det" and child.lower_ in ("a", "an", "one"):
            return 1
    return None


def _unit(sdoc: Any, first: int, head: Any | None, lex: NumberLexicon,
          found: list[QuantityMention]) -> str | None:
    if head is not None:
        return "people" if counts_people(head, lex) else head.lemma_.lower()
    nxt = sdoc[first + 1].lower_ if first + 1 < len(sdoc) else ""
    if any(nxt in nouns for nouns in lex.nouns.values()):
        return "people"  # "12 dead", "30 wounded"
    gov = sdoc[first].head
    while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
        gov = gov.head
    harm = set().union(*lex.verbs.values())
    if gov.lemma_.lower() in harm or any(c.pos_ == "VERB" and c.lemma_.lower() in harm
                                         for c in sdoc[first].children):
        return "people"  # "at least 12 killed"
    subjects = [c for c in gov.children if c.dep_ == "nsubj"]
    if gov.lemma_ == "be" and subjects and subjects[0].lemma_.lower() in lex.summary_nouns:
        return found[-1].unit if found else None  # "the number was 583"
    return None


def _mention(sdoc: Any, qstart: int, end: int, value: float | int | None, unit: str | None,
             qualifier: str | None) -> QuantityMention:
    span = sdoc[qstart:end]
    return QuantityMention(span.start_char, span.end_char, span.text, value, unit, qualifier)


def find_quantities(sdoc: Any, lex: NumberLexicon) -> list[QuantityMention]:
    """Every count of a parsed spaCy ``Doc``, in text order."""
    found: list[QuantityMention] = []
    fuzzy_first = {phrase.split(" ")[0] for phrase in lex.fuzzy}
    i = 0
    while i < len(sdoc):
        tok = sdoc[i]
        # Most tokens start no count: test the cheap conditions before the scanners.
        if tok.lower_ not in fuzzy_first and tok.lower_ not in ("a", "an") and not (
            is_number_word(tok.text, lex)
        ):
            i += 1
            continue
        got = _count_at(sdoc, i, lex, found)
        if got is None:
            i += 1
            continue
        mention, stop = got
        found.append(mention)
        i = max(stop, i + 1)  # always move on, whatever the parse says
    return found


def _count_at(sdoc: Any, i: int, lex: NumberLexicon,
              found: list[QuantityMention]) -> tuple[QuantityMention, int] | None:
    tok = sdoc[i]
    if tok.ent_type_ in NOT_COUNTS or (i > 0 and sdoc[i - 1].text in ("$", "#", "No.")):
        return None
    fuzzy = _fuzzy(sdoc, i, lex)
    value: int | float | None
    if fuzzy is not None:
        end, value = fuzzy
        qualifier: str | None = "fuzzy"
    else:
        end = _number_run(sdoc, i, lex)
        if end == i or (end - i == 1 and tok.lower_ in ("one", "a", "an")
                        and tok.dep_ != "nummod"):
            return None
        value = parse_number([t.text for t in sdoc[i:end]], lex)
        qualifier = None
    if end < len(sdoc) and sdoc[end].lower_ in lex.fractions:
        return None  # "one third of the guerrillas"
    head = _head_noun(sdoc, i, end - 1)
    qual, qstart = _qualifier(sdoc, i, lex)
    qualifier = qual or qualifier
    # The span runs to the counted noun only when it follows the number ("five men").
    stop = head.i + 1 if head is not None and head.i >= end - 1 else end
    if head is not None and isinstance(value, int):
        coord = _coordinated(head, lex)
        if coord is not None:
            value, stop = value + coord[0], coord[1].i + 1
    unit = _unit(sdoc, i, head, lex, found)
    return _mention(sdoc, qstart, stop, value, unit, qualifier), stop
