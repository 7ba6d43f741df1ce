from eventwire.model import (
    ActorMention,
    Document,
    Event,
    EventActor,
    Location,
    Sentence,
    from_record,
    to_record,
)
from eventwire.schema import record_errors


def _doc() -> Document:
    doc = Document("d1", "x.txt", text="Police arrested five men in Shenyang.")
    doc.sentences = [Sentence(0, len(doc.text))]
    doc.actors = [ActorMention(0, 6, "Police", "CHNCOP", "CHN", ["COP"])]
    doc.events = [
        Event(
            id="d1-e0",
            sentence_index=0,
            start=0,
            end=len(doc.text),
            trigger="arrested",
            source=EventActor("Police", "CHNCOP", "CHN", ["COP"]),
            target=EventActor("five men", "PRK", "PRK", []),
            cameo="173",
            cameo_root="17",
            quad_class=4,
            goldstein=-5.0,
            location=Location("Shenyang", "CHN", 41.79, 123.43, 2034937),
            rule="test",
        )
    ]
    return doc


def test_record_round_trips() -> None:
    rec = to_record(_doc())
    assert to_record(from_record(rec)) == rec


def test_record_validates_against_schema() -> None:
    assert record_errors(to_record(_doc())) == []


def test_schema_rejects_a_broken_record() -> None:
    rec = to_record(_doc())
    rec["events"][0]["cameo_root"] = "seventeen"
    del rec["text"]
    errors = record_errors(rec)
    assert any("cameo_root" in e for e in errors)
    assert any("text" in e for e in errors)


def test_sentence_index_at() -> None:
    doc = Document("d", "s", text="A. B.")
    doc.sentences = [Sentence(0, 2), Sentence(3, 5)]
    assert doc.sentence_index_at(3) == 1
    assert doc.sentence_index_at(2) is None
