"""The embedded store: documents, mentions, facts, errors and runs in one SQLite file.

Every write is one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``), so a process
killed at any moment leaves the store as it was after its last complete batch;
the journal is WAL, readable by Datasette or Metabase while a run writes.
Facts are derived data: :meth:`Store.add_batch` stores mentions with an empty
``fact_id``, puts their documents in ``facts_pending`` and marks the facts stale;
:meth:`Store.update_facts` brings the facts of the pending documents up to date, a chunk
at a time (``facts.py``); :meth:`Store.rebuild_facts` recomputes every fact from scratch.
"""
from __future__ import annotations

import datetime as _dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from ledger.model import Document, ReadError, Row
from ledger.store import facts as fact_table
from ledger.store.as_corrected import as_corrected
from ledger.store.corrected import apply_corrections
from ledger.store.corrections import read_corrections
from ledger.store.errors import forget_errors_of, rows_in_range, write_errors
from ledger.store.frames import first_of_each_id, iter_frames, read_frame, row_params, sql_value
from ledger.store.lock import StoreBusy, busy_message, lock_store, unlock_store
from ledger.store.reading import StoreTables
from ledger.store.schema import (
    COLUMNS,
    DOCUMENT_DTYPES,
    FACT_COLUMNS,
    FACT_DTYPES,
    MENTION_DTYPES,
    StoreError,
    ensure_schema,
)

BatchItem = tuple[Document, str, list[Row]]

_MENTION_COLS = ", ".join(f'"{c}"' for c in MENTION_DTYPES)
_INSERT_MENTION = (f"INSERT INTO mentions ({_MENTION_COLS}) "
                   f"VALUES ({', '.join('?' * len(MENTION_DTYPES))})")
_INSERT_DOCUMENT = (f"INSERT OR REPLACE INTO documents ({', '.join(DOCUMENT_DTYPES)}) "
                    f"VALUES ({', '.join('?' * len(DOCUMENT_DTYPES))})")


FACT_ORDER = ("ORDER BY event_date IS NULL, event_date, first_published IS NULL, first_published, "
              "fact_id")
#: Columns of facts that no analysis reads (long texts: kept out of memory).
NOT_ANALYSED = ("doc_ids", "sources", "urls", "why")
#: The facts :mod:`ledger.analyse` reads: money, and counts of packages and their components.
ANALYSED = "kind = 'money' OR (kind = 'count' AND role IN ('package', 'component'))"


def _now() -> str:
    return _dt.datetime.now().isoformat(sep=" ", timespec="seconds")


def busy_error(path: Path) -> StoreError:
    return StoreError(busy_message(path))


class Store(StoreTables):
    """An aid-ledger store at ``path`` (created with its tables when missing). With ``exclusive``
    (the default) this Store alone holds it while open: opening a store another aid-ledger
    process holds raises :class:`StoreError` at once."""

    def __init__(self, path: str | Path, *, exclusive: bool = True):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            self._lock = lock_store(self.path) if exclusive else None
        except StoreBusy:
            self._conn.close()
            raise busy_error(self.path) from None
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the store {str(self.path)!r} ({exc}); "
                             f"use --db to pick another store") from None
        try:
            ensure_schema(self._conn, str(self.path))  # first: a store it refuses is left as it was
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA cache_size=-65536")  # 64 MiB: the figure_id index stays hot
            fact_table.create_tables(self._conn)
        except sqlite3.OperationalError as exc:
            self._release()
            if "locked" in str(exc):
                raise busy_error(self.path) from None
            raise StoreError(f"cannot open the store {str(self.path)!r} ({exc}); "
                             f"use --db to pick another store") from None
        except sqlite3.DatabaseError as exc:
            self._release()
            raise StoreError(f"{str(self.path)!r} is not an aid-ledger store ({exc}); "
                             f"use --db to pick another store") from None
        except BaseException:
            self._release()
            raise
        self._run_id: int | None = None

    # -- life cycle ---------------------------------------------------------------------------
    def close(self) -> None:
        if self._run_id is not None:
            with self._transaction() as conn:
                conn.execute("UPDATE runs SET finished = ? WHERE run_id = ?", (_now(), self._run_id))
            self._run_id = None
        self._release()

    def _release(self) -> None:
        self._conn.close()
        unlock_store(self._lock)
        self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise busy_error(self.path) from None
            raise
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- writing ------------------------------------------------------------------------------
    def known(self, doc_id: str) -> str | None:
        """The content hash stored for ``doc_id``, None for a new document."""
        row = self._conn.execute("SELECT content_hash FROM documents WHERE doc_id = ?",
                                 (doc_id,)).fetchone()
        return row[0] if row else None

    def add_batch(self, items: list[BatchItem], errors: list[ReadError] = (), *, replace: bool = False) -> int:
        """Store documents with their rows, and read errors, in ONE transaction.

        A document already stored with the same content hash adds nothing (unless ``replace``:
        its figures were extracted again, by newer rules); one with a changed content replaces
        its mentions. Returns the number of documents added or replaced. Facts are marked stale
        (see :meth:`rebuild_facts`).
        """
        added = 0
        new_run = self._run_id is None
        try:
            added = self._write_batch(items, errors, replace)
        except BaseException:
            if new_run:  # the run row was rolled back with the batch
                self._run_id = None
            raise
        return added

    def _write_batch(self, items: list[BatchItem], errors: list[ReadError], replace: bool) -> int:
        added = 0
        with self._transaction() as conn:
            run_id = self._current_run(conn)
            errors = list(errors)
            for doc, content_hash, rows in items:
                if self._add_document(conn, doc, content_hash, rows, errors, replace):
                    added += 1
            write_errors(conn, errors, run_id, _now())
            conn.execute("UPDATE runs SET documents = documents + ?, skipped = skipped + ?, "
                         "errors = errors + ? WHERE run_id = ?",
                         (added, len(items) - added, len(errors), run_id))
            if added:
                conn.execute("UPDATE meta SET value = '1' WHERE key = 'facts_stale'")
        return added

    def _add_document(self, conn: sqlite3.Connection, doc: Document, content_hash: str,
                      rows: list[Row], warnings: list[ReadError], replace: bool = False) -> bool:
        old = conn.execute("SELECT content_hash FROM documents WHERE doc_id = ?",
                           (doc.doc_id,)).fetchone()
        if old is not None and old[0] == content_hash and not replace:
            return False
        if old is not None:
            fact_table.forget(conn, doc.doc_id)
            conn.execute("DELETE FROM mentions WHERE doc_id = ?", (doc.doc_id,))
        # a figure id hashes (doc_id, span, surface): unique once repeats of a span are dropped
        unique, dropped = rows_in_range(doc, first_of_each_id(rows))
        warnings.extend(dropped)
        conn.execute(_INSERT_DOCUMENT, (doc.doc_id, doc.source, doc.url, doc.title,
                                        sql_value(doc.published), content_hash, len(unique)))
        conn.executemany(_INSERT_MENTION, (row_params(r) for r in unique))
        forget_errors_of(conn, doc)  # the document now reads: earlier errors about it are obsolete
        fact_table.mark_pending(conn, doc.doc_id)
        return True

    def _current_run(self, conn: sqlite3.Connection) -> int:
        if self._run_id is None:
            from ledger.version import __version__

            cur = conn.execute("INSERT INTO runs (started, version, documents, skipped, errors) "
                               "VALUES (?, ?, 0, 0, 0)", (_now(), __version__))
            self._run_id = int(cur.lastrowid)
        return self._run_id

    @property
    def facts_stale(self) -> bool:
        """True when mentions changed since facts were last rebuilt."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'facts_stale'").fetchone()
        return bool(row) and row[0] == "1"

    def update_facts(self, *, chunk_docs: int = fact_table.CHUNK_DOCS) -> int:
        """Bring the facts up to date with the documents added or replaced since they were last
        built, ``chunk_docs`` documents per transaction (a store without the keys of its mentions
        is rebuilt from scratch); returns the fact count."""
        with self._transaction() as conn:  # stale with nothing pending: left so by an earlier version
            if not fact_table.keys_current(conn) or (self.facts_stale and not fact_table.has_pending(conn)):
                fact_table.reset(conn)
            fact_table.begin(conn)
        while True:
            with self._transaction() as conn:
                if not fact_table.update_chunk(conn, chunk_docs):
                    fact_table.finish(conn)
                    break
        return self.count("facts")

    def rebuild_facts(self, *, chunk_docs: int = fact_table.CHUNK_DOCS) -> int:
        """Recompute every fact from every mention (a chunk of documents per transaction); returns
        the fact count."""
        with self._transaction() as conn:
            fact_table.reset(conn)
        return self.update_facts(chunk_docs=chunk_docs)

    def count(self, table: str) -> int:
        """The number of rows of one of the store's tables."""
        if table not in self.tables():
            raise ValueError(f"no table {table!r} in the store")
        return int(self._conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

    # -- reading ------------------------------------------------------------------------------
    def mentions(self, *, as_read: bool = False) -> pd.DataFrame:
        """Every stored mention (Row columns plus ``fact_id`` and ``corrected``), in the order stored,
        with the analysts' corrections applied (``as_read``: as the rules read them)."""
        raw = read_frame(self._conn, f"SELECT {_MENTION_COLS} FROM mentions ORDER BY rowid", MENTION_DTYPES)
        if as_read:
            return raw.assign(corrected=pd.Series(pd.NA, index=raw.index, dtype="string"))
        return apply_corrections(raw, read_corrections(self._conn))[0]

    def facts(self) -> pd.DataFrame:
        """Every fact, by event date then first publication (undated last), then fact id."""
        return read_frame(self._conn, f"SELECT {', '.join(FACT_COLUMNS)} FROM facts {FACT_ORDER}", FACT_DTYPES)

    def analysis_facts(self) -> pd.DataFrame:
        """The facts the totals, series and reconciliation read (money, and counts of packages and
        their components), in the order of :meth:`facts`, without the lists of documents and the
        reasons: a fraction of the ledger."""
        dtypes = {c: t for c, t in FACT_DTYPES.items() if c not in NOT_ANALYSED}
        return read_frame(self._conn, f"SELECT {', '.join(dtypes)} FROM facts WHERE {ANALYSED} {FACT_ORDER}", dtypes)

    def chunks(self, table: str, size: int) -> Iterator[pd.DataFrame]:
        """The rows of ``mentions`` (in the order stored, as the analysts corrected them) or ``facts``
        (in the order of :meth:`facts`), ``size`` at a time, typed like those frames."""
        dtypes, order = {"mentions": (MENTION_DTYPES, "ORDER BY rowid"), "facts": (FACT_DTYPES, FACT_ORDER)}[table]
        columns = ", ".join('"' + c + '"' for c in dtypes)
        frames = iter_frames(self._conn, f"SELECT {columns} FROM {table} {order}", dtypes, size)
        if table == "facts":
            return frames
        return (as_corrected(self._conn, f) for f in frames)



assert COLUMNS == tuple(MENTION_DTYPES)[:-2]
