"""The store's side tables, read and replaced: documents, errors, runs, the fact ↔ document links,
the reference, the reconciliation and the analysts' corrections (a mixin of
:class:`ledger.store.sqlite.Store`, which holds the connection and the transactions)."""
from __future__ import annotations

import pandas as pd

from ledger.model import Correction
from ledger.store import tables
from ledger.store.corrections import Saved, read_corrections, save_corrections
from ledger.store.frames import read_frame
from ledger.store.schema import DOCUMENT_DTYPES, ERROR_DTYPES, ERROR_TABLE, RUN_TABLE, table_columns


class StoreTables:
    """Reading and replacing the tables beside mentions and facts."""

    def documents(self) -> pd.DataFrame:
        return read_frame(self._conn, f"SELECT {', '.join(DOCUMENT_DTYPES)} FROM documents "
                          "ORDER BY rowid", DOCUMENT_DTYPES)

    def errors(self, *, with_run_time: bool = False) -> pd.DataFrame:
        """Inputs that failed (each once, however many runs met it)."""
        dtypes = {**ERROR_DTYPES, "run_time": ERROR_TABLE["run_time"]} if with_run_time else ERROR_DTYPES
        return read_frame(self._conn, f"SELECT {', '.join(dtypes)} FROM errors ORDER BY rowid", dtypes)

    def fact_documents(self) -> pd.DataFrame:
        """Which documents mention each fact (``fact_id``, ``doc_id``, ``n_mentions``)."""
        return tables.fact_documents(self._conn)

    def runs(self) -> pd.DataFrame:
        return read_frame(self._conn, f"SELECT {', '.join(RUN_TABLE)} FROM runs ORDER BY run_id",
                          RUN_TABLE)

    def tables(self) -> dict[str, list[str]]:
        """Every table and view of the store with its columns."""
        return table_columns(self._conn)

    # -- reference and reconciliation ---------------------------------------------------------
    def set_reference(self, reference: pd.DataFrame | None, origin: str | None = None) -> None:
        """Keep ``reference`` (long form, REFERENCE_DTYPES) until replaced; None removes it."""
        with self._transaction() as conn:
            tables.replace_reference(conn, reference, origin)

    def reference(self) -> tuple[pd.DataFrame | None, str | None]:
        """The stored reference and its origin, or (None, None)."""
        return tables.stored_reference(self._conn)

    def set_reconciliation(self, table: pd.DataFrame, months: pd.DataFrame) -> None:
        """Keep the reconciliation (of claims, and per donor and month) for dashboards."""
        with self._transaction() as conn:
            tables.replace_reconciliation(conn, table, months)

    def reconciliation(self) -> pd.DataFrame:
        return tables.stored_reconciliation(self._conn)

    # -- corrections --------------------------------------------------------------------------
    def corrections(self) -> pd.DataFrame:
        """Every correction (``CORRECTION_DTYPES``); ``figure_id`` is the mention it applied to when
        the facts were last built, empty when it matched none (stale)."""
        return read_corrections(self._conn)

    def save_corrections(self, put: list[Correction], remove: list[Correction], origin: str) -> Saved:
        """Store corrections and give fields back to the rules, in one transaction; the documents they
        belong to wait for their facts (:meth:`update_facts` applies the corrections)."""
        from ledger.store import facts as fact_table
        from ledger.store.sqlite import _now

        with self._transaction() as conn:
            saved = save_corrections(conn, put, remove, origin, _now())
            for doc_id in sorted({c.doc_id for c in (*put, *remove)} if saved.any else ()):
                fact_table.forget(conn, doc_id)
                fact_table.mark_pending(conn, doc_id)
            if saved.any:
                conn.execute("UPDATE meta SET value = '1' WHERE key = 'facts_stale'")
        return saved
