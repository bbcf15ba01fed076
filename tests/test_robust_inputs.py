"""Per-document isolation: a corpus mixing good articles with every kind of bad input.

``aid-ledger run`` processes every good article (its figures are in ledger.csv), lists each
bad input once with its reason (stderr and errors.csv), exits 1, and writes complete reports.
Encodings are detected (latin-1 is read, not refused) and mojibake is repaired.
"""
from __future__ import annotations

import contextlib
import io
import json
import random
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ledger.cli import main
from ledger.read import iter_documents

REPORTS = ("ledger.xlsx", "ledger.csv", "facts.csv", "errors.csv", "ledger.parquet", "ledger.sqlite")
MAX_BYTES = 20_000

LATIN1 = ("published: 2023-02-10\ntitle: Swiss cantons help\n\n"
          "The cantons of Zürich and Genève will give CHF 3 million for winter shelters in Ukraine, "
          "said the minister, Frédéric Müller, at a café in Bern. Señora Núñez welcomed the décision "
          "and the générosité of the Confédération.\n")
MOJIBAKE_SOURCE = ("published: 2023-02-11\ntitle: Fund in Zürich\n\n"
                   "The ministry’s fund in Zürich gave €40 million to Moldova’s energy "
                   "programme, its director said on Friday.\n")
# Each good input → a (currency, value) its ledger rows must contain.
GOOD = {
    "norway.txt": (("published: 2023-06-02\ntitle: Oslo adds support\n\n"
                    "Norway on Friday pledged NOK 2.5 billion in new aid for Ukraine.\n"),
                   ("NOK", 2.5e9)),
    "notes.md": (("---\ntitle: Washington package\npublished: 2023-04-04\n---\n\n"
                  "# Washington package\n\nThe Pentagon announced a $45 million package for Ukraine "
                  "on Tuesday.\n"), ("USD", 45e6)),
    "page.html": (("<!DOCTYPE html><html><head><title>EU support</title>"
                   '<meta property="article:published_time" content="2023-03-15"></head><body>'
                   "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
                   "<h1>EU support</h1><p>The European Union on Wednesday approved a new "
                   "€300 million grant for Ukrainian farmers hit by the war, officials in Brussels "
                   "said. The money will pay for seed, fuel and repairs to grain silos before the "
                   "spring planting season, according to the commission.</p></article>"
                   "<footer>Copyright 2023</footer></body></html>"), ("EUR", 300e6)),
}
JSONL_GOOD = [("j1", "Japan will lend Ukraine $11 million for bridge repairs, Tokyo said.", ("USD", 11e6)),
              ("j3", "Britain sent £33 million of generators to Kyiv this winter.", ("GBP", 33e6)),
              ("j4", "Canada gave C$44 million to demining work in Ukraine.", ("CAD", 44e6))]


def _binary() -> bytes:
    """A gzip-like blob: magic number, NULs, every byte value."""
    rng = random.Random(6)
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + bytes(rng.randrange(256) for _ in range(3000)) + b"\x00" * 64


def _undecodable() -> bytes:
    """Random bytes with NULs sprinkled in: no encoding reads them as text."""
    rng = random.Random(7)
    data = bytearray(rng.randrange(128, 256) for _ in range(2000))
    for i in range(0, len(data), 9):
        data[i] = 0
    return bytes(data)


def _broken_html() -> bytes:
    return (b"<!DOCTYPE html><html><head><script>var a = '<div>'; function f(){ if (a < 3) {"
            b"</head><body><div><div><table><tr><td><<<>>><span class=\"" + b"<div>" * 200)


def build_corpus(root: Path) -> tuple[list[Path], dict[str, str]]:
    """Write the corpus; return every input path and, for each bad one, a fragment of its name."""
    root.mkdir()
    paths = []
    for name, (text, _) in GOOD.items():
        (root / name).write_text(text, encoding="utf-8")
        paths.append(root / name)
    (root / "swiss.txt").write_bytes(LATIN1.encode("latin-1"))
    mojibake = MOJIBAKE_SOURCE.encode("utf-8").decode("cp1252").encode("utf-8")
    (root / "mojibake.txt").write_bytes(mojibake)
    lines = [json.dumps({"id": i, "text": t, "published": "2023-01-20"}) for i, t, _ in JSONL_GOOD]
    lines.insert(1, '{"id": "j2", "text": "Germany gave EUR 22 million to')  # truncated line 2
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = {"scan.txt": _binary(), "random.txt": _undecodable(), "empty.txt": b"",
           "huge.txt": ("Norway gave NOK 9 million to Ukraine. " * 1000).encode("utf-8"),
           "broken.html": _broken_html()}
    for name, data in bad.items():
        (root / name).write_bytes(data)
    paths += [root / n for n in ("swiss.txt", "mojibake.txt", "wire.jsonl", *bad)]
    failing = {n: n for n in bad} | {"wire.jsonl line 2": "wire.jsonl"}
    return paths, failing


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    """One ``aid-ledger run`` over the mixed corpus: (exit status, stderr, out folder, failing inputs)."""
    tmp = tmp_path_factory.mktemp("bad-input")
    paths, failing = build_corpus(tmp / "in")
    out = tmp / "out"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["run", *map(str, paths), "--out", str(out), "--jobs", "1",
                     "--max-bytes", str(MAX_BYTES)])
    return code, err.getvalue(), out, failing


def _ledger(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "ledger.csv")


def test_exit_status_is_1(bad_run):
    code, err, _, _ = bad_run
    assert code == 1, err


@pytest.mark.parametrize("name, expected", [(n, e) for n, (_, e) in GOOD.items()]
                         + [("wire.jsonl", e) for _, _, e in JSONL_GOOD]
                         + [("swiss.txt", ("CHF", 3e6)), ("mojibake.txt", ("EUR", 40e6))])
def test_every_good_article_is_in_the_ledger(bad_run, name, expected):
    _, _, out, _ = bad_run
    ledger = _ledger(out)
    rows = ledger[ledger["source"].astype(str).str.contains(name, regex=False)]
    currency, value = expected
    found = rows[(rows["currency"] == currency) & (rows["value"].astype(float) == value)]
    assert len(found) >= 1, rows[["source", "surface", "currency", "value"]].to_string()


@pytest.mark.parametrize("name", ["swiss.txt", "mojibake.txt"])
def test_encodings_are_read_and_mojibake_is_repaired(bad_run, name):
    _, _, out, _ = bad_run
    ledger = _ledger(out)
    rows = ledger[ledger["source"].astype(str).str.contains(name, regex=False)]
    text = " ".join(rows["sentence"].astype(str)) + " " + " ".join(rows["title"].astype(str))
    assert "Zürich" in text, text
    assert "Ã" not in text and "â€" not in text, text
    errors = pd.read_csv(out / "errors.csv")
    assert not errors["source"].astype(str).str.contains(name, regex=False).any()


def test_each_bad_input_is_one_line_on_stderr(bad_run):
    _, err, _, failing = bad_run
    lines = err.splitlines()
    for label, fragment in failing.items():
        named = [ln for ln in lines if fragment in ln and "wrote" not in ln]
        if label.endswith("line 2"):
            named = [ln for ln in named if ":2" in ln or "line 2" in ln]
        assert len(named) == 1, f"{label}: {named}\n{err}"
    assert "Traceback" not in err


def test_each_bad_input_is_one_row_of_errors_csv_with_a_reason(bad_run):
    _, _, out, failing = bad_run
    errors = pd.read_csv(out / "errors.csv")
    assert len(errors) == len(failing), errors.to_string()
    for label, fragment in failing.items():
        rows = errors[errors["source"].astype(str).str.contains(fragment, regex=False)]
        assert len(rows) == 1, f"{label}: {errors.to_string()}"
        assert str(rows["reason"].iloc[0]).strip() not in ("", "nan")
        if label.endswith("line 2"):
            row = rows.iloc[0]
            assert row["line"] == 2 or str(row["source"]).endswith(":2"), row


def test_reports_are_complete(bad_run):
    _, _, out, failing = bad_run
    for name in REPORTS:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    book = openpyxl.load_workbook(out / "ledger.xlsx")
    assert "Errors" in book.sheetnames, book.sheetnames
    sheet = book["Errors"]
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    for fragment in set(failing.values()):
        assert fragment in text, fragment
    parquet = pd.read_parquet(out / "ledger.parquet")
    assert len(parquet) == len(_ledger(out))


@pytest.mark.parametrize("name, data", [
    ("scan.txt", _binary()),
    ("random.txt", _undecodable()),
    ("empty.txt", b""),
    ("blank.txt", b" \n\n\t \n"),
    ("huge.txt", b"x" * (MAX_BYTES + 1)),
    ("broken.html", _broken_html()),
])
def test_reader_yields_an_error_never_raises(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    items = list(iter_documents([str(path)], max_bytes=MAX_BYTES))
    assert len(items) == 1 and type(items[0]).__name__ == "ReadError", items
    assert name in str(items[0])
