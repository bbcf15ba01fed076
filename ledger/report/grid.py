"""A small grid of styled cells written row by row into a write-only sheet.

Write-only sheets take whole rows in order; the Summary and Reconciliation sheets place blocks side
by side (a table on the left, another on the right, chart data beyond the print area), so their
cells are collected here first and written once.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from ledger.report.printing import row_points
from ledger.report.safe import is_risky, xlsx_text

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
NOTE = Font(italic=True, color="595959")
WRAP = Alignment(wrap_text=True, vertical="top")
RIGHT = Alignment(horizontal="right")
#: Amounts shown in millions, billions or trillions with their currency ("US$ 13.3 bn", "€ 250.0 m",
#: "US$ 0.3 m"): a number format has at most two conditions, so amounts under a million show in millions.
_SHORT = '[>=1000000000000]{c}#,##0.0,,,," tn";[>=1000000000]{c}#,##0.0,,," bn";{c}#,##0.0,," m"'
USD_SHORT = _SHORT.format(c='"US$ "')
EUR_SHORT = _SHORT.format(c='"€ "')
PLAIN_SHORT = _SHORT.format(c="")
COUNT = "#,##0"
MILLIONS = "#,##0.0"


@dataclass
class Grid:
    """Cells by (row, column), both 1-based; ``wrap`` marks cells whose text wraps."""

    ws: object
    cells: dict[tuple[int, int], tuple] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)

    def put(self, row: int, col: int, value, *, fmt: str | None = None, font: Font | None = None,
            wrap: bool = False, right: bool = False) -> None:
        self.cells[(row, col)] = (value, fmt, font, wrap, right)

    def text(self, row: int, col: int, text: str, **kw) -> None:
        self.put(row, col, xlsx_text(str(text)), **kw)

    def table(self, row: int, col: int, df: pd.DataFrame, formats: dict[str, str], *,
              wrap: tuple[str, ...] = (), wrap_header: bool = True) -> int:
        """``df`` with a bold header at (row, col), a header wider than its column wrapped (unless
        not ``wrap_header``); returns the next free row."""
        for j, name in enumerate(df.columns):
            narrow = wrap_header and len(str(name)) > self.widths.get(col + j, 10.0) * 0.8
            self.text(row, col + j, name, font=BOLD, right=name in formats, wrap=narrow)
        for i, rec in enumerate(df.itertuples(index=False), start=1):
            for j, (name, value) in enumerate(zip(df.columns, rec)):
                if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
                    continue
                if isinstance(value, pd.Timestamp):
                    value = value.to_pydatetime()
                elif isinstance(value, str):
                    value = xlsx_text(value)
                self.put(row + i, col + j, value, fmt=formats.get(name), wrap=name in wrap)
        return row + len(df) + 1

    def last_row(self) -> int:
        return max((r for r, _ in self.cells), default=0)

    def write(self, rows: int | None = None) -> None:
        """Append every row up to ``rows`` (default: the last used), with heights for wrapped text."""
        by_row: dict[int, list[int]] = {}
        for r, c in self.cells:
            by_row.setdefault(r, []).append(c)
        for r in range(1, (rows or self.last_row()) + 1):
            used = sorted(by_row.get(r, []))
            wrapped = [(self.cells[(r, c)][0], self.widths.get(c, 10.0)) for c in used if self.cells[(r, c)][3]]
            height = row_points([t for t, _ in wrapped], [w for _, w in wrapped])
            if height:
                self.ws.row_dimensions[r].height = height
            row = [None] * (used[-1] if used else 0)
            for c in used:
                row[c - 1] = self._cell(*self.cells[(r, c)])
            self.ws.append(row)

    def _cell(self, value, fmt, font, wrap, right):
        cell = WriteOnlyCell(self.ws, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text
            cell.quotePrefix = is_risky(value)
        if fmt:
            cell.number_format = fmt
        if font:
            cell.font = font
        if wrap:
            cell.alignment = WRAP
        elif right:
            cell.alignment = RIGHT
        return cell
