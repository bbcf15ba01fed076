"""Spreadsheet injection: text from articles never runs as a formula in the reports.

Articles whose id, title, url and sentences begin with formula characters go through
``aid-ledger run``; the workbook and the CSV files are read back: no formula the tool did
not write itself, CSV cells neutralised (OWASP), numbers still numbers, links only http(s).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from ledger.cli import main

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "=1+2"]
# Markers that only input can put into a formula.
MARKERS = ("HYPERLINK", "1+1", "2+3", "SUM(A1)", "1+2", "cmd", "x.example")
RISKY = ("=", "+", "-", "@", "\t", "\r")

DOCS = [
    {"id": "=1+2", "title": '=HYPERLINK("http://x","y")', "url": "javascript:alert(1)",
     "published": "2023-03-01",
     "text": '=HYPERLINK("http://x","y") Canada gave C$5 million to Ukraine on Wednesday.'},
    {"id": "+1+1", "title": "+1+1 aid", "url": "=HYPERLINK(\"http://x.example\",\"y\")",
     "published": "2023-03-02", "text": "+1+1 Japan pledged ¥1 billion for Ukraine on Thursday."},
    {"id": "-2+3", "title": "-2+3", "url": "file:///etc/passwd", "published": "2023-03-03",
     "text": "-2+3 Germany promised €7 million to Moldova on Friday."},
    {"id": "@SUM(A1)", "title": "@SUM(A1)", "url": "https://example.org/ok?a=1",
     "published": "2023-03-04", "text": "@SUM(A1) Britain sent £9 million of generators to Kyiv."},
    {"id": "tab", "title": "\tTAB title", "url": "http://example.org/plain", "published": "2023-03-05",
     "text": "\t=cmd|' /C calc'!A0 Norway gave NOK 12 million to Ukraine on Sunday."},
    {"id": "cr", "title": "\rCR title", "url": "", "published": "2023-03-06",
     "text": "\r-cmd Sweden gave SEK 15 million to Ukraine on Monday."},
]


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("injection")
    corpus = tmp / "hostile.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    text_file = tmp / "=HYPERLINK(1).txt"
    text_file.write_text("title: @SUM(A1) headline\nurl: javascript:alert(2)\npublished: 2023-03-07\n\n"
                         "+1+1 Denmark gave DKK 20 million to Ukraine.\n", encoding="utf-8")
    out = tmp / "out"
    assert main(["run", str(corpus), str(text_file), "--out", str(out), "--jobs", "1", "-q"]) == 0
    return out


def _cells(out: Path):
    book = openpyxl.load_workbook(out / "ledger.xlsx")
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                yield sheet.title, cell


def test_no_formula_comes_from_input(out):
    formulas = [(s, c.coordinate, c.value) for s, c in _cells(out) if c.data_type == "f"]
    from_input = [f for f in formulas if any(m in str(f[2]) for m in MARKERS)]
    assert not from_input, from_input


def test_input_text_is_kept_as_text(out):
    texts = [str(c.value) for _, c in _cells(out) if c.data_type == "s" and c.value is not None]
    joined = "\n".join(texts)
    for payload in ("=HYPERLINK(", "+1+1", "@SUM(A1)", "-2+3"):
        assert payload in joined, payload


def test_hyperlinks_are_only_http(out):
    links = [(s, c.coordinate, c.hyperlink.target) for s, c in _cells(out) if c.hyperlink is not None]
    for sheet, coord, target in links:
        assert target and target.lower().startswith(("http://", "https://")), (sheet, coord, target)
    assert any(t == "https://example.org/ok?a=1" for _, _, t in links), links


def test_numbers_stay_numbers(out):
    book = openpyxl.load_workbook(out / "ledger.xlsx")
    sheet = book["Ledger"]
    header_row, col = next((r, c) for r in range(1, 6) for c in range(1, sheet.max_column + 1)
                           if sheet.cell(r, c).value == "value")
    values = [sheet.cell(r, col).value for r in range(header_row + 1, sheet.max_row + 1)]
    values = [v for v in values if v is not None]
    assert values and all(isinstance(v, (int, float)) for v in values), values
    assert 5_000_000 in values and 1_000_000_000 in values


@pytest.mark.parametrize("name", ["ledger.csv", "facts.csv", "errors.csv"])
def test_csv_cells_are_neutralised(out, name):
    with open(out / name, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    risky = [cell for row in rows for cell in row if cell.startswith(RISKY) and not _is_number(cell)]
    assert not risky, risky


def test_csv_numbers_are_numbers(out):
    with open(out / "ledger.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    assert {float(r["value"]) for r in rows if r["kind"] == "money"} >= {5e6, 1e9, 7e6, 9e6}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_extract_csv_output_is_neutralised(payload, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(f"title: {payload}\n\n{payload} Ireland gave €4 million to Ukraine.\n", encoding="utf-8")
    assert main(["extract", str(path), "--format", "csv", "--jobs", "1"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out, newline="")))
    risky = [cell for row in rows for cell in row if cell.startswith(RISKY) and not _is_number(cell)]
    assert not risky, risky


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# Every prefix OWASP and ASVS 5 list, and the forms spreadsheets fold into them → is it quoted?
PREFIXES = [
    ("=1+2", True), ("+1", True), ("-1", True), ("@SUM(A1)", True), ("\tx", True), ("\rx", True),
    ("\nx", True), ("\x00=1", True), ("\x00x", True), ("  =1+2", True), ("\u00a0=1", True),
    ("\u3000@x", True), ("\uff1d1+2", True), ("\ufe661", True), ("\uff0b1", True), ("\uff0d1", True),
    ("\uff20x", True), (" \t=1", True),
    ("x=1", False), ("Kyiv", False), (" Kyiv", False), ("1-2", False), ("", False), ("'=1", False),
]


@pytest.mark.parametrize("text, risky", PREFIXES)
def test_csv_cells_are_quoted_for_every_formula_prefix(text, risky):
    import pandas as pd

    from ledger.report.flat import neutralised
    from ledger.report.safe import safe_text

    assert safe_text(text) == ("'" + text if risky else text)
    frame = neutralised(pd.DataFrame({"t": pd.Series([text], dtype="string")}))
    assert frame["t"].iloc[0] == safe_text(text)


@pytest.mark.parametrize("url, link", [
    ("https://example.org/a", "https://example.org/a"),
    ("https://example.org/\u202egnp.exe", None),  # a right-to-left override: never a link
    ("https://exa\u2066mple.org/", None),
])
def test_bidi_controls_never_reach_a_link_or_its_text(tmp_path, url, link):
    import pandas as pd

    from ledger.report.sheet import SheetWriter
    from ledger.report.safe import http_url, xlsx_text

    assert http_url(url) == link
    assert xlsx_text(url) == url.replace("\u202e", "").replace("\u2066", "")
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("S")
    SheetWriter(ws).write_frame(pd.DataFrame({"url": pd.Series([url], dtype="string")}), link="url")
    book.save(tmp_path / "b.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "b.xlsx")["S"]["A2"]
    assert cell.value == xlsx_text(url)
    assert (cell.hyperlink.target if cell.hyperlink else None) == link
