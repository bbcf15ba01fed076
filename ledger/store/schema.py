"""The SQLite schema of the store, generated from the typed frames of ``row.py``.

Shaped for dashboards (Datasette, Metabase, Superset): every table has a primary key, the
references between tables are declared as foreign keys (aid-ledger writes them consistent in
each transaction; SQLite does not enforce them, so that rebuilding the facts stays one bulk
delete and insert), the columns people filter on are indexed, and views answer the common
questions (:data:`VIEWS`).
"""
from __future__ import annotations

import sqlite3

from ledger.normalise.row import DOCUMENT_DTYPES, FACT_DTYPES, MENTION_DTYPES
from ledger.report.months import MONTHS_DTYPES
from ledger.report.reconcile import RECONCILE_DTYPES
from ledger.report.reference import REFERENCE_DTYPES

#: Bumped whenever the tables change; a store with a newer version is refused, an older one
#: is refused with the command that rebuilds it (version 1 identified documents by their path).
SCHEMA_VERSION = 2

_SQL_TYPES = {"string": "TEXT", "Int64": "INTEGER", "Float64": "REAL", "datetime64[ns]": "TEXT"}

#: Columns of the errors table (``run_time`` is when the error was last seen).
ERROR_TABLE: dict[str, str] = {"source": "string", "line": "Int64", "reason": "string",
                               "run_id": "Int64", "run_time": "datetime64[ns]"}
#: Columns of the runs table: one row per process that wrote to the store.
RUN_TABLE: dict[str, str] = {"run_id": "Int64", "started": "datetime64[ns]",
                             "finished": "datetime64[ns]", "version": "string",
                             "documents": "Int64", "skipped": "Int64", "errors": "Int64"}
#: The link between facts and the documents that mention them.
FACT_DOCUMENT_TABLE: dict[str, str] = {"fact_id": "string", "doc_id": "string", "n_mentions": "Int64"}
#: The reference series kept in the store (``origin``: the file it was loaded from).
REFERENCE_TABLE: dict[str, str] = {**REFERENCE_DTYPES, "origin": "string"}


class StoreError(Exception):
    """The store cannot be used: newer or older schema, not a store, unreadable, busy."""


def _columns(dtypes: dict[str, str], primary: str | None = None) -> list[str]:
    return [f'"{name}" {_SQL_TYPES[dtype]}' + (" PRIMARY KEY" if name == primary else "")
            for name, dtype in dtypes.items()]


def _table(name: str, columns: list[str], *constraints: str) -> str:
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(columns + list(constraints))})"


#: Views for dashboards: packages per donor and month, and every cumulative claim with its check.
VIEWS = {
    "packages_by_donor_month": (
        "SELECT donor, recipient, strftime('%Y-%m', coalesce(event_date, first_published)) AS month, "
        "count(*) AS packages, sum(value_usd) AS usd, sum(value_eur) AS eur, "
        "sum(n_documents) AS documents FROM facts WHERE kind = 'money' AND role = 'package' "
        "GROUP BY donor, recipient, month ORDER BY month, donor, recipient"),
    "cumulative_claims": (
        "SELECT f.fact_id, coalesce(f.event_date, f.first_published) AS claim_date, f.donor, f.recipient, "
        "f.surface, f.qualifier, f.value, f.currency, f.value_usd, r.baseline, r.corpus_sum, "
        "r.reference_sum, r.verdict, r.corpus_verdict, f.n_documents, f.sentence "
        "FROM facts AS f LEFT JOIN reconciliation AS r USING (fact_id) "
        "WHERE f.kind = 'money' AND f.role = 'cumulative' ORDER BY claim_date"),
    "documents_by_month": (
        "SELECT strftime('%Y-%m', published) AS month, count(*) AS documents, sum(n_figures) AS figures "
        "FROM documents GROUP BY month ORDER BY month"),
}


def _ddl() -> list[str]:
    runs = _columns(RUN_TABLE, "run_id")
    errors = ['"error_id" INTEGER PRIMARY KEY', *_columns(ERROR_TABLE)]
    mentions = ['"mention_id" INTEGER PRIMARY KEY', *_columns(MENTION_DTYPES)]
    recon = _columns(RECONCILE_DTYPES, "fact_id")
    return [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
        _table("documents", _columns(DOCUMENT_DTYPES, "doc_id")),
        # no index on figure_id/fact_id: a random-key B-tree would double the insert and
        # rebuild time; figure ids are unique by construction (see Store._add_document)
        _table("mentions", mentions, "FOREIGN KEY (doc_id) REFERENCES documents (doc_id)",
               "FOREIGN KEY (fact_id) REFERENCES facts (fact_id)"),
        "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id)",
        _table("facts", _columns(FACT_DTYPES, "fact_id")),
        *(f"CREATE INDEX IF NOT EXISTS facts_{c} ON facts ({c})" for c in ("donor", "recipient", "event_date", "role")),
        _table("fact_documents", _columns(FACT_DOCUMENT_TABLE), "PRIMARY KEY (fact_id, doc_id)",
               "FOREIGN KEY (fact_id) REFERENCES facts (fact_id)",
               "FOREIGN KEY (doc_id) REFERENCES documents (doc_id)") + " WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS fact_documents_doc ON fact_documents (doc_id)",
        _table("reference", ['"reference_id" INTEGER PRIMARY KEY', *_columns(REFERENCE_TABLE)]),
        "CREATE INDEX IF NOT EXISTS reference_donor_date ON reference (donor, date)",
        _table("reconciliation", recon, "FOREIGN KEY (fact_id) REFERENCES facts (fact_id)"),
        _table("reconciliation_months", _columns(MONTHS_DTYPES), "PRIMARY KEY (month, donor, recipient, currency)"),
        _table("runs", runs),
        _table("errors", errors, "FOREIGN KEY (run_id) REFERENCES runs (run_id)"),
        "CREATE INDEX IF NOT EXISTS errors_key ON errors (source, line)",
        *(f"CREATE VIEW IF NOT EXISTS {name} AS {sql}" for name, sql in VIEWS.items()),
    ]


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
    """Create the tables in a new store; refuse a store written by another schema version."""
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
    if version is not None and version < SCHEMA_VERSION:
        raise StoreError(f"{where} was written by an older aid-ledger (schema {version}, which identified "
                         f"documents by their path and cannot be converted): move it aside and build a "
                         f"new one from the same inputs: mv {where} {repr(path + '.old')} && "
                         f"aid-ledger run PATH... --db {where}")
    if version == SCHEMA_VERSION:
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
