"""GDELT 2.0 Mentions table: one tab-separated line per sentence that reported an event.

GDELT pairs its event table with a mentions table: every article (here, every sentence)
that reported an event, with where in the article the actors and the action were found.
eventwire keeps exactly that for each event mention (document, sentence, offsets), so the
16 columns are filled from the store:

* ``GlobalEventID`` is the cluster's, as in the GDELT event export, so the two join;
* ``EventTimeDate`` is the day the event was first reported, ``MentionTimeDate`` the
  reporting document's date (its first report's when the document has none), both as
  ``YYYYMMDD000000``;
* ``MentionType`` is 1 (web), ``MentionSourceName`` the outlet, ``MentionIdentifier`` the
  document's URL (else its input file);
* ``SentenceID`` counts from 1; ``Actor1CharOffset``, ``Actor2CharOffset`` and
  ``ActionCharOffset`` are character offsets in the document (-1 when the actor's words
  are not in the sentence); ``InRawText`` is 1;
* ``Confidence`` is the coder's confidence in percent when events carry one, else empty;
  ``MentionDocLen`` is the document's length in characters; tone, translation and extras
  are empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import IO, Any

import duckdb

from eventwire.export.gdelt import write_lines
from eventwire.export.tables import filtered, query_rows
from eventwire.store.filters import EventFilter

__all__ = ["MENTION_COLUMNS", "mention_lines", "write_mentions"]

#: The 16 columns of the GDELT 2.0 mentions table, in order.
MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)

_OFFSET = ("CASE WHEN e.{role}_text IS NOT NULL AND strpos(e.sentence, e.{role}_text) > 0 "
           "THEN s.char_start + strpos(e.sentence, e.{role}_text) - 1 ELSE -1 END")

_QUERY = f"""
SELECT c.global_id, c.first_seen, coalesce(d.day, e.doc_day, c.first_seen), e.outlet,
       coalesce(d.url, d.source), e.sentence_index, {_OFFSET.format(role="source")},
       {_OFFSET.format(role="target")}, coalesce(e.trigger_start, e.char_start),
       {{confidence}}, length(d.text)
FROM events e JOIN event_clusters c ON c.cluster_id = e.cluster_id
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_index
WHERE {{where}}
ORDER BY c.global_id, e.seq
"""


def _stamp(day: date | None) -> str:
    return day.strftime("%Y%m%d000000") if day else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _line(row: tuple[Any, ...]) -> str:
    gid, first, seen, outlet, url, sent, a1, a2, action, conf, length = row
    fields = [str(gid), _stamp(first), _stamp(seen), "1", _text(outlet), _text(url),
              str(int(sent) + 1) if sent is not None else "", str(a1), str(a2),
              str(action) if action is not None else "-1", "1",
              str(round(conf * 100)) if conf is not None else "",
              str(length) if length is not None else "", "", "", ""]
    return "\t".join(fields)


def _confidence_sql(con: duckdb.DuckDBPyConnection) -> str:
    """``e.confidence`` when the store's events carry one (newer stores), else NULL."""
    row = con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'events' "
                      "AND column_name = 'confidence'").fetchone()
    return "e.confidence" if row and row[0] else "NULL::DOUBLE"


def mention_lines(
    con: duckdb.DuckDBPyConnection, chunk: int = 10_000, filters: EventFilter | None = None
) -> Iterator[str]:
    """One line per matching event mention, by event then in ingestion order."""
    template = _QUERY.replace("{confidence}", _confidence_sql(con))
    sql, params = filtered(con, template, filters)
    for row in query_rows(con, sql, chunk, params):
        yield _line(row)


def write_mentions(
    con: duckdb.DuckDBPyConnection, out: IO[str], filters: EventFilter | None = None
) -> int:
    """Write the mentions table (no header, as GDELT's files); returns the line count."""
    return write_lines(mention_lines(con, filters=filters), out)
