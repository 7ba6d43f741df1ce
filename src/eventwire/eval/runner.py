"""Run one KIND end to end: read the gold file, configure and run the system, score it.

The CLI, the baseline script and the CI gate all come through :func:`run_eval`, so that a
figure measured by one is the figure measured by the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.api import load_pipeline, make_config
from eventwire.config import default_config
from eventwire.errors import Errors
from eventwire.eval.base import Gold, Report
from eventwire.eval.registry import Kind, get_kind
from eventwire.eval.split import select
from eventwire.pipeline import Pipeline
from eventwire.progress import CountingPipeline, RunProgress

__all__ = ["run_eval", "verbatim_overrides", "VERBATIM_KEY"]

VERBATIM_KEY = "stages.clean.verbatim"


def verbatim_overrides(overrides: list[str], notes: list[str]) -> list[str]:
    """Ask the clean stage to keep the text as given, when the configuration knows how.

    Gold offsets index the text as given. Without the setting, predicted spans are moved
    back onto the original text by :class:`eventwire.eval.align.OffsetMap`.
    """
    if any(o.split("=", 1)[0].strip() == VERBATIM_KEY for o in overrides):
        notes.append(f"{VERBATIM_KEY} as set; predicted spans aligned to the original text")
        return overrides
    clean = (default_config().get("stages") or {}).get("clean") or {}
    if "verbatim" in clean:
        notes.append(f"text kept as given ({VERBATIM_KEY}=true)")
        return [*overrides, f"{VERBATIM_KEY}=true"]
    notes.append("predicted spans aligned to the original text (no clean.verbatim setting)")
    return overrides


def _load(kind: Kind, path: Path, pages: str | Path | None) -> Gold[Any]:
    """The gold items, read with the pages folder when the KIND keeps its pages apart."""
    if kind.load_pages is not None:
        return kind.load_pages(path, None if pages is None else Path(pages))
    if pages is not None:
        raise Errors.E217_pages.error(kind=kind.name)
    return kind.load(path)


def run_eval(
    kind_name: str,
    path: str | Path,
    *,
    limit: int | None = None,
    config_files: Iterable[str] = (),
    overrides: Iterable[str] = (),
    model: str | None = None,
    dictionaries: Iterable[str] = (),
    pipeline: Pipeline | None = None,
    progress: RunProgress | None = None,
    split: str = "all",
    pages: str | Path | None = None,
) -> Report:
    """Evaluate the system on the gold data at ``path`` and return the KIND's report.

    ``pipeline`` lets a caller reuse a pipeline it built; otherwise one is built from the
    configuration options, the KIND's defaults (verbatim text, dictionaries) applied.
    ``progress`` is told when the model loads and of each document coded.
    ``split`` scores the ``dev`` or ``check`` part of the set only (see
    :mod:`eventwire.eval.split`); ``limit`` then takes the first items of that part.
    ``pages``: the folder of the pages, for a KIND that keeps them apart from its gold.
    """
    kind = get_kind(kind_name)
    path = Path(path)
    loaded = _load(kind, path, pages)
    gold = select(loaded, split).limited(limit)
    notes: list[str] = []
    if split != "all":
        notes.append(f"{split} part of the set: {len(gold.items)} of {len(loaded.items)} items")
    if pipeline is None:
        dicts = list(dictionaries)
        if not dicts and kind.default_dictionaries is not None:
            dicts = kind.default_dictionaries(path)
            if dicts:
                notes.append(
                    f"no --dictionary given: using {', '.join(dicts)} (next to the records)"
                )
        ovs = list(overrides)
        if kind.verbatim:
            ovs = verbatim_overrides(ovs, notes)
        config = make_config(config_files, ovs, model=model, dictionaries=dicts)
        if kind.stages is not None:
            config["pipeline"] = [s for s in config["pipeline"] if s in kind.stages]
            notes.append(f"only the {', '.join(config['pipeline'])} stage(s) run")
        if progress is not None:
            progress.loading()
        pipeline = load_pipeline(config)
    if progress is not None:
        progress.expect(len(gold.items))
        pipeline = CountingPipeline(pipeline, progress)
    report = kind.score(gold.items, pipeline, str(path))
    report.items = len(gold.items)
    report.skipped = list(gold.skipped)
    report.notes = notes + report.notes
    return report
