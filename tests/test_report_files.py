"""The report files read back: sheets, tables, number formats, links, no injected formulas, atomic writes."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from test_report_frames import INJECTIONS, sample_documents, sample_errors, sample_facts, sample_mentions

from ledger.store.schema import FACT_DTYPES, MENTION_DTYPES
from ledger.report import REPORT_FILES, write_reports
from ledger.report.sheet import DATE_FORMAT, EUR_FORMAT, NUMBER_FORMAT, USD_FORMAT
from ledger.report.workbook import SHEETS


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    write_reports(sample_mentions(), sample_facts(), sample_documents(), sample_errors(), out,
                  run_info={"inputs": "examples/"})
    return out


@pytest.fixture(scope="module")
def book(reports):
    return openpyxl.load_workbook(reports / "ledger.xlsx")


def _header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def _column(ws, name: str) -> list:
    j = _header(ws).index(name)
    return [row[j] for row in ws.iter_rows(min_row=2)]


def test_every_file_and_sheet_is_written(reports, book):
    assert sorted(p.name for p in reports.iterdir()) == sorted(REPORT_FILES)
    assert book.sheetnames == list(SHEETS)


@pytest.mark.parametrize("sheet, rows, cols", [("Ledger", 8, len(FACT_DTYPES)), ("Mentions", 8, len(MENTION_DTYPES)), ("Sources", 1, 7),
                                               ("Errors", 2, 3), ("Items", 2, 8)])
def test_tables_cover_the_data_with_frozen_header(book, sheet, rows, cols):
    ws = book[sheet]
    (table,) = ws.tables.values()
    assert table.ref == f"A1:{openpyxl.utils.get_column_letter(cols)}{rows + 1}"
    assert ws.max_row == rows + 1 and ws.freeze_panes == "A2"
    assert [c.name for c in table.tableColumns] == _header(ws)


@pytest.mark.parametrize("sheet, column, fmt", [
    ("Ledger", "value_usd", USD_FORMAT), ("Ledger", "value_eur", EUR_FORMAT), ("Ledger", "value", NUMBER_FORMAT),
    ("Ledger", "event_date", DATE_FORMAT), ("Mentions", "published", DATE_FORMAT), ("Totals", "total", USD_FORMAT),
])
def test_number_formats_and_real_dates(book, sheet, column, fmt):
    cells = [c for c in _column(book[sheet], column) if c.value is not None]
    assert cells and all(c.number_format == fmt for c in cells)
    assert all(c.data_type in ("n", "d") for c in cells)


@pytest.mark.parametrize("sheet, column, links", [
    ("Ledger", "urls", {"https://example.org/a"}),  # javascript: and file: URLs stay plain text
    ("Mentions", "url", {"https://example.org/a"}),  # "=HYPERLINK(...)" in a url column is not a link
    ("Sources", "url", {"https://example.org/a"}),
])
def test_hyperlinks_only_for_http_urls(book, sheet, column, links):
    cells = _column(book[sheet], column)
    assert {c.hyperlink.target for c in cells if c.hyperlink} == links
    assert all(c.value.startswith("http") for c in cells if c.hyperlink)


def test_no_cell_holds_a_formula(book):
    formulas = [(ws.title, c.coordinate) for ws in book for row in ws.iter_rows() for c in row
                if c.data_type == "f"]
    assert formulas == []


@pytest.mark.parametrize("text", INJECTIONS)
def test_injection_strings_stay_text_in_xlsx(book, text):
    cells = [c for c in _column(book["Mentions"], "surface") if c.value == text]
    assert len(cells) == 1 and cells[0].data_type == "s"
    if text[0] in "=+-@\t\r":
        assert cells[0].quotePrefix


@pytest.mark.parametrize("name, column", [("ledger.csv", "surface"), ("ledger.csv", "source"),
                                          ("facts.csv", "sentence"), ("errors.csv", "reason")])
def test_csv_text_cells_are_neutralised(reports, name, column):
    with (reports / name).open(encoding="utf-8", newline="") as f:
        values = [row[column] for row in csv.DictReader(f)]
    assert values and not any(v[:1] in ("=", "+", "-", "@", "\t", "\r") for v in values)


@pytest.mark.parametrize("text, written", [(t, "'" + t if t[0] in "=+-@\t\r" else t) for t in INJECTIONS])
def test_csv_keeps_the_text_after_the_quote(reports, text, written):
    df = pd.read_csv(reports / "ledger.csv", keep_default_na=False)
    assert written in set(df["surface"])


def test_numbers_stay_numbers_in_csv(reports):
    df = pd.read_csv(reports / "ledger.csv")
    assert df["value"].dtype.kind == "f" and -2.5 in set(df["value"])


def test_parquet_keeps_mention_columns_and_dtypes(reports):
    df = pd.read_parquet(reports / "ledger.parquet")
    assert list(df.columns) == list(MENTION_DTYPES)
    assert {c: str(t) for c, t in df.dtypes.items()} == {c: str(t) for c, t in
                                                          sample_mentions().dtypes.items()}


def test_totals_sheet_equals_sums_of_ledger(book):
    ledger = book["Ledger"]
    rows = zip(*(_column(ledger, c) for c in ("kind", "role", "value", "value_usd")))
    expected = sum(usd.value for kind, role, value, usd in rows
                   if kind.value == "money" and role.value == "package" and value.value is not None)
    totals = [c.value for c in _column(book["Totals"], "total")]
    assert sum(totals) == pytest.approx(expected)


def test_items_sheet_counts_equipment_by_system_and_donor(book):
    ws = book["Items"]
    got = {(i.value, d.value): n.value for i, d, n in zip(*(_column(ws, c) for c in ("system", "donor", "count")))}
    assert got == {("155mm rounds", "United States"): 80000, ("Challenger 2", "United Kingdom"): 14}


def test_summary_has_a_native_chart(reports):
    from zipfile import ZipFile

    with ZipFile(reports / "ledger.xlsx") as z:
        assert any(n.startswith("xl/charts/chart") for n in z.namelist())


def test_about_names_version_and_inputs(book):
    import ledger

    values = {r[0].value: r[1].value for r in book["About"].iter_rows() if len(r) > 1 and r[0].value}
    assert values["version"] == ledger.__version__ and values["inputs"] == "examples/"
    assert "value_usd" in values


def test_empty_frames_still_write_every_report(tmp_path):
    from ledger.store.schema import DOCUMENT_DTYPES, ERROR_DTYPES, FACT_DTYPES, typed_frame

    empty = [typed_frame([], d) for d in (MENTION_DTYPES, FACT_DTYPES, DOCUMENT_DTYPES, ERROR_DTYPES)]
    paths = write_reports(*empty, tmp_path)
    assert [p.name for p in paths] == list(REPORT_FILES)
    assert openpyxl.load_workbook(tmp_path / "ledger.xlsx").sheetnames == list(SHEETS)


def test_a_crash_mid_write_keeps_the_previous_file_and_leaves_no_temp(tmp_path, monkeypatch):
    frames = (sample_mentions(), sample_facts(), sample_documents(), sample_errors())
    write_reports(*frames, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def boom(df, path):
        Path(path).write_text("half a file")
        raise RuntimeError("killed")

    monkeypatch.setattr("ledger.report.write.write_csv", boom)
    with pytest.raises(RuntimeError):
        write_reports(*frames, tmp_path)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert set(after) == set(before)  # no temporary file left behind
    assert after["ledger.csv"] == before["ledger.csv"]


def test_libreoffice_renders_every_sheet(reports, tmp_path):
    import shutil
    import subprocess

    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc)")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(reports / "ledger.xlsx")], check=True, capture_output=True, timeout=300)
    pdf = (tmp_path / "ledger.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= len(SHEETS)
