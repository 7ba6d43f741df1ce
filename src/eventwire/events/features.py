"""Candidates and their features, shared by the event model's trainer and its coder.

Why one module for both: a feature computed one way at training time and another way at
coding time is a silent bug that no test of either side finds. Everything here is a pure
function of the spaCy parse, the actor mentions and the lexicon, so the trainer and the
learned coder call the very same code.

Every verb of a sentence is a candidate, and so is every noun the lexicon knows or that the
model saw as a trigger (``event_nouns``): recall comes from the parse, and the lexicon's hits
are features the model weighs, not verdicts; so are the CAMEO roots PETRARCH-2's verb
dictionary gives the candidate's verb (:mod:`eventwire.events.verbclasses`), the WordNet
classes of the word and its hypernyms (:mod:`eventwire.events.wordnet`) and how long before
the document date the sentence dates the act (:mod:`eventwire.events.timecues`), and
which actor mentions hang from the candidate (who does it to whom decides whether a word
is a political act at all).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.events.actorlink import ActorLink
from eventwire.events.arguments import arguments_of
from eventwire.events.lexicon import EventLexicon
from eventwire.events.matching import Match, match_arguments, match_token
from eventwire.events.mood import mood_of
from eventwire.events.timecues import TimeCue, time_features
from eventwire.events.tree import KidsOf, Tree, memo_children
from eventwire.events.verbclasses import verb_class_features
from eventwire.events.wordnet import builtin_wordnet, wordnet_features
from eventwire.model import ActorMention

__all__ = ["MentionRef", "candidate_tokens", "candidate_matches", "trigger_features",
           "pair_features", "class_roots", "sentence_mentions", "mentions_by_sentence",
           "mentions_by_head",
           "LIGHT_VERBS"]

# Verbs that carry a noun event ("held talks", "launched an attack"): the noun is the act.
LIGHT_VERBS = frozenset({"hold", "launch", "carry", "stage", "make", "issue", "conduct",
                         "take", "give", "mount", "sign", "have", "pay", "deliver", "impose"})
_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "dobj",
                          "pobj", "prep", "nsubj", "attr"})
_MAX_CANDIDATES = 60  # per sentence: a run-on "sentence" is not read word by word


@dataclass(frozen=True, slots=True)
class MentionRef:
    """An actor mention of the sentence and the token that heads it."""

    mention: ActorMention
    head: Token


def candidate_tokens(sent: Span, lex: EventLexicon, event_nouns: frozenset[str],
                     link: ActorLink | None = None) -> list[Token]:
    """Every verb and predicate adjective, and every noun that names an act (lexicon hit or
    known trigger noun): the tokens of :func:`candidate_matches`, so the trainer and the
    coder cannot pick their candidates differently."""
    return [tok for tok, _ in candidate_matches(sent, lex, event_nouns, link=link)]


def candidate_matches(sent: Span, lex: EventLexicon, event_nouns: frozenset[str],
                      tokens: Sequence[Token] | None = None, link: ActorLink | None = None,
                      ) -> list[tuple[Token, tuple[Match | None]]]:
    """Every verb and predicate adjective, and every noun that names an act (lexicon hit or
    known trigger noun), each with its lexicon match as a one-tuple: a noun's match decides
    whether it is a candidate, and is then not looked up twice (``tokens``: the sentence's
    tokens, when already listed; ``link``: the document's actor lookups, whose matches
    tell an agent from a modifier and are shared with the rules)."""
    def match_of(tok: Token) -> Match | None:
        return match_token(tok, lex) if link is None else link.match(tok, lex)

    out: list[tuple[Token, tuple[Match | None]]] = []
    for tok in sent if tokens is None else tokens:
        pos = tok.pos_
        if pos == "VERB" or pos == "NOUN" and tok.lemma_.lower() in event_nouns \
                or pos == "ADJ" and _predicate_adjective(tok):
            out.append((tok, (match_of(tok),)))
        elif pos == "NOUN":
            match = match_of(tok)
            if match is not None:
                out.append((tok, (match,)))
        if len(out) >= _MAX_CANDIDATES:
            break
    return out


def _predicate_adjective(tok: Token) -> bool:
    """An adjective that is what its clause says of its subject ("were ready to resume
    talks", "said it was open to talks", "is willing to mediate": news states an intent
    so), or a participle the tagger reads as an adjective ("Muscat, jeered by
    demonstrators")."""
    return tok.dep_ in _PREDICATE_DEPS or tok.tag_ == "VBN"


_PREDICATE_DEPS = frozenset({"acomp", "ROOT", "ccomp", "xcomp"})
_MORPH_KEYS = frozenset({"Tense", "Aspect", "VerbForm", "Mood", "Number"})


def _morph(tok: Token) -> list[str]:
    """Tense, aspect, verb form, mood and number, read from the morphology's one string
    ("Aspect=Perf|Tense=Past|VerbForm=Part"): one call instead of a lookup per key."""
    return list(_morph_features(str(tok.morph)))


@lru_cache(maxsize=4096)
def _morph_features(morph: str) -> tuple[str, ...]:
    """:func:`_morph` of a morphology string, worked out once per string (a tagger gives
    a few hundred): the same feature strings each time, their hashes kept."""
    feats: list[str] = []
    for part in morph.split("|"):
        key, _, values = part.partition("=")
        if key in _MORPH_KEYS:
            feats.extend(f"m:{key}={value}" for value in values.split(","))
    return tuple(feats)


def _governors(tok: Token, kids: KidsOf) -> list[str]:
    """The lemmas of the clauses above the trigger: "threatened to", "denied", "if"."""
    feats = []
    node = tok
    for depth in range(3):
        dep = node.dep_
        if dep not in _CLAUSE_DEPS:
            break
        head = node.head
        if head is node:
            break
        node = head
        lemma = node.lemma_.lower()
        feats += [f"g{depth}:{lemma}", f"g{depth}dep:{dep}", f"g:{lemma}", f"gdep:{dep}_{lemma}"]
        feats += [f"gaux:{k.lower_}" for k in kids(node) if k.dep_ in {"aux", "neg"}]
    return feats


#: The relations of the noun an act is done to: what kind of thing it is tells acts
#: apart that share a verb ("cut ties", "cut aid", "cut power").
_UNDERGOER_DEPS = frozenset({"dobj", "nsubjpass", "attr"})


def _noun_kinds(dep: str, lemma: str) -> list[str]:
    """WordNet's lexicographer classes of a noun the act is done to ("aid" and "loans"
    are noun.possession, "troops" noun.group, "embargo" and "curfew" noun.communication),
    so that an object the corpus never paired with the verb still says something."""
    return [f"o:{dep}:{f}" for f in builtin_wordnet().noun_features(lemma)
            if f.startswith("wn:nlex:") or f == "wn:nout"]


def _children(below: list[Token]) -> list[str]:
    """The trigger's children ``below``: their relation, and their word where it tells."""
    feats = []
    for kid in below:
        dep = kid.dep_
        if dep in {"aux", "auxpass", "neg", "mark", "advmod", "prt"}:
            feats.append(f"c:{dep}:{kid.lower_}")
        elif dep == "prep":
            feats.append(f"c:prep:{kid.lower_}")
        elif dep in {"dobj", "nsubj", "nsubjpass", "attr", "dative"}:
            feats.append(f"c:{dep}:{kid.lemma_.lower()}")
            feats.append(f"c:{dep}:{kid.ent_type_ or kid.pos_}")
            if dep != "dobj" and _no_one(kid):
                feats.append("c:negsubj")
            if dep in _UNDERGOER_DEPS and kid.pos_ == "NOUN":
                feats += _noun_kinds(dep, kid.lemma_.lower())
        else:
            feats.append(f"c:{dep}")
    return feats


#: Subjects that deny the act they do: "neither side has fired", "no country has
#: recognised", "nobody was arrested".
_NO_ONE = frozenset({"nobody", "none", "neither", "nothing", "noone"})
_NO_DETS = frozenset({"no", "neither"})


def _no_one(subject: Token) -> bool:
    """Whether a subject is a negative one ("neither government", "no one", "none of
    the parties"): the clause then says the act did not happen."""
    if subject.lower_ in _NO_ONE or subject.lower_ == "one" and subject.i > 0 \
            and subject.doc[subject.i - 1].lower_ == "no":
        return True
    return any(k.dep_ in {"det", "preconj"} and k.lower_ in _NO_DETS for k in subject.children)


def sentence_cues(sent: Span, tokens: Sequence[Token] | None = None) -> list[str]:
    """The cue words of a sentence, as features (computed once per sentence; ``tokens``:
    its tokens, when already listed)."""
    return [f"s:{t.lower_}" for t in (sent if tokens is None else tokens)
            if t.lower_ in _CUE_WORDS]


def _window(tok: Token, sent: Span, tree: Tree | None = None) -> list[str]:
    feats = []
    words = tok.doc if tree is None else tree.tokens
    at, start, end = tok.i, sent.start, sent.end
    for offset in (-3, -2, -1, 1, 2):
        i = at + offset
        if start <= i < end:
            feats.append(f"w{offset}:{words[i].lower_}")
    return feats


# Words anywhere in the sentence that bear on whether an act happened.
_CUE_WORDS = frozenset({"reportedly", "allegedly", "rumour", "rumours", "rumor", "unconfirmed",
                        "denied", "deny", "denies", "if", "unless", "could", "might", "may",
                        "would", "will", "plans", "plan", "expected", "routinely", "often",
                        "usually", "since", "ago", "history", "historically", "years", "1990s",
                        "league", "match", "game", "striker", "shares", "market", "team", "cup",
                        "season", "fans", "stocks", "price", "prices", "not", "never", "no",
                        "half", "goal", "goals", "win", "won", "scored", "coach", "final",
                        "tournament", "championship", "players", "side", "investors", "rally",
                        "earnings", "profit", "said", "told", "says"})


def trigger_features(tok: Token, lex: EventLexicon, cues: list[str] | None = None,
                     match: tuple[Match | None] | None = None,
                     sent: Span | None = None, tree: Tree | None = None,
                     times: list[TimeCue] | None = None,
                     actors: Mapping[int, MentionRef] | None = None) -> list[str]:
    """Sparse string features of a candidate trigger (its vector is added by the caller);
    ``cues`` are its sentence's :func:`sentence_cues`, ``match`` (a one-tuple) the
    token's lexicon match and ``sent`` its sentence (``tok.sent`` walks the parse on
    every call), each computed here when not given. ``tree``: the document's children
    lists, read once for all its candidates; without it, the tokens' children are
    walked once per call. ``times``: its sentence's
    :func:`~eventwire.events.timecues.sentence_times` (they need the document's date,
    which the token does not carry: none when not given). ``actors``: its sentence's actor
    mentions by head token (:func:`mentions_by_head`); none when not given."""
    kids: KidsOf = memo_children() if tree is None else tree
    lemma, pos, dep = tok.lemma_.lower(), tok.pos_, tok.dep_
    head = tok.head
    head_lemma = head.lemma_.lower()
    feats = [
        "bias", f"l:{lemma}", f"w:{tok.lower_}", f"p:{pos}", f"t:{tok.tag_}",
        f"d:{dep}", f"h:{head_lemma}", f"hd:{head.dep_}", f"hp:{head.pos_}",
        f"lp:{lemma}_{pos}", f"ld:{lemma}_{dep}",
        f"shape:{'upper' if tok.is_upper else 'title' if tok.is_title else 'lower'}",
    ]
    if pos == "NOUN" and head_lemma in LIGHT_VERBS:
        feats.append(f"light:{head_lemma}")
    sent = tok.sent if sent is None else sent
    feats += _morph(tok) + _governors(tok, kids) + _children(kids(tok)) + _window(tok, sent, tree)
    feats += sentence_cues(sent) if cues is None else cues
    hit = match_token(tok, lex) if match is None else match[0]
    if hit is not None:
        code = hit.entry.cameo
        feats += [f"lex:{code}", f"lexroot:{code[:2]}", f"lexid:{hit.entry.id}"]
    feats += verb_class_features(tok, kids=kids)
    feats += wordnet_features(tok)
    if times:
        feats += time_features(tok, times)
    if actors is not None:
        feats += _actor_features(tok, lemma, actors, kids)
    mood = mood_of(tok, lex, kids)
    feats += [f"mood:{name}" for name, on in (
        ("negated", mood.negated), ("conditional", mood.conditional),
        ("content", mood.content), ("generic", mood.generic)) if on]
    if mood.modal:
        feats.append(f"mood:modal={mood.modal}")
    if mood.governor is not None:
        feats.append(f"mood:gov={mood.governor.lemma_.lower()}")
    return feats


def mentions_by_head(refs: Iterable[MentionRef]) -> dict[int, MentionRef]:
    """A sentence's mentions ``refs`` by the index of their head token."""
    return {ref.head.i: ref for ref in refs}


def _actor_kind(ref: MentionRef) -> str:
    """What kind of actor a mention is, for the event head: its first sector, else a
    country or an organisation, else a bare name."""
    m = ref.mention
    return m.sectors[0] if m.sectors else "ctry" if m.country else "org" if m.code else "x"


def _actor_features(tok: Token, lemma: str, actors: Mapping[int, MentionRef],
                    kids: KidsOf) -> list[str]:
    """Which actors hang from the candidate, and in which relation: whether a word is a
    political act depends on who does it to whom ("troops strike a town", "workers
    strike"; "the ministry said", "witnesses said"). A preposition's or an agent's object
    counts by the preposition ("prep_against")."""
    feats = [f"a:n:{min(len(actors), 3)}"]
    found = False
    for kid in kids(tok):
        dep = kid.dep_
        ref = actors.get(kid.i)
        if ref is None and dep in {"prep", "agent"}:
            ref = next((actors[k.i] for k in kids(kid) if k.i in actors), None)
            dep = f"prep_{kid.lower_}"
        if ref is None:
            continue
        found = True
        feats += [f"a:{dep}", f"a:{dep}:{_actor_kind(ref)}", f"al:{lemma}:{dep}"]
    up = actors.get(tok.head.i)
    if up is not None and tok.dep_ in {"relcl", "acl"}:
        found = True
        feats += [f"a:up:{tok.dep_}", f"a:up:{_actor_kind(up)}", f"al:{lemma}:up"]
    if not found:
        feats += ["a:bare", f"al:{lemma}:bare"]
    return feats


def sentence_mentions(link: ActorLink, sent: Span) -> list[MentionRef]:
    """The actor mentions inside ``sent`` with their head tokens, in text order."""
    return mentions_by_sentence(link, [sent])[0]


def mentions_by_sentence(link: ActorLink, sents: list[Span]) -> list[list[MentionRef]]:
    """:func:`sentence_mentions` of each of a document's sentences ``sents`` (in text
    order), with one pass over the document's mentions instead of one per sentence."""
    starts = [sent.start_char for sent in sents]
    ends = [sent.end_char for sent in sents]
    out: list[list[MentionRef]] = [[] for _ in sents]
    for mention in link.doc.actors:
        at = bisect_right(starts, mention.start) - 1
        if at < 0 or not mention.start < ends[at]:
            continue
        ref = _mention_ref(sents[at].doc, mention)
        if ref is not None:
            out[at].append(ref)
    return out


def _mention_ref(doc: Doc, mention: ActorMention) -> MentionRef | None:
    """The mention with its head token; None when its characters cover no token."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root
    if mention.head is not None:
        head = next((t for t in span if t.idx == mention.head), head)
    return MentionRef(mention, head)


def _path(trigger: Token, target: Token) -> str:
    """The dependency path between two tokens: "^|vnsubj", "^|vprep_byvpobj"...

    A path of more than four steps keeps its two ends, "far^dobj|vprep_ofvpobj": how the
    trigger hangs from the clause and how the mention hangs from its phrase. Collapsed to
    one "far" value, the role head cannot tell "demanded a vote on independence from Iraq"
    (a target) from the many far mentions that are neither source nor target."""
    up_t = [trigger, *trigger.ancestors]
    up_m = [target, *target.ancestors]
    ids_t = {t.i: n for n, t in enumerate(up_t)}
    common = next((n for n, t in enumerate(up_m) if t.i in ids_t), None)
    if common is None:
        return "none"
    m_steps = up_m[:common]
    t_steps = up_t[:ids_t[up_m[common].i]]
    down = [(f"{s.dep_}_{s.lower_}" if s.dep_ == "prep" else s.dep_) for s in m_steps]
    up = [s.dep_ for s in t_steps]
    if len(m_steps) + len(t_steps) > 4:
        return "far^" + "^".join(up[:1]) + "|v" + "v".join(reversed(down[:2]))
    return "^" + "^".join(up) + "|v" + "v".join(reversed(down))


def class_roots(tok: Token) -> list[str]:
    """The majority root the verb classes give the trigger: who is source and who target
    depends on the act ("hosted X": X is the guest, "received X" the visitor). Callers
    pairing one trigger with many mentions read it once and pass it to
    :func:`pair_features`."""
    return [f[-2:] for f in verb_class_features(tok) if f.startswith(("vc:top:", "vcn:top:"))]


def _passive(tok: Token) -> bool:
    """Whether the trigger is in the passive voice, also without its auxiliary: a headline
    ("Opposition leader arrested in capital") or a reduced relative ("five men arrested by
    police"), whose subject or head noun is acted upon."""
    deps = {k.dep_ for k in tok.children}
    if deps & {"auxpass", "nsubjpass"}:
        return True
    return tok.tag_ == "VBN" and tok.dep_ in {"ROOT", "acl"} and not deps & {"aux", "dobj"}


def _role_of(ref: MentionRef, tok: Token) -> list[str]:
    head = ref.head
    feats = []
    if head.head.i == tok.i:
        feats.append(f"r:child:{head.dep_}")
    if head.head.dep_ == "prep" and head.head.head.i == tok.i:
        feats.append(f"r:prep:{head.head.lower_}")
        if head.head.lower_ == "by" and _passive(tok):
            feats.append("r:agent")
    if head.dep_ == "agent" or (head.head.dep_ == "agent" and head.head.head.i == tok.i):
        feats.append("r:agent")
    if tok.head.i == head.i:
        feats.append(f"r:parent:{tok.dep_}")
    return feats


def pair_features(
    tok: Token, ref: MentionRef, link: ActorLink, rule_args: tuple[int | None, int | None],
    trigger_lemma: str, roots: list[str] | None = None, refs: list[MentionRef] | None = None,
    act: str | None = None,
) -> list[str]:
    """Features of (candidate trigger, actor mention): path, position, voice, roles;
    ``roots`` the trigger's :func:`class_roots` and ``refs`` its sentence's
    :func:`sentence_mentions`, each read here when not given. ``act`` is the CAMEO root
    of the act itself (the gold root in training, the event head's at coding time): the
    verb classes guess it from the verb alone, and who is target depends on it."""
    head = ref.head
    mention = ref.mention
    passive = _passive(tok)
    before = head.i < tok.i
    distance = abs(head.i - tok.i)
    bucket = "1" if distance <= 1 else "3" if distance <= 3 else "6" if distance <= 6 else "far"
    path = _path(tok, head)
    others = sentence_mentions(link, tok.sent) if refs is None else refs
    feats = [
        "bias", f"path:{path}", f"pos:{'before' if before else 'after'}", f"dist:{bucket}",
        f"nth:{_nth(tok, ref, others, before)}",
        f"voice:{'pass' if passive else 'act'}", f"pv:{path}_{passive}",
        f"hdep:{head.dep_}", f"tp:{tok.pos_}", f"pathl:{path}_{trigger_lemma}",
        f"named:{bool(mention.country) or len(mention.code or '') >= 6}",
    ]
    if path.startswith("far"):
        feats.append("path:far")
    feats += _role_of(ref, tok)
    roots = class_roots(tok) if roots is None else roots
    feats += [f"pathvc:{path}_{root}" for root in roots]
    if act is not None:
        feats += [f"pathact:{path}_{act}", f"act:{act}_{'before' if before else 'after'}"]
    src, tgt = rule_args
    if src is not None and src == head.i:
        feats.append("rule:source")
    if tgt is not None and tgt == head.i:
        feats.append("rule:target")
    feats += [f"sector:{s}" for s in mention.sectors[:2]]
    return feats


def _nth(tok: Token, ref: MentionRef, refs: list[MentionRef], before: bool) -> str:
    """Which mention of the sentence ``refs`` the pair's is, counted from the trigger on
    its side ("after1": the first mention after it): a headline or a run-on sentence the
    parser reads badly still puts the target as the first actor after the verb."""
    lo, hi = sorted((tok.idx, ref.mention.start))
    between = sum(1 for r in refs if lo < r.mention.start < hi)
    return f"{'before' if before else 'after'}{min(between + 1, 3)}"


def rule_arguments(link: ActorLink, tok: Token, lex: EventLexicon,
                   known: tuple[Match | None] | None = None) -> tuple[int | None, int | None]:
    """The head tokens of the mentions the rule-based argument finder would take
    (``known``: the token's lexicon match, as a one-tuple, when already computed)."""
    match = link.match(tok, lex) if known is None else known[0]
    if match is not None:
        args = match_arguments(match)
    elif tok.pos_ == "VERB":
        args = arguments_of(tok, None, ("against", "on", "with", "to"), False)
    else:
        args = arguments_of(tok, tok, ("against", "on", "with", "to", "of"), False)
    out: list[int | None] = []
    for arg in (args.source, args.target):
        mention = link.mention(arg) if arg is not None else None
        out.append(None if mention is None or arg is None else _head_of(link, mention, arg))
    return out[0], out[1]


def _head_of(link: ActorLink, mention: ActorMention, fallback: Token) -> int:
    ref = _mention_ref(fallback.doc, mention)
    return fallback.i if ref is None else ref.head.i


def overlaps(tok: Token, start: int, end: int) -> bool:
    """Whether the token's characters overlap ``[start, end)``."""
    return tok.idx < end and start < tok.idx + len(tok.text)


def mention_overlaps(ref: MentionRef, spans: Iterable[tuple[int, int]]) -> bool:
    m = ref.mention
    return any(m.start < end and start < m.end for start, end in spans)
