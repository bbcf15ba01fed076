"""The ``ledger.xlsx`` workbook: Summary (with a native chart), Ledger, Mentions, Totals,
Items, Reconciliation, Sources, Errors and About."""
from __future__ import annotations

import datetime as _dt
import functools
import io
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.axis import DateAxis

from ledger import data
from ledger.analyse.aggregate import UNKNOWN
from ledger.report.bulk import BulkTable, fill_tables, plan_table
from ledger.report.sheet import (
    DATE_FORMAT,
    EUR_FORMAT,
    MAX_LINKS,
    MAX_ROWS,
    USD_FORMAT,
    SheetWriter,
    set_widths,
)

SHEETS = ("Summary", "Ledger", "Mentions", "Totals", "Items", "Reconciliation", "Sources", "Errors", "About")
SUMMING_RULES = (
    "Money totals add up package facts only (cumulative claims, components and budgets would count "
    "the same money twice; the 'by role' block shows every role). Ranges and vague amounts are never "
    "added: they are counted in n_not_summed. Amounts without an ECB conversion are counted in "
    "n_unconverted and are missing from the US$/EUR sums. Items adds point counts of package and "
    "component facts.")


def write_workbook(path: Path, *, mentions: pd.DataFrame, facts: pd.DataFrame, documents: pd.DataFrame,
                   errors: pd.DataFrame, tables: dict[str, pd.DataFrame], reconciliation: pd.DataFrame,
                   run_info: dict[str, str], fast: bool = True) -> None:
    """Write the whole workbook to ``path`` (the caller makes the write atomic).

    ``fast`` (the default) lets openpyxl write the table sheets' headers and structure only and
    appends their rows afterwards (``bulk.py``); ``fast=False`` writes every cell through openpyxl
    (same content, kept to compare the two in tests and benchmarks).
    """
    wb = Workbook(write_only=True)
    _summary(wb.create_sheet("Summary"), mentions, facts, documents, errors, tables, reconciliation)
    sheets = (("Ledger", facts, "urls"), ("Mentions", mentions, "url"), ("Totals", tables["year_pivot"], None),
              ("Items", tables["items"], None), ("Reconciliation", reconciliation, None),
              ("Sources", documents, "url"), ("Errors", errors, None))
    plans = [_table_sheet(wb.create_sheet(name), df, name, link=link, fast=fast,
                          wrap=("reason",) if name == "Errors" else ("sentence",)) for name, df, link in sheets]
    truncated = {n: len(df) for n, df in (("Ledger", facts), ("Mentions", mentions)) if len(df) > MAX_ROWS}
    unlinked = {p.ws.title: p.links_dropped for p in plans if p is not None and p.links_dropped}
    _about(wb.create_sheet("About"), run_info, truncated, unlinked)
    if not fast:
        wb.save(path)
        return
    book = io.BytesIO()
    wb.save(book)
    fill_tables(book, path, [p for p in plans if p is not None])


def _table_sheet(ws, df: pd.DataFrame, name: str, *, link: str | None = None,
                 wrap: tuple[str, ...] = ("sentence",), fast: bool = True) -> BulkTable | None:
    set_widths(ws, df, wide=wrap)
    ws.freeze_panes = "A2"
    if fast and len(df):
        return plan_table(ws, df, name, link=link, wrap=wrap)
    SheetWriter(ws).write_frame(df, table=name, link=link, wrap=wrap)
    return None


def _summary(ws, mentions, facts, documents, errors, tables, reconciliation) -> None:
    ws.column_dimensions["A"].width = 34
    for col in "BCDEFG":
        ws.column_dimensions[col].width = 18
    w = SheetWriter(ws)
    w.append([w.text_cell("aid-ledger: summary", bold=True)])
    by_role = tables["role"].set_index("role")
    pk = by_role.loc["package"] if "package" in by_role.index else None
    headline = [
        ("documents", len(documents)), ("mentions (figures found)", len(mentions)),
        ("facts (after merging mentions)", len(facts)),
        ("package facts", None if pk is None else int(pk["n_facts"])),
        ("packages, US$ (point amounts)", None if pk is None else _num(pk["usd"])),
        ("packages, EUR (point amounts)", None if pk is None else _num(pk["eur"])),
        ("cumulative claims reconciled", len(reconciliation)),
        ("inputs that failed", len(errors)),
    ]
    for label, value in headline:
        w.append([w.text_cell(label), _money_cell(ws, value, label)])
    w.append([w.text_cell("Money totals add up package facts only; see About.")])
    for key, title in (("donor", "Packages by donor"), ("recipient", "Packages by recipient"),
                       ("currency", "Packages by currency"), ("role", "Money by role (not additive)"),
                       ("month", "Packages by month")):
        w.blank()
        w.append([w.text_cell(title, bold=True)])
        w.write_frame(tables[key].head(50))
    _cumulative_chart(ws, w, tables["packages"])


def _cumulative_chart(ws, w: SheetWriter, packages: pd.DataFrame) -> None:
    """Data block of cumulative US$ per day and a native line chart of it beside the blocks."""
    daily = packages.groupby("date", sort=True)["cumulative_usd"].last().reset_index()
    w.blank()
    w.append([w.text_cell("Cumulative US$ of packages over time (chart data)", bold=True)])
    first, last = w.write_frame(daily)
    if daily.empty:
        return
    chart = LineChart()
    chart.title = "Cumulative US$ of packages"
    chart.y_axis.title = "US$"
    chart.y_axis.number_format = USD_FORMAT
    chart.x_axis = DateAxis(crossAx=100)
    chart.x_axis.number_format = DATE_FORMAT
    chart.x_axis.majorTimeUnit = "months"
    chart.x_axis.title = "date"
    chart.add_data(Reference(ws, min_col=2, min_row=first, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=last))
    chart.width, chart.height = 22, 11
    ws.add_chart(chart, "I2")


def _money_cell(ws, value, label: str):
    if value is None or ("US$" not in label and "EUR" not in label):
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = USD_FORMAT if "US$" in label else EUR_FORMAT
    return cell


def _num(x) -> float | None:
    return None if pd.isna(x) else float(x)


@functools.lru_cache(maxsize=1)
def column_meanings() -> tuple[tuple[str, str], ...]:
    return tuple((c, m) for c, m in data.rows("report/columns.tsv"))


def _about(ws, run_info: dict[str, str], truncated: dict[str, int], unlinked: dict[str, int]) -> None:
    from ledger.version import __version__

    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 110
    w = SheetWriter(ws)
    w.append([w.text_cell("About this workbook", bold=True)])
    info = {"version": __version__, "written": _dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
            **{k: str(v) for k, v in (run_info or {}).items()}}
    for key, value in info.items():
        w.append([w.text_cell(key), w.text_cell(value)])
    w.append([w.text_cell("totals"), w.text_cell(SUMMING_RULES)])
    w.append([w.text_cell("unknown"), w.text_cell(f"{UNKNOWN} groups facts whose donor, recipient or item "
                                                  "is not known")])
    for sheet, n in truncated.items():
        w.append([w.text_cell("truncated"), w.text_cell(f"{sheet} holds the first {MAX_ROWS:,} of {n:,} rows "
                                                        "(Excel's limit); the CSV and Parquet files hold all")])
    for sheet, n in unlinked.items():
        w.append([w.text_cell("hyperlinks"), w.text_cell(f"{sheet}: the first {MAX_LINKS:,} http(s) URLs are "
                                                         f"links (Excel's limit per sheet); {n:,} more stay "
                                                         "plain text")])
    w.blank()
    w.append([w.text_cell("column", bold=True), w.text_cell("meaning", bold=True)])
    for column, meaning in column_meanings():
        w.append([w.text_cell(column), w.text_cell(meaning)])
