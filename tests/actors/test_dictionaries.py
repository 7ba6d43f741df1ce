"""User dictionaries: eventwire YAML files and PETRARCH actors and agents."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors.dictionaries import read_petrarch_actors, read_petrarch_agents
from eventwire.actors.stages import ActorStage
from eventwire.api import make_config
from eventwire.errors import DictionaryError
from eventwire.pipeline import Pipeline
from tests.actors.helpers import code_actors, codes

DATA = Path(__file__).parent / "data"

USER = """
actors:
  - names: [Ann Example]
    code: FRA
    periods:
      - {code: FRAGOV, from: 2010-01-01, to: 2014-12-31}
  - names: [Arnor]
    code: ARN
agents:
  - names: [watchmen, watchman]
    sectors: [COP]
"""


@pytest.fixture()
def user_stage(tmp_path: Path) -> ActorStage:
    path = tmp_path / "mine.yaml"
    path.write_text(USER, "utf-8")
    return ActorStage({}, make_config(dictionaries=[str(path)]))


def test_person_is_government_only_in_office(pipeline: Pipeline, user_stage: ActorStage) -> None:
    text = "Ann Example criticised the plan."
    during = code_actors(pipeline, text, "2012-05-01", user_stage)
    after = code_actors(pipeline, text, "2016-05-01", user_stage)
    assert codes(during)["Ann Example"] == "FRAGOV"
    assert codes(after)["Ann Example"] == "FRA"


def test_user_actor_combines_with_agents(pipeline: Pipeline, user_stage: ActorStage) -> None:
    doc = code_actors(pipeline, "Arnor watchmen arrested a thief.", None, user_stage)
    assert codes(doc)["Arnor watchmen"] == "ARNCOP"


def test_petrarch_actors_file() -> None:
    entries = {
        n: e for names, e in read_petrarch_actors(DATA / "PETR.Validate.actors.txt") for n in names
    }
    assert entries["ISRAELI TROOPS"].code == "ISRMIL"
    assert entries["DANISH"].country == "DNK"  # a +synonym line
    sam = entries["SAM GAMGEE"]
    assert sam.at("2011-01-01").code == "HOBMIL"
    assert sam.at("2010-01-10").code == "ORCHOB"  # the first matching period wins
    assert sam.at("2014-01-01").code == "HOBELI"


def test_petrarch_roots_before_one_block_of_codes_share_them(tmp_path: Path) -> None:
    path = tmp_path / "kings.actors.txt"
    path.write_text(
        "ARNOR_KINGS_  # an invented block\n+KINGS_OF_ARNOR\nHIGH_KING_OF_ARNOR\n"
        "\t[ARNGOV 19900101-19991231]\n\t[ARNELI]\nGONDOR_ [GON]\n",
        encoding="utf-8",
    )
    entries = {n: e for names, e in read_petrarch_actors(path) for n in names}
    for name in ("ARNOR KINGS", "KINGS OF ARNOR", "HIGH KING OF ARNOR"):
        assert entries[name].at("1995-06-01").code == "ARNGOV", name
        assert entries[name].at("2005-06-01").code == "ARNELI", name
    assert entries["GONDOR"].code == "GON"


def test_petrarch_agents_file() -> None:
    agents = dict(read_petrarch_agents(DATA / "PETR.Validate.agents.txt"))
    assert agents["POLICE"] == ("COP",)
    assert agents["FOREIGN MINISTER"] == ("GOV", "FRM")
    assert agents["MINISTRIES OF SILLY WALKS"] == ("GOV",)  # a !MACRO! expansion


def test_petrarch_folder_in_stage(pipeline: Pipeline) -> None:
    stage = ActorStage({}, make_config(dictionaries=[f"petrarch:{DATA}"]))
    doc = code_actors(pipeline, "Arnor police arrested the rebels.", None, stage)
    assert codes(doc)["Arnor police"] == "ARNCOP"


def test_missing_dictionary_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError) as err:
        ActorStage({}, make_config(dictionaries=[str(tmp_path / "none.yaml")]))
    assert err.value.code == "E226"
