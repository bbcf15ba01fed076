"""``write_reports``: every report file, each written to a temporary file and renamed."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ledger.analyse.aggregate import totals
from ledger.analyse.reconcile import reconcile
from ledger.report.atomic import atomic_path
from ledger.report.flat import write_csv, write_parquet
from ledger.report.workbook import write_workbook

REPORT_FILES = ("ledger.xlsx", "ledger.csv", "facts.csv", "errors.csv", "ledger.parquet")


def write_reports(mentions: pd.DataFrame, facts: pd.DataFrame, documents: pd.DataFrame, errors: pd.DataFrame,
                  out_dir: str | Path, *, reference: pd.DataFrame | None = None,
                  run_info: dict[str, str] | None = None) -> list[Path]:
    """Write ``ledger.xlsx``, ``ledger.csv`` (mentions), ``facts.csv``, ``errors.csv`` and
    ``ledger.parquet`` (mentions) into ``out_dir``; returns their paths.

    Each file is written to a temporary file beside it and atomically renamed, so a crash
    leaves either the previous file or the new one, never half a file.
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
    paths = []
    for name in REPORT_FILES:
        with atomic_path(out / name) as tmp:
            writers[name](tmp)
        paths.append(out / name)
    return paths
