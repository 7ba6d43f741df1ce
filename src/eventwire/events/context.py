"""Countries an actor's sentence gives it when its own phrase does not.

Why: news names domestic actors without their country ("President Yoweri Museveni has
banned Ugandan opposition candidates", "the curfew in Abidjan", "Judge X opened
investigations against 28 Chilean officials"). The country is given once, by another
actor or by a place, and a reader applies it to every domestic actor of the sentence.
The inference is made only when the sentence points to a single country, and never from
a counterpart of the same kind ("President X met the Chinese premier": X is not Chinese),
from a bare country name (the other party: "X accused Japan"), or from a destination
("flew to Beijing", "visited Japan"). A sentence that points to no country takes the
dateline's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.lexicon import word_list
from eventwire.ingest.plaintext import dateline_length
from eventwire.model import Document, EventActor, PlaceMention
from eventwire.nlp.text import doc_text
from eventwire.places.succession import state_on

__all__ = ["dateline_country", "sentence_country", "phrase_country", "with_country",
           "place_target"]



#: Actor rules whose country is the leader's or the attacker's: "US-led forces attacked
#: insurgents" does not make the insurgents American (docs/actors.md).
_FOREIGN_RULES = ("led:", "agent:")


def _held(doc: Document, place: PlaceMention) -> str:
    """The state that held a place on the story's date (:func:`_held_country`)."""
    return _held_country(doc, place.country or "", place.feature)


def _held_country(doc: Document, country: str, feature: str | None) -> str:
    """The state that held a place of ``country`` on the story's date: a town is coded as
    an actor by the state of its day (a 1995 story's Juba is Sudan's). A country named as
    such (GeoNames feature PCL*) keeps its own code ("Montenegro" in 2003), as the actors
    stage codes its name."""
    if (feature or "").startswith("PCL"):
        return country
    return state_on(country, doc.dct) or country


def _token_at(sent: Span, offset: int) -> Token | None:
    """The sentence's token over character ``offset``, or None (outside it, or a space)."""
    if not sent.start_char <= offset < sent.end_char:
        return None
    span = sent.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    return tok if tok.idx <= offset < tok.idx + len(tok.text) else None


def _destination(tok: Token) -> bool:
    """Whether a place token is where someone goes, rather than where something is."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in word_list("destination_preps"):
        return True
    verb = head.head if tok.dep_ == "pobj" else head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in word_list("travel_verbs")


def _acting(doc: Document, start: int) -> bool:
    """Whether a toponym is used as an actor ("China must drop barriers"), not a place."""
    return any(m.start <= start < m.end and not (m.rule or "").endswith(":place")
               for m in doc.actors)


def _place_countries(doc: Document, sent: Span) -> set[str]:
    out: set[str] = set()
    for place in doc.places:
        if not place.country or not sent.start_char <= place.start < sent.end_char:
            continue
        if _acting(doc, place.start):
            continue
        tok = _token_at(sent, place.start)
        if tok is not None and not _destination(_np_head(tok)):
            out.add(_held(doc, place))
    return out


def _np_head(tok: Token) -> Token:
    """The head of the noun phrase a token belongs to ("the city of [Kirkuk]" -> city)."""
    while tok.dep_ in {"compound", "amod", "pobj"} and tok.head.dep_ == "prep" \
            and tok.head.lower_ == "of" and tok.head.head.pos_ in {"NOUN", "PROPN"}:
        tok = tok.head.head
    while tok.dep_ in {"compound", "amod", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _actor_countries(doc: Document, sent: Span, sectors: set[str]) -> set[str]:
    """Countries of the sentence's actors of another kind, or of place uses of a country."""
    out: set[str] = set()
    for mention in doc.actors:
        if not mention.country or not sent.start_char <= mention.start < sent.end_char:
            continue
        place_use = (mention.rule or "").endswith(":place")
        if not mention.sectors and not place_use:
            continue  # a bare country is the other party ("accused Japan")
        if (mention.rule or "").startswith(_FOREIGN_RULES):
            continue  # "US-led forces", "an Israeli air strike": not the home of the others
        if set(mention.sectors) == sectors:
            continue  # a counterpart ("met the Chinese premier")
        tok = _token_at(sent, mention.head if mention.head is not None else mention.start)
        if tok is not None and _destination(_np_head(tok)):
            continue
        if tok is not None and _np_head(tok).lemma_.lower() in word_list("abroad_nouns"):
            continue  # "protesters attacked the British embassy": an embassy is abroad
        out.add(mention.country)
    return out


def dateline_country(doc: Document) -> str | None:
    """The country of the dateline's place ("MINSK (Reuters) -"), resolved by the places
    stage, else None."""
    geo = doc.meta.get("dateline_geo")
    country = geo.get("country") if isinstance(geo, dict) else None
    if not isinstance(country, str) or not country:
        return None
    feature = geo.get("feature") if isinstance(geo, dict) else None
    return _held_country(doc, country, str(feature or ""))


def _filed_from(doc: Document, sent: Span) -> str | None:
    """The country of a dateline left in the text as the sentence before ``sent`` ("...
    on Arms Charges. TBILISI, Georgia -- Georgian police ..."), when it names one."""
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    full = doc_text(sent.doc)
    text = full[before.start_char:sent.start_char].rstrip()
    if not text or dateline_length(full, before.start_char) < len(text):
        return None
    found = {_held(doc, p) for p in doc.places
             if p.country and before.start_char <= p.start < before.end_char}
    return next(iter(found)) if len(found) == 1 else None


def sentence_country(doc: Document, sent: Span, sectors: list[str]) -> str | None:
    """The one country the sentence gives its domestic actors; when it gives none, the
    dateline's ("MINSK (Reuters) - Riot police detained ..."): a wire story names the
    country of its dateline once, and its police and ministries are that country's."""
    found = _place_countries(doc, sent) | _actor_countries(doc, sent, set(sectors))
    if not found:
        filed = dateline_country(doc) or _filed_from(doc, sent)
        named = _bare_countries(doc, sent)
        return filed if not named or named == {filed} else None
    return next(iter(found)) if len(found) == 1 else None


def _bare_countries(doc: Document, sent: Span) -> set[str]:
    """The countries the sentence names bare, by name ("an inquiry into Eritrea",
    "accused Japan"): a story filed from Geneva about another country does not make that
    country's government Swiss, nor does it say whose it is."""
    out: set[str] = set()
    for m in doc.actors:
        if m.country and not m.sectors and sent.start_char <= m.start < sent.end_char:
            tok = _token_at(sent, m.head if m.head is not None else m.start)
            if tok is not None and tok.pos_ == "PROPN":  # not "the Iranian flag"
                out.add(m.country)
    return out


def with_country(actor: EventActor, doc: Document, sent: Span) -> EventActor:
    """The actor with the country of a place its own phrase names ("Shanghai police",
    "Texas lawmakers"), else its sentence's country, when it has a role and no country."""
    if actor.country or not actor.sectors or len(actor.code or "") > 3 * len(actor.sectors):
        return actor  # has a country, is a bare phrase, or is an organisation
    if {s.lower() for s in actor.sectors} <= word_list("stateless_sectors"):
        return actor  # "police arrested 12 migrants": not the police's own people
    country = phrase_country(actor, doc, sent) or sentence_country(doc, sent, actor.sectors)
    if country is None:
        return actor
    code = country + "".join(actor.sectors)
    return EventActor(actor.text, code, country, list(actor.sectors), actor.resolved)


def phrase_country(actor: EventActor, doc: Document, sent: Span) -> str | None:
    """The country of a place that modifies the actor's own noun ("Shanghai police",
    "Kharkiv officials", "the Texas lawmakers"): news names a domestic actor by its city or
    province, and the place is then the actor's home, whatever else the sentence names.
    The place must come before the phrase's last word, the role noun, and not name a
    seat ("Hague-based prosecutors" are not Dutch)."""
    text = actor.text or ""
    if not text:
        return None
    full = doc_text(sent.doc)
    starts = _occurrences(full, text, sent.start_char, sent.end_char)
    found = {_held(doc, place) for place in doc.places if place.country
             for at in starts
             if at <= place.start and place.end < at + len(text)
             and full[place.end] != "-"}
    return next(iter(found)) if len(found) == 1 else None


def _occurrences(full: str, text: str, start: int, end: int) -> list[int]:
    """Where ``text`` is written in ``full[start:end]``."""
    out, at = [], full.find(text, start, end)
    while at >= 0:
        out.append(at)
        at = full.find(text, at + 1, end)
    return out


def place_target(doc: Document, verb: Token, destinations: bool = False,
                 ) -> EventActor | None:
    """Where a conflictual act without a named target took place ("shelled Juba",
    "demonstrated in Kirkuk"): the country of a place in the verb's own clause. With
    ``destinations``, also where the act goes ("flew to Tehran", "aid flown into
    Monrovia"): a visit or a delivery is done to the country it goes to."""
    sent = verb.sent
    for place in doc.places:
        if not place.country or not sent.start_char <= place.start < sent.end_char:
            continue
        if _acting(doc, place.start):
            continue
        tok = _token_at(sent, place.start)
        if tok is None or not _of_act(tok, verb) and not _in_clause(_np_head(tok), verb,
                                                                     destinations):
            continue
        country = _held(doc, place)
        return EventActor(place.text, country, country, [])
    return None


def _of_act(tok: Token, verb: Token) -> bool:
    """A place an act's noun is "of": "the bombardment of Idlib", "the siege of Sarajevo"."""
    return verb.pos_ == "NOUN" and _np_head(tok).i == verb.i and tok.i > verb.i


def _in_clause(tok: Token, verb: Token, destinations: bool = False) -> bool:
    """A place is the verb's object, or the object of a place preposition on the verb or
    on its object ("rallies in the Gaza Strip"), or with ``destinations`` of one of where
    something goes ("flew to Tehran"; not "from": where it comes from is not its target)."""
    if tok.head.i == verb.i and tok.dep_ in {"dobj", "npadvmod"}:
        return True
    preps = word_list("place_preps")
    if destinations:
        preps = preps | (word_list("destination_preps") - {"from", "via", "for"})
    if tok.dep_ != "pobj" or tok.head.lower_ not in preps:
        return False
    holder = tok.head.head
    if holder.i == verb.i:
        return True
    return holder.head.i == verb.i and holder.dep_ in {"dobj", "nsubj", "nsubjpass"}

