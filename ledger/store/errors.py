"""The errors table: read errors and warnings written in bulk, each kept once.

A corpus with 40,000 broken lines is 40,000 errors: they go in with a few statements per batch
(a temporary table, one delete of the rows they repeat, one insert), never one statement per
error, so the cost stays linear in the number of errors.
"""
from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable

from ledger.engine.limits import EARLIEST_DATE, LATEST_DATE, date_in_range
from ledger.model import Row
from ledger.model import Document, ReadError

_DATE_FIELDS = ("published", "event_date", "fx_date")


def write_errors(conn: sqlite3.Connection, errors: Iterable[ReadError], run_id: int, now: str) -> None:
    """Insert ``errors``; an error already stored (same source, line and reason) moves to this run."""
    params = [(e.source, e.line, e.reason) for e in errors]
    if not params:
        return
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS new_errors (source TEXT, line INTEGER, reason TEXT)")
    conn.execute("DELETE FROM temp.new_errors")
    conn.executemany("INSERT INTO temp.new_errors VALUES (?, ?, ?)", params)
    conn.execute("DELETE FROM errors WHERE rowid IN (SELECT e.rowid FROM temp.new_errors AS n JOIN errors AS e "
                 "ON e.source = n.source AND e.line IS n.line AND e.reason = n.reason)")
    conn.execute("INSERT INTO errors (source, line, reason, run_id, run_time) "
                 "SELECT source, line, reason, ?, ? FROM temp.new_errors "
                 "GROUP BY source, line, reason ORDER BY min(rowid)", (run_id, now))
    conn.execute("DELETE FROM temp.new_errors")


def forget_errors_of(conn: sqlite3.Connection, doc: Document) -> None:
    """The document now reads: earlier errors about the same input (file, or corpus line) go."""
    source, _, line = doc.source.rpartition(":")
    if source and line.isdigit():
        conn.execute("DELETE FROM errors WHERE source = ? OR (source = ? AND line = ?)",
                     (doc.source, source, int(line)))
    else:
        conn.execute("DELETE FROM errors WHERE source = ?", (doc.source,))


def rows_in_range(doc: Document, rows: list[Row]) -> tuple[list[Row], list[ReadError]]:
    """``rows`` with every date the ledger cannot hold set to None, and one warning per row so
    changed (a date is never stored as a value that breaks later reads)."""
    out, warnings = [], []
    for row in rows:
        bad = [f for f in _DATE_FIELDS if not date_in_range(getattr(row, f))]
        if not bad:
            out.append(row)
            continue
        out.append(dataclasses.replace(row, **{f: None for f in bad}))
        dates = ", ".join(f"{f} {getattr(row, f).isoformat()}" for f in bad)
        warnings.append(ReadError(doc.source, f"figure '{row.surface}': {dates} outside the dates the ledger "
                                              f"can hold ({EARLIEST_DATE.year}-{LATEST_DATE.year}): kept "
                                              f"without it"))
    return out, warnings
