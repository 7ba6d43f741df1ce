"""Coding with PETRARCH/TABARI verb dictionaries over spaCy's parse.

Why patterns over the parse: a PETRARCH pattern lists words that must occur before and
after the verb (``*``), in order, and marks where the source (``$``), the target (``+``)
and compound actors (``%``) sit. eventwire finds the verb by the parser's part of speech
and lemma, matches the pattern words on the sentence's tokens, and takes actors at the
marked places; when a pattern marks no actor, source and target come from the
dependency parse, as for the built-in lexicon. Mood checks (negation, modality,
conditions) are shared with the built-in coder.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from eventwire.events.actorlink import ActorLink
from eventwire.events.arguments import arguments_of, content_targets
from eventwire.events.coder import EventCandidate, better_target
from eventwire.events.lexicon import EventLexicon
from eventwire.events.petrarch_actors import (
    NULL,
    ActorBook,
    PetrarchLink,
    passive_parts,
    petrarch_actors_for,
    right_target,
)
from eventwire.events.petrarch_read import (
    ADJACENT,
    Element,
    Pattern,
    PetrarchDict,
    VerbEntry,
    load_petrarch,
)
from eventwire.model import EventActor

__all__ = ["PetrarchMatcher", "load_petrarch"]

_TARGET_PREPS = ("to", "with", "against", "on", "in", "for", "at", "from")
_SEARCH = 8  # tokens scanned for the actor at a marker


def _upper(tok: Token) -> tuple[str, str]:
    return tok.text.upper(), tok.lemma_.upper()


def _word_at(tokens: list[Token], i: int, word: str) -> bool:
    """A pattern word matches the word as written (PETRARCH does no stemming: a pattern
    for RESOLUTION does not fire on "resolutions"); contractions by their lemma."""
    if not 0 <= i < len(tokens):
        return False
    tok = tokens[i]
    text = tok.text.upper()
    return word == text or (not text.isalpha() and word == tok.lemma_.upper())


def _forms_of(tok: Token) -> list[str]:
    """The word as written: PETRARCH generates regular forms and lists irregular ones but
    does no stemming ("departes" is no verb). The lemma only for words with other
    characters than letters ("didn't", "co-host")."""
    text = tok.text.upper()
    if text.isalpha():
        return [text]
    return list(dict.fromkeys([text, tok.lemma_.upper()]))


def _upper_subject(verb: Token) -> Token | None:
    """The subject of the clause governing ``verb``'s clause, when the pattern made the
    verb's own subject its target."""
    if verb.dep_ not in {"ccomp", "xcomp", "advcl", "conj"}:
        return None
    return next((k for k in verb.head.children if k.dep_ in {"nsubj", "nsubjpass"}), None)


def _actor(actor: EventActor) -> bool:
    """Whether an event actor is coded (PETRARCH writes ``---`` for a missing one)."""
    return bool(actor.code) and actor.code != NULL


class _Scan:
    """Matching one side of a pattern, recording where markers point."""

    def __init__(self, pdict: PetrarchDict, tokens: list[Token]) -> None:
        self.pdict = pdict
        self.tokens = tokens
        self.marks: dict[str, int] = {}

    def _parts_at(self, j: int, parts: tuple[str, ...]) -> int | None:
        """End (exclusive) of ``parts`` matched consecutively from token ``j``."""
        k = j
        for part in parts:
            if part.startswith("&"):
                phrases = self.pdict.synsets.get(part[1:].rstrip("_"), [])
                ends = [k + len(ph) for ph in phrases
                        if all(_word_at(self.tokens, k + x, w) for x, w in enumerate(ph))]
                if not ends:
                    return None
                k = max(ends)
            elif _word_at(self.tokens, k, part):
                k += 1
            else:
                return None
        return k

    def element(self, parts: tuple[str, ...], i: int, step: int) -> int | None:
        """Next scan position after ``parts``, searched from ``i`` in scan direction."""
        if step > 0:
            for j in range(i, len(self.tokens)):
                end = self._parts_at(j, parts)
                if end is not None:
                    return end
            return None
        for j in range(i, -1, -1):
            end = self._parts_at(j, parts)
            if end is not None and end <= i + 1:
                return j - 1
        return None

    def adjacent(self, parts: tuple[str, ...], i: int, step: int) -> int | None:
        """Like :meth:`element`, but the words must start (or end) right at ``i``."""
        if step > 0:
            return self._parts_at(i, parts)
        for j in range(i, -1, -1):
            end = self._parts_at(j, parts)
            if end is not None and end == i + 1:
                return j - 1
        return None

    def side(self, elems: tuple[Element, ...], start: int, step: int) -> bool:
        i = start
        touching = False
        for elem in elems if step > 0 else tuple(reversed(elems)):
            if isinstance(elem, tuple):
                found = (self.adjacent if touching else self.element)(elem, i, step)
                if found is None:
                    return False
                i, touching = found, False
            elif elem == ADJACENT:
                touching = True
            elif elem in {"$", "+", "%"}:
                self.marks[elem] = i
            elif elem == "^" and step > 0:
                i = self.skip_phrase(i)
        return True

    def skip_phrase(self, i: int) -> int:
        """Past the next noun phrase (``^`` in a pattern: "IFTAR IN ^ +")."""
        for j in range(i, len(self.tokens)):
            tok = self.tokens[j]
            if tok.pos_ in {"NOUN", "PROPN"}:
                while tok.dep_ in {"compound", "flat"} and tok.head.i > tok.i:
                    tok = tok.head
                return j + (tok.i - self.tokens[j].i) + 1
        return i


class PetrarchMatcher:
    """Candidates from a PETRARCH verbs dictionary."""

    def __init__(self, pdict: PetrarchDict, lex: EventLexicon,
                 book: ActorBook | None = None) -> None:
        self.pdict = pdict
        self.lex = lex  # word lists for the mood checks
        self.book = book  # PETRARCH actors and agents; None: eventwire's actors
        self._link: PetrarchLink | None = None

    def link_for(self, link: ActorLink) -> ActorLink:
        """With an actors dictionary, actors are coded the PETRARCH way."""
        if self.book is None:
            return link
        if self._link is None or self._link.doc is not link.doc:
            self._link = PetrarchLink(link.doc, self.book)
        return self._link

    def discarded(self, text: str, phrases: list[str]) -> bool:
        upper = " " + re.sub(r"\s+", " ", text.upper()) + " "
        return any(f" {p} " in upper for p in phrases if p)

    def _entries(self, tok: Token, tokens: list[Token], pos: int) -> list[VerbEntry]:
        """The entries of the longest verb that fits; a verb may be listed in several
        blocks ("SHOT [---]" with one pattern, "SHOT [223]" with another)."""
        best: list[VerbEntry] = []
        for key in _forms_of(tok):
            for entry in self.pdict.verbs.get(key, []):
                rest = entry.words[1:]
                fits = all(_word_at(tokens, pos + 1 + k, w) for k, w in enumerate(rest)) or all(
                    any(w in _upper(c) for c in tok.children) for w in rest
                )
                lead = len(entry.before)
                fits = fits and all(_word_at(tokens, pos - lead + k, w)
                                    for k, w in enumerate(entry.before))
                if not fits or (best and len(entry.words) < len(best[0].words)):
                    continue
                if best and len(entry.words) > len(best[0].words):
                    best = []
                if entry not in best:
                    best.append(entry)
        return best

    def _pattern(self, entries: list[VerbEntry], tokens: list[Token], pos: int) -> tuple[
        VerbEntry | None, Pattern | None, dict[str, int]
    ]:
        """The longest pattern of any of the entries that matches, with its entry."""
        best: tuple[VerbEntry | None, Pattern | None, dict[str, int]] = (None, None, {})
        for entry in entries:
            after = pos + len(entry.words)
            for pat in entry.patterns:
                scan = _Scan(self.pdict, tokens)
                matched = scan.side(pat.before, pos - 1, -1) and scan.side(pat.after, after, 1)
                if matched and (best[1] is None or pat.words > best[1].words):
                    best = (entry, pat, scan.marks)
        return best

    def _actor_near(self, link: ActorLink, tokens: list[Token], i: int,
                    step: int = 1) -> Token | None:
        """The first coded token from a marker, rightwards (after the verb) or leftwards."""
        stop = min(i + _SEARCH, len(tokens)) if step > 0 else max(i - _SEARCH, 0) - 1
        for j in range(max(min(i, len(tokens) - 1), 0), stop, step):
            if link.mention(tokens[j]) is not None:
                return tokens[j]
        return None

    def _marked(self, link: ActorLink, tokens: list[Token], marks: dict[str, int],
                key: str, pos: int) -> Token | None:
        return self._actor_near(link, tokens, marks[key], 1 if marks[key] > pos else -1)

    def _parsed(self, link: ActorLink, tok: Token) -> tuple[Token | None, Token | None]:
        """Source and target from the parse, as PETRARCH reads a clause."""
        args = arguments_of(tok, None, _TARGET_PREPS)
        subj, agent = passive_parts(tok)
        if agent is not None:
            return agent, subj
        source = subj if subj is not None else args.source
        if source is not None and not link.mention(source):  # "the agency WFNA said"
            source = next((k for k in tok.children if k.dep_ == "nsubj" and link.mention(k)),
                          source)
        if source is None:  # a subject the parser misread ("X act on ...", or under "was")
            near = [*tok.lefts, *(g for k in tok.lefts if k.dep_ in {"aux", "auxpass"}
                                  for g in k.children)]
            source = next((k for k in near if k.dep_ in {"compound", "npadvmod", "nsubj"}
                           and link.mention(k)), None)
        if isinstance(link, PetrarchLink):
            return source, right_target(link, tok)
        target = better_target(link, tok, args.target, _TARGET_PREPS)
        if target is None or link.mention(target) is None:  # "allowed that Mordor isn't"
            target = next((t for t in content_targets(tok) if t.i > tok.i and link.mention(t)),
                          target)
        return source, target

    def _pairs(
        self, link: ActorLink, tok: Token, tokens: list[Token], marks: dict[str, int]
    ) -> list[tuple[EventActor, EventActor]]:
        src, tgt = self._parsed(link, tok)
        if "$" in marks:
            src = self._marked(link, tokens, marks, "$", tok.i - tokens[0].i)
        if "+" in marks:
            tgt = self._marked(link, tokens, marks, "+", tok.i - tokens[0].i)
            if "$" not in marks and tgt is not None and src is not None and tgt.i == src.i:
                src = _upper_subject(tok)  # "- NOTED + *": X noted that Y regretted
        if "%" in marks:
            comp = self._marked(link, tokens, marks, "%", tok.i - tokens[0].i)
            group = petrarch_actors_for(link, comp) if comp is not None else []
            subject = marks["%"] < tok.i - tokens[0].i or src is None
            if "$" not in marks and "+" not in marks and subject and len(group) > 1:
                return [(a, b) for a in group for b in group if a is not b]  # "X and Y met"
            if "+" not in marks and not subject and comp is not None:
                tgt = comp  # "- * WITH %": "agrees with X and Y"
            if comp is not None and tgt is None:
                tgt = comp
        none = EventActor(code=NULL) if isinstance(link, PetrarchLink) else EventActor()
        sources = petrarch_actors_for(link, src) if src is not None else [none]
        if tgt is None and len(sources) > 1:  # "Gondor and Osgiliath renewed ties"
            return [(a, b) for a in sources for b in sources if a is not b]
        targets = petrarch_actors_for(link, tgt) if tgt is not None else [none]
        return [(s, t) for s in sources for t in targets
                if not (s.code and s.code == t.code) and (_actor(s) or _actor(t))]

    def _candidates_for(self, tok: Token, tokens: list[Token], pos: int,
                        link: ActorLink) -> list[EventCandidate]:
        entries = self._entries(tok, tokens, pos)
        if not entries:
            return []
        found, pat, marks = self._pattern(entries, tokens, pos)
        coded = [e for e in entries if e.default_code]  # the last definition wins
        entry = found or (coded[-1] if coded else entries[0])
        code = pat.code if pat is not None else entry.default_code
        if not code or code.strip("-") == "":
            return []
        # PETRARCH semantics: the dictionary's patterns decide ("- NOT * [112]"), so
        # negation and modality do not drop its events.
        rule = f"petrarch:{entry.block or entry.words[0]}:{pat.text if pat else '*'}"
        codes = code.split(":")
        out = []
        for src, tgt in self._pairs(link, tok, tokens, marks):
            out.append(EventCandidate(codes[0], tok, tok, src, tgt, rule))
            if len(codes) > 1 and codes[1].strip("-"):
                out.append(EventCandidate(codes[1], tok, tok, tgt, src, rule))
        return out

    def candidates(self, sent: Span, link: ActorLink) -> list[EventCandidate]:
        if self.discarded(sent.text, self.pdict.sentence_discards):
            return []
        if self.discarded(link.doc.text, self.pdict.story_discards):
            return []
        link = self.link_for(link)
        tokens = list(sent)
        out: list[EventCandidate] = []
        for pos, tok in enumerate(tokens):
            if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
                out.extend(self._candidates_for(tok, tokens, pos, link))
        return out
