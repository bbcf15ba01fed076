"""The ``corrections`` table: the analysts' values, one row per field of a figure.

Each function runs inside the caller's transaction. Saving a correction that is already stored
with the same value changes nothing (importing the same review file twice is a no-op).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pandas as pd

from ledger.model import Correction
from ledger.store.frames import read_frame
from ledger.store.schema import CORRECTION_DTYPES

_WHERE = 'doc_id = ? AND "start" = ? AND "end" = ? AND surface = ? AND field = ?'


@dataclass(frozen=True, slots=True)
class Saved:
    """What saving corrections changed: new fields, changed values, fields given back to the rules."""

    added: int = 0
    changed: int = 0
    removed: int = 0

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def read_corrections(conn: sqlite3.Connection) -> pd.DataFrame:
    cols = ", ".join(f'"{c}"' for c in CORRECTION_DTYPES)
    return read_frame(conn, f"SELECT {cols} FROM corrections ORDER BY rowid", CORRECTION_DTYPES)


def _key(c: Correction) -> tuple:
    return c.doc_id, c.start, c.end, c.surface, c.field


def save_corrections(conn: sqlite3.Connection, put: list[Correction], remove: list[Correction],
                     origin: str, when: str) -> Saved:
    """Store ``put`` (insert, or update a different value) and delete ``remove``."""
    added = changed = removed = 0
    for c in put:
        row = conn.execute(f"SELECT set_to FROM corrections WHERE {_WHERE}", _key(c)).fetchone()
        if row is None:
            conn.execute('INSERT INTO corrections (doc_id, "start", "end", surface, field, set_to, sentence, '
                         "imported_from, imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (*_key(c), c.value, c.sentence, origin, when))
            added += 1
        elif row[0] != c.value:
            conn.execute(f"UPDATE corrections SET set_to = ?, imported_from = ?, imported = ? WHERE {_WHERE}",
                         (c.value, origin, when, *_key(c)))
            changed += 1
    for c in remove:
        removed += conn.execute(f"DELETE FROM corrections WHERE {_WHERE}", _key(c)).rowcount
    return Saved(added, changed, removed)


def mark_matches(conn: sqlite3.Connection, corrections: pd.DataFrame, figure_ids: pd.Series) -> None:
    """Record the mention each correction applied to when the facts were built (NULL: stale)."""
    keys = corrections[["doc_id", "start", "end", "surface", "field"]].astype(object)
    params = [(None if pd.isna(f) else str(f), *(None if pd.isna(v) else v for v in key))
              for f, key in zip(figure_ids.astype(object), keys.itertuples(index=False))]
    conn.executemany(f"UPDATE corrections SET figure_id = ? WHERE {_WHERE}", params)
