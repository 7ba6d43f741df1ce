"""The locked split of every gold set into a ``dev`` part and a ``check`` part.

Why a split: rules and lexicon entries are written by reading gold items, and a figure on
the items a rule was written from says how well the rule fits them, not how well it
generalises. So every gold set is cut once, by a rule that depends on nothing but the
item's own id: rules are written reading the ``dev`` part only, and the ``check`` part is
only ever scored. The gap between the two figures is the part of a figure that does not
carry over to unseen text.

Why a digest of the id: it is deterministic (the same item falls in the same part on
every machine, in every subset of the set, whatever the file's order), needs no list of
ids to keep up to date, and cannot be steered by reading the items.
"""

from __future__ import annotations

import hashlib
from typing import Any, Protocol

from eventwire.errors import Errors
from eventwire.eval.base import Gold

__all__ = ["SPLITS", "CHECK_SHARE", "SALT", "part_of", "select"]

#: The parts a gold set can be scored on; ``all`` is both.
SPLITS = ("dev", "check", "all")
#: The share of items that fall in ``check`` (about a third).
CHECK_SHARE = 0.35
#: Mixed into every digest, so that the split is eventwire's own and not that of any other
#: tool hashing the same ids.
SALT = "eventwire-split-v1:"


class _Identified(Protocol):
    id: str


def part_of(item_id: str) -> str:
    """``check`` or ``dev``: the part a gold item with this id belongs to, for ever."""
    digest = hashlib.sha256((SALT + item_id).encode("utf-8")).digest()
    share = int.from_bytes(digest[:8], "big") / 2**64
    return "check" if share < CHECK_SHARE else "dev"


def select(gold: Gold[Any], split: str) -> Gold[Any]:
    """The items of ``gold`` in ``split`` (all of them for ``all``), skipped records kept."""
    if split not in SPLITS:
        raise Errors.E217_split.error(split=split, splits=", ".join(SPLITS))
    if split == "all":
        return gold
    items: list[_Identified] = gold.items
    return Gold([it for it in items if part_of(it.id) == split], list(gold.skipped))
