"""Migrations of older stores, run inside :func:`ledger.store.schema.ensure_schema`'s transaction.

Each step takes a store from one schema version to the next without losing anything it holds;
``ddl()`` then creates whatever tables, indexes and views the step did not (they are all
``IF NOT EXISTS``). Stores older than :data:`ledger.store.schema.MIGRATES_FROM` are refused with
the command that rebuilds them.
"""
from __future__ import annotations

import sqlite3


def _to_5(conn: sqlite3.Connection) -> None:
    """5: mentions and facts get ``corrected`` (empty: nothing corrected yet); ``ddl()`` adds the
    ``corrections`` table."""
    for table in ("mentions", "facts"):
        conn.execute(f'ALTER TABLE {table} ADD COLUMN "corrected" TEXT')


#: version → the step that takes a store of that version to the next one.
STEPS = {4: _to_5}


def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Bring a store of schema ``version`` to the current one (in the caller's transaction)."""
    from ledger.store.schema import SCHEMA_VERSION

    for step in range(version, SCHEMA_VERSION):
        STEPS[step](conn)
