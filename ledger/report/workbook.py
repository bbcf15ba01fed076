"""The ``ledger.xlsx`` workbook: Summary (headline and native charts), Ledger, Mentions, Totals,
Items, Reconciliation, Claims, Sources, Errors and About; every sheet print-ready (``printing.py``)."""
from __future__ import annotations

import datetime as _dt
import functools
import io
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from ledger import data
from ledger.analyse.aggregate import UNKNOWN
from ledger.analyse.overview import package_points
from ledger.report.bulk import BulkTable, fill_tables, plan_table
from ledger.report.grid import WRAP
from ledger.report.printing import print_ready, row_points
from ledger.report.reconciliation import write_reconciliation
from ledger.report.sheet import MAX_LINKS, MAX_ROWS, SheetWriter, set_widths
from ledger.report.summary import write_summary

SHEETS = ("Summary", "Ledger", "Mentions", "Totals", "Items", "Reconciliation", "Claims", "Sources", "Errors",
          "Corrections", "About")
#: Columns of long text: they wrap, in rows tall enough (lists of sources and links too, which would
#: otherwise run under the next column when printed).
LONG_TEXT = ("sentence", "items", "doc_ids", "sources", "urls", "title", "why")
SUMMING_RULES = (
    "Money totals add up package facts only (cumulative claims, components and budgets would count "
    "the same money twice; the 'by role' block shows every role). Ranges and vague amounts are never "
    "added: they are counted in n_not_summed. Amounts without an ECB conversion are counted in "
    "n_unconverted and are missing from the US$/EUR sums. Items adds point counts of package and "
    "component facts that name equipment, grouped by system and category.")


def write_workbook(path: Path, *, mentions: pd.DataFrame, facts: pd.DataFrame, documents: pd.DataFrame,
                   errors: pd.DataFrame, tables: dict[str, pd.DataFrame], reconciliation: pd.DataFrame,
                   run_info: dict[str, str], fast: bool = True, corrections: pd.DataFrame | None = None) -> None:
    """Write the whole workbook to ``path`` (the caller makes the write atomic).

    ``fast`` (the default) lets openpyxl write the table sheets' headers and structure only and
    appends their rows afterwards (``bulk.py``); ``fast=False`` writes every cell through openpyxl
    (same content, kept to compare the two in tests and benchmarks).
    """
    wb = Workbook(write_only=True)
    counts = {"documents": len(documents), "mentions": len(mentions), "facts": len(facts), "errors": len(errors)}
    note = f"inputs: {run_info.get('inputs') or '-'} · written {_dt.datetime.now():%Y-%m-%d %H:%M}"
    write_summary(wb.create_sheet("Summary"), counts=counts, tables=tables, reconciliation=reconciliation,
                  points=package_points(facts), note=note)
    plans = [_table_sheet(wb.create_sheet(name), df, name, link=link, fast=fast, wrap=LONG_TEXT)
             for name, df, link in (("Ledger", facts, "urls"), ("Mentions", mentions, "url"),
                                    ("Totals", tables["year_pivot"], None), ("Items", tables["items"], None))]
    write_reconciliation(wb.create_sheet("Reconciliation"), reconciliation)
    plans += [_table_sheet(wb.create_sheet(name), df, name, link=link, fast=fast,
                           wrap=("reason",) if name == "Errors" else LONG_TEXT)
              for name, df, link in (("Claims", reconciliation, None), ("Sources", documents, "url"),
                                     ("Errors", errors, None), ("Corrections", _corrections(corrections), None))]
    truncated = {n: len(df) for n, df in (("Ledger", facts), ("Mentions", mentions)) if len(df) > MAX_ROWS}
    unlinked = {p.ws.title: p.links_dropped for p in plans if p is not None and p.links_dropped}
    not_items = tables["items"].attrs.get("n_not_equipment", 0)
    _about(wb.create_sheet("About"), run_info, truncated, unlinked, not_items)
    if not fast:
        wb.save(path)
        return
    book = io.BytesIO()
    wb.save(book)
    fill_tables(book, path, [p for p in plans if p is not None])


def _corrections(corrections: pd.DataFrame | None) -> pd.DataFrame:
    from ledger.report.write import corrections_report

    return corrections if corrections is not None else corrections_report(None)


def _table_sheet(ws, df: pd.DataFrame, name: str, *, link: str | None = None,
                 wrap: tuple[str, ...] = LONG_TEXT, fast: bool = True) -> BulkTable | None:
    set_widths(ws, df, wide=wrap)
    ws.freeze_panes = "A2"
    print_ready(ws)
    if fast and len(df):
        return plan_table(ws, df, name, link=link, wrap=wrap)
    SheetWriter(ws).write_frame(df, table=name, link=link, wrap=wrap)
    return None


@functools.lru_cache(maxsize=1)
def column_meanings() -> tuple[tuple[str, str], ...]:
    return tuple((c, m) for c, m in data.rows("report/columns.tsv"))


def _about(ws, run_info: dict[str, str], truncated: dict[str, int], unlinked: dict[str, int],
           not_items: int) -> None:
    from ledger.version import __version__

    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 110
    print_ready(ws, title_rows=None, fit_height=2)
    w = SheetWriter(ws)
    w.append([w.text_cell("About this workbook", bold=True)])
    info = {"version": __version__, "written": _dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
            **{k: str(v) for k, v in (run_info or {}).items()}}
    for key, value in info.items():
        w.append([w.text_cell(key), w.text_cell(value)])
    _about_line(w, "totals", SUMMING_RULES)
    w.append([w.text_cell("unknown"), w.text_cell(f"{UNKNOWN} groups facts whose donor, recipient or item "
                                                  "is not known")])
    for sheet, n in truncated.items():
        w.append([w.text_cell("truncated"), w.text_cell(f"{sheet} holds the first {MAX_ROWS:,} of {n:,} rows "
                                                        "(Excel's limit); the CSV and Parquet files hold all")])
    for sheet, n in unlinked.items():
        w.append([w.text_cell("hyperlinks"), w.text_cell(f"{sheet}: the first {MAX_LINKS:,} http(s) URLs are "
                                                         f"links (Excel's limit per sheet); {n:,} more stay "
                                                         "plain text")])
    if not_items:
        w.append([w.text_cell("items"), w.text_cell(f"{not_items:,} counts of packages name no equipment "
                                                    "(people, questions, doses ...): not in Items")])
    w.blank()
    w.append([w.text_cell("sheet", bold=True), w.text_cell("what it answers", bold=True)])
    for sheet, question in data.rows("report/sheets.tsv"):
        _about_line(w, sheet, question)
    w.blank()
    w.append([w.text_cell("column", bold=True), w.text_cell("meaning", bold=True)])
    for column, meaning in column_meanings():
        _about_line(w, column, meaning)


def _about_line(w: SheetWriter, key: str, text: str) -> None:
    """One line of About; long text wraps in a row tall enough for it."""
    cell = w.text_cell(text)
    height = row_points([text], [110])
    if height:
        cell.alignment = WRAP
        w.ws.row_dimensions[w.rows + 1].height = height
    w.append([w.text_cell(key), cell])
