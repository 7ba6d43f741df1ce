"""Render a report on the terminal with rich: the figures, detail tables, skipped records."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table as RichTable

from eventwire.eval.base import Report, Table

__all__ = ["render", "fmt"]

#: At most this many skipped records are listed; the count is always given.
MAX_SKIPPED_SHOWN = 20


def fmt(value: Any) -> str:
    """A figure as text: 3 decimals for fractions, '-' when undefined."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _figures(report: Report) -> RichTable:
    table = RichTable(
        title=f"eventwire eval {report.kind}",
        caption=report.path,
        title_justify="left",
        caption_justify="left",
    )
    table.add_column("figure")
    table.add_column("value", justify="right")
    lower = report.LOWER_IS_BETTER
    for name, value in report.figures().items():
        label = f"{name} (lower is better)" if name in lower else name
        table.add_row(label, fmt(value))
    return table


def _detail(detail: Table) -> RichTable:
    table = RichTable(title=detail.title, title_justify="left")
    for i, column in enumerate(detail.header):
        table.add_column(str(column), justify="left" if i == 0 else "right")
    for row in detail.rows:
        table.add_row(*(fmt(v) for v in row))
    return table


def render(report: Report, console: Console | None = None) -> None:
    """Print the report: figures, detail tables, notes, then the skipped records."""
    console = console or Console()
    console.print(_figures(report))
    for detail in report.tables():
        if detail.rows:
            console.print(_detail(detail))
    for note in report.notes:
        console.print(f"note: {note}", highlight=False)
    if report.crashed:
        console.print(f"{report.crashed} item(s) crashed, e.g.:", highlight=False)
        for message in report.crash_examples:
            console.print(f"  {message}", highlight=False)
    if report.skipped:
        console.print(f"skipped {len(report.skipped)} malformed record(s):", highlight=False)
        for skipped in report.skipped[:MAX_SKIPPED_SHOWN]:
            console.print(f"  {skipped.location}: {skipped.reason}", highlight=False)
        if len(report.skipped) > MAX_SKIPPED_SHOWN:
            console.print(
                f"  ... and {len(report.skipped) - MAX_SKIPPED_SHOWN} more (--json lists them all)",
                highlight=False,
            )
