"""``write_reports``: every report file, written as one set (a temporary folder, then moved)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ledger.analyse.aggregate import totals
from ledger.analyse.months import reconcile_months
from ledger.analyse.reconcile import reconcile
from ledger.report.atomic import atomic_set
from ledger.report.dashboard import write_dashboard
from ledger.report.describe import datapackage, datasette_metadata, write_json
from ledger.report.flat import write_csv, write_parquet
from ledger.report.rows import Rows, as_rows, parquet_rows
from ledger.report.sheet import SHEET_ROWS
from ledger.report.workbook import write_workbook

CSV_FILES = ("ledger.csv", "facts.csv", "errors.csv", "reconciliation.csv", "reconciliation_months.csv",
             "corrections.csv")
REPORT_FILES = ("ledger.xlsx", *CSV_FILES, "ledger.parquet", "facts.parquet", "datapackage.json",
                "dashboard.html")


def write_reports(mentions: pd.DataFrame | Rows, facts: pd.DataFrame | Rows, documents: pd.DataFrame,
                  errors: pd.DataFrame, out_dir: str | Path, *, reference: pd.DataFrame | None = None,
                  run_info: dict[str, str] | None = None, reconciliation: pd.DataFrame | None = None,
                  months: pd.DataFrame | None = None, store_tables: dict[str, list[str]] | None = None,
                  store_name: str = "ledger", analysed: pd.DataFrame | None = None,
                  max_rows: int = SHEET_ROWS, corrections: pd.DataFrame | None = None) -> list[Path]:
    """Write ``ledger.xlsx``, the CSV reports (mentions, facts, errors, the reconciliation of
    cumulative claims and per donor and month, the analysts' corrections with their ``status``:
    ``applied`` or ``stale`` when it found no figure), ``ledger.parquet`` (mentions), ``facts.parquet``
    ``datapackage.json`` and ``dashboard.html`` into ``out_dir`` (plus ``metadata.json`` for Datasette when
    ``store_tables`` names the store's tables and their columns); returns their paths.

    ``mentions`` and ``facts`` may be :class:`~ledger.report.rows.Rows` read a chunk at a time; then
    ``analysed`` holds the facts that totals, series and the reconciliation read. A workbook sheet
    holds at most ``max_rows`` rows. The files are written into a temporary folder and moved into
    place together (:func:`ledger.report.atomic.atomic_set`): a crash leaves the previous set.
    """
    mentions, facts = as_rows(mentions), as_rows(facts)
    analysed = analysed if analysed is not None else facts.head(len(facts))
    first = {"ledger.parquet": lambda p, m=mentions: write_parquet(m, p),
             "facts.parquet": lambda p, f=facts: write_parquet(f, p)}
    mentions, facts = _read_back("ledger.parquet", mentions, tmp := {}), _read_back("facts.parquet", facts, tmp)
    recon = reconciliation if reconciliation is not None else reconcile(analysed, reference)
    months, corrections = (months if months is not None else reconcile_months(analysed, reference),
                           corrections_report(corrections))
    csv_tables = dict(zip(CSV_FILES, (mentions, facts, errors, recon, months, corrections)))
    writers: dict[str, Callable[[Path], None]] = {
        "ledger.xlsx": lambda p: write_workbook(p, mentions=mentions, facts=facts, documents=documents,
                                                errors=errors, tables=totals(analysed), reconciliation=recon,
                                                run_info=run_info or {}, analysed=analysed, max_rows=max_rows,
                                                corrections=corrections),
        **{name: (lambda p, f=table: write_csv(f, p)) for name, table in csv_tables.items()},
        **first,
        "datapackage.json": lambda p: write_json(
            datapackage({n: as_rows(t).empty() for n, t in csv_tables.items()}), p),
        "dashboard.html": lambda p: write_dashboard(p, analysed, recon),
    }
    if store_tables:
        writers["metadata.json"] = lambda p: write_json(datasette_metadata(store_name, store_tables), p)
    return _write_set(Path(out_dir), writers, first=list(first), folder=tmp)


def _read_back(name: str, rows: Rows, folder: dict) -> Rows:
    """``rows`` read back from the Parquet report ``name`` once it is written (into ``folder["tmp"]``,
    first): the store is read once per table, whatever the number of files."""
    def read(size: int):
        yield from parquet_rows(folder["tmp"] / name).chunks(size)

    def read_column(column: str, size: int):
        yield from parquet_rows(folder["tmp"] / name).column(column, size)

    return Rows(rows.dtypes, rows.count, read, read_column)


def _write_set(out: Path, writers: dict[str, Callable[[Path], None]], *, first: list[str] = (),
               folder: dict | None = None) -> list[Path]:
    """Each writer's file (``first`` first), written into a temporary folder inside ``out`` (kept in
    ``folder["tmp"]``) and moved in as one set; returns their paths in the order of ``writers``."""
    out.mkdir(parents=True, exist_ok=True)
    with atomic_set(out) as tmp:
        (folder if folder is not None else {})["tmp"] = tmp
        for name in [*first, *(n for n in writers if n not in first)]:
            writers[name](tmp / name)
    return [out / name for name in writers]


def corrections_report(corrections: pd.DataFrame | None) -> pd.DataFrame:
    """The store's corrections with their ``status`` first: ``applied`` (``figure_id`` names the
    mention it applied to) or ``stale`` (it matched no figure when the facts were last built)."""
    from ledger.store.schema import CORRECTION_DTYPES, typed_frame

    frame = corrections if corrections is not None else typed_frame([], CORRECTION_DTYPES)
    status = frame["figure_id"].isna().map({True: "stale", False: "applied"})
    return frame.assign(status=status.astype("string"))[["status", *CORRECTION_DTYPES]]
