"""The event corpus: reading, checking and splitting the annotated sentences.

Why offsets are computed here and not written by hand: annotators write the trigger and actor
phrases as they appear in the sentence (with an occurrence index when a phrase repeats), which
is easy to check by eye; this module turns them into character offsets and refuses any phrase
that is not in the sentence, any CAMEO code the ontology does not know, and any PLOVER type that
disagrees with the CAMEO→PLOVER table.

Run ``python -m eventwire.train.corpus DIR`` to check a corpus folder and print its counts.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pycountry

from eventwire.events.ontology import load_ontology

__all__ = [
    "Span", "CorpusEvent", "CorpusSentence", "Problem", "split_of", "read_corpus",
    "check_corpus", "corpus_stats",
]

ROLES = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "CVL", "REF", "MED", "BUS", "EDU",
    "HLH", "NGO", "IGO", "ELI", "LAB", "REL", "SPY", "CRM", "AGR", "UAF", "SEP", "MOD", "RAD",
})
_EXTRA_COUNTRIES = frozenset({"PSE", "KSV", "XKX", "TWN", "EUR", "AFR", "ASA", "MEA", "SAM",
                              "NAM", "WSB", "GZS"})
_ORG_PREFIXES = ("IGO", "NGO", "MNC", "UIS")


@dataclass(frozen=True, slots=True)
class Span:
    """A phrase of the sentence: its text, its offsets and (for actors) its CAMEO code."""

    text: str
    start: int
    end: int
    code: str | None = None


@dataclass(frozen=True, slots=True)
class CorpusEvent:
    """One act a sentence mentions; only ``asserted`` ones are coded events."""

    trigger: Span
    cameo: str
    plover: str | None
    modality: str
    source: Span | None
    target: Span | None

    @property
    def coded(self) -> bool:
        return self.modality == "asserted"


@dataclass(frozen=True, slots=True)
class CorpusSentence:
    """One annotated sentence."""

    id: str
    group: str
    style: str
    date: str
    text: str
    events: tuple[CorpusEvent, ...]
    trap: str | None = None
    note: str | None = None
    file: str = ""
    line: int = 0

    @property
    def split(self) -> str:
        return split_of(self.group)


@dataclass(frozen=True, slots=True)
class Problem:
    """A line of the corpus that breaks a rule."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def split_of(group: str) -> str:
    """``test`` for about one group in five, fixed by the group's name alone."""
    digest = hashlib.sha256(group.encode("utf-8")).hexdigest()
    return "test" if int(digest[:8], 16) % 5 == 0 else "train"


@lru_cache(maxsize=1)
def _schema_validator() -> jsonschema.protocols.Validator:
    text = resources.files("eventwire.train").joinpath("corpus.schema.json").read_text("utf-8")
    schema = json.loads(text)
    return jsonschema.Draft202012Validator(schema)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | _EXTRA_COUNTRIES


@lru_cache(maxsize=1)
def _knowledge_codes() -> frozenset[str]:
    """Every code the actor knowledge base gives (Phoenix's group codes: ``PSEREBHMS``)."""
    from eventwire.actors.kb import load_kb

    return frozenset(p.code for e in load_kb().entries.values() for p in e.periods)


def actor_code_problem(code: str) -> str | None:
    """Why ``code`` is not a CAMEO actor code, or None when it is one."""
    if code.startswith(_ORG_PREFIXES) or code in _knowledge_codes():
        return None
    if len(code) % 3:
        return f"actor code {code!r} is not made of three-letter parts"
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    head, rest = parts[0], parts[1:]
    if head not in _countries() and head not in ROLES:
        return f"actor code {code!r} starts with neither a country nor a role"
    bad = [p for p in rest if p not in ROLES]
    if bad:
        return f"actor code {code!r} has unknown roles {bad}"
    return None


def _locate(text: str, phrase: str, at: int) -> tuple[int, int] | None:
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    if at >= len(starts):
        return None
    return starts[at], starts[at] + len(phrase)


def _occurrences(text: str, phrase: str) -> int:
    return len(re.findall(re.escape(phrase), text))


class _Reader:
    """Turns one JSON line into a :class:`CorpusSentence`, collecting problems."""

    def __init__(self, file: str, line: int) -> None:
        self.file = file
        self.line = line
        self.problems: list[Problem] = []

    def fail(self, message: str) -> None:
        self.problems.append(Problem(self.file, self.line, message))

    def span(self, text: str, phrase: str, at: int | None, what: str,
             code: str | None = None) -> Span | None:
        if at is None and _occurrences(text, phrase) > 1:
            self.fail(f"{what} {phrase!r} occurs more than once: give its occurrence")
        found = _locate(text, phrase, at or 0)
        if found is None:
            self.fail(f"{what} {phrase!r} (occurrence {at or 0}) is not in the text")
            return None
        return Span(phrase, found[0], found[1], code)

    def actor(self, text: str, value: dict[str, Any] | None, what: str) -> Span | None:
        if value is None:
            return None
        problem = actor_code_problem(value["code"])
        if problem:
            self.fail(f"{what}: {problem}")
        return self.span(text, value["text"], value.get("at"), what, value["code"])

    def event(self, text: str, value: dict[str, Any], index: int) -> CorpusEvent | None:
        what = f"event {index}"
        info = load_ontology().info(value["cameo"])
        if value["cameo"] not in load_ontology():
            self.fail(f"{what}: CAMEO code {value['cameo']!r} is not in CAMEO 2.0")
        if info.event_type != value["plover"]:
            self.fail(f"{what}: CAMEO {value['cameo']} is PLOVER {info.event_type}, "
                      f"not {value['plover']}")
        trigger = self.span(text, value["trigger"], value.get("trigger_at"), f"{what} trigger")
        source = self.actor(text, value["source"], f"{what} source")
        target = self.actor(text, value["target"], f"{what} target")
        if trigger is None:
            return None
        return CorpusEvent(trigger, value["cameo"], value["plover"], value["modality"],
                           source, target)

    def sentence(self, value: Any) -> CorpusSentence | None:
        errors = sorted(_schema_validator().iter_errors(value), key=lambda e: list(e.path))
        for error in errors:
            place = "/".join(str(p) for p in error.path) or "line"
            self.fail(f"{place}: {error.message}")
        if errors:
            return None
        text = value["text"]
        events = [self.event(text, e, i) for i, e in enumerate(value["events"])]
        return CorpusSentence(
            id=value["id"], group=value["group"], style=value["style"], date=value["date"],
            text=text, events=tuple(e for e in events if e is not None),
            trap=value.get("trap"), note=value.get("note"), file=self.file, line=self.line,
        )


def _files(path: Path) -> list[Path]:
    return sorted(path.glob("*.jsonl")) if path.is_dir() else [path]


def _read(path: Path) -> Iterator[tuple[CorpusSentence | None, list[Problem]]]:
    for file in _files(path):
        with file.open(encoding="utf-8") as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                reader = _Reader(file.name, number)
                try:
                    value = json.loads(raw)
                except json.JSONDecodeError as exc:
                    reader.fail(f"not JSON: {exc.msg}")
                    yield None, reader.problems
                    continue
                yield reader.sentence(value), reader.problems


def check_corpus(path: Path) -> tuple[list[CorpusSentence], list[Problem]]:
    """Every sentence under ``path`` and every problem found, duplicates of ids included."""
    sentences: list[CorpusSentence] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for sentence, found in _read(path):
        problems.extend(found)
        if sentence is None:
            continue
        where = f"{sentence.file}:{sentence.line}"
        if sentence.id in seen:
            problems.append(Problem(sentence.file, sentence.line,
                                    f"id {sentence.id!r} already used at {seen[sentence.id]}"))
        seen[sentence.id] = where
        sentences.append(sentence)
    return sentences, problems


def read_corpus(path: Path) -> list[CorpusSentence]:
    """The sentences under ``path``; raises ValueError naming the first problems, if any."""
    sentences, problems = check_corpus(path)
    if problems:
        shown = "\n".join(str(p) for p in problems[:20])
        raise ValueError(f"{len(problems)} problems in the corpus at {path}:\n{shown}")
    return sentences


@dataclass
class Stats:
    """Counts that say whether a corpus covers what a model needs."""

    sentences: int = 0
    by_split: Counter[str] = field(default_factory=Counter)
    coded_by_plover: Counter[str] = field(default_factory=Counter)
    coded_by_root: Counter[str] = field(default_factory=Counter)
    by_modality: Counter[str] = field(default_factory=Counter)
    by_style: Counter[str] = field(default_factory=Counter)
    without_coded_event: int = 0
    with_trap: int = 0
    negative_or_trap: int = 0


def corpus_stats(sentences: Iterable[CorpusSentence]) -> Stats:
    stats = Stats()
    for sentence in sentences:
        stats.sentences += 1
        stats.by_split[sentence.split] += 1
        stats.by_style[sentence.style] += 1
        coded = [e for e in sentence.events if e.coded]
        stats.without_coded_event += not coded
        stats.with_trap += sentence.trap is not None
        stats.negative_or_trap += not coded or sentence.trap is not None
        for event in sentence.events:
            stats.by_modality[event.modality] += 1
        for event in coded:
            stats.coded_by_plover[event.plover or "(statement)"] += 1
            stats.coded_by_root[event.cameo[:2]] += 1
    return stats


def _print_stats(stats: Stats) -> None:
    share = (stats.without_coded_event / stats.sentences) if stats.sentences else 0.0
    print(f"sentences {stats.sentences}  split {dict(stats.by_split)}")
    hard = (stats.negative_or_trap / stats.sentences) if stats.sentences else 0.0
    print(f"no coded event {stats.without_coded_event} ({share:.0%}), "
          f"with a trap {stats.with_trap}, either {stats.negative_or_trap} ({hard:.0%})")
    print("coded events by PLOVER type:", dict(sorted(stats.coded_by_plover.items())))
    print("coded events by CAMEO root:", dict(sorted(stats.coded_by_root.items())))
    print("events by modality:", dict(sorted(stats.by_modality.items())))
    print("sentences by style:", dict(sorted(stats.by_style.items())))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m eventwire.train.corpus PATH", file=sys.stderr)
        return 2
    sentences, problems = check_corpus(Path(args[0]))
    for problem in problems:
        print(problem)
    _print_stats(corpus_stats(sentences))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
