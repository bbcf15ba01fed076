"""The Summary sheet: two printed pages whatever the volume.

Page 1: headline totals (in millions or billions, with the currency) and the verdicts of the
reconciliation, then the top donors and recipients side by side, the currencies and the roles.
Page 2: one chart per question — packages by donor over time (one series per top donor, stacked
columns, periods in order) and, for the main donor → recipient pairs, each cumulative claim against
the sum of packages (and of the reference) in its own window. The charts' data sit beside the
printed area (column K on), labelled, and are not printed.
"""
from __future__ import annotations

import pandas as pd
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.utils import get_column_letter

from ledger.analyse.overview import donor_periods, main_pairs, pair_claims
from ledger.report.grid import BOLD, COUNT, EUR_SHORT, MILLIONS, NOTE, PLAIN_SHORT, TITLE, USD_SHORT, Grid
from ledger.report.printing import page_break, print_ready

#: Column widths of the printed area (A..I) and where the chart data start.
WIDTHS = (30, 15, 15, 15, 1, 28, 12, 15, 15)
DATA_COL = 11
TOP_ROWS = 10
#: Rows of page 1 (page 2 starts after them) and of page 2 (a title row and two rows of charts, each
#: CHART_ROWS rows of CHART_ROW_POINTS tall). Charts are anchored to cells, so they span the printed
#: columns whatever the font's width, and the page is fitted to two pages tall.
PAGE_ROWS = 40
CHART_ROWS = 16
CHART_ROW_POINTS = 15.0
_MONEY = {"n_facts": COUNT, "usd": USD_SHORT, "eur": EUR_SHORT, "native": PLAIN_SHORT}


def write_summary(ws, *, counts: dict[str, int], tables: dict[str, pd.DataFrame],
                  reconciliation: pd.DataFrame, points: pd.DataFrame, note: str) -> None:
    for j, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(j)].width = width
    print_ready(ws, title_rows=None, fit_height=2, area=f"A1:{get_column_letter(len(WIDTHS))}{PAGE_ROWS + 1 + 2 * CHART_ROWS}")
    g = Grid(ws, widths=dict(enumerate(WIDTHS, 1)))
    g.text(1, 1, "aid-ledger: summary", font=TITLE)
    g.text(2, 1, note, font=NOTE)
    row = _headline(g, 4, counts, tables, reconciliation)
    row = _side_by_side(g, row + 1, ("Packages by donor (top 10)", _top(tables["donor"], "donor")),
                        ("Packages by recipient (top 10)", _top(tables["recipient"], "recipient")))
    row = _side_by_side(g, row + 1, ("Packages by currency (top 6, never mixed)",
                                     _top(tables["currency"], "currency", ("native", "usd"), 6)),
                        ("Money by role (not additive)", _top(tables["role"], "role", n=6)))
    g.text(row + 1, 1, "Money totals add up package facts only (point amounts); see About.", font=NOTE)
    page_break(ws, PAGE_ROWS)
    charts = _charts(ws, g, PAGE_ROWS + 1, points, reconciliation)
    last = max(PAGE_ROWS + 1 + 2 * CHART_ROWS, g.last_row())
    for r in range(PAGE_ROWS + 1, PAGE_ROWS + 2 + 2 * CHART_ROWS):
        ws.row_dimensions[r].height = CHART_ROW_POINTS
    g.write(last)
    for chart, (col, row, cols) in charts:
        chart.anchor = TwoCellAnchor(_from=AnchorMarker(col=col, row=row - 1),
                                     to=AnchorMarker(col=col + cols, row=row - 1 + CHART_ROWS))
        ws.add_chart(chart)


def _headline(g: Grid, row: int, counts: dict[str, int], tables, reconciliation) -> int:
    by_role = tables["role"].set_index("role")
    pk = by_role.loc["package"] if "package" in by_role.index else None
    lines = [("documents", counts["documents"], COUNT), ("mentions (figures found)", counts["mentions"], COUNT),
             ("facts (after merging mentions)", counts["facts"], COUNT),
             ("package facts", None if pk is None else int(pk["n_facts"]), COUNT),
             ("packages, US$ (point amounts)", None if pk is None else _num(pk["usd"]), USD_SHORT),
             ("packages, EUR (point amounts)", None if pk is None else _num(pk["eur"]), EUR_SHORT),
             ("inputs that failed", counts["errors"], COUNT)]
    g.text(row, 1, "Headline", font=BOLD)
    for i, (label, value, fmt) in enumerate(lines, 1):
        g.text(row + i, 1, label)
        g.put(row + i, 2, value, fmt=fmt)
    verdicts = reconciliation["verdict"].value_counts()
    g.text(row, 6, f"Cumulative claims reconciled: {len(reconciliation):,}", font=BOLD)
    for i, (verdict, n) in enumerate(verdicts.items(), 1):
        g.text(row + i, 6, str(verdict))
        g.put(row + i, 7, int(n), fmt=COUNT)
    return row + max(len(lines), len(verdicts)) + 1


def _top(df: pd.DataFrame, key: str, money: tuple[str, ...] = ("usd", "eur"), n: int = TOP_ROWS) -> pd.DataFrame:
    return df[[key, "n_facts", *money]].head(n)


def _side_by_side(g: Grid, row: int, left: tuple[str, pd.DataFrame], right: tuple[str, pd.DataFrame]) -> int:
    ends = []
    for col, (title, df) in ((1, left), (6, right)):
        g.text(row, col, title, font=BOLD)
        ends.append(g.table(row + 1, col, df, _MONEY))
    return max(ends)


def _charts(ws, g: Grid, top: int, points: pd.DataFrame, reconciliation: pd.DataFrame) -> list[tuple]:
    """Chart data beside the printed area and the charts on page 2; returns (chart, (first column from 0,
    first row, columns spanned)) pairs."""
    g.text(1, DATA_COL, "Chart data (not printed): US$ million of packages by period and donor", font=BOLD)
    periods = donor_periods(points)
    out = []
    end = g.table(2, DATA_COL, periods, {c: MILLIONS for c in periods.columns[1:]}, wrap_header=False)
    if len(periods) and len(periods.columns) > 1:
        out.append((_donor_chart(ws, 2, len(periods), len(periods.columns) - 1), (0, top + 1, len(WIDTHS))))
    for k, (donor, recipient) in enumerate(main_pairs(reconciliation)):
        claims = pair_claims(reconciliation, donor, recipient)
        currency = claims["currency"].iloc[0] if len(claims) else ""
        title = f"Claims of {donor} → {recipient} against the packages in their windows ({currency} million)"
        g.text(end + 1, DATA_COL, title, font=BOLD)
        first = end + 2
        end = g.table(first, DATA_COL, claims.drop(columns="currency"),
                      {"claimed": MILLIONS, "packages": MILLIONS, "reference": MILLIONS}, wrap_header=False)
        anchor = (0 if k == 0 else 5, top + 1 + CHART_ROWS, 4)
        out.append((_claims_chart(ws, f"Claims vs packages: {donor} → {recipient}", f"{currency} million", first,
                                  len(claims)), anchor))
    return out


def _donor_chart(ws, first: int, n_rows: int, n_series: int) -> BarChart:
    chart = _bar("Packages by donor over time (US$ million, stacked)", "US$ million")
    chart.grouping, chart.overlap = "stacked", 100
    data = Reference(ws, min_col=DATA_COL + 1, max_col=DATA_COL + n_series, min_row=first, max_row=first + n_rows)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=DATA_COL, min_row=first + 1, max_row=first + n_rows))
    return chart


def _claims_chart(ws, title: str, y_title: str, first: int, n_rows: int) -> BarChart:
    """Horizontal bars, one group per claim (its date and words as the label, read level)."""
    chart = _bar(title, y_title)
    chart.type = "bar"
    chart.x_axis.scaling.orientation = "maxMin"  # the first claim at the top
    data = Reference(ws, min_col=DATA_COL + 1, max_col=DATA_COL + 3, min_row=first, max_row=first + n_rows)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=DATA_COL, min_row=first + 1, max_row=first + n_rows))
    return chart


def _bar(title: str, y_title: str) -> BarChart:
    chart = BarChart()
    chart.type, chart.title = "col", title
    chart.y_axis.title = y_title
    chart.y_axis.number_format = "#,##0"
    chart.y_axis.majorGridlines = chart.y_axis.majorGridlines  # keep the default grid lines
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.legend.position = "b"
    return chart


def _num(x) -> float | None:
    return None if pd.isna(x) else float(x)
