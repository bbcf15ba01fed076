"""Stored mentions as the analysts corrected them, a chunk at a time.

The mentions table keeps each figure as the rules read it; a correction finds its figure among the
mentions of its own document (``corrected.match``) and is applied when mentions are read. These
functions do that for a part of the ledger: a chunk of documents (when their facts are built) or
any rows (a chunk of a report, the members of a fact), reading whole documents only for the few
that have corrections.
"""
from __future__ import annotations

import sqlite3

import pandas as pd

from ledger.store.corrected import apply_corrections
from ledger.store.frames import read_frame
from ledger.store.schema import CORRECTION_DTYPES, MENTION_DTYPES

_MENTIONS = ", ".join(f'm."{c}"' for c in MENTION_DTYPES)


def temp_values(conn: sqlite3.Connection, name: str, sql_type: str, values) -> None:
    """A temporary one-column table ``temp.<name>(v)`` holding ``values``."""
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (v {sql_type} PRIMARY KEY)")
    conn.execute(f"DELETE FROM temp.{name}")
    conn.executemany(f"INSERT OR IGNORE INTO temp.{name} VALUES (?)", ((v,) for v in values))


def stored_mentions(conn: sqlite3.Connection, where: str) -> pd.DataFrame:
    """Stored mentions (as the rules read them) indexed by mention id, in the order stored."""
    frame = read_frame(conn, f"SELECT m.rowid, {_MENTIONS} FROM mentions AS m WHERE {where} ORDER BY m.rowid",
                       {"mention_id": "Int64", **MENTION_DTYPES})
    return frame.set_index(frame["mention_id"].astype("int64").rename(None)).drop(columns="mention_id")


def corrections_of(conn: sqlite3.Connection, doc_ids) -> pd.DataFrame:
    """The corrections of the documents ``doc_ids``, in the order stored."""
    temp_values(conn, "corrected_docs", "TEXT", doc_ids)
    cols = ", ".join(f'"{c}"' for c in CORRECTION_DTYPES)
    return read_frame(conn, f"SELECT {cols} FROM corrections WHERE doc_id IN (SELECT v FROM temp.corrected_docs) "
                            "ORDER BY rowid", CORRECTION_DTYPES)


def as_corrected(conn: sqlite3.Connection, rows: pd.DataFrame) -> pd.DataFrame:
    """Stored mentions ``rows`` (any of them) with the corrections of their documents applied."""
    corrections = corrections_of(conn, rows["doc_id"].dropna().unique().tolist())
    if corrections.empty:
        return rows
    temp_values(conn, "whole_docs", "TEXT", corrections["doc_id"].unique().tolist())
    whole = stored_mentions(conn, "m.doc_id IN (SELECT v FROM temp.whole_docs)")
    fixed = apply_corrections(whole, corrections)[0].set_index("figure_id", drop=False)
    mine = rows["figure_id"].isin(fixed.index).to_numpy()
    out = rows.copy()
    out.loc[mine, list(fixed.columns)] = fixed.loc[rows["figure_id"][mine]].to_numpy()
    return out.astype(rows.dtypes.to_dict())
