"""The CLI through its entry point: help, version, formats, exit codes, the main job."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ledger.version import __version__
from ledger.cli import main

ARTICLE = """url: https://example.org/news/aid-1
published: 2023-03-04
title: Canada sends more help

Ottawa on Friday announced a new C$30 million aid package for Ukraine, including 20 armoured vehicles.
"""


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("argv", [
    ["--help"], ["extract", "--help"], ["run", "--help"], ["report", "--help"], ["reconcile", "--help"],
])
def test_help_everywhere(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    assert "usage: aid-ledger" in capsys.readouterr().out


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"aid-ledger {__version__}"


def test_python_dash_m_works(article):
    proc = subprocess.run([sys.executable, "-m", "ledger", "extract", str(article), "--format", "jsonl"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert any(json.loads(line)["surface"] == "C$30 million" for line in proc.stdout.splitlines())


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_extract_formats(fmt, article, capsys):
    assert main(["extract", str(article), "--format", fmt, "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
    else:
        assert out.splitlines()[0].split()[:3] == ["doc_id", "surface", "kind"]
        assert "C$30 million" in out
        return
    money = [r for r in rows if r["kind"] == "money"]
    assert [r["surface"] for r in money] == ["C$30 million"]
    assert money[0]["currency"] == "CAD"
    assert float(money[0]["value"]) == 30_000_000
    assert money[0]["published"] == "2023-03-04"
    for key in ("doc_id", "source", "published", "title", "start", "end", "surface", "sentence", "kind",
                "value", "low", "high", "qualifier", "change", "unit", "currency", "item", "role",
                "donor", "recipient", "event_date"):
        assert key in money[0]


def test_extract_stdin(article):
    proc = subprocess.run([sys.executable, "-m", "ledger", "extract", "-", "--format", "jsonl"],
                          input=article.read_text(), capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "C$30 million" in proc.stdout


def test_extract_missing_path_is_a_usage_error(article, tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["extract", str(missing), str(article), "--format", "jsonl", "--jobs", "1"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"aid-ledger: error: no such file or folder: '{missing}' (nothing was read or written)\n"
    assert captured.out == ""


@pytest.mark.parametrize("argv, fragment", [
    ([], "a command is required"),
    (["extract"], "the following arguments are required: PATH"),
    (["extract", "x.txt", "--format", "xml"], "invalid choice: 'xml'"),
    (["run", "x.txt", "--jobs", "0"], "expected a number of at least 1"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
])
def test_usage_errors_are_one_line_exit_2(argv, fragment, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("aid-ledger: error: ")
    assert fragment in err


def test_report_without_store_says_what_to_do(tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path)]) == 2
    assert "run 'aid-ledger run PATH...' first" in capsys.readouterr().err
