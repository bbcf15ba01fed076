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

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ledger.model import AID_TYPES, ROLES, STAGES
from ledger.report.printing import print_ready, row_points
from ledger.report.sheet import MAX_ROWS, SheetWriter, column_values, set_widths
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
    """Write the review rows (``REVIEW_COLUMNS``) with ``actors`` as the donor/recipient list."""
    rows = rows.head(MAX_ROWS)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Review")
    set_widths(ws, rows, wide=WRAP)
    for col in ("role", "stage", "aid_type", "exclude", "donor", "recipient"):
        ws.column_dimensions[_letter(col)].width = max(ws.column_dimensions[_letter(col)].width or 0, 16)
    ws.column_dimensions[_letter("exported")].hidden = True
    ws.freeze_panes = "D2"
    print_ready(ws)
    _validations(ws, len(rows), len(actors))
    _protect(ws, f"A1:{_letter(REVIEW_COLUMNS[-1])}{len(rows) + 1}")
    _write_rows(ws, rows)
    _write_lists(wb.create_sheet("Lists"), actors)
    _write_help(wb.create_sheet("Help"))
    wb.save(path)


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
    _validate(ws, "value", last, DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                                                allow_blank=True, errorTitle="value",
                                                error="An amount of at least 0, in the figure's currency."))


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


def _write_rows(ws, rows: pd.DataFrame) -> None:
    w = SheetWriter(ws)
    w.append(_header(w, rows))
    cols = list(rows.columns)
    templates = [_editable_template(ws, c) if c in EDITABLE else w.template_cell(c, rows[c].dtype, WRAP)
                 for c in cols]
    values = [column_values(rows[c]) for c in cols]
    wrapped = [(j, ws.column_dimensions[get_column_letter(j + 1)].width or 10.0)
               for j, c in enumerate(cols) if c in WRAP]
    link_at = cols.index("link")
    for i in range(len(rows)):
        height = row_points([values[j][i] for j, _ in wrapped], [width for _, width in wrapped])
        if height:
            ws.row_dimensions[w.rows + 1].height = height
        w.append([_editable(w, values[j][i], templates[j]) if c in EDITABLE
                  else w.cell(values[j][i], templates[j], j == link_at) for j, c in enumerate(cols)])


def _editable_template(ws, column: str):
    cell = WriteOnlyCell(ws)
    cell.fill, cell.protection = EDIT_FILL, UNLOCKED
    if column == "value":
        cell.number_format = "#,##0.##"
    if column == "note":
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _editable(w: SheetWriter, value, template):
    """An unlocked, yellow cell (empty ones too: they can be filled in)."""
    cell = w.text_cell(value) if isinstance(value, str) else WriteOnlyCell(w.ws, value=value)
    cell._style = template._style
    return cell


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
