"""Lines of corpus files that may retell a line of the other split.

Why this check exists: the ``test`` split (groups whose name hashes to it, see
:func:`eventwire.train.corpus.split_of`) was fixed before any model was trained and is used
only to report. Files written later (``TYPE-b.jsonl``, ``TYPE-c.jsonl``, ...) go to training,
and their writers could read the older files: a new line that tells a test line's event again
(same act, same actors, other words) lets the model see that test scenario, and the test
figure then overstates how it does on news it has never seen. The same holds the other way
round for test files written later (``TYPE-t.jsonl``): ``--split train`` pairs their lines with
the training lines of every other file.

A pair is listed when the two sentences share

* enough words: the Jaccard index of their lower-cased content words (stop words removed)
  is at least ``--jaccard`` (0.22), or
* at least two capitalised names that are not the sentence's first word, not weekdays or
  months, and not very common capitalised words (titles, "United", "Nations", ...), or
* with ``--days N``, a date at most N days apart and an actor of the same country: a
  retelling in other words and with other names (a headline against a wire lede) that the
  two measures above miss.

A pair is only a candidate: a shared country or leader alone is not a retelling, so each pair
is read by a person, who rewrites or deletes the new line only when it tells the same event.

Run from the repository root::

    python scripts/corpus_overlap.py corpus/events/*-b.jsonl
    python scripts/corpus_overlap.py --count corpus/events/*-b.jsonl
    python scripts/corpus_overlap.py --days 7 corpus/events/*-b.jsonl
    python scripts/corpus_overlap.py --split train --days 7 corpus/events/*-t.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.train.corpus import ROLES, split_of

CORPUS = Path("corpus/events")
ORG_PREFIXES = frozenset({"IGO", "NGO", "MNC", "UIS"})


def _word_set(words: str) -> frozenset[str]:
    """A set written as a block of words, easier to read and extend than a list literal."""
    return frozenset(words.split())


STOP_WORDS = _word_set("""
a an the and or but nor of on in into onto to for by with without at after before from
as that this these those than then there their its it it's his her hers him he she they them
we us our you your i me my was were is are be been being has have had do does did not no
so such which who whom whose what when where while why how all any both each few more most
other some own same too very can could will would shall should may might must also just
said says say told tell according over under again further once here about against between
through during above below up down out off new one two three last next week year day
""")

COMMON_NAMES = _word_set("""
The A An In On At As After Before But For From He She It Its They We I His Her Their This That
Mr Mrs Ms Dr President Prime Minister Foreign Defence Defense Interior Secretary General
Minister's President's Government Ministry Council Parliament Congress Senate Court Supreme
State States United Nations Union European National Republic People's Democratic Party Army
Security Police Army's North South East West Northern Southern Eastern Western New
AP Reuters AFP UN US EU UK
""")

DAYS_AND_MONTHS = _word_set("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December
""")

WORD = re.compile(r"[a-z0-9']+")
CAPITALISED = re.compile(r"\b[A-Z][\w'.-]*")


@dataclass(frozen=True, slots=True)
class Line:
    """One corpus sentence with the keys it is compared by."""

    id: str
    text: str
    words: frozenset[str]
    names: frozenset[str]
    day: date
    countries: frozenset[str]


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of ``text`` without stop words: what the sentence is about."""
    return frozenset(WORD.findall(text.lower())) - STOP_WORDS


def names(text: str) -> frozenset[str]:
    """Capitalised words that are names, not capitals of grammar or of the calendar.

    The first word (after any opening quote) is capitalised because it opens the sentence,
    so it says nothing. A possessive ``'s`` and the dots of an abbreviation are cut, so
    "Kenya's" and "Kenya", "U.N." and "UN" count as one name.
    """
    first = re.search(r"\w", text)
    found = set()
    for match in CAPITALISED.finditer(text):
        if first and match.start() == first.start():
            continue
        word = re.sub(r"'s$", "", match.group().rstrip("'-")).replace(".", "")
        if word not in COMMON_NAMES and word not in DAYS_AND_MONTHS:
            found.add(word)
    return frozenset(found)


def day_of(value: str) -> date:
    """The story's date; a month or a year alone stands for its first day."""
    parts = [int(part) for part in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def countries(events: list[dict[str, Any]]) -> frozenset[str]:
    """Countries of the sentence's actors: the first three letters of a code, unless those
    are a bare role or an organisation prefix, which say nothing about the country."""
    found = set()
    for event in events:
        for actor in (event.get("source"), event.get("target")):
            prefix = (actor or {}).get("code", "")[:3]
            if len(prefix) == 3 and prefix not in ROLES and prefix not in ORG_PREFIXES:
                found.add(prefix)
    return frozenset(found)


def read_lines(path: Path) -> Iterator[tuple[str, Line]]:
    """Each line of a corpus file as ``(group, Line)``."""
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            if raw.strip():
                row = json.loads(raw)
                text = row["text"]
                yield row["group"], Line(row["id"], text, content_words(text), names(text),
                                         day_of(row["date"]), countries(row["events"]))


def split_lines(corpus: Path, split: str, skip: frozenset[Path] = frozenset()) -> list[Line]:
    """The lines of ``split`` in every corpus file but those in ``skip`` (the files checked)."""
    return [line for path in sorted(corpus.glob("*.jsonl")) if path.resolve() not in skip
            for group, line in read_lines(path) if split_of(group) == split]


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over all words of the two sentences."""
    return len(a & b) / len(a | b) if a | b else 0.0


def overlaps(line: Line, tests: list[Line], threshold: float,
             days: int | None = None) -> Iterator[tuple[Line, str]]:
    """Test lines ``line`` may retell, each with why it was picked."""
    for test in tests:
        why = []
        score = jaccard(line.words, test.words)
        if score >= threshold:
            why.append(f"jaccard {score:.2f}")
        shared = line.names & test.names
        if len(shared) >= 2:
            why.append(f"names {sorted(shared)}")
        apart = abs((line.day - test.day).days)
        same_country = line.countries & test.countries
        if days is not None and apart <= days and same_country:
            why.append(f"{apart} days apart, {sorted(same_country)}")
        if why:
            yield test, "; ".join(why)


def main(argv: list[str] | None = None) -> int:
    """Print the candidate pairs (or their counts) of every given file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="corpus files to check")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="corpus folder (default: corpus/events)")
    parser.add_argument("--split", choices=("test", "train"), default="test",
                        help="split whose lines the files are checked against (default: test)")
    parser.add_argument("--jaccard", type=float, default=0.22,
                        help="least word overlap that makes a pair (default: 0.22)")
    parser.add_argument("--days", type=int, default=None,
                        help="also pair lines at most this many days apart that share an "
                             "actor's country")
    parser.add_argument("--count", action="store_true", help="print only counts per file")
    args = parser.parse_args(argv)
    skip = frozenset(path.resolve() for path in args.files)
    tests = split_lines(args.corpus, args.split, skip)
    if not tests:
        print(f"no {args.split}-split lines under {args.corpus}: run from the repository root "
              "or pass --corpus corpus/events", file=sys.stderr)
        return 2
    for path in args.files:
        pairs = lines = 0
        for _, line in read_lines(path):
            found = list(overlaps(line, tests, args.jaccard, args.days))
            lines += bool(found)
            pairs += len(found)
            if not args.count:
                for test, why in found:
                    print(f"{line.id} ~ {test.id} ({why})\n    line:  {line.text}\n"
                          f"    {args.split}: {test.text}")
        if args.count:
            print(f"{path.name}: {pairs} pairs, {lines} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
