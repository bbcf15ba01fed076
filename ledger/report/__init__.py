"""Report stage: totals, reconciliation of cumulative claims, and the report files."""
from __future__ import annotations

from ledger.report.aggregate import totals
from ledger.report.reconcile import reconcile
from ledger.report.reference import load_reference
from ledger.report.safe import safe_text
from ledger.report.write import REPORT_FILES, write_reports

__all__ = ["totals", "reconcile", "load_reference", "write_reports", "safe_text", "REPORT_FILES"]
