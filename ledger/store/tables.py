"""The store's derived and reference tables: facts ↔ documents, the reference series, and the
reconciliation of cumulative claims. Each function runs inside the caller's transaction."""
from __future__ import annotations

import sqlite3

import pandas as pd

from ledger.analyse.months import MONTHS_DTYPES
from ledger.analyse.reconcile import RECONCILE_DTYPES
from ledger.store.frames import frame_params, read_frame
from ledger.store.ddl import FACT_DOCUMENT_TABLE, REFERENCE_TABLE


def fill_fact_documents(conn: sqlite3.Connection) -> None:
    """The link table, from the mentions' fact ids (after a rebuild of the facts)."""
    conn.execute("DELETE FROM fact_documents")
    conn.execute("INSERT INTO fact_documents (fact_id, doc_id, n_mentions) SELECT fact_id, doc_id, count(*) "
                 "FROM mentions WHERE fact_id IS NOT NULL GROUP BY fact_id, doc_id")
    conn.execute("DELETE FROM reconciliation WHERE fact_id NOT IN (SELECT fact_id FROM facts)")


def fact_documents(conn: sqlite3.Connection) -> pd.DataFrame:
    return read_frame(conn, "SELECT fact_id, doc_id, n_mentions FROM fact_documents ORDER BY fact_id, doc_id",
                      FACT_DOCUMENT_TABLE)


def replace_reference(conn: sqlite3.Connection, reference: pd.DataFrame | None, origin: str | None) -> None:
    """Keep ``reference`` (typed by REFERENCE_DTYPES) as the store's reference; None removes it."""
    conn.execute("DELETE FROM reference")
    conn.execute("DELETE FROM reconciliation")
    conn.execute("DELETE FROM reconciliation_months")
    conn.execute("DELETE FROM meta WHERE key = 'reference_origin'")
    if reference is None:
        return
    frame = reference.assign(origin=origin)
    cols = list(REFERENCE_TABLE)
    conn.executemany(f"INSERT INTO reference ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     frame_params(frame, cols))
    conn.execute("INSERT INTO meta VALUES ('reference_origin', ?)", (origin,))


def stored_reference(conn: sqlite3.Connection) -> tuple[pd.DataFrame | None, str | None]:
    """The reference the store keeps and where it came from, or (None, None)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'reference_origin'").fetchone()
    if row is None:
        return None, None
    frame = read_frame(conn, f"SELECT {', '.join(REFERENCE_TABLE)} FROM reference ORDER BY reference_id",
                       REFERENCE_TABLE)
    return frame.drop(columns="origin"), row[0]


def replace_reconciliation(conn: sqlite3.Connection, table: pd.DataFrame, months: pd.DataFrame) -> None:
    """The reconciliation of cumulative claims and per donor and month, as last computed."""
    for name, frame, dtypes in (("reconciliation", table, RECONCILE_DTYPES),
                                ("reconciliation_months", months, MONTHS_DTYPES)):
        conn.execute(f"DELETE FROM {name}")
        cols = list(dtypes)
        conn.executemany(f"INSERT OR REPLACE INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                         frame_params(frame, cols))


def stored_reconciliation(conn: sqlite3.Connection) -> pd.DataFrame:
    return read_frame(conn, f"SELECT {', '.join(RECONCILE_DTYPES)} FROM reconciliation ORDER BY claim_date, fact_id",
                      RECONCILE_DTYPES)
