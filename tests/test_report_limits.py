"""A workbook sheet longer than its row limit holds its first rows under a note that says where every
row is (About says it too); the CSV and Parquet files hold every row. The limit is a parameter, so a
few rows stand for Excel's million here."""
from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from conftest import REPO
from printcheck import POPPLER, SOFFICE, pages, to_pdf
from test_report_bulk import big_mentions
from test_report_frames import sample_documents, sample_errors, sample_facts

from ledger.analyse import reconcile, totals
from ledger.cli import main
from ledger.report import write_reports
from ledger.report.rows import rows_of
from ledger.report.workbook import write_workbook

N_MENTIONS, LIMIT = 40, 10


def _workbook(path, *, fast=True, limit=LIMIT, mentions=None):
    facts = sample_facts()
    write_workbook(path, mentions=mentions if mentions is not None else big_mentions(N_MENTIONS), facts=facts,
                   documents=sample_documents(), errors=sample_errors(), tables=totals(facts),
                   reconciliation=reconcile(facts), run_info={}, fast=fast, max_rows=limit)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def capped(tmp_path_factory):
    return _workbook(tmp_path_factory.mktemp("capped") / "ledger.xlsx")


def test_a_capped_sheet_holds_its_first_rows_under_a_note(capped):
    ws = capped["Mentions"]
    assert ws["A1"].value == (f"Mentions holds the first {LIMIT} of {N_MENTIONS} rows (a workbook stays a size "
                              "people can open); every row is in ledger.csv and ledger.parquet")
    assert ws["A2"].value == "doc_id" and ws.freeze_panes == "A3"
    (table,) = ws.tables.values()
    assert table.ref.startswith("A2:") and table.ref.endswith(str(LIMIT + 2)) and ws.max_row == LIMIT + 2
    assert [ws.cell(row, 1).value for row in (3, LIMIT + 2)] == ["d0", f"d{LIMIT - 1}"]


def test_sheets_within_the_limit_are_unchanged(capped):
    ws = capped["Ledger"]  # 8 sample facts
    assert ws["A1"].value == "fact_id" and ws.freeze_panes == "A2" and ws.max_row == 9


def test_about_says_which_sheets_are_capped_and_where_every_row_is(capped):
    lines = [r[1].value for r in capped["About"].iter_rows() if r[0].value == "truncated"]
    assert lines == [f"Mentions holds the first {LIMIT} of {N_MENTIONS} rows (a workbook stays a size people can "
                     "open); every row is in ledger.csv and ledger.parquet"]


def test_the_openpyxl_path_caps_the_same_way(capped, tmp_path):
    plain = _workbook(tmp_path / "plain.xlsx", fast=False)
    for sheet in ("Mentions", "Ledger", "About"):
        got = [[c.value for c in row] for row in capped[sheet].iter_rows()]
        want = [[c.value for c in row] for row in plain[sheet].iter_rows()]
        if sheet == "About":  # the time it was written may differ
            got, want = ([r for r in rows if r[0] != "written"] for rows in (got, want))
        assert got == want, sheet


def test_rows_read_in_chunks_write_the_same_workbook(tmp_path, monkeypatch):
    monkeypatch.setattr("ledger.report.rows.CHUNK_ROWS", 3)
    monkeypatch.setattr("ledger.report.bulk.CHUNK_ROWS", 4)
    mentions = big_mentions(N_MENTIONS)
    whole = _workbook(tmp_path / "whole.xlsx", mentions=mentions)["Mentions"]
    chunked = _workbook(tmp_path / "chunked.xlsx", mentions=rows_of(mentions))["Mentions"]
    assert [[c.value for c in r] for r in whole.iter_rows()] == [[c.value for c in r] for r in chunked.iter_rows()]


def test_csv_and_parquet_hold_every_row_of_a_capped_sheet(tmp_path):
    mentions = big_mentions(N_MENTIONS)
    write_reports(rows_of(mentions), rows_of(sample_facts()), sample_documents(), sample_errors(), tmp_path,
                  analysed=sample_facts(), max_rows=LIMIT)
    assert len(pd.read_parquet(tmp_path / "ledger.parquet")) == N_MENTIONS
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "ledger.parquet"), mentions)
    assert len(pd.read_csv(tmp_path / "ledger.csv", keep_default_na=False)) == N_MENTIONS
    assert openpyxl.load_workbook(tmp_path / "ledger.xlsx")["Mentions"].max_row == LIMIT + 2


def test_sheet_rows_on_the_command_line(tmp_path):
    assert main(["run", str(REPO / "examples"), "--out", str(tmp_path), "-q", "--jobs", "1",
                 "--sheet-rows", "3"]) == 0
    book = openpyxl.load_workbook(tmp_path / "ledger.xlsx")
    assert book["Mentions"]["A1"].value.startswith("Mentions holds the first 3 of ")
    assert book["Ledger"]["A1"].value.startswith("Ledger holds the first 3 of ")
    assert len(pd.read_csv(tmp_path / "facts.csv")) > 3
    assert main(["report", "--out", str(tmp_path), "-q", "--sheet-rows", "0"]) == 2


@pytest.mark.skipif(not (SOFFICE and POPPLER), reason="LibreOffice (soffice) and poppler (pdftotext) are needed")
def test_a_capped_workbook_opens_in_libreoffice_and_says_where_the_rest_is(tmp_path):
    _workbook(tmp_path / "capped.xlsx")
    printed = pages(to_pdf(tmp_path / "capped.xlsx", tmp_path))
    mentions = " ".join(p.text for p in printed if p.sheet == "Mentions")
    assert f"Mentions holds the first {LIMIT} of {N_MENTIONS} rows" in mentions
    assert "every row is in ledger.csv and ledger.parquet" in mentions
