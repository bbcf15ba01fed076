"""``write_reports``: every report file, written as one set (a temporary folder, then moved)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ledger.report.aggregate import totals
from ledger.report.atomic import atomic_set
from ledger.report.flat import write_csv, write_parquet
from ledger.report.reconcile import reconcile
from ledger.report.workbook import write_workbook

REPORT_FILES = ("ledger.xlsx", "ledger.csv", "facts.csv", "errors.csv", "ledger.parquet")


def write_reports(mentions: pd.DataFrame, facts: pd.DataFrame, documents: pd.DataFrame, errors: pd.DataFrame,
                  out_dir: str | Path, *, reference: pd.DataFrame | None = None,
                  run_info: dict[str, str] | None = None) -> list[Path]:
    """Write ``ledger.xlsx``, ``ledger.csv`` (mentions), ``facts.csv``, ``errors.csv`` and
    ``ledger.parquet`` (mentions) into ``out_dir``; returns their paths.

    The files are written into a temporary folder inside ``out_dir`` and moved into place
    together (:func:`ledger.report.atomic.atomic_set`): a crash while writing leaves the previous
    set untouched, never half a file or a mix of two runs.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = totals(facts)
    recon = reconcile(facts, reference)
    writers: dict[str, Callable[[Path], None]] = {
        "ledger.xlsx": lambda p: write_workbook(p, mentions=mentions, facts=facts, documents=documents,
                                                errors=errors, tables=tables, reconciliation=recon,
                                                run_info=run_info or {}),
        "ledger.csv": lambda p: write_csv(mentions, p),
        "facts.csv": lambda p: write_csv(facts, p),
        "errors.csv": lambda p: write_csv(errors, p),
        "ledger.parquet": lambda p: write_parquet(mentions, p),
    }
    with atomic_set(out) as tmp:
        for name in REPORT_FILES:
            writers[name](tmp / name)
    return [out / name for name in REPORT_FILES]
