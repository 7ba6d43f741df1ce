"""Accuracy on gold sets: ``eventwire eval`` and the CI gate.

One module per KIND of gold data (``plover``, ``petrarch``, ``timeml``, ``geo``, ``aeb``,
``seed``), each with a parser that reports and skips malformed records and a scorer that
runs the real pipeline and returns a typed report; :mod:`eventwire.eval.registry` maps
names to KINDs and :func:`run_eval` runs one. Metric definitions: ``docs/eval.md``.
"""

from eventwire.eval.base import Report, Skipped
from eventwire.eval.registry import Kind, get_kind, kinds
from eventwire.eval.runner import run_eval

__all__ = ["run_eval", "kinds", "get_kind", "Kind", "Report", "Skipped"]
