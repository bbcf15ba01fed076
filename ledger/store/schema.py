"""The SQLite schema of the store, generated from the typed frames of ``row.py``."""
from __future__ import annotations

import sqlite3

from ledger.normalise.row import DOCUMENT_DTYPES, FACT_DTYPES, MENTION_DTYPES

#: Bumped whenever the tables change; a store with a newer version is refused.
SCHEMA_VERSION = 1

_SQL_TYPES = {"string": "TEXT", "Int64": "INTEGER", "Float64": "REAL", "datetime64[ns]": "TEXT"}

#: Columns of the errors table (``run_time`` is when the error was last seen).
ERROR_TABLE: dict[str, str] = {"source": "string", "line": "Int64", "reason": "string",
                               "run_id": "Int64", "run_time": "datetime64[ns]"}
#: Columns of the runs table: one row per process that wrote to the store.
RUN_TABLE: dict[str, str] = {"run_id": "Int64", "started": "datetime64[ns]",
                             "finished": "datetime64[ns]", "version": "string",
                             "documents": "Int64", "skipped": "Int64", "errors": "Int64"}


class StoreError(Exception):
    """The store cannot be used: newer schema, not a store, unreadable."""


def _columns(dtypes: dict[str, str], primary: str | None = None) -> str:
    cols = []
    for name, dtype in dtypes.items():
        sql = f'"{name}" {_SQL_TYPES[dtype]}'
        if name == primary:
            sql += " PRIMARY KEY"
        cols.append(sql)
    return ", ".join(cols)


def _ddl() -> list[str]:
    runs = _columns(RUN_TABLE).replace('"run_id" INTEGER', '"run_id" INTEGER PRIMARY KEY')
    return [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
        f"CREATE TABLE IF NOT EXISTS documents ({_columns(DOCUMENT_DTYPES, 'doc_id')})",
        # no index on figure_id/fact_id: a random-key B-tree would double the insert and
        # rebuild time; figure ids are unique by construction (see Store._add_document)
        f"CREATE TABLE IF NOT EXISTS mentions ({_columns(MENTION_DTYPES)})",
        "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id)",
        f"CREATE TABLE IF NOT EXISTS facts ({_columns(FACT_DTYPES, 'fact_id')})",
        f"CREATE TABLE IF NOT EXISTS errors ({_columns(ERROR_TABLE)})",
        "CREATE INDEX IF NOT EXISTS errors_key ON errors (source, line)",
        f"CREATE TABLE IF NOT EXISTS runs ({runs})",
    ]


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


def _has_index(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone() is not None


def ensure_schema(conn: sqlite3.Connection, where: str) -> None:
    """Create the tables in a new store; refuse a store written by a newer aid-ledger."""
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
    if version == SCHEMA_VERSION and _has_index(conn, "errors_key"):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _ddl():
            conn.execute(statement)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('facts_stale', '0')")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
