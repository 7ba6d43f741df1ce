import pickle

import pytest

from eventwire import errors
from eventwire.errors import ApiError, Errors, EventwireError, InputError, StageError


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


def test_an_entry_builds_its_class_with_its_code_message_and_hint() -> None:
    err = Errors.E112.error(value="1.5", doc_id="feed.jsonl:3", stage="read")
    assert isinstance(err, InputError)
    assert (err.code, err.doc_id, err.stage) == ("E112", "feed.jsonl:3", "read")
    assert err.message == "the record's id 1.5 is not a string or an integer"
    assert err.hint == "give the id as a JSON string"
    assert str(err).startswith("[E112] document 'feed.jsonl:3', stage 'read':")


def test_a_missing_field_is_a_key_error_not_a_half_filled_message() -> None:
    with pytest.raises(KeyError):
        Errors.E112.error()


def test_a_hint_made_of_an_unknown_value_is_left_out() -> None:
    assert Errors.E411.error(reason="bad window", advice=None).hint is None
    assert Errors.E411.error(reason="bad window", advice="use days").hint == "use days"


def test_an_api_entry_gives_its_status_and_hint_to_the_client() -> None:
    err = Errors.E609.error(token_env="EVENTWIRE_TOKEN")
    assert isinstance(err, ApiError)
    assert (err.status, err.code, err.stage) == (403, "E609", "serve")
    assert err.detail == {"hint": "start it with --token or set EVENTWIRE_TOKEN"}
    routed = Errors.E606_http.error(status=400, reason="bad header", detail={"path": "/x"})
    assert (routed.status, routed.message, routed.detail) == (400, "bad header", {"path": "/x"})


def test_api_errors_survive_pickling() -> None:
    err = Errors.E610.error(event_id="ev-1")
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, ApiError)
    assert (back.status, back.code, back.message) == (404, "E610", "no event 'ev-1'")


def test_a_class_that_keeps_an_entry_does_not_rename_it() -> None:
    class Section:
        error_code = Errors.E251

    assert Section.error_code.code == "E251" and Errors.E251.name == "E251"


def test_the_tree_in_the_docstring_names_every_class() -> None:
    classes = [c for c in vars(errors).values()
               if isinstance(c, type) and issubclass(c, EventwireError) and c is not EventwireError]
    doc = errors.__doc__ or ""
    assert all(f"── {c.__name__}" in doc for c in classes), [c.__name__ for c in classes]
