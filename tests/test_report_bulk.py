"""The fast path of big table sheets writes the same workbook as the openpyxl path, cell for cell."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from test_report_frames import INJECTIONS, sample_documents, sample_errors, sample_facts

from ledger.store.schema import MENTION_DTYPES, typed_frame
from ledger.analyse import totals
from ledger.report.cells import TextStyles, escape_texts, float_cells, text_cells
from ledger.analyse.reconcile import reconcile
from ledger.report.workbook import write_workbook

N_ROWS = 5_000
# Texts that test every rule: injections, XML specials, control characters (dropped), white space
# at either end, CR and LF inside, error-code look-alikes, over-long text, a number as text.
NASTY = (*INJECTIONS, "a & b < c > d", "tab\tinside", "  padded  ", "line\r\nbreak", "bell\x07char",
         "\x01=hidden formula", "#REF!", "x" * 40_000, "1234", "", "ünïcødé – “quotes” 🙂", "  ")
URLS = ("https://example.org/a?x=1&y=2", "http://example.net/b c", "javascript:alert(1)", "ftp://x.example/f",
        "-x https://example.com/risky", None)


def big_mentions(n: int = N_ROWS) -> pd.DataFrame:
    rng = random.Random(7)
    dates = pd.date_range("1899-12-25", "2024-12-31", freq="37D").strftime("%Y-%m-%d").tolist()
    rows = []
    for i in range(n):
        text = rng.choice(NASTY) if i % 3 == 0 else f"sentence {i} about ${rng.randint(1, 999)} million"
        value = rng.choice([None, float("nan"), 0.0, -2.5, 1e-7, 123456789.125, 2.5e18, float(i)])
        rows.append({"doc_id": f"d{i % 97}", "source": rng.choice(NASTY[:12]), "url": rng.choice(URLS),
                     "published": rng.choice([None, *dates]), "title": text, "start": i, "end": None if i % 11
                     else i + 4, "surface": rng.choice(NASTY), "sentence": text, "kind": "money", "value": value,
                     "qualifier": "exact", "currency": rng.choice(["USD", "EUR", None]), "figure_id": f"m{i}",
                     "value_usd": value, "fact_id": f"f{i % 50}", "event_date": rng.choice([None, *dates]),
                     "fx_date": "2022-03-04 18:30:00"})
    return typed_frame(rows, MENTION_DTYPES)


def _write(path: Path, mentions: pd.DataFrame, *, fast: bool) -> Path:
    facts = sample_facts()
    write_workbook(path, mentions=mentions, facts=facts, documents=sample_documents(), errors=sample_errors(),
                   tables=totals(facts), reconciliation=reconcile(facts), run_info={}, fast=fast)
    return path


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    out = tmp_path_factory.mktemp("bulk")
    mentions = big_mentions()
    return (openpyxl.load_workbook(_write(out / "fast.xlsx", mentions, fast=True)),
            openpyxl.load_workbook(_write(out / "plain.xlsx", mentions, fast=False)))


def _cells(ws) -> list[tuple]:
    return [(c.coordinate, c.value, type(c.value).__name__, c.data_type, c.number_format, c.quotePrefix,
             c.alignment.wrap_text, c.font.u, c.hyperlink.target if c.hyperlink else None)
            for row in ws.iter_rows() for c in row if c.value is not None]


@pytest.mark.parametrize("sheet", ["Mentions", "Ledger", "Sources", "Totals", "Items", "Claims", "Errors"])
def test_fast_sheets_read_back_like_openpyxl_sheets(books, sheet):
    fast, plain = (b[sheet] for b in books)
    got, expected = _cells(fast), _cells(plain)
    assert len(got) == len(expected) and got == expected
    assert [t.ref for t in fast.tables.values()] == [t.ref for t in plain.tables.values()]
    assert fast.freeze_panes == plain.freeze_panes == "A2"


def test_fast_mentions_keep_every_row_and_the_hyperlinks(books):
    ws = books[0]["Mentions"]
    (table,) = ws.tables.values()
    assert table.ref == f"A1:{openpyxl.utils.get_column_letter(len(MENTION_DTYPES))}{N_ROWS + 1}" and ws.max_row == N_ROWS + 1
    links = {c.hyperlink.target for row in ws.iter_rows(min_row=2) for c in row if c.hyperlink}
    assert links == {"https://example.org/a?x=1&y=2", "http://example.net/b", "https://example.com/risky"}


def test_hyperlinks_stop_at_the_sheet_limit_and_about_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr("ledger.report.bulk.MAX_LINKS", 10)
    mentions = big_mentions(200)
    book = openpyxl.load_workbook(_write(tmp_path / "capped.xlsx", mentions, fast=True))
    links = [c for row in book["Mentions"].iter_rows(min_row=2) for c in row if c.hyperlink]
    assert len(links) == 10 and max(c.row for c in links) < 200
    about = [r[1].value for r in book["About"].iter_rows() if r[0].value == "hyperlinks"]
    assert len(about) == 1 and about[0].startswith("Mentions:")


@pytest.mark.parametrize("values, expected", [
    (["a&b", "<x>", "plain"], ["a&amp;b", "&lt;x&gt;", "plain"]),
    (["cr\rlf\n", "tab\t"], ["cr&#13;lf\n", "tab\t"]),
    ([], []),
])
def test_texts_are_xml_escaped(values, expected):
    assert escape_texts(values) == expected


@pytest.mark.parametrize("value, cell", [
    ("abc", '<c r="B7" t="inlineStr"><is><t>abc</t></is></c>'),
    ("=1+1", '<c r="B7" s="3" t="inlineStr"><is><t>=1+1</t></is></c>'),
    (" x", '<c r="B7" t="inlineStr"><is><t xml:space="preserve"> x</t></is></c>'),
    ("a\x00b", '<c r="B7" t="inlineStr"><is><t>ab</t></is></c>'),
    ("", ""),
    (None, ""),
])
def test_text_cells(value, cell):
    assert text_cells([value], "B", ["7"], TextStyles(plain=0, risky=3)) == [cell]


def test_nan_and_infinity_leave_the_cell_empty():
    got = float_cells(pd.Series([np.nan, np.inf, 1.5, None], dtype="Float64"), "C", ["2", "3", "4", "5"], 0)
    assert got == ["", "", '<c r="C4" t="n"><v>1.5</v></c>', ""]


@pytest.mark.parametrize("value", [
    "https://example.org/a?x=1&y=2#frag", "http://example.net", "https://example.org/a b", "https://a.example|b",
    "https://exa\u2100mple.org/", "https://[::1/x", "https://user@host.example/", "https://host.example:8080/",
    "https://host.example/\u00a0x", "https://host.example/\x01", "HTTPS://EXAMPLE.ORG/", "https://", "https:///x",
    "javascript:alert(1)", "https://host.example/" + "x" * 3000, "https://host.example/ünï",
])
def test_plain_url_shortcut_agrees_with_http_url(value):
    from ledger.report.bulk import _urls
    from ledger.report.safe import http_url

    assert _urls([value]) == [http_url(value)]
