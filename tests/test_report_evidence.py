"""Every output carries the evidence of each row — why (the rule and the words behind each attribute),
confidence and corrected — and every column of every file has a meaning in the About sheet."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ledger.cli import main
from ledger.report.workbook import column_meanings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EVIDENCE = ("why", "confidence", "corrected")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("evidence")
    assert main(["run", str(EXAMPLES), "--out", str(folder), "--jobs", "1", "-q"]) == 0
    assert main(["review", "export", "--out", str(folder), "-q"]) == 0
    return folder


def _sqlite_columns(out: Path, table: str) -> list[str]:
    with sqlite3.connect(out / "ledger.sqlite") as conn:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _sheet_header(out: Path, sheet: str) -> list[str]:
    ws = openpyxl.load_workbook(out / "ledger.xlsx", read_only=True)[sheet]
    return [c for c in next(ws.iter_rows(values_only=True))]


OUTPUTS = [
    ("ledger.csv", lambda out: list(pd.read_csv(out / "ledger.csv").columns)),
    ("facts.csv", lambda out: list(pd.read_csv(out / "facts.csv").columns)),
    ("ledger.parquet", lambda out: list(pd.read_parquet(out / "ledger.parquet").columns)),
    ("facts.parquet", lambda out: list(pd.read_parquet(out / "facts.parquet").columns)),
    ("sqlite mentions", lambda out: _sqlite_columns(out, "mentions")),
    ("sqlite facts", lambda out: _sqlite_columns(out, "facts")),
    ("xlsx Ledger", lambda out: _sheet_header(out, "Ledger")),
    ("xlsx Mentions", lambda out: _sheet_header(out, "Mentions")),
    ("review.csv", lambda out: list(pd.read_csv(out / "review.csv").columns)),
]


@pytest.mark.parametrize("name, columns", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_every_output_carries_the_evidence(out, name, columns):
    assert set(EVIDENCE) <= set(columns(out))


def test_every_row_of_the_reports_says_why(out):
    for name in ("ledger.csv", "facts.csv"):
        frame = pd.read_csv(out / name)
        assert frame["why"].str.contains("role=").all(), name
        assert frame["confidence"].between(0, 1).all(), name


def test_extract_writes_why_and_confidence_on_every_row(ledger_cli):
    done = ledger_cli("extract", EXAMPLES / "01_us_drawdown_275m.txt", "--format", "jsonl")
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert rows and all(r["why"] and 0 <= r["confidence"] <= 1 for r in rows)


def test_every_column_of_every_file_has_a_meaning(out):
    meanings = dict(column_meanings())
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            assert field["name"] in meanings, (resource["path"], field["name"])
    for column in pd.read_csv(out / "review.csv").columns:
        assert column in meanings, ("review.csv", column)

