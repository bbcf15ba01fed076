"""``review.xlsx``: the review queue as a workbook made for editing.

The ``Review`` sheet holds one row per fact to review. The editable columns (yellow, unlocked)
have drop-down lists: role, stage, aid type and exclude from the ledger's vocabularies (anything
else is refused), donor and recipient from the ``Lists`` sheet (other names get a warning; the
import accepts any name or alias the gazetteer knows). The evidence is locked: the sheet is
protected without a password (filters, sorting and resizing stay allowed; Review → Unprotect
Sheet lifts it). The header row and the first three columns are frozen; ``exported`` is hidden.
``Help`` says what to do.
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ledger.model import AID_TYPES, ROLES, STAGES
from ledger.report.bulk import fill_tables, plan_rows
from ledger.report.cells import TextStyles
from ledger.report.printing import print_ready, row_points
from ledger.report.sheet import MAX_ROWS, SheetWriter, set_widths
from ledger.review.queue import EDITABLE, REVIEW_COLUMNS

EDIT_FILL = PatternFill("solid", fgColor="FFF2CC")
UNLOCKED = Protection(locked=False)
WRAP = ("sentence", "why", "note", "title")
#: Drop-down lists of the closed vocabularies: column → (values, what to choose).
CHOICES = {"role": (ROLES, "a role"), "stage": (STAGES, "a stage, or leave it empty"),
           "aid_type": (AID_TYPES, "a kind of aid, or leave it empty"), "exclude": (("no", "yes"), "yes or no")}
HELP = (
    "How to review",
    "Rows are sorted by money at stake × doubt (stake_usd = value_usd × (1 − confidence)): the top rows most "
    "deserve a second look. Read the sentence, the why column (the rule behind each decision) and the link.",
    "Edit only the yellow columns: role, donor, recipient, stage, aid_type, value (in the figure's own currency), "
    "exclude (yes: the figure adds to no total) and note. Leave the other columns as they are: doc_id, start, end "
    "and surface are how the import finds the figure again, even after the rules change.",
    "Then run: aid-ledger review import review.xlsx (with the same --out or --db as the export). Importing the "
    "same file twice changes nothing; a cell that is not allowed is named with its row and column and nothing "
    "is imported.",
    "To give a field back to the rules, write the value the rules read (the why column shows it after 'rules:').",
)


def write_review_workbook(path: Path, rows: pd.DataFrame, actors: list[str]) -> None:
    """Write the review rows (``REVIEW_COLUMNS``) with ``actors`` as the donor/recipient list.

    The rows go through the report's fast path (``ledger/report/bulk.py``): openpyxl writes the
    sheet's frame (widths, column styles, validations, protection) and the rows are appended to the
    saved package; an editable column's own style (yellow, unlocked) also covers its empty cells."""
    rows = rows.head(MAX_ROWS)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Review")
    set_widths(ws, rows, wide=WRAP)
    for col in EDITABLE:
        dim = ws.column_dimensions[_letter(col)]
        dim.width = max(dim.width or 0, 16 if col != "note" else 30)
        dim.fill, dim.protection = EDIT_FILL, UNLOCKED
    ws.column_dimensions[_letter("exported")].hidden = True
    ws.freeze_panes = "D2"
    print_ready(ws)
    _validations(ws, len(rows), len(actors))
    _protect(ws, f"A1:{_letter(REVIEW_COLUMNS[-1])}{len(rows) + 1}")
    w = SheetWriter(ws)
    w.append(_header(w, rows))
    plan = plan_rows(ws, rows, link="link", wrap=WRAP, styles={c: _editable_style(ws, c) for c in EDITABLE})
    _write_lists(wb.create_sheet("Lists"), actors)
    _write_help(wb.create_sheet("Help"))
    book = io.BytesIO()
    wb.save(book)
    fill_tables(book, path, [plan])


def _letter(column: str) -> str:
    return get_column_letter(REVIEW_COLUMNS.index(column) + 1)


def _validations(ws, n: int, n_actors: int) -> None:
    last = max(n, 1) + 1
    for col, (values, what) in CHOICES.items():
        _validate(ws, col, last, DataValidation(type="list", formula1=f'"{",".join(values)}"', allow_blank=True,
                                                error=f"Choose {what}.", errorTitle=col))
    for col in ("donor", "recipient"):
        _validate(ws, col, last, DataValidation(type="list", formula1=f"Lists!$A$2:$A${n_actors + 1}",
                                                allow_blank=True, errorStyle="warning", errorTitle=col,
                                                error="Not in the list: the import accepts a name or alias "
                                                      "the gazetteer knows."))
    _validate(ws, "value", last, DataValidation(type="decimal", operator="between", formula1="-1E+18",
                                                formula2="1E+18", allow_blank=True, errorTitle="value",
                                                error="A number: the amount in the figure's currency."))


def _validate(ws, column: str, last: int, dv: DataValidation) -> None:
    dv.showErrorMessage = True
    letter = _letter(column)
    dv.add(f"{letter}2:{letter}{last}")
    ws.data_validations.append(dv)


def _protect(ws, ref: str) -> None:
    """Lock the evidence (no password); filtering, sorting and resizing stay allowed."""
    ws.auto_filter.ref = ref
    prot = ws.protection
    prot.sheet = True
    prot.autoFilter = prot.sort = prot.formatColumns = prot.formatRows = False


def _header(w: SheetWriter, rows: pd.DataFrame) -> list:
    cells = w.header_cells(rows)
    for cell, col in zip(cells, rows.columns):
        if col in EDITABLE:
            cell.fill = EDIT_FILL
            cell.comment = Comment(f"editable: {col}", "aid-ledger")
    return cells


def _editable_style(ws, column: str) -> int | TextStyles:
    """The style of an editable column's cells: yellow and unlocked (and the quote prefix for text a
    spreadsheet could read as a formula)."""
    def style(quote: bool) -> int:
        cell = WriteOnlyCell(ws)
        cell.fill, cell.protection = EDIT_FILL, UNLOCKED
        if column == "value":
            cell.number_format = "#,##0.##"
        if column == "note":
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if quote:
            cell.quotePrefix = True
        return cell.style_id
    if column == "value":
        return style(False)
    plain, risky = style(False), style(True)
    return TextStyles(plain, risky, plain, risky)


def _write_lists(ws, actors: list[str]) -> None:
    """The values the drop-downs offer (donor and recipient: column A)."""
    ws.column_dimensions["A"].width = 36
    w = SheetWriter(ws)
    w.append([w.text_cell("actor", bold=True)] + [w.text_cell(c, bold=True) for c in CHOICES])
    columns = [actors] + [list(values) for values, _ in CHOICES.values()]
    for i in range(max(len(c) for c in columns)):
        w.append([w.text_cell(c[i]) if i < len(c) else None for c in columns])
    ws.protection.sheet = True


def _write_help(ws) -> None:
    ws.column_dimensions["A"].width = 120
    w = SheetWriter(ws)
    for i, line in enumerate(HELP):
        cell = w.text_cell(line, bold=i == 0)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[w.rows + 1].height = row_points([line], [120]) or 15
        w.append([cell])
