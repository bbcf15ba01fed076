"""The workbook as printed: LibreOffice renders the examples' workbook to PDF (skipped without
LibreOffice and poppler); no '###', nothing printed over anything else, the charts on one page, and
few pages for the Summary, Reconciliation and About sheets."""
from __future__ import annotations

import pytest
from conftest import REPO
from printcheck import POPPLER, SOFFICE, overprinted, pages, pages_per_sheet, to_pdf

from ledger.report.printing import lines_needed, row_points

PRINTED = ("Summary", "Reconciliation", "About")
CHART_TITLES = ("Packages by donor over time", "Claims vs packages")


@pytest.mark.parametrize("text, width, lines", [
    (None, 10, 1), ("short", 60, 1), ("x" * 100, 60, 3), ("a\nb\nc", 60, 3), ("y" * 49, 60, 2)])
def test_lines_needed(text, width, lines):
    assert lines_needed(text, width) == lines


def test_row_points_only_for_several_lines():
    assert row_points(["short"], [60]) is None
    assert row_points(["x" * 100, "short"], [60, 10]) == 45.0


@pytest.fixture(scope="module")
def printed(tmp_path_factory, ledger_cli_module):
    if not (SOFFICE and POPPLER):
        pytest.skip("LibreOffice (soffice) and poppler (pdftotext) are needed to print the workbook")
    out = tmp_path_factory.mktemp("printed")
    done = ledger_cli_module("run", REPO / "examples", "--out", out, "-q")
    assert done.returncode == 0, done.stderr
    return pages(to_pdf(out / "ledger.xlsx", out))


def test_no_cell_too_narrow_for_its_number(printed):
    assert not [p.sheet for p in printed if "###" in p.text]


def test_nothing_is_printed_over_other_text(printed):
    assert {p.sheet: overprinted(p)[:3] for p in printed if overprinted(p)} == {}


def test_summary_reconciliation_and_about_fit_on_two_pages_each(printed):
    counts = pages_per_sheet(printed)
    assert all(1 <= counts[s] <= 2 for s in PRINTED), counts
    assert sum(counts[s] for s in PRINTED) <= 2 * len(PRINTED)


def test_each_chart_is_printed_on_one_page(printed):
    for title in CHART_TITLES:
        on = [i for i, p in enumerate(printed) if title in p.text]
        assert len(on) == 1, (title, on)
