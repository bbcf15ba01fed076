"""The Reconciliation sheet: what a reader prints (at most two pages) — the verdicts by donor →
recipient and the latest claims that disagree; every claim is in the Claims sheet."""
from __future__ import annotations

import pandas as pd
from openpyxl.utils import get_column_letter

from ledger.report.grid import BOLD, COUNT, NOTE, PLAIN_SHORT, TITLE, Grid
from ledger.report.printing import print_ready

TOP_PAIRS = 10
MAX_DISAGREEING = 20
SHOWN = ("claim_date", "donor", "recipient", "aid_type", "surface", "qualifier", "window_start", "window_end",
         "corpus_sum", "reference_sum", "currency", "sentence")
WIDTHS = (12, 18, 18, 12, 14, 10, 12, 12, 14, 14, 9, 60)
_FORMATS = {"claim_date": "yyyy-mm-dd", "window_start": "yyyy-mm-dd", "window_end": "yyyy-mm-dd",
            "corpus_sum": PLAIN_SHORT, "reference_sum": PLAIN_SHORT}


def write_reconciliation(ws, reconciliation: pd.DataFrame) -> None:
    for j, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(j)].width = width
    print_ready(ws, title_rows=None, fit_height=2)  # before the rows: the sheet's properties come first
    g = Grid(ws, widths=dict(enumerate(WIDTHS, 1)))
    g.text(1, 1, "Reconciliation of cumulative claims", font=TITLE)
    g.text(2, 1, f"{len(reconciliation):,} claims; every one, with its window and sums, is in the Claims "
                 "sheet. Sums are in the claim's own currency.", font=NOTE)
    g.text(4, 1, f"Verdicts by donor → recipient (the {TOP_PAIRS} pairs with the most claims)", font=BOLD)
    pairs = verdict_table(reconciliation)
    row = g.table(5, 1, pairs, {c: COUNT for c in pairs.columns[2:]})
    worst = reconciliation[reconciliation["verdict"] == "claim disagrees"].tail(MAX_DISAGREEING)
    g.text(row + 1, 1, f"Claims that disagree (the latest {MAX_DISAGREEING} of "
                       f"{int((reconciliation['verdict'] == 'claim disagrees').sum()):,})", font=BOLD)
    g.table(row + 2, 1, worst[list(SHOWN)], _FORMATS, wrap=("sentence",))
    g.write()


def verdict_table(reconciliation: pd.DataFrame) -> pd.DataFrame:
    """Claims per donor → recipient and verdict (columns), the pairs with the most claims first."""
    r = reconciliation.fillna({"donor": "(unknown)", "recipient": "(unknown)"})
    if r.empty:
        return pd.DataFrame(columns=["donor", "recipient", "claims"])
    table = pd.crosstab([r["donor"], r["recipient"]], r["verdict"])
    table.insert(0, "claims", table.sum(axis=1))
    table = table.sort_values("claims", ascending=False, kind="stable").head(TOP_PAIRS)
    table.columns.name = None
    return table.reset_index()
