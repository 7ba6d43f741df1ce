"""Actor phrases from the dependency parse: names, role nouns and their composition.

Why composition rather than a phrase list: "Chinese police", "Japan's foreign ministry",
"members of the U.S. House" and "the Japanese Consulate in Shenyang" are all built from a
country word and a role word that the parse connects. The recogniser walks the noun
heads of a sentence in order and, for each, combines

* a name the head itself is (a country, an organisation, a user's actor, a demonym),
* a role the head noun names ("police" COP, "ministry" GOV), and roles of its modifiers,
* a country from its modifiers (adjective, compound, possessive: "Chinese", "U.S.",
  "Japan's", "its"), else from a complement ("of Japan", "from Iraq"; "in X" only for a
  country name or a capital, "police in Tehran", and never for diplomats, whose posting
  is not their nationality).

The modifier of an act's noun is who acts, as a mention of its own with the role the act
implies ("an Israeli air strike": "Israeli" ``ISRMIL``); "X-led" phrases are the leader's
("the Saudi-led coalition" ``SAUMIL``) and "X-backed" ones are not the backer's.

Capitals stand for governments only as arguments ("Beijing said"), never as places ("in
Beijing"). Pronouns and definite references are resolved by :mod:`eventwire.actors.coref`
as the walk goes, so that "its police" finds what "its" refers to.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from eventwire.actors import coref
from eventwire.actors.found import Found
from eventwire.actors.lexicon import ActorLexicon, NameEntry, divided_countries, word_list
from eventwire.actors.matching import KbFinder
from eventwire.actors.names import NameFinder, NameMatch
from eventwire.actors.syntax import (
    MODIFIER_DEPS,
    NOUN_POS,
    SUBJECT_DEPS,
    against,
    climb,
    is_argument,
    np_end,
    outermost,
    prep_of,
    quantity,
)
from eventwire.ingest.plaintext import dateline_length
from eventwire.nlp.text import doc_text

__all__ = ["Recognizer"]

# Entity types of clock times and dates: "PM" in "at 5 PM" is no prime minister.
_CLOCK = frozenset({"TIME", "DATE"})
#: Kinds of names that a dateline's place is written with (an organisation is not).
_PLACE_KINDS = frozenset({"capital", "name", "adj"})
#: Sectors of armed groups that are no state's: their members are of the group, whatever
#: their rank ("a FARC commander", "a Taliban spokesman" are rebels, not an army).
_NON_STATE_ARMED = frozenset({"REB", "INS"})


def _in_water_name(sdoc: Any, match: NameMatch) -> bool:
    """Whether a country name is part of the name of a sea, gulf or strait (``water_bodies``
    of ``words.yaml``): followed by the water's noun ("the South China Sea"), or its "of"
    object ("the Gulf of Oman", "the Sea of Japan")."""
    water = word_list("water_bodies")
    after = sdoc[match.end] if match.end < len(sdoc) else None
    if after is not None and after.is_title and after.lower_ in water:
        return True
    if match.start < 2 or sdoc[match.start - 1].lower_ != "of":
        return False
    before = sdoc[match.start - 2]
    return before.is_title and before.lower_ in water


def _member_roles(roles: tuple[str, ...], where: Found) -> tuple[str, ...]:
    """The roles of a noun ``where`` modifies: its own, else the modifier's; a member of
    a non-state armed group (``_NON_STATE_ARMED``) takes the group's."""
    if not roles or set(where.sectors) & _NON_STATE_ARMED:
        return tuple(where.sectors) or roles
    return roles


class Recognizer:
    """Find and code the actor phrases of one parsed Doc (built per document)."""

    def __init__(
        self,
        lexicon: ActorLexicon,
        finder: NameFinder,
        sdoc: Any,
        date: str | None,
        kb: KbFinder | None = None,
    ):
        self.lex = lexicon
        self.sdoc = sdoc
        self.date = date
        self.by_token: dict[int, NameMatch] = {}
        self.roots: dict[int, NameMatch] = {}
        matches = finder.find(sdoc)
        if kb is not None:
            matches = kb.find(sdoc, date, matches)
        filed = _datelines(sdoc)
        for match in matches:
            if against(sdoc, match.start):
                continue
            if match.start in filed and match.entry.kind in _PLACE_KINDS:
                continue  # "TBILISI, Georgia --": where the story was filed
            if match.entry.kind in _PLACE_KINDS and _in_water_name(sdoc, match):
                continue  # "the South China Sea", "the Gulf of Oman"
            self.roots[sdoc[match.start : match.end].root.i] = match
            for i in range(match.start, match.end):
                self.by_token[i] = match
        for match in self._halves(matches):
            self.roots[match.start] = self.by_token[match.start] = match
        self.memo: dict[int, Found | None] = {}
        self.found: list[Found] = []
        #: Further actors sharing a head ("French and Egyptian warships").
        self.extras: dict[int, list[Found]] = {}
        self.sent_of = {i: k for k, s in enumerate(sdoc.sents) for i in range(s.start, s.end)}
        self.lemmas = [self._lemma(t) for t in sdoc]
        self.lowers = [t.lower_ for t in sdoc]

    def _halves(self, matches: list[NameMatch]) -> list[NameMatch]:
        """ "the North" and "the South" in a story that names either half of a divided
        country (``divided_countries`` in ``words.yaml``): the half its compass word names,
        as if the story had written its name. A compass word that modifies a noun ("the
        South China Sea", "North Jeolla province") names no country."""
        named = {match.entry.at(self.date).country for match in matches}
        out = []
        for halves in divided_countries():
            entries = {name.split()[0]: self.lex.names.get(name) for name in halves}
            if not named & {e.country for e in entries.values() if e is not None}:
                continue
            for tok in self.sdoc:
                entry = entries.get(tok.lower_)
                if entry is not None and tok.i not in self.by_token and tok.is_title \
                        and tok.dep_ not in ("compound", "amod"):
                    out.append(NameMatch(tok.i, tok.i + 1, entry))
        return out

    def _lemma(self, tok: Any) -> str:
        """The lower-case lemma; capitalised plurals ("Rebels" opening a sentence or a
        headline) are tagged as proper nouns, whose lemma spaCy leaves as written."""
        lemma = str(tok.lemma_).lower()
        if tok.pos_ != "PROPN" or not lemma.endswith("s"):
            return lemma
        for cut in (1, 2):
            if lemma[:-cut] in self.lex.nouns:
                return lemma[:-cut]
        return lemma

    # -- the walk ---------------------------------------------------------------------

    def run(self) -> list[Found]:
        """Every actor phrase of the document, in text order."""
        emitted: set[int] = set()
        for tok in self.sdoc:
            found = self.analyze(tok)
            if found is None or found.head in emitted:
                continue
            head = found.head
            emitted.add(head)
            resolved = coref.resolve(self, self.sdoc[head], found)
            if resolved is not None and resolved.coded:
                self.found.append(resolved)
            self.found.extend(self.extras.pop(head, []))
        return outermost(self.found)

    def analyze(self, tok: Any) -> Found | None:
        """The actor phrase headed by ``tok``, or None (memoised: phrases nest)."""
        if tok.i not in self.memo:
            self.memo[tok.i] = None  # guards against cycles in odd parses
            self.memo[tok.i] = self._analyze(tok)
        return self.memo[tok.i]

    def _analyze(self, tok: Any) -> Found | None:
        match = self.by_token.get(tok.i)
        if match is not None:
            if self.roots.get(tok.i) is not match:
                return None
            return self._from_name(tok, match)
        if tok.pos_ == "PRON":
            return coref.pronoun(self, tok)
        if tok.pos_ == "NUM":
            return coref.definite_number(self, tok)
        if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
            return self._person(tok)
        if tok.pos_ in NOUN_POS:
            return self._noun(tok)
        if tok.pos_ == "ADJ" and tok.dep_ == "amod":
            return self._role_adjective(tok)
        return None

    def _role_adjective(self, tok: Any) -> Found | None:
        """A role word tagged as an adjective on an act's noun is who acts: "rebel" in "a
        rebel offensive"."""
        roles = self.role_of(tok)
        if not roles or self.agent_role(tok.head) is None:
            return None
        return self.make(tok, None, roles, f"agent:role:{self.lemmas[tok.i]}", plural=False)

    # -- building blocks --------------------------------------------------------------

    def make(
        self,
        tok: Any,
        country: str | None,
        sectors: tuple[str, ...],
        rule: str,
        org: str | None = None,
        end: int | None = None,
        **kw: Any,
    ) -> Found:
        """A Found for the phrase headed by ``tok`` (its left modifiers included, and from
        ``begin`` when a modifier outside its subtree belongs to it)."""
        begin = kw.pop("begin", None)
        start = self._after_listed(min(tok.left_edge.i, tok.i, tok.i if begin is None else begin),
                                   tok.i)
        while start < tok.i and self.sdoc[start].text in (",", ";"):
            start += 1  # a list's comma the parse hangs on the head: ", Macron pledge"
        match = self.by_token.get(tok.i)
        stop = max(tok.i + 1, match.end if match else 0, end or 0)
        kw.setdefault("plural", tok.tag_ in ("NNS", "NNPS"))
        kw.setdefault("person", not kw["plural"] and self.lemmas[tok.i] in self.lex.individuals)
        return Found(
            head=tok.i,
            start=start,
            end=stop,
            country=country,
            sectors=tuple(dict.fromkeys(sectors)),
            rule=rule,
            org=org,
            subject=climb(tok).dep_ in SUBJECT_DEPS,
            sent=self.sent_of.get(tok.i, 0),
            lemma=self.lemmas[tok.i],
            quantity=kw.pop("quantity", quantity(tok)),
            **kw,
        )

    def _after_listed(self, start: int, head: int) -> int:
        """Where a phrase starts when a person's name listed before its head is an actor
        of its own: after it ("Rouhani and [British Prime Minister David Cameron]"). A
        listed country word stays in the phrase it modifies ("Turkish, Russian and Swiss
        rescue teams")."""
        for j in range(start, head):
            match = self.by_token.get(j)
            if match is not None and self.entry(match).kind == "person" \
                    and self._listed(self.sdoc[j]):
                start = match.end + 1
        return start

    def entry(self, match: NameMatch) -> NameEntry:
        return match.entry.at(self.date)

    def _from_name(self, tok: Any, match: NameMatch) -> Found | None:
        entry = self.entry(match)
        kind = entry.kind
        modifier = climb(tok).dep_ in MODIFIER_DEPS and tok.head.i != tok.i
        modifier = modifier and not self._listed(tok)
        if modifier and kind != "org":
            return self._owner(tok, entry)
        if kind == "capital" and self._counterpart(tok, match):
            return self.make(tok, entry.country, (), f"{entry.rule or kind}:place")
        if kind == "capital" and not ((is_argument(tok) or self._opens_list(tok, match))
                                      and self._bare(tok, match)):
            return None
        if kind == "capital" and tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
            return None
        rule = entry.rule or kind
        if kind in ("name", "org") and prep_of(tok) in word_list("locative_preps"):
            rule += ":place"  # "a curfew in Montenegro": the country, named as a place
        sectors = entry.sectors
        if kind == "capital":
            sectors = ("GOV",)
        if kind in ("adj", "plural") and self.refugee_cue(tok):
            sectors = sectors + ("REF",)
        elif kind == "plural" and not any(c.lower_ == "the" for c in tok.lefts):
            sectors = sectors + ("CVL",)  # "Thousands of Nigerians", not "the Chinese"
        org = entry.code if kind in ("org", "actor", "person") and entry.country is None else None
        plural = kind == "plural" or tok.tag_ in ("NNS", "NNPS")
        if kind == "person":
            titled = self.title_roles(tok)
            if titled:
                # The story's own title names the office on its day ("new President X",
                # "ousted President X"): it outranks the entry's dated periods, which a wrong
                # or missing document date would otherwise pick.
                sectors, rule = titled, f"{rule}+title"
            stated = self._stated_country(tok, entry) if titled else None
            if stated is not None:
                return self.make(tok, stated.country, sectors or stated.sectors,
                                 f"person:title:{stated.rule}", plural=False, person=True)
            return self.make(tok, entry.country, sectors, rule, org, plural=False, person=True)
        partner = self._elided_partner(tok, match)
        if partner is not None:
            self.extras.setdefault(tok.i, []).append(
                self.make(tok, partner.country, sectors, partner.rule, partner.org))
        return self.make(tok, entry.country, sectors, rule, org, plural=plural)

    def _stated_country(self, tok: Any, entry: NameEntry) -> Found | None:
        """The country a titled person's phrase gives them, when it is not the one the
        knowledge base holds for the day: "Saudi King Abdullah" is not Jordan's king. The
        title and its country are the reporter's word on the day; the knowledge base's
        entry is a namesake or an older office. (Without a title the modifier may be no
        part of the name: "Turkey demands U.S. extradite Gulen".)"""
        if entry.country is None or not entry.rule.startswith("kb:"):
            return None  # a user's own entry is taken as written
        where = self.modifier_country(tok)
        if where is None or not where.rule.startswith("country:") \
                or where.country == entry.country:
            return None  # only a country's own word states it, not a person or a body
        return where

    def _listed(self, tok: Any) -> bool:
        """ "Norway, Sweden agree on patrols": a headline lists its actors with commas, and
        the parse reads the first as a modifier; a name followed by a comma and another
        name is an actor of its own. So is a person's name before "and" and another name
        ("Rouhani and British Prime Minister David Cameron"): a person owns no noun the
        way "French and Egyptian warships" share theirs."""
        nxt = tok.i + 1
        if nxt + 1 >= len(self.sdoc):
            return False
        match = self.by_token.get(tok.i)
        if match is None or match.end != nxt or nxt + 1 not in self.by_token:
            return False
        word = self.sdoc[nxt].text
        return word == "," or (word == "and" and self.entry(match).kind == "person")

    def _opens_list(self, tok: Any, match: NameMatch) -> bool:
        """ "Seoul, Tokyo agree to share intelligence": a capital opening a headline's list
        of names is one of the actors of its verb, wherever the parse hangs it; a list
        inside a sentence ("talks in Seoul, Tokyo and Beijing") names places, and so does
        a capital before its own country ("TBILISI, Georgia --", a dateline)."""
        if not (tok.is_sent_start and self._listed(tok)):
            return False
        after = self.by_token.get(tok.i + 2)
        return after is None or self.entry(after).country != self.entry(match).country

    def _bare(self, tok: Any, match: NameMatch) -> bool:
        """ "Beijing said" is the government; "the capital Juba" is a place. A seat of
        government is written with "the" ("The Kremlin said", "the White House"), which
        keeps it bare."""
        return not any(c.i < match.start and not _the(c) for c in tok.lefts)

    def _counterpart(self, tok: Any, match: NameMatch) -> bool:
        """ "loans to Hanoi", "a visit to Tehran", "recalled its envoy from Lima": a capital
        after a preposition of the act's other party (``counterpart_preps``) is its country,
        as Phoenix codes capitals; only the country, because a destination is not always the
        government. After a verb with no object it is where someone goes or comes from
        ("negotiators return to Vienna", "returned from Lima"), a place."""
        if tok.dep_ == "appos":
            return False  # "to the capital Managua": the capital names a place
        if prep_of(tok) not in word_list("counterpart_preps") or not self._bare(tok, match):
            return False
        holder = climb(tok).head.head
        if holder.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("dobj", "dative") for c in holder.children)
        return True

    def _owner(self, tok: Any, entry: NameEntry) -> Found | None:
        """A country word modifying a noun that names no actor is that noun's owner:
        "an Indian proposal", "Israeli air raids", "U.S. exports" (the whole phrase, so
        that the event coder finds it from the noun), through an owner word ("a
        British-flagged tanker")."""
        head = self._owned(tok.head)
        if head.pos_ not in NOUN_POS or self.by_token.get(head.i) is not None:
            return None
        if entry.kind == "capital" and tok.dep_ != "poss":
            return None
        if self.analyze(head) is not None:
            return None  # the head is an actor phrase and uses this word itself
        sectors = entry.sectors if entry.kind in ("actor", "org", "person") else ()
        org = entry.code if entry.country is None else None
        if entry.kind == "capital":
            sectors = ("GOV",)
        act = self.agent_role(head)
        if act is not None and self._role_after(tok, head):
            return None  # "a Kenyan police crackdown": "Kenyan police" is the actor
        if act is not None:
            return self._agent(tok, head, entry, sectors or act, org)
        found = self.make(head, entry.country, sectors, f"owner:{entry.rule}", org)
        self.memo[head.i] = found
        self._coordinated_owners(tok, head, sectors)
        return found

    def _owned(self, head: Any) -> Any:
        """The noun an owner word modifies ("flagged" of "British-flagged tanker"), else
        ``head`` itself."""
        if head.lower_ in self.lex.owner_words and head.dep_ in ("amod", "compound") \
                and head.head.pos_ in NOUN_POS:
            return head.head
        return head

    def _coordinated_owners(self, tok: Any, head: Any, sectors: tuple[str, ...]) -> None:
        """ "Indian and Pakistani military officers": one more owner of the noun per
        coordinated country word, as for role nouns ("French and Egyptian warships")."""
        for other in self._conjunct_countries(tok):
            self.extras.setdefault(head.i, []).append(
                self.make(head, other.country, sectors or other.sectors,
                          f"owner:{other.rule}", other.org)
            )

    def _conjunct_countries(self, first: Any) -> list[Found]:
        """The country words coordinated after ``first`` ("French and Egyptian"), each as
        the actor it names alone."""
        match = self.by_token.get(first.i)
        partner = self._elided_partner(first, match) if match is not None else None
        out = [partner] if partner is not None else []
        for conj in first.conjuncts:
            match = self.by_token.get(conj.i)
            if match is None or conj.i < first.i:
                continue
            other = self._country_found(conj, match)
            if other is not None and (other.country or other.org):
                out.append(other)
        return out

    def _elided_partner(self, tok: Any, match: NameMatch) -> Found | None:
        """ "North and South Korea", "East and West German leaders": a compass word
        coordinated before a name stands for the name with that word instead, which
        news writes once for both."""
        i, compass = match.start, word_list("compass_words")
        if i < 2 or self.lowers[i] not in compass or self.lowers[i - 1] not in ("and", "or"):
            return None
        first = self.sdoc[i - 2]
        if first.lower_ not in compass or not first.text[:1].isupper():
            return None
        entry = self.lex.names.get(" ".join([first.lower_, *self.lowers[i + 1 : match.end]]))
        if entry is None or entry.kind != self.entry(match).kind \
                or entry.at(self.date).country == self.entry(match).country:
            return None
        return self._country_found(tok, NameMatch(i - 2, match.end, entry))

    def _agent(
        self, tok: Any, act: Any, entry: NameEntry, sectors: tuple[str, ...], org: str | None
    ) -> Found:
        """The modifier of an act's noun is who acts: "an Israeli air strike" is an Israeli
        military act, so "Israeli" is coded ``ISRMIL`` as a mention of its own, for the
        event coder to take as the act's source."""
        rule = f"agent:{entry.rule}+{self.lemmas[act.i]}"
        return self.make(tok, entry.country, sectors, rule, org, plural=False)

    def _role_after(self, tok: Any, act: Any) -> bool:
        """Whether a role noun follows ``tok`` among the modifiers of an act's noun."""
        return any(
            c.i > tok.i and c.dep_ == "compound" and c.pos_ in NOUN_POS and self.role_of(c)
            for c in act.lefts
        )

    def _sibling_country(self, tok: Any) -> Found | None:
        """ "a Kenyan police crackdown", parsed as two modifiers of "crackdown": the country
        word before a role noun on an act's noun is the role noun's."""
        if tok.dep_ != "compound" or self.agent_role(tok.head) is None:
            return None
        for child in reversed([c for c in tok.head.lefts if c.i < tok.i]):
            match = self.by_token.get(child.i)
            if child.dep_ in MODIFIER_DEPS and match is not None:
                found = self._country_found(child, match)
                if found is not None and (found.country or found.org):
                    return found
        return None

    def _conjunct_country(self, tok: Any, roles: tuple[str, ...]) -> Found | None:
        """ "Syrian jets and tanks": a bare noun listed after one a country word modifies
        shares that country when both name the same kind of actor. An adjective before a
        list of like nouns is read across the list; "Israeli troops and protesters" says
        nothing of where the protesters are from, and "tanks" alone would otherwise take
        whatever country its sentence names."""
        head = tok.head
        if tok.dep_ != "conj" or not roles or head.pos_ not in NOUN_POS or any(
                k.dep_ not in ("cc", "punct") for k in tok.lefts):
            return None
        if not set(roles) & set(self.role_of(head)):
            return None
        where = self.modifier_country(head)
        return where if where is not None and (where.country or where.org) else None

    def agent_role(self, tok: Any) -> tuple[str, ...] | None:
        """The role the act named by the noun ``tok`` gives its doer (``()``: none of its
        own), or None when the noun names no act; the longest phrase ending at it wins."""
        i, table = tok.i, self.lex.agent_nouns
        for n in range(min(3, i + 1), 0, -1):
            for words in (self.lemmas, self.lowers):
                role = table.get(tuple(words[i - n + 1 : i + 1]))
                if role is not None:
                    return role
        return None

    def refugee_cue(self, tok: Any) -> bool:
        """Whether a clause on ``tok`` says its people seek asylum, flee or defect."""
        cues = self.lex.refugee_cues
        return any(
            child.dep_ in ("acl", "relcl") and any(t.lemma_.lower() in cues for t in child.subtree)
            for child in tok.children
        )

    def role_of(self, tok: Any) -> tuple[str, ...]:
        """Roles named by the noun ``tok``, trying multi-word roles ending at it first."""
        return self._role_phrase(tok)[0]

    def _role_phrase(self, tok: Any) -> tuple[tuple[str, ...], int]:
        """:meth:`role_of`, with the number of words of the role phrase ending at ``tok``
        (1 for a one-word role or none)."""
        lex = self.lex
        if tok.text in lex.capitalised and tok.text[:1].isupper():
            return () if tok.ent_type_ in _CLOCK else lex.capitalised[tok.text], 1
        i = tok.i
        for words in (self.lemmas, self.lowers):
            longest = min(lex.role_ends.get(words[i], 0), i + 1)
            for n in range(longest, 0, -1):
                roles = lex.roles.get(tuple(words[i - n + 1 : i + 1]))
                if roles:
                    return self._former(roles, i - n + 1), n
        # The phrase as written, the head made singular: "rights groups", "armed forces".
        longest = min(lex.role_ends.get(self.lemmas[i], 0), i + 1)
        for n in range(longest, 1, -1):
            roles = lex.roles.get((*self.lowers[i - n + 1 : i], self.lemmas[i]))
            if roles:
                return self._former(roles, i - n + 1), n
        return (), 1

    def _former(self, roles: tuple[str, ...], start: int, words: list[str] | None = None,
                ) -> tuple[str, ...]:
        """The roles of an office phrase beginning at ``start`` of ``words`` (the
        document's lowercased words by default), or the former holder's role when a
        word of ``former_words`` comes before it ("the former vice president",
        "ex-minister")."""
        lex, words = self.lex, self.lowers if words is None else words
        before = start - 1
        if before >= 0 and words[before] == "-":
            before -= 1
        if before >= 0 and words[before] in lex.former_words \
                and lex.office_sectors.intersection(roles):
            return lex.former_role
        return roles

    def modifier_roles(self, tok: Any, length: int | None = None) -> tuple[str, ...]:
        """The roles of the modifiers of ``tok`` outside its own role phrase ("fighter" in
        "a fighter jet" is part of the jet's role, not a rebel); ``length``: the words of
        that phrase, when the caller has looked it up."""
        if length is None:
            length = self._role_phrase(tok)[1]
        roles: tuple[str, ...] = ()
        for child in tok.lefts:
            if child.i > tok.i - length:
                continue
            if child.dep_ in ("compound", "amod", "nmod") and child.i not in self.by_token \
                    and self.lemmas[child.i] not in self.lex.persons:  # "child soldiers"
                own, own_length = self._role_phrase(child)
                roles += own or self.modifier_roles(child, own_length)
        return roles

    def modifier_country(self, tok: Any, depth: int = 0) -> Found | None:
        """The country (or organisation) a modifier of ``tok`` names, if any."""
        for child in tok.lefts:
            if child.dep_ not in MODIFIER_DEPS and child.dep_ != "det":
                continue
            if child.lower_ in self.lex.backer_words:
                continue  # "Iran-backed militias" are not Iran's
            match = self.by_token.get(child.i)
            if match is None and child.lower_ in word_list("compass_words"):
                child = next((c for c in child.conjuncts if c.i in self.by_token), child)
                match = self.by_token.get(child.i)  # "North and South Korean officials"
            if match is not None:
                found = self._country_found(child, match)
                if found is not None:
                    return found
            elif child.dep_ == "poss" and child.pos_ == "PRON":
                ante = coref.pronoun(self, child)
                if ante is not None and (ante.country or ante.org):
                    return ante
            elif depth < 2:
                found = self.modifier_country(child, depth + 1)
                if found is not None:
                    return found
        return None

    def _country_found(self, tok: Any, match: NameMatch) -> Found | None:
        entry = self.entry(match)
        if entry.country is None and entry.code is None:
            return None
        org = entry.code if entry.country is None else None
        sectors = entry.sectors if entry.kind in ("actor", "org", "person") or entry.code else ()
        return self.make(tok, entry.country, sectors, entry.rule, org)

    def complement(self, tok: Any) -> tuple[Found, Any] | None:
        """An actor in a complement: "of Japan", "from Iraq", "in Sudan", "in Tehran" (not
        diplomats)."""
        for prep in tok.rights:
            word = prep.lower_
            if prep.dep_ != "prep" or word not in ("of", "from", "in"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if word == "in" and not self._in_country(tok, pobj):
                    continue
                found = self.analyze(pobj) if word != "in" else self._name_at(pobj)
                if found is not None and found.coded:
                    return found, pobj
        return None

    def _in_country(self, tok: Any, pobj: Any) -> bool:
        return tok.lemma_.lower() not in word_list("diplomatic_nouns") and pobj.i in self.roots

    def _name_at(self, tok: Any) -> Found | None:
        match = self.roots.get(tok.i)
        if match is None or self.entry(match).kind not in ("name", "capital"):
            return None
        return self._country_found(tok, match)

    # -- nouns and persons ------------------------------------------------------------

    def _noun(self, tok: Any) -> Found | None:
        lemma = self.lemmas[tok.i]
        if lemma in self.lex.home_nouns:
            return self._home(tok)
        if lemma in self.lex.persons and tok.dep_ == "compound" and tok.head.pos_ in NOUN_POS:
            return None  # "child support", "women voters": the head noun tells
        roles, length = self._role_phrase(tok)
        led = self.leader(tok)
        if not roles and led is None and self.agent_role(tok) is not None:
            return None  # "a government crackdown": "government" is the actor
        if not roles and lemma in self.lex.crowds and self._crowd(tok):
            roles = ("CVL",)
        transparent = not roles and lemma in self.lex.transparent
        person = not roles and lemma in self.lex.persons
        if not roles and led is not None:  # "NATO-led troops", "a Saudi-led airstrike"
            roles = self.lex.led_roles.get(lemma, ()) or self.agent_role(tok) or ()
        mod_roles = self.modifier_roles(tok, length)
        if not (roles or transparent or person) and not self._noun_modifier_role(tok):
            return None
        roles = self._yield(lemma, roles, mod_roles)
        if (person or transparent) and self.refugee_cue(tok):
            roles = roles + ("REF",)
        where = self.modifier_country(tok) or self._sibling_country(tok)
        shared = where is None and self._conjunct_country(tok, roles)
        if shared:
            where = shared
            self._coordinated_countries(tok, where, roles, lemma)
            return self.make(tok, where.country, roles, f"conjunct:{where.rule}+{lemma}",
                             where.org)
        if where is not None:
            if not roles:
                roles = self.lex.default_roles.get(lemma, ("CVL",) if person else ())
            self._coordinated_countries(tok, where, roles, lemma)
            rule = f"{'led' if led is not None else 'compose'}:{where.rule}+{lemma}"
            return self.make(tok, where.country, _member_roles(roles, where), rule, where.org,
                             begin=where.start)
        comp = self.complement(tok)
        if comp is not None:
            return self._with_complement(tok, roles, comp, transparent)
        if person and not roles:
            return self.make(tok, None, (), f"people:{lemma}")
        return self.make(tok, None, roles, f"role:{lemma}") if roles else None

    def _home(self, tok: Any) -> Found | None:
        """ "his country", "their homeland": the country of whom the pronoun refers to."""
        owner = next((k for k in tok.children if k.dep_ == "poss" and k.pos_ == "PRON"), None)
        if owner is None:
            return None
        ante = coref.pronoun(self, owner)
        if ante is None or not ante.country:
            return None
        return self.make(tok, ante.country, (), f"home:{self.lemmas[tok.i]}", begin=owner.i)

    def _crowd(self, tok: Any) -> bool:
        """A plural number alone as the subject or object of its verb: "thousands marched",
        "police detained hundreds"; not "hundreds of homes", "worth hundreds" or "cost
        thousands"."""
        if tok.tag_ != "NNS" or tok.ent_type_ == "MONEY" or tok.dep_ not in (
                "nsubj", "nsubjpass", "dobj"):
            return False
        if tok.dep_ == "dobj" and self.lemmas[tok.head.i] in self.lex.money_verbs:
            return False
        return not any(k.dep_ == "prep" and k.lower_ == "of" for k in tok.children)

    def _yield(self, lemma: str, roles: tuple[str, ...], mod: tuple[str, ...]) -> tuple[str, ...]:
        """A noun's roles with its modifiers': a yielding noun's own role gives way to a
        modifier's sector ("army officers" are military, "police officers" stay police),
        not to a faith ("Catholic officers" are Catholic police)."""
        sectors = tuple(r for r in mod if r not in self.lex.faiths)
        if lemma in self.lex.yielding and sectors and not set(roles) & set(sectors):
            return sectors + tuple(r for r in mod if r in self.lex.faiths)
        return roles + mod

    def leader(self, tok: Any) -> Any | None:
        """The "X-led" word of a noun ("NATO-led troops", "the Saudi-led coalition"),
        when its own modifier names the leader; the phrase is then the leader's actor. The
        parse may hang the word on the noun a compound modifies ("a Saudi-led coalition
        airstrike"): before the compound, it is the compound's."""
        mods = list(tok.lefts)
        if tok.dep_ == "compound":
            mods += [k for k in tok.head.lefts if k.i < tok.i]
        for child in mods:
            led = child.dep_ in ("amod", "compound") and child.lower_ in self.lex.led_words
            if led and any(k.dep_ in MODIFIER_DEPS for k in child.lefts):
                return child
        return None

    def _noun_modifier_role(self, tok: Any) -> bool:
        """A noun compound names an actor ("police custody", "army bulldozers"); an
        adjective does not ("military aid", "civilian buildings"), nor a people noun
        ("child support", "woman driver")."""
        return any(
            c.dep_ == "compound" and c.pos_ in NOUN_POS and self.role_of(c)
            and self.lemmas[c.i] not in self.lex.persons for c in tok.lefts
        )

    def _coordinated_countries(
        self, tok: Any, where: Found, roles: tuple[str, ...], lemma: str
    ) -> None:
        """ "French and Egyptian warships": one more actor per coordinated country word."""
        for other in self._conjunct_countries(self.sdoc[where.head]):
            self.extras.setdefault(tok.i, []).append(
                self.make(tok, other.country, roles, f"compose:{other.rule}+{lemma}", other.org)
            )

    def _with_complement(
        self, tok: Any, roles: tuple[str, ...], comp: tuple[Found, Any], transparent: bool
    ) -> Found:
        found, pobj = comp
        end = np_end(pobj)
        self._listed_owners(tok, pobj, roles or found.sectors, end)
        if transparent and not roles:
            return self.make(
                tok, found.country, found.sectors, f"member-of:{found.rule}", found.org, end=end
            )
        return self.make(
            tok,
            found.country,
            roles,
            f"compose:{self.lemmas[tok.i]}+of:{found.rule}",
            found.org,
            end=end,
        )

    def _listed_owners(self, tok: Any, pobj: Any, roles: tuple[str, ...], end: int) -> None:
        """ "The leaders of Brazil, Russia, India and China": one more actor of the head
        noun's role per country listed after the first."""
        for other in pobj.conjuncts:
            found = self.analyze(other)
            if found is not None and found.country and not found.person:
                self.extras.setdefault(tok.i, []).append(self.make(
                    tok, found.country, roles, f"compose:{self.lemmas[tok.i]}+of:{found.rule}",
                    found.org, end=end))

    def title_roles(self, tok: Any) -> tuple[str, ...]:
        """Roles from a title before a name ("Foreign Minister", "Gen.", "President"); a
        country word inside the title is left out of it ("Former Pakistani Prime Minister"
        is a former prime minister)."""
        words = [self.lowers[i] for i in range(tok.left_edge.i, tok.i)
                 if i not in self.by_token or self.entry(self.by_token[i]).kind != "adj"]
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                roles = self.lex.titles.get(tuple(words[i : i + n]))
                if roles:
                    return self._former(roles, i, words)
        return ()

    def _person(self, tok: Any) -> Found | None:
        if tok.ent_iob_ == "I" and tok.head.ent_type_ == "PERSON" and tok.head.i > tok.i:
            return None
        roles = self.title_roles(tok)
        if not roles:
            return self._apposition(tok) or self._role_before(tok) or self._named_before(tok)
        where = self.modifier_country(tok)
        if where is None:
            comp = self.complement(tok)
            where = comp[0] if comp else None
        country = where.country if where else None
        org = where.org if where else None
        return self.make(tok, country, roles, "person:title", org, person=True, plural=False)

    def _named_before(self, tok: Any) -> Found | None:
        """ "Russian President Boris Yeltsin ... Yeltsin said": the same surname."""
        lemma = self.lemmas[tok.i]
        for prev in islice(reversed(self.found), coref.LOOKBACK_MENTIONS):
            if prev.person and prev.lemma == lemma and prev.coded:
                found = self.make(tok, None, (), "", person=True, plural=False)
                return found.with_coding(prev, f"coref:name>{prev.rule}")
        return None

    def _role_before(self, tok: Any) -> Found | None:
        """A role noun written before a name as its title ("Kenyan police chief Japhet
        Koome", "opposition leader X"): the person is what the role phrase says, and the
        name, not the role word, is who acts in the clause."""
        for child in tok.lefts:
            if child.dep_ != "compound" or child.ent_type_ == "PERSON":
                continue
            found = self.analyze(child)
            if found is not None and found.sectors:
                return self.make(tok, found.country, found.sectors, "person:role", found.org,
                                 person=True, plural=False)
        return None

    def _apposition(self, tok: Any) -> Found | None:
        for child in tok.children:
            if child.dep_ == "appos":
                found = self.analyze(child)
                if found is not None and found.coded:
                    return self.make(
                        tok,
                        found.country,
                        found.sectors,
                        "person:appos",
                        found.org,
                        person=True,
                        plural=False,
                    )
        return None


def _the(tok: Any) -> bool:
    """Whether ``tok`` is the definite article."""
    return tok.dep_ == "det" and tok.lower_ == "the"


def _datelines(sdoc: Any) -> set[int]:
    """The tokens of datelines that open a sentence: "TBILISI, Georgia -- Georgian police
    arrested ..." (a dateline at the very start of a story is taken out of its text by the
    ingest stage; one after a headline line stays in it)."""
    out: set[int] = set()
    text = doc_text(sdoc)
    for sent in sdoc.sents:
        start = sent.start_char  # the text on, as a dateline may end its own sentence
        if not text[start:start + 1].isupper():
            continue
        end = start + dateline_length(text, start)
        for tok in sdoc[sent.start:] if end > start else ():
            if tok.idx >= end:
                break
            out.add(tok.i)
    return out
