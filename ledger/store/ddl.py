"""The SQLite DDL of the store, made from the frame schemas of ``schema.py``.

Shaped for dashboards (Datasette, Metabase, Superset): every table has a primary key, the
references between tables are declared as foreign keys (aid-ledger writes them consistent in
each transaction; SQLite does not enforce them, so that rebuilding the facts stays one bulk
delete and insert), the columns people filter on are indexed, and views answer the common
questions (:data:`VIEWS`).
"""
from __future__ import annotations

import sqlite3

from ledger.analyse.months import MONTHS_DTYPES
from ledger.analyse.reconcile import RECONCILE_DTYPES
from ledger.analyse.reference import REFERENCE_DTYPES
from ledger.store.schema import (CORRECTION_DTYPES, DOCUMENT_DTYPES, ERROR_TABLE, FACT_DTYPES, MENTION_DTYPES,
                                 RUN_TABLE)

_SQL_TYPES = {"string": "TEXT", "Int64": "INTEGER", "Float64": "REAL", "datetime64[ns]": "TEXT"}

#: The link between facts and the documents that mention them.
FACT_DOCUMENT_TABLE: dict[str, str] = {"fact_id": "string", "doc_id": "string", "n_mentions": "Int64"}
#: The reference series kept in the store (``origin``: the file it was loaded from).
REFERENCE_TABLE: dict[str, str] = {**REFERENCE_DTYPES, "origin": "string"}


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
        "f.surface, f.qualifier, f.value, f.currency, f.value_usd, r.aid_type, r.window_start, r.window_end, "
        "r.corpus_sum, "
        "r.reference_sum, r.verdict, r.corpus_verdict, f.n_documents, f.sentence "
        "FROM facts AS f LEFT JOIN reconciliation AS r USING (fact_id) "
        "WHERE f.kind = 'money' AND f.role = 'cumulative' ORDER BY claim_date"),
    "documents_by_month": (
        "SELECT strftime('%Y-%m', published) AS month, count(*) AS documents, sum(n_figures) AS figures "
        "FROM documents GROUP BY month ORDER BY month"),
}


def ddl() -> list[str]:
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
        _table("corrections", _columns(CORRECTION_DTYPES),
               'PRIMARY KEY (doc_id, "start", "end", surface, field)'),
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


