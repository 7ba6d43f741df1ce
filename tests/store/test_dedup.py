"""Cross-article deduplication: which mentions become one event, with what counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.config import load_config
from eventwire.errors import StoreError
from eventwire.store import Store
from eventwire.store.dedup import DedupRule, distance_km

from .factory import event, record


def _clusters(store: Store) -> list[tuple[Any, ...]]:
    return store.con.execute(
        "SELECT cluster_id, num_mentions, num_sources, num_articles, first_seen, last_seen "
        "FROM event_clusters ORDER BY global_id"
    ).fetchall()


def _cluster_of(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT event_id, cluster_id FROM events").fetchall())


def test_same_event_in_three_outlets_is_one_cluster(store: Store) -> None:
    store.add_records([
        record("a", [event(1, date="2002-05-08", place=(39.90, 116.40))], site="ap.org",
               date="2002-05-08"),
        record("b", [event(1, date="2002-05-09", place=(39.95, 116.30))], site="ap.org",
               date="2002-05-10"),
        record("c", [event(1, cameo="1721", date="2002-05-08")], site="bbc.co.uk",
               date="2002-05-11"),
    ])
    [(cid, mentions, sources, articles, first, last)] = _clusters(store)
    assert cid == "a/e1" and (mentions, sources, articles) == (3, 2, 3)
    assert (str(first), str(last)) == ("2002-05-08", "2002-05-11")


def test_two_mentions_in_one_article_count_once_as_article(store: Store) -> None:
    store.add_records([record("a", [event(1), event(2, sentence=1)])])
    assert [c[1:4] for c in _clusters(store)] == [(2, 1, 1)]


@pytest.mark.parametrize(
    ("second", "why"),
    [
        (event(1, date="2002-05-11"), "three days later"),
        (event(1, target="PRKGOV"), "another target"),
        (event(1, cameo="190"), "another CAMEO root"),
        (event(1, place=(31.5, 34.4)), "another place"),
        (event(1, negated=True), "negated"),
        (event(1, date=None), "no date"),
    ],
)
def test_different_events_stay_apart(store: Store, second: dict[str, Any], why: str) -> None:
    first = event(1, date="2002-05-08", place=(39.9, 116.4))
    store.add_records([record("a", [first]), record("b", [second], site="bbc.co.uk")])
    assert len(_clusters(store)) == 2, why


def test_month_precision_date_matches_a_day_inside_it(store: Store) -> None:
    store.add_records([record("a", [event(1, date="2002-05-20")]),
                       record("b", [event(1, date="2002-05")])])
    assert len(_clusters(store)) == 1


def test_cluster_without_place_takes_the_first_place_then_holds_it(store: Store) -> None:
    store.add_records([
        record("a", [event(1)]),
        record("b", [event(1, place=(39.9, 116.4))]),
        record("c", [event(1, place=(31.5, 34.4))]),
    ])
    assert _cluster_of(store) == {"a/e1": "a/e1", "b/e1": "a/e1", "c/e1": "c/e1"}


def test_clusters_grow_across_separate_ingests(store: Store) -> None:
    store.add_records([record("a", [event(1)])])
    store.add_records([record("b", [event(1)], site="bbc.co.uk")])
    assert [c[1:4] for c in _clusters(store)] == [(2, 2, 2)]


def test_rule_is_configurable(tmp_path: Path) -> None:
    config = load_config(overrides=["store.dedup.actor_key=country",
                                    "store.dedup.date_window_days=5"])
    with Store(tmp_path / "x.duckdb", config=config) as st:
        st.add_records([record("a", [event(1, source="CHNCOP")]),
                        record("b", [event(1, source="CHNGOV", date="2002-05-12")])])
        assert len(_clusters(st)) == 1
    off = load_config(overrides=["store.dedup.enabled=false"])
    with Store(tmp_path / "y.duckdb", config=off) as st:
        st.add_records([record("a", [event(1)]), record("b", [event(1)])])
        assert len(_clusters(st)) == 2


def test_rebuild_applies_a_new_rule(db_path: Path) -> None:
    with Store(db_path) as st:
        st.add_records([record("a", [event(1)]), record("b", [event(1, date="2002-05-12")])])
        assert len(_clusters(st)) == 2
    wide = load_config(overrides=["store.dedup.date_window_days=7"])
    with Store(db_path, config=wide) as st:
        assert st.rebuild_clusters() == 1
        assert [c[1:4] for c in _clusters(st)] == [(2, 1, 2)]


def test_bad_rule_settings_are_clear_errors() -> None:
    with pytest.raises(StoreError) as info:
        DedupRule.from_config({"actor_key": "name"})
    assert info.value.code == "E411"
    with pytest.raises(StoreError):
        DedupRule.from_config({"window": 3})


def test_distance_km_is_great_circle() -> None:
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)
    assert distance_km(39.9, 116.4, 39.9, 116.4) == 0
