"""Print setup of the workbook's sheets and the row heights of wrapped text.

Every sheet prints landscape on A4, fitted to the page width, with its header row repeated on every
page, the sheet's name in the page header and "page P of N" in the footer. A row whose wrapped text
needs several lines gets the height of those lines (``ht`` with ``customHeight``): spreadsheet
programs do not always measure rows when they open a file, and a row left at the default height
prints its wrapped lines over the rows below.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from openpyxl.worksheet.pagebreak import Break

#: Points of one line of 11-point text, and characters of a line per unit of column width: the
#: column width counts '0's of the default font; a substitute font (DejaVu Sans for Calibri) is
#: about a quarter wider, so a line holds fewer characters than the width says.
LINE_POINTS = 15.0
CHARS_PER_WIDTH = 0.8
#: A row is never made taller than this (Excel's limit is 409 points).
MAX_ROW_POINTS = 409.0


def print_ready(ws, *, title_rows: str | None = "1:1", fit_height: int = 0, area: str | None = None) -> None:
    """Landscape A4, fitted to the page width (and to ``fit_height`` pages tall when not 0), with
    ``title_rows`` repeated on every page, and ``area`` as the print area when given."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = fit_height
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddHeader.center.text = "&A"
    ws.oddFooter.center.text = "page &P of &N"
    if title_rows:
        ws.print_title_rows = title_rows
    if area:
        ws.print_area = area


def page_break(ws, after_row: int) -> None:
    """Start a new printed page after row ``after_row``."""
    ws.row_breaks.append(Break(id=after_row))


def lines_needed(text: str | None, width: float) -> int:
    """Printed lines of ``text`` wrapped in a column ``width`` characters wide."""
    if not text:
        return 1
    per_line = max(int(width * CHARS_PER_WIDTH), 1)
    return sum(max(math.ceil(len(part) / per_line), 1) for part in str(text).split("\n"))


def row_points(texts: list[str | None], widths: list[float]) -> float | None:
    """The height (points) of a row whose wrapped cells hold ``texts`` in columns ``widths`` wide,
    or None when one line is enough."""
    lines = max((lines_needed(t, w) for t, w in zip(texts, widths)), default=1)
    return None if lines <= 1 else min(lines * LINE_POINTS, MAX_ROW_POINTS)


def column_points(columns: list[pd.Series], widths: list[float]) -> np.ndarray:
    """Row heights (points; 0 where one line is enough) for a chunk of rows, from the lengths of
    their wrapped columns; vectorised for the bulk writer."""
    if not columns:
        return np.zeros(0)
    lines = np.ones(len(columns[0]))
    for col, width in zip(columns, widths):
        per_line = max(int(width * CHARS_PER_WIDTH), 1)
        text = col.astype("string").fillna("")
        breaks = text.str.count("\n").to_numpy(float, na_value=0.0)
        chars = text.str.len().to_numpy(float, na_value=0.0)
        lines = np.maximum(lines, np.ceil(chars / per_line) + breaks)
    return np.where(lines > 1, np.minimum(lines * LINE_POINTS, MAX_ROW_POINTS), 0.0)
