import pickle

from eventwire.errors import EventwireError, InputError, StageError


def test_message_names_document_stage_and_code() -> None:
    err = InputError("is empty", code="E108", doc_id="a.txt", stage="clean", hint="give text")
    text = str(err)
    assert text.startswith("[E108] document 'a.txt', stage 'clean':")
    assert "is empty" in text and "give text" in text


def test_every_error_is_an_eventwire_error() -> None:
    assert issubclass(InputError, EventwireError)
    assert issubclass(StageError, EventwireError)


def test_errors_survive_pickling_with_their_context() -> None:
    err = StageError("boom", code="E301", doc_id="d1", stage="events")
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, StageError)
    assert (back.code, back.doc_id, back.stage, back.message) == ("E301", "d1", "events", "boom")


def test_with_context_fills_only_missing_fields() -> None:
    err = InputError("bad", doc_id="x").with_context(doc_id="y", stage="read")
    assert err.doc_id == "x" and err.stage == "read"
    assert "stage 'read'" in str(err)
