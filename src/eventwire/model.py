"""The document model: what every stage reads and writes.

A :class:`Document` starts as raw input (bytes or text plus what the reader knew about it)
and is filled by the stages: clean text and metadata, dates, sentences, mentions, events.
Every offset is a Python string index into ``Document.text`` (the cleaned text), so that a
user can always slice the evidence out of the record.

The JSON record (see ``record.schema.json``) is produced by :func:`to_record` and read back
by :func:`from_record`; the field names are fixed because tools outside the project read
them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from eventwire.errors import EventwireError

__all__ = [
    "ActorMention",
    "TimeMention",
    "PlaceMention",
    "QuantityMention",
    "EventActor",
    "Location",
    "Size",
    "Plover",
    "Event",
    "Sentence",
    "Document",
    "Outcome",
    "to_record",
    "from_record",
]


@dataclass(slots=True)
class Sentence:
    """A sentence of the cleaned text, as character offsets."""

    start: int
    end: int


@dataclass(slots=True)
class ActorMention:
    """A phrase that names a political actor, with its CAMEO code.

    ``head`` is the character offset of the phrase's syntactic head: the event stage uses
    it to attach actors to the arguments of a trigger. ``rule`` says which lexicon entry
    or composition produced the code.
    """

    start: int
    end: int
    text: str
    code: str | None = None
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    head: int | None = None
    rule: str | None = None
    #: The name the phrase stands for: the antecedent's text as written when the phrase
    #: refers back ("they", "the five", "the two men and a woman"), else None (the text).
    resolved: str | None = None


@dataclass(slots=True)
class TimeMention:
    """A time expression normalised in TimeML form (type DATE/TIME/DURATION/SET)."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    precision: str | None = None
    fuzzy: bool = False


@dataclass(slots=True)
class PlaceMention:
    """A toponym resolved to a gazetteer entry (geonameid, coordinates, country)."""

    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None


@dataclass(slots=True)
class QuantityMention:
    """A count of people or things, with its qualifier ("more than", "up to", "about")."""

    start: int
    end: int
    text: str
    value: float | int | None
    unit: str | None = None
    qualifier: str | None = None


@dataclass(slots=True)
class EventActor:
    """The source or target of an event: the actor's text and CAMEO code.

    ``text`` is the phrase as the sentence writes it ("they"); ``resolved`` the name it
    stands for, the antecedent the actors stage resolved ("Chinese police"), so that
    exports and the API never give a pronoun as an actor's name. In the record it is
    always filled: the text itself when the phrase names the actor.
    """

    text: str | None = None
    code: str | None = None
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    resolved: str | None = None


@dataclass(slots=True)
class Location:
    """Where an event happened."""

    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(slots=True)
class Size:
    """How many people an event concerns, and how many were killed, injured, arrested."""

    people: int | None = None
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None


@dataclass(slots=True)
class Plover:
    """The PLOVER coding of an event."""

    event_type: str | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """One coded event with its provenance (sentence, offsets, trigger, rule)."""

    id: str
    sentence_index: int
    start: int
    end: int
    trigger: str
    source: EventActor
    target: EventActor
    cameo: str
    cameo_root: str
    quad_class: int | None
    goldstein: float | None
    plover: Plover = field(default_factory=Plover)
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    location: Location | None = None
    location_source: str | None = None  # clause, sentence, dateline, focus: docs/places.md
    location_precision: str | None = None  # city, admin1 or country
    size: Size = field(default_factory=Size)
    negated: bool = False
    hypothetical: bool = False
    rule: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None
    confidence: float | None = None  # 0-1; how the coder sets it: docs/events.md


@dataclass
class Document:
    """One news document as it moves through the pipeline.

    ``raw`` holds the input as read (bytes or str) and ``fmt`` its kind ("text", "html" or
    "record"); the clean stage turns it into ``text``. ``spacy`` holds the parsed spaCy
    ``Doc`` between stages; it is never serialised. ``error`` is set when a stage failed,
    after which later stages leave the document alone.
    """

    doc_id: str
    source: str
    raw: bytes | str | None = None
    fmt: str = "text"
    text: str = ""
    title: str | None = None
    byline: str | None = None
    stated_date: str | None = None
    date: str | None = None
    date_warnings: list[str] = field(default_factory=list)
    dct: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    spacy: Any = None
    error: EventwireError | None = None

    def sentence_index_at(self, offset: int) -> int | None:
        """The index of the sentence that contains a character offset."""
        for i, sent in enumerate(self.sentences):
            if sent.start <= offset < sent.end:
                return i
        return None


def _mention_record(obj: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in keys}


def _actor_record(mention: ActorMention) -> dict[str, Any]:
    rec = _mention_record(mention, _ACTOR_KEYS)
    rec["resolved"] = mention.resolved or mention.text
    return rec


def _event_actor_record(actor: EventActor) -> dict[str, Any]:
    """An event's source or target; ``resolved`` is the name, the text when no other."""
    rec = asdict(actor)
    rec["resolved"] = actor.resolved or actor.text
    return rec


_ACTOR_KEYS = ("start", "end", "text", "code", "country", "sectors")
_TIME_KEYS = ("start", "end", "text", "type", "value")
_PLACE_KEYS = ("start", "end", "text", "name", "country", "lat", "lon", "geonameid")
_QUANTITY_KEYS = ("start", "end", "text", "value", "unit", "qualifier")


def _event_record(ev: Event) -> dict[str, Any]:
    rec = asdict(ev)
    rec["source"] = _event_actor_record(ev.source)
    rec["target"] = _event_actor_record(ev.target)
    rec["location"] = asdict(ev.location) if ev.location is not None else None
    return rec


def to_record(doc: Document) -> dict[str, Any]:
    """Turn a document into the JSON record of ``record.schema.json``."""
    meta = dict(doc.meta)
    if doc.url is not None:
        meta.setdefault("url", doc.url)
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "title": doc.title,
        "byline": doc.byline,
        "stated_date": doc.stated_date,
        "date": doc.date,
        "date_warnings": list(doc.date_warnings),
        "meta": meta,
        "text": doc.text,
        "sentences": [{"start": s.start, "end": s.end} for s in doc.sentences],
        "mentions": {
            "actors": [_actor_record(m) for m in doc.actors],
            "times": [_mention_record(m, _TIME_KEYS) for m in doc.times],
            "places": [_mention_record(m, _PLACE_KEYS) for m in doc.places],
            "quantities": [_mention_record(m, _QUANTITY_KEYS) for m in doc.quantities],
        },
        "events": [_event_record(e) for e in doc.events],
    }


def _build(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def _event_from(data: dict[str, Any]) -> Event:
    data = dict(data)
    data["source"] = _build(EventActor, data.get("source") or {})
    data["target"] = _build(EventActor, data.get("target") or {})
    data["plover"] = _build(Plover, data.get("plover") or {})
    data["size"] = _build(Size, data.get("size") or {})
    loc = data.get("location")
    data["location"] = _build(Location, loc) if loc else None
    return _build(Event, data)


def from_record(rec: dict[str, Any]) -> Document:
    """Rebuild a :class:`Document` from its JSON record (the inverse of :func:`to_record`)."""
    mentions = rec.get("mentions") or {}
    meta = dict(rec.get("meta") or {})
    return Document(
        doc_id=rec["doc_id"],
        source=rec.get("source") or "",
        text=rec.get("text") or "",
        title=rec.get("title"),
        byline=rec.get("byline"),
        stated_date=rec.get("stated_date"),
        date=rec.get("date"),
        date_warnings=list(rec.get("date_warnings") or []),
        url=meta.get("url"),
        meta=meta,
        sentences=[Sentence(s["start"], s["end"]) for s in rec.get("sentences") or []],
        actors=[_build(ActorMention, m) for m in mentions.get("actors") or []],
        times=[_build(TimeMention, m) for m in mentions.get("times") or []],
        places=[_build(PlaceMention, m) for m in mentions.get("places") or []],
        quantities=[_build(QuantityMention, m) for m in mentions.get("quantities") or []],
        events=[_event_from(e) for e in rec.get("events") or []],
    )


@dataclass
class Outcome:
    """The result for one input document: its record, or the error that stopped it.

    Why here and not with the engines: every layer passes outcomes along (the engines
    make them, the application layer routes them, the store and the API write or show
    them), so the type sits with the document model that all of them may import.
    """

    doc_id: str
    source: str
    record: dict[str, Any] | None
    error: EventwireError | None

    @property
    def ok(self) -> bool:
        return self.error is None
