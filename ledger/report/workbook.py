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
from ledger.report.rows import Rows, as_rows
from ledger.report.sheet import EXCEL_ROWS, MAX_LINKS, SHEET_ROWS, SheetWriter, set_widths
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


def write_workbook(path: Path, *, mentions: pd.DataFrame | Rows, facts: pd.DataFrame | Rows,
                   documents: pd.DataFrame, errors: pd.DataFrame, tables: dict[str, pd.DataFrame],
                   reconciliation: pd.DataFrame, run_info: dict[str, str], fast: bool = True,
                   analysed: pd.DataFrame | None = None, max_rows: int = SHEET_ROWS,
                   corrections: pd.DataFrame | None = None) -> None:
    """Write the whole workbook to ``path`` (the caller makes the write atomic).

    ``mentions`` and ``facts`` may be frames or :class:`~ledger.report.rows.Rows` read a chunk at
    a time; ``analysed`` holds the facts the Summary draws (default: ``facts``, a frame). A table
    sheet holds at most ``max_rows`` rows (``SHEET_ROWS``, at most Excel's limit): a capped sheet
    says above its header, and About says, how many rows it holds and where every row is.
    ``fast`` (the default) lets openpyxl write the table sheets' headers and structure only and
    appends their rows afterwards (``bulk.py``); ``fast=False`` writes every cell through openpyxl
    (same content, kept to compare the two in tests and benchmarks).
    """
    wb = Workbook(write_only=True)
    mentions, facts = as_rows(mentions), as_rows(facts)
    max_rows = min(max_rows, EXCEL_ROWS - 2)  # a capped sheet: a note, the header, then its rows
    counts = {"documents": len(documents), "mentions": len(mentions), "facts": len(facts), "errors": len(errors)}
    note = f"inputs: {run_info.get('inputs') or '-'} · written {_dt.datetime.now():%Y-%m-%d %H:%M}"
    write_summary(wb.create_sheet("Summary"), counts=counts, tables=tables, reconciliation=reconciliation,
                  points=package_points(analysed if analysed is not None else facts.head(len(facts))), note=note)
    sheets = [("Ledger", facts, "urls"), ("Mentions", mentions, "url"), ("Totals", tables["year_pivot"], None),
              ("Items", tables["items"], None), ("Reconciliation", None, None), ("Claims", reconciliation, None),
              ("Sources", documents, "url"), ("Errors", errors, None), ("Corrections", _corrections(corrections), None)]
    plans = [_table_sheet(wb.create_sheet(name), as_rows(table), name, link=link, fast=fast, max_rows=max_rows,
                          wrap=("reason",) if name == "Errors" else LONG_TEXT) if table is not None
             else write_reconciliation(wb.create_sheet(name), reconciliation) for name, table, link in sheets]
    truncated = {name: (max_rows, len(table)) for name, table, _ in sheets
                 if table is not None and len(table) > max_rows}
    unlinked = {p.ws.title: p.links_dropped for p in plans if p is not None and p.links_dropped}
    _about(wb.create_sheet("About"), run_info, truncated, unlinked, tables["items"].attrs.get("n_not_equipment", 0))
    if not fast:
        wb.save(path)
        return
    book = io.BytesIO()
    wb.save(book)
    fill_tables(book, path, [p for p in plans if p is not None])


def _corrections(corrections: pd.DataFrame | None) -> pd.DataFrame:
    from ledger.report.write import corrections_report

    return corrections if corrections is not None else corrections_report(None)


def capped_note(sheet: str, shown: int, total: int) -> str:
    """What a capped sheet says above its header (and About says of it)."""
    return (f"{sheet} holds the first {shown:,} of {total:,} rows (a workbook stays a size people can open); "
            f"every row is in {dict(data.rows('report/every_row.tsv'))[sheet]}")


def _table_sheet(ws, rows: Rows, name: str, *, link: str | None = None, wrap: tuple[str, ...] = LONG_TEXT,
                 fast: bool = True, max_rows: int = SHEET_ROWS) -> BulkTable | None:
    note = capped_note(name, max_rows, len(rows)) if len(rows) > max_rows else None
    set_widths(ws, rows.head(200), wide=wrap)
    ws.freeze_panes = "A3" if note else "A2"
    print_ready(ws, title_rows="2:2" if note else "1:1")
    if fast and len(rows):
        return plan_table(ws, rows, name, link=link, wrap=wrap, max_rows=max_rows, note=note)
    w = SheetWriter(ws)
    if note:
        w.append([w.text_cell(note, bold=True)])
    w.write_frame(rows.head(max_rows), table=name, link=link, wrap=wrap)
    return None


@functools.lru_cache(maxsize=1)
def column_meanings() -> tuple[tuple[str, str], ...]:
    return tuple((c, m) for c, m in data.rows("report/columns.tsv"))


def _about(ws, run_info: dict[str, str], truncated: dict[str, tuple[int, int]], unlinked: dict[str, int],
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
    for sheet, (shown, total) in truncated.items():
        _about_line(w, "truncated", capped_note(sheet, shown, total))
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
