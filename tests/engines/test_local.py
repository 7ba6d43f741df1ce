"""The process-pool engine gives the same records as the in-process one, in input order."""

from pathlib import Path

import pytest

from eventwire.api import code_paths, make_config
from eventwire.engines.local import AutoEngine, InProcessEngine, ProcessPoolEngine, make_engine
from eventwire.errors import ConfigError

from ..conftest import DATA

WIRE = DATA / "engines" / "wire.jsonl"


def _run(workers: int, **engine: object) -> list[tuple[str, object]]:
    config = make_config(workers=workers, overrides=[f"engine.{k}={v}" for k, v in engine.items()])
    return [
        (o.doc_id, o.record if o.record is not None else o.error and o.error.code)
        for o in code_paths([WIRE], config)
    ]


def test_pool_equals_in_process_and_keeps_order() -> None:
    one = _run(1)
    two = _run(2, batch_size=1, max_in_flight=1)
    assert one == two
    assert [doc_id for doc_id, _ in one][:3] == ["w1", "w2", "w3"]
    assert sum(1 for _, r in one if isinstance(r, str)) == 2  # the two bad lines


def test_make_engine_follows_configuration() -> None:
    assert isinstance(make_engine(make_config(workers=1)), InProcessEngine)
    assert isinstance(make_engine(make_config(workers=2)), ProcessPoolEngine)
    assert isinstance(make_engine(make_config(workers="auto")), AutoEngine | InProcessEngine)


@pytest.mark.parametrize("bad", ["0", "-3", "many"])
def test_bad_worker_count_is_a_config_error(bad: str) -> None:
    with pytest.raises(ConfigError, match="engine.workers"):
        make_engine(make_config(workers=bad))


def test_auto_engine_stays_in_process_for_small_inputs(tmp_path: Path) -> None:
    engine = AutoEngine(make_config(), workers=2, threshold=10)
    f = tmp_path / "a.txt"
    f.write_text("Police arrested a man.")
    from eventwire.ingest import read_inputs

    out = list(engine.run(read_inputs([f])))
    assert len(out) == 1 and isinstance(engine._engine, InProcessEngine)
    engine.close()


def test_check_builds_without_warm_up_and_in_process_runs_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipeline built only to check the configuration before workers start is not
    warmed up; one that codes in this process is."""
    import eventwire.engines.local as local
    import eventwire.pipeline as pipeline_module

    warmed: list[object] = []
    real = pipeline_module.warm_up

    def counting(pipeline: object) -> None:
        warmed.append(pipeline)
        real(pipeline)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline_module, "warm_up", counting)
    monkeypatch.setattr(local, "warm_up", counting)
    local.check_pipeline(make_config())
    assert warmed == []
    f = tmp_path / "a.txt"
    f.write_text("Police arrested a man.")
    from eventwire.ingest import read_inputs

    engine = AutoEngine(make_config(), workers=2, threshold=10)
    out = list(engine.run(read_inputs([f])))
    engine.close()
    assert len(out) == 1 and len(warmed) == 1
