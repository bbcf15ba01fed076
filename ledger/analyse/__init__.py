"""Analyse stage: arithmetic over the store's frames — totals, package series, and the
reconciliation of claimed cumulative totals with the packages (and a reference series) behind them.

Nothing here writes a file; ``ledger.report`` writes what these functions compute.
"""
from __future__ import annotations

from ledger.analyse.aggregate import totals
from ledger.analyse.reconcile import reconcile
from ledger.analyse.reference import load_reference

__all__ = ["load_reference", "reconcile", "totals"]
