"""The command line's rough edges, each through the entry point with its exact message: a closed
pipe, a report file that cannot be replaced, a full disk, skipped files, -o/--out and -q on
every command, and the progress bar."""
from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ledger.cli import main
from ledger.engine.batches import Batch, Processed
from ledger.engine.job import Progress
from ledger.model import Document

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
GOOD = "Japan on Friday gave $5 million to Ukraine."
KEEP = ("ledger.xlsx", "ledger.csv", "facts.csv", "errors.csv", "ledger.parquet", "facts.parquet")


def _article(tmp_path: Path, name: str = "a.txt", text: str = GOOD) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _reports(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in KEEP}


def test_a_closed_pipe_ends_quietly(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(["bash", "-c", f"set -o pipefail; {sys.executable} -m ledger extract {EXAMPLES} "
                                         f"--format jsonl --jobs 1 | head -n 1"],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.count("\n") == 1


def test_a_report_that_cannot_be_replaced_leaves_the_set_as_it_was(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert main(["run", str(_article(tmp_path)), "--out", str(out), "--jobs", "1", "-q"]) == 0
    before = _reports(out)
    real = os.replace

    def locked(src, dst):  # ledger.xlsx open in a spreadsheet program that locks it
        if Path(src) == out / "ledger.xlsx":
            raise PermissionError(errno.EACCES, "Permission denied", str(src))
        return real(src, dst)

    monkeypatch.setattr("ledger.report.atomic.os.replace", locked)
    new = _article(tmp_path, "b.txt", "Canada gave C$9 million to Ukraine.")
    assert main(["run", str(new), "--out", str(out), "--jobs", "1", "-q"]) == 2
    assert capsys.readouterr().err == (
        f"aid-ledger: error: cannot write '{out}/ledger.xlsx' (Permission denied): close it if another program "
        f"has it open, or choose another --out; the store is up to date and the reports written before are "
        f"unchanged ('aid-ledger report' writes them again)\n")
    assert _reports(out) == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
    monkeypatch.setattr("ledger.report.atomic.os.replace", real)
    assert main(["report", "--out", str(out), "-q"]) == 0
    assert "C$9 million" in (out / "ledger.csv").read_text(encoding="utf-8")


def test_a_full_disk_is_named_and_earlier_reports_stay(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert main(["run", str(_article(tmp_path)), "--out", str(out), "--jobs", "1", "-q"]) == 0
    before = _reports(out)

    def full(frame, path):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("ledger.report.write.write_csv", full)
    assert main(["report", "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"aid-ledger: error: cannot write '{out}/ledger.csv' (No space left on device): free some space; the "
        f"store is up to date and the reports written before are unchanged ('aid-ledger report' writes them "
        f"again)\n")
    assert _reports(out) == before


def test_every_skipped_file_is_named_with_its_reason(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    _article(folder)
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "table.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "empty.jsonl").write_bytes(b"")
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "-q"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"aid-ledger: {folder}/empty.jsonl: corpus holds no rows (empty file)",
        f"aid-ledger: {folder}/scan.pdf: skipped: .pdf files are not read (convert to text, HTML or CSV first)",
        f"aid-ledger: {folder}/table.xlsx: skipped: .xlsx files are not read (convert to text, HTML or CSV first)"]


def test_out_names_a_folder_in_every_command(tmp_path, capsys):
    article, out = str(_article(tmp_path)), tmp_path / "out"
    assert main(["extract", article, "-o", str(out / "figures"), "--jobs", "1"]) == 0
    assert '"surface": "$5 million"' in (out / "figures" / "figures.jsonl").read_text(encoding="utf-8")
    assert main(["extract", article, "--output", str(out / "one.csv"), "--format", "csv", "--jobs", "1"]) == 0
    assert "$5 million" in (out / "one.csv").read_text(encoding="utf-8")
    assert main(["run", article, "-o", str(out), "--jobs", "1", "-q"]) == 0
    assert main(["report", "-o", str(out), "-q"]) == 0
    assert main(["reconcile", "-o", str(out), "--format", "jsonl"]) == 0
    assert {p.name for p in out.iterdir()} >= {"ledger.sqlite", "ledger.xlsx", "facts.parquet", "figures"}
    assert main(["extract", article, "-o", str(out), "--output", str(out / "x.csv")]) == 2
    assert capsys.readouterr().err.endswith("aid-ledger: error: give --out DIR or --output FILE, not both\n")


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> tuple[Path, Path]:
    """An article and the folder of one run on it, made once: each test works on its own copy."""
    tmp = tmp_path_factory.mktemp("first-run")
    article = _article(tmp)
    assert main(["run", str(article), "-o", str(tmp / "out"), "--jobs", "1", "-q"]) == 0
    return article, tmp / "out"


@pytest.mark.parametrize("command", ["extract", "run", "report", "reconcile"])
def test_quiet_on_every_command(tmp_path, capsys, command, first_run):
    article, out = str(first_run[0]), str(shutil.copytree(first_run[1], tmp_path / "out"))
    capsys.readouterr()
    argv = {"extract": ["extract", article, "--jobs", "1"], "run": ["run", article, "-o", out, "--jobs", "1"],
            "report": ["report", "-o", out], "reconcile": ["reconcile", "-o", out]}[command]
    assert main([*argv, "-q"]) == 0
    assert capsys.readouterr().err == ""
    if command in ("run", "report"):
        assert main(argv) == 0
        assert capsys.readouterr().err.startswith("aid-ledger: ")


def test_the_progress_bar_shows_the_total_and_an_eta():
    stream = io.StringIO()
    bar = Progress(True, total=4, stream=stream)
    doc = Document(doc_id="d", source="a.txt", text=GOOD)
    bar.update(Batch(items=[Processed(doc, "h", [])] * 2))
    bar.update(Batch(items=[Processed(doc, "h", [])] * 2))
    bar.close()
    text = stream.getvalue()
    assert "0/4 [00:00<?" in text and "4/4 [" in text  # done/total [elapsed<remaining]


def test_the_total_is_counted_when_cheap(tmp_path):
    from ledger.read import count_documents

    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    assert count_documents([str(EXAMPLES)]) == 10
    assert count_documents([str(EXAMPLES), str(corpus)]) == 12
    assert count_documents(["-"]) is None
