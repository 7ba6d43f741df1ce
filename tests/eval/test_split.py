"""The locked dev/check split: fixed by the item id alone, about a third in check."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.errors import ConfigError
from eventwire.eval.base import Gold, Skipped
from eventwire.eval.geo import load as load_geo
from eventwire.eval.runner import run_eval
from eventwire.eval.split import CHECK_SHARE, SPLITS, part_of, select
from eventwire.eval.timeml import TimemlItem

TML = """<?xml version="1.0" ?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>The ferry sailed <TIMEX3 tid="t1" type="DATE" value="2013-03-21">on Thursday</TIMEX3>
from the harbour.</TEXT></TimeML>
"""


def _item(item_id: str) -> TimemlItem:
    return TimemlItem(item_id, item_id, "text", None, ())


def test_the_part_of_an_id_never_changes() -> None:
    # Pinned values: a change of the rule (salt, share, digest) would silently move items
    # between the parts, and a rule written on dev items would then be scored on them.
    assert [part_of(f"doc-{n}") for n in range(8)] == [
        "check", "dev", "dev", "dev", "dev", "check", "dev", "dev"
    ]


def test_about_a_third_of_the_items_fall_in_check() -> None:
    ids = [f"article-{n}" for n in range(4000)]
    share = sum(part_of(i) == "check" for i in ids) / len(ids)
    assert abs(share - CHECK_SHARE) < 0.03


def test_the_split_does_not_depend_on_order_or_company() -> None:
    items = [_item(f"story-{n}") for n in range(30)]
    whole = select(Gold(items), "check").items
    alone = [it for it in items[::-1] if select(Gold([it]), "check").items]
    assert sorted(i.id for i in whole) == sorted(i.id for i in alone)


def test_dev_and_check_partition_the_set_and_keep_skipped_records() -> None:
    gold = Gold([_item(f"s{n}") for n in range(40)], [Skipped("f:3", "no text")])
    dev, check = select(gold, "dev"), select(gold, "check")
    assert {i.id for i in dev.items} | {i.id for i in check.items} == {f"s{n}" for n in range(40)}
    assert not {i.id for i in dev.items} & {i.id for i in check.items}
    assert dev.skipped == check.skipped == gold.skipped
    assert select(gold, "all") is gold


def test_an_unknown_split_is_a_coded_error() -> None:
    with pytest.raises(ConfigError) as info:
        select(Gold(), "train")
    assert info.value.code == "E217"
    assert "dev, check, all" in (info.value.hint or "")


def test_the_cli_offers_exactly_the_splits() -> None:
    option = next(p for p in main.commands["eval"].params if p.name == "split")
    assert tuple(option.type.choices) == SPLITS


def test_articles_without_an_id_keep_their_part_in_a_subset(tmp_path: Path) -> None:
    texts = [f"Flooding closed the road near Millbrook on day {n}." for n in range(12)]
    articles = "".join(f"<article><text>{t}</text></article>" for t in texts)
    (tmp_path / "all.xml").write_text(f"<articles>{articles}</articles>")
    some = "".join(f"<article><text>{t}</text></article>" for t in texts[5:8])
    (tmp_path / "some.xml").write_text(f"<articles>{some}</articles>")
    whole = {i.text: i.id for i in load_geo(tmp_path / "all.xml").items}
    for item in load_geo(tmp_path / "some.xml").items:
        assert item.id == whole[item.text]
        assert item.id.startswith("text-")


def test_run_eval_scores_one_part_and_says_so(tmp_path: Path) -> None:
    names = [f"f{n}" for n in range(8)]
    for name in names:
        (tmp_path / f"{name}.tml").write_text(TML)
    expected = {"dev": 0, "check": 0}
    for name in names:
        expected[part_of(name)] += 1
    assert expected["dev"] and expected["check"], "the names must fall in both parts"
    for split in ("dev", "check"):
        report = run_eval("timeml", tmp_path, split=split)
        assert report.items == expected[split]
        assert f"{split} part of the set: {expected[split]} of 8 items" in report.notes
    assert run_eval("timeml", tmp_path).items == 8


def test_cli_split_option(tmp_path: Path) -> None:
    for name in ("f0", "f1", "f2", "f3"):
        (tmp_path / f"{name}.tml").write_text(TML)
    result = CliRunner().invoke(main, ["eval", "timeml", str(tmp_path), "--split", "nope"])
    assert result.exit_code == 2
    assert "nope" in result.output
