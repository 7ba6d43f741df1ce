"""Bad input for named actors: malformed user dictionaries, odd names, odd dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.actors.explain import explain_actor
from eventwire.actors.stages import ActorStage
from eventwire.api import make_config
from eventwire.cli import main
from eventwire.errors import DictionaryError
from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors, codes


def _stage_with(tmp_path: Path, text: str) -> ActorStage:
    path = tmp_path / "mine.yaml"
    path.write_text(text, "utf-8")
    return ActorStage({}, make_config(dictionaries=[str(path)]))


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("actors:\n  - {names: [A Person], code: ARN}\n  - {names: [B Person]}\n", 3,
         "needs names and a code"),
        ("actors:\n  - names: [A Person]\n    code: ARN\n    periods:\n"
         "      - {code: ARNGOV, from: 2019-13}\n", 2, "is not a date"),
        ("actors:\n  - names: [A Person]\n    code: ARN\n    periods:\n"
         "      - {code: ARNGOV, from: 2020-01-01, to: 2019-01-01}\n", 2, "ends before"),
        ("actors:\n  - {names: [A Person], code: 'AR N!'}\n", 2, "is not a CAMEO code"),
        ("actors:\n  - {names: [A Person], code: ARN, kind: wizard}\n", 2, "unknown kind"),
        ("actors:\n  - just a string\n", 2, "must be a mapping"),
        ("actors:\n  - {names: [A Person], code: ARN\n", 3, "not valid YAML"),
    ],
)
def test_malformed_user_dictionary_names_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    with pytest.raises(DictionaryError) as info:
        _stage_with(tmp_path, text)
    message = str(info.value)
    assert info.value.code == "E227"
    assert "mine.yaml" in message and f"line {line}:" in message and words in message
    assert "eventwire actor" in (info.value.hint or "")


def test_user_person_with_month_dates(pipeline: Pipeline, tmp_path: Path) -> None:
    stage = _stage_with(tmp_path, "actors:\n  - names: [Arvid Lundqvist, Lundqvist]\n"
                        "    kind: person\n    code: SWEELI\n    periods:\n"
                        "      - {code: SWEGOV, from: 2019-05, to: 2022-10}\n")
    text = "Arvid Lundqvist said that he would resign on Friday."
    assert codes(code_actors(pipeline, text, "2022-10-30", stage))["Arvid Lundqvist"] == "SWEGOV"
    assert codes(code_actors(pipeline, text, "2022-11-01", stage))["Arvid Lundqvist"] == "SWEELI"
    assert codes(code_actors(pipeline, text, "2022-11-01", stage))["he"] == "SWEELI"


def test_many_user_entries_load(tmp_path: Path) -> None:
    rows = "".join(f"  - {{names: [Invented Person {k}], code: ARNGOV}}\n" for k in range(2000))
    stage = _stage_with(tmp_path, "actors:\n" + rows)
    assert stage.lexicon.names["invented person 1999"].code == "ARNGOV"


def test_unknown_and_empty_names_are_nobody() -> None:
    assert explain_actor("Zzyzx Qwerty") is None
    assert explain_actor("   ") is None


def test_explain_follows_the_user_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - {names: [Vladimir Putin], code: XYZGOV}\n", "utf-8")
    answer = explain_actor("Vladimir Putin", "2010-01-01", (str(path),))
    assert answer is not None and answer.code == "XYZGOV"
    assert answer.source == "dictionary"


def test_actor_command_plain_and_json() -> None:
    runner = CliRunner()
    plain = runner.invoke(main, ["actor", "Barack", "Obama", "--date", "2010-05-01"])
    assert plain.exit_code == 0
    assert "USAGOV" in plain.output and "barack-obama" in plain.output
    assert "2009-01-20 to 2017-01-19 (president)" in plain.output
    as_json = runner.invoke(main, ["actor", "Erdogan", "--date", "2016-01-01", "--json"])
    record = json.loads(as_json.output)
    assert record["code"] == "TURGOV" and record["entry"] == "recep-tayyip-erdogan"


def test_actor_command_without_date_shows_the_office_held() -> None:
    result = CliRunner().invoke(main, ["actor", "Vladimir", "Putin"])
    assert result.exit_code == 0 and "RUSGOV" in result.output


def test_actor_command_bad_date_and_unknown_name() -> None:
    runner = CliRunner()
    bad = runner.invoke(main, ["actor", "Putin", "--date", "2010-13-01"])
    assert bad.exit_code == 2 and "not a date" in bad.output
    unknown = runner.invoke(main, ["actor", "Zzyzx", "Qwerty"])
    assert unknown.exit_code == 1
    assert "no actor is named" in unknown.output


def test_actor_command_malformed_dictionary_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("actors:\n  - {names: [A Person]}\n", "utf-8")
    result = CliRunner().invoke(main, ["actor", "A Person", "--dictionary", str(path)])
    assert result.exit_code == 2
    assert "E227" in result.output and "line 2" in result.output
