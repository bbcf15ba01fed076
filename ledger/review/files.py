"""Reading an edited review file (``review.xlsx`` or ``review.csv``) into records with their rows.

Row numbers are the spreadsheet's: the header is row 1, the first figure row 2 (in a CSV file,
the record after the header is row 2). A file that cannot be read as a review file raises
:class:`ReviewFileError` naming what is wrong, before anything is stored.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ledger.report.safe import is_risky

#: The columns an import needs: how it finds each figure.
KEY_COLUMNS = ("doc_id", "start", "end", "surface")
#: The most problems one error lists.
MAX_PROBLEMS = 20


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a review file: where (row, column) and what."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = ", ".join(p for p in (f"row {self.row}" if self.row else "",
                                      f"column {self.column}" if self.column else "") if p)
        return f"{where}: {self.message}" if where else self.message


class ReviewFileError(Exception):
    """A review file that cannot be imported; nothing was stored. ``problems`` lists each (row,
    column, message); the text names the first and counts the others."""

    def __init__(self, name: str, problems: list[Problem]):
        self.name, self.problems = name, problems[:MAX_PROBLEMS]
        more = len(problems) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
        super().__init__(f"{name}: {problems[0]}{tail}")


def read_review_file(path: str | Path, stream=None) -> list[tuple[int, dict]]:
    """``(row number, {column: value})`` for every non-empty row of the file (``-``: CSV from
    ``stream``); values are text, numbers or None."""
    name = "standard input" if str(path) == "-" else str(path)
    if str(path) != "-" and Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        header, rows = _xlsx_rows(Path(path), name)
    elif str(path) == "-" or Path(path).suffix.lower() in (".csv", ".txt"):
        header, rows = _csv_rows(_csv_text(path, stream, name), name)
    else:
        raise ReviewFileError(name, [Problem(None, None, "is neither .xlsx nor .csv: give the review.xlsx or "
                                                         "review.csv that 'aid-ledger review export' wrote")])
    columns = _check_header(header, name)
    records = []
    for number, values in rows:
        record = {c: _clean(v) for c, v in zip(columns, values) if c}
        if any(v is not None for v in record.values()):
            records.append((number, record))
    return records


def _xlsx_rows(path: Path, name: str):
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReviewFileError(name, [Problem(None, None, f"cannot be read as an .xlsx workbook ({exc})")]) from None
    ws = wb["Review"] if "Review" in wb.sheetnames else wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    wb.close()
    if not rows:
        raise ReviewFileError(name, [Problem(1, None, "the sheet is empty: no header row")])
    return list(rows[0]), [(i, list(r)) for i, r in enumerate(rows[1:], start=2)]


def _csv_text(path: str | Path, stream, name: str) -> str:
    try:
        data = (stream.read() if str(path) == "-" else Path(path).read_bytes())
        return data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise ReviewFileError(name, [Problem(None, None, "is not UTF-8 text: save it as 'CSV UTF-8' (or edit "
                                                         "review.xlsx)")]) from None
    except OSError as exc:
        raise ReviewFileError(name, [Problem(None, None, f"cannot be read ({exc.strerror or exc})")]) from None


def _csv_rows(text: str, name: str):
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)  # a spreadsheet may save with ';' or tabs
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ReviewFileError(name, [Problem(None, None, f"is not valid CSV ({exc})")]) from None
    if not rows:
        return [], []
    return rows[0], [(i, r) for i, r in enumerate(rows[1:], start=2)]


def _check_header(header: list, name: str) -> list[str]:
    columns = [str(c).strip() if c is not None else "" for c in header]
    problems = [Problem(1, c, "is missing: keep the columns doc_id, start, end and surface as exported "
                              "(they find the figure)") for c in KEY_COLUMNS if c not in columns]
    seen: set[str] = set()
    for c in columns:
        if c and c in seen:
            problems.append(Problem(1, c, "appears twice: keep one column of that name"))
        seen.add(c)
    if problems:
        raise ReviewFileError(name, problems)
    return columns


def _clean(value):
    """A cell's value: text trimmed (a CSV cell's guard quote taken off), None for empty."""
    if isinstance(value, str):
        if value.startswith("'") and is_risky(value[1:]):
            value = value[1:]
        value = value.strip()
        return value or None
    return value
