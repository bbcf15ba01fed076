"""Shared fixtures: run the CLI in a fresh interpreter from the checkout; small corpus files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


class LedgerCli:
    """``ledger_cli(*args)`` runs ``python -m ledger ARGS`` and returns the finished process;
    ``argv(*args)`` and ``env`` start one yourself (e.g. to kill it)."""

    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}

    @staticmethod
    def argv(*args) -> list[str]:
        return [sys.executable, "-m", "ledger", *map(str, args)]

    def __call__(self, *args, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(self.argv(*args), capture_output=True, text=True, env=self.env,
                              check=False, **kwargs)


@pytest.fixture()
def ledger_cli() -> LedgerCli:
    return LedgerCli()


def _corpus_rows() -> list[str]:
    """JSONL rows of varied lengths with a blank line, broken JSON, a row without text and a row
    without an id (whose id comes from its line)."""
    import json

    rows = [json.dumps({"id": f"r{i}", "published": "2023-05-0%d" % (1 + i % 9),
                        "text": f"Row {i}: the agency pledged ${i + 1} million for {i * 3} schools."
                                + " More words." * (i % 7)}) for i in range(40)]
    rows[5] = ""
    rows[9] = '{"id": "broken", "text": '
    rows[14] = json.dumps({"id": "r14"})
    rows[21] = json.dumps({"text": "No id here: a grant of $2 million, numbered by its line."})
    return rows


def _csv_text() -> str:
    """CSV rows with quoted fields over two lines, doubled quotes, a literal quote inside an
    unquoted field, a blank line, CRLF line ends."""
    lines = ["id,title,text"]
    for i in range(30):
        text = (f"Row {i} says: \"\"$ {i + 1} million\"\"\nover two lines." if i % 4 == 0 else
                f"Row {i}: {i * 2} trucks for the 5\"\" screen fund")
        lines.append(f'c{i},Title {i},"{text}"')
    lines.insert(8, 'c-literal,A 7" tablet,Plain row with a quote inside: 12 tablets')
    lines.insert(12, "")
    return "\r\n".join(lines) + "\r\n"


@pytest.fixture()
def jsonl_corpus(tmp_path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(_corpus_rows()) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def csv_corpus(tmp_path) -> Path:
    """A UTF-8 CSV corpus with a byte-order mark."""
    path = tmp_path / "corpus.csv"
    path.write_bytes(b"\xef\xbb\xbf" + _csv_text().encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def ledger_cli_module() -> LedgerCli:
    """``ledger_cli`` for module-scoped fixtures (one run shared by a module's tests)."""
    return LedgerCli()
