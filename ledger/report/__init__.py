"""Report stage: the report files (workbook, CSV, Parquet) written from the store and the analyses."""
from __future__ import annotations

from ledger.report.safe import safe_text
from ledger.report.write import REPORT_FILES, write_reports

__all__ = ["REPORT_FILES", "safe_text", "write_reports"]
