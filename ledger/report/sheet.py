"""Writing a typed DataFrame into a write-only openpyxl worksheet as an Excel table.

Text cells are always written as text (never formulas, never error codes); text that a
spreadsheet could read as a formula also gets Excel's quote prefix. Numbers and dates
keep their types with per-column number formats; URLs become hyperlinks only for http(s).
"""
from __future__ import annotations

import warnings
from copy import copy

import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from ledger.report.printing import row_points
from ledger.report.safe import ILLEGAL_XML, MAX_CELL_CHARS, http_url, is_risky, xlsx_text

#: The most rows one sheet can hold (Excel's limit, the header included).
EXCEL_ROWS = 1_048_576
#: The most data rows one sheet can hold (Excel: 1,048,576 rows including the header).
MAX_ROWS = EXCEL_ROWS - 1
#: The data rows a table sheet of ``ledger.xlsx`` holds at most by default (``--sheet-rows``): past
#: that a sheet is capped and says where every row is. Four sheets of 250,000 rows make a
#: workbook of ~120 MB that Excel and LibreOffice open in a minute or two; a million rows a sheet
#: would take many minutes and gigabytes of memory (the CSV and Parquet files hold every row).
SHEET_ROWS = 250_000
#: The most hyperlinks one sheet can hold (Excel: 65,530 URLs per worksheet); later cells stay plain text.
MAX_LINKS = 65_530
DATE_FORMAT = "yyyy-mm-dd"
USD_FORMAT = '"$"#,##0'
EUR_FORMAT = '"€"#,##0'
NUMBER_FORMAT = "#,##0"
_HEADER_FONT = Font(bold=True)
_LINK_FONT = Font(color="0563C1", underline="single")
_WRAP = Alignment(wrap_text=True, vertical="top")
_RIGHT = Alignment(horizontal="right")


def number_format(column: str, dtype) -> str | None:
    """The number format a column gets from its name and dtype."""
    if str(dtype).startswith("datetime64"):
        return DATE_FORMAT
    if column in ("value_usd", "usd", "total", "corpus_sum", "reference_sum", "corpus_diff", "reference_diff",
                  "cumulative_usd", "cumulative_pair_usd") or column.endswith("_usd") or column.isdigit():
        return USD_FORMAT
    if column in ("value_eur", "eur") or column.endswith("_eur"):
        return EUR_FORMAT
    if column == "fx_rate":
        return "0.000000"
    if column.endswith("_ratio"):
        return "0.000"
    if str(dtype) in ("Float64", "float64"):
        return "#,##0.##" if column in ("count",) else NUMBER_FORMAT
    if str(dtype) in ("Int64", "int64"):
        return "0" if column in ("start", "end", "line") else NUMBER_FORMAT
    return None


def column_values(series: pd.Series) -> list:
    """Python values of a typed column: None for missing, datetimes for dates."""
    if str(series.dtype).startswith("datetime64"):
        return [None if pd.isna(x) else x.to_pydatetime() for x in series]
    if str(series.dtype) in ("Int64", "int64"):
        return [None if x is None else int(x) for x in series.to_numpy(object, na_value=None)]
    if str(series.dtype) in ("Float64", "float64"):
        return [None if x is None or x != x else float(x) for x in series.to_numpy(object, na_value=None)]
    return [None if x is None or x is pd.NA or x != x else str(x)
            for x in series.astype("string").to_numpy(object, na_value=None)]


class SheetWriter:
    """Appends rows to a write-only worksheet, with per-column template styles."""

    def __init__(self, ws):
        self.ws = ws
        self.rows = 0
        self.links = 0

    def text_cell(self, text: str, *, bold: bool = False):
        cell = WriteOnlyCell(self.ws)
        text = xlsx_text(text)
        cell.value = text
        cell.data_type = "s"  # never a formula or an error code, whatever the text
        if is_risky(text):
            cell.quotePrefix = True
        if bold:
            cell.font = _HEADER_FONT
        return cell

    def header_cells(self, df: pd.DataFrame) -> list:
        """Bold header cells; a number or date column's header is right-aligned like its values."""
        cells = []
        for c in df.columns:
            cell = self.text_cell(str(c), bold=True)
            if number_format(str(c), df[c].dtype) is not None:
                cell.alignment = _RIGHT
            cells.append(cell)
        return cells

    def append(self, values: list) -> None:
        self.ws.append(values)
        self.rows += 1

    def blank(self) -> None:
        self.append([])

    def write_frame(self, df: pd.DataFrame, *, table: str | None = None, link: str | None = None,
                    wrap: tuple[str, ...] = ("sentence",), header: bool = True) -> tuple[int, int]:
        """Write ``df`` (header then rows) at the next row; returns (first row, last row)."""
        first = self.rows + 1
        cols = list(df.columns)
        if header:
            self.append(self.header_cells(df))
        templates = [self.template_cell(c, df[c].dtype, wrap) for c in cols]
        link_at = cols.index(link) if link in cols else -1
        values = [column_values(df[c]) for c in cols]
        wrapped = [(j, self.ws.column_dimensions[get_column_letter(j + 1)].width or 10.0)
                   for j, c in enumerate(cols) if c in wrap]
        n = min(len(df), MAX_ROWS - self.rows)
        for i in range(n):
            height = row_points([values[j][i] for j, _ in wrapped], [w for _, w in wrapped])
            if height:
                self.ws.row_dimensions[self.rows + 1].height = height
            self.append([self.cell(values[j][i], templates[j], j == link_at) for j in range(len(cols))])
        if n == 0 and table:
            self.append([None] * len(cols))
        last = self.rows
        if table:
            add_table(self.ws, table, cols, first, last)
        return first, last

    def template_cell(self, column: str, dtype, wrap: tuple[str, ...]):
        """The styled cell a column's values copy (number format, wrapping), or None."""
        fmt = number_format(column, dtype)
        if fmt is None and column not in wrap:
            return None
        cell = WriteOnlyCell(self.ws)
        if fmt:
            cell.number_format = fmt
        if column in wrap:
            cell.alignment = _WRAP
        return cell

    def cell(self, value, template, is_link: bool):
        """What to append for ``value``: None, a plain value or a styled cell."""
        if value is None:
            return None
        if isinstance(value, str):
            if template is None and not is_link and _plain_text(value):
                return value  # openpyxl infers a plain string: the cheap path for most cells
            cell = self.text_cell(value)
            if template is not None:
                cell.alignment = copy(template.alignment)
            url = http_url(value) if is_link and self.links < MAX_LINKS else None
            if url:
                self.links += 1
                cell.hyperlink = url
                cell.font = _LINK_FONT
            return cell
        if template is None:
            return value
        cell = WriteOnlyCell(self.ws, value=value)
        cell._style = template._style  # shared, never mutated: only its index is written
        return cell


def add_table(ws, name: str, columns: list, first: int, last: int) -> None:
    """An Excel table (with filter buttons) over rows ``first``..``last`` of ``columns``."""
    ref = f"A{first}:{get_column_letter(max(len(columns), 1))}{last}"
    tab = Table(displayName=name, ref=ref)
    tab.tableColumns = [TableColumn(id=i, name=str(c)) for i, c in enumerate(columns, 1)]
    tab.autoFilter = AutoFilter(ref=ref)
    tab.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    with warnings.catch_warnings():  # openpyxl always warns in write-only mode; columns are set
        warnings.simplefilter("ignore", UserWarning)
        ws.add_table(tab)


def _plain_text(text: str) -> bool:
    """Text openpyxl writes as a plain string as it is (no formula, error code or bad character)."""
    return not (is_risky(text) or text.startswith("#") or len(text) > MAX_CELL_CHARS
                or ILLEGAL_XML.search(text))


def set_widths(ws, df: pd.DataFrame, *, sample: int = 200, wide: tuple[str, ...] = ("sentence",)) -> None:
    """Column widths from the header and the first rows' text (a wrapped sentence gets 60, other
    wrapped text at most 36: it wraps instead of widening the printed page)."""
    for j, col in enumerate(df.columns, 1):
        kind = str(df[col].dtype)
        if col == "sentence" and col in wide:
            width = 60
        elif col in wide:
            lengths = df[col].head(sample).astype("string").str.len().dropna().tolist()
            width = min(max([len(str(col))] + [int(n) for n in lengths]) + 2, 36)
        elif kind.startswith("datetime64"):
            width = max(_header_width(col), 12)
        elif kind in ("Float64", "float64"):
            width = max(_header_width(col), 16)
        else:
            lengths = df[col].head(sample).astype("string").str.len().dropna().tolist()
            width = min(max([_header_width(col)] + [int(n) + 2 for n in lengths]), 60)
        ws.column_dimensions[get_column_letter(j)].width = width


def _header_width(column) -> int:
    """Width for a bold header: a quarter wider than its letters (bold and substitute fonts are wider)."""
    return int(len(str(column)) * 1.25) + 2
