"""Store: the ledger in SQLite (documents, mentions, facts, errors, runs) and de-duplication."""
from __future__ import annotations

from ledger.store.dedup import AID_ROLES, DATE_WINDOW_DAYS, build_facts, fact_id_of
from ledger.store.schema import SCHEMA_VERSION, StoreError
from ledger.store.sqlite import Store

__all__ = ["AID_ROLES", "DATE_WINDOW_DAYS", "SCHEMA_VERSION", "Store", "StoreError", "build_facts",
           "fact_id_of"]
