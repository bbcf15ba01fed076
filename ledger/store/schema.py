"""The store's tables: typed frame schemas (pandas dtypes) and the SQLite DDL made from them.

Every writer (SQLite, CSV, Parquet, Excel) uses these schemas; a frame of rows, facts,
documents or errors always has exactly these columns with these dtypes.
"""
from __future__ import annotations

import sqlite3

import pandas as pd

from ledger.model import ROW_COLUMNS, Row

#: Bumped whenever the tables change; a store with a newer version is refused, an older one
#: is refused with the command that rebuilds it (versions 1 and 2 identified documents by their
#: path; 3 by their content, with the tables of ``ddl.py``; 4 keeps each claim's aid type and window
#: in the reconciliation table; 5 adds the analysts' ``corrections`` and the ``corrected`` column of
#: mentions and facts: a store of schema 4 is migrated in place, ``migrate.py``).
SCHEMA_VERSION = 5

COLUMNS: tuple[str, ...] = ROW_COLUMNS

#: pandas dtypes for a frame of rows (dates are ``datetime64[ns]`` at midnight).
DTYPES: dict[str, str] = {
    "doc_id": "string", "source": "string", "url": "string", "published": "datetime64[ns]",
    "title": "string", "start": "Int64", "end": "Int64", "surface": "string", "sentence": "string",
    "kind": "string", "value": "Float64", "low": "Float64", "high": "Float64",
    "qualifier": "string", "change": "string", "unit": "string", "currency": "string",
    "item": "string", "role": "string", "donor": "string", "recipient": "string",
    "event_date": "datetime64[ns]", "figure_id": "string", "value_usd": "Float64",
    "value_eur": "Float64", "fx_rate": "Float64", "fx_date": "datetime64[ns]", "fx_source": "string",
    "stage": "string", "aid_type": "string", "window_start": "datetime64[ns]",
    "window_end": "datetime64[ns]", "why": "string", "confidence": "Float64",
}
assert tuple(DTYPES) == COLUMNS

#: A fact: one figure after de-duplication of its mentions across documents.
#: ``value``/``low``/``high``/``value_usd``/``value_eur`` come from the representative
#: (earliest, most precise) mention; ``event_date`` is the earliest event date.
FACT_DTYPES: dict[str, str] = {
    "fact_id": "string", "kind": "string", "role": "string", "donor": "string",
    "recipient": "string", "currency": "string", "unit": "string", "item": "string",
    "value": "Float64", "low": "Float64", "high": "Float64", "qualifier": "string",
    "value_usd": "Float64", "value_eur": "Float64", "event_date": "datetime64[ns]",
    "first_published": "datetime64[ns]", "n_mentions": "Int64", "n_documents": "Int64",
    "doc_ids": "string", "sources": "string", "urls": "string", "surface": "string",
    "sentence": "string", "stage": "string", "aid_type": "string",
    "window_start": "datetime64[ns]", "window_end": "datetime64[ns]", "why": "string",
    "confidence": "Float64", "corrected": "string",
}
FACT_COLUMNS: tuple[str, ...] = tuple(FACT_DTYPES)

#: Mentions as stored: every Row column plus the fact it was merged into and the fields an analyst's
#: correction set (empty: as the rules read it).
MENTION_DTYPES: dict[str, str] = {**DTYPES, "fact_id": "string", "corrected": "string"}

#: The analysts' corrections (``ledger.model.Correction``): one row per field of a figure, keyed by
#: document, span, surface and field; ``set_to`` is the correction's value. ``imported_from`` and
#: ``imported``: the file and time it came from; ``figure_id``: the mention it applied to when the
#: facts were last built (empty: stale).
CORRECTION_DTYPES: dict[str, str] = {
    "doc_id": "string", "start": "Int64", "end": "Int64", "surface": "string", "field": "string",
    "set_to": "string", "sentence": "string", "imported_from": "string", "imported": "string",
    "figure_id": "string",
}

DOCUMENT_DTYPES: dict[str, str] = {
    "doc_id": "string", "source": "string", "url": "string", "title": "string",
    "published": "datetime64[ns]", "content_hash": "string", "n_figures": "Int64",
}

ERROR_DTYPES: dict[str, str] = {"source": "string", "line": "Int64", "reason": "string"}


def typed_frame(records, dtypes: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly ``dtypes``' columns, in order, with those dtypes."""
    df = pd.DataFrame(list(records), columns=list(dtypes))
    return df.astype(dtypes)


def rows_frame(rows) -> pd.DataFrame:
    """A typed DataFrame of rows (an empty one keeps every column and dtype)."""
    return typed_frame((r.as_dict() if isinstance(r, Row) else r for r in rows), DTYPES)



#: Columns of the errors table (``run_time`` is when the error was last seen).
ERROR_TABLE: dict[str, str] = {"source": "string", "line": "Int64", "reason": "string",
                               "run_id": "Int64", "run_time": "datetime64[ns]"}
#: Columns of the runs table: one row per process that wrote to the store.
RUN_TABLE: dict[str, str] = {"run_id": "Int64", "started": "datetime64[ns]",
                             "finished": "datetime64[ns]", "version": "string",
                             "documents": "Int64", "skipped": "Int64", "errors": "Int64"}


#: The oldest schema that is migrated in place; older stores are refused with the command that
#: rebuilds them.
MIGRATES_FROM = 4


class StoreError(Exception):
    """The store cannot be used: newer or older schema, not a store, unreadable, busy."""


def table_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every table and view of the store with its columns (for descriptions of the store)."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY type, name")]
    return {n: [r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')] for n in names}


def stored_version(conn: sqlite3.Connection) -> int | None:
    """The schema version written in the store, None for an empty file."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise StoreError("is an SQLite database but not an aid-ledger store (no meta table); "
                             "use --db to pick another store")
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def ensure_schema(conn: sqlite3.Connection, path: str) -> None:
    """Create the tables in a new store; migrate a store of a recent older schema; refuse a store
    written by a newer or a much older schema."""
    where = repr(path)
    try:
        version = stored_version(conn)
    except StoreError as exc:
        raise StoreError(f"{where} {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{where} is not an aid-ledger store ({exc}); use --db to pick another "
                         f"store") from None
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(f"{where} was written by a newer aid-ledger (schema {version}); upgrade "
                         f"aid-ledger or use --db to pick another store")
    if version is not None and version < MIGRATES_FROM:
        _refuse_older(path, version)
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        from ledger.store.ddl import ddl
        from ledger.store.migrate import migrate

        if version is not None:
            migrate(conn, version)
        for statement in ddl():
            conn.execute(statement)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('facts_stale', '0')")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _refuse_older(path: str, version: int) -> None:
    where = repr(path)
    why = ("whose reconciliation lacks the claims' aid type and window" if version == 3
           else "which identified documents by their path")
    raise StoreError(f"{where} was written by an older aid-ledger (schema {version}, {why} "
                     f"and cannot be converted): move it aside and build a "
                     f"new one from the same inputs: mv {where} {repr(path + '.old')} && "
                     f"aid-ledger run PATH... --db {where}")
