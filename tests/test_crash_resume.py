"""Crash safety: ``aid-ledger run`` killed with SIGKILL in the middle loses nothing.

The previous reports stay intact and readable, the store stays consistent (every mention's
document is stored), and the next run resumes and ends with exactly the facts of an
uninterrupted run.
"""
from __future__ import annotations

import hashlib
import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ledger.cli import main
from ledger.store import Store

DONORS = ["Norway", "Japan", "Germany", "Canada", "Denmark", "Sweden", "Poland", "Italy"]
CURRENCIES = ["NOK", "JPY", "EUR", "CAD", "DKK", "SEK", "PLN", "EUR"]
FILLER = ("Officials said the money would go to repairs of power lines, water pumps and schools, "
          "and that a further review of needs would follow in the spring. ")
REPORTS = ("ledger.xlsx", "ledger.csv", "facts.csv", "errors.csv", "ledger.parquet")
FACT_KEY = ["kind", "role", "value", "donor", "recipient"]


def _doc(i: int) -> dict:
    """One small article with one distinct package and a count, dated a few days apart."""
    k = i % len(DONORS)
    day = pd.Timestamp("2022-03-01") + pd.Timedelta(days=3 * i)
    text = (f"{DONORS[k]} on {day:%B} {day.day} announced a new {CURRENCIES[k]} {100 + i} million aid "
            f"package for Ukraine, including {20 + i} generators. " + FILLER * (4 + i % 5))
    return {"id": f"doc-{i:04d}", "published": f"{day:%Y-%m-%d}", "title": f"Aid update {i}",
            "url": f"https://example.org/aid/{i}", "text": text}


def _corpus(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps(_doc(i)) + "\n" for i in range(n)), encoding="utf-8")
    return path


def _digests(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in REPORTS}


def _stored_documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _fact_set(out: Path) -> list[tuple]:
    facts = pd.read_csv(out / "facts.csv")
    key = facts[FACT_KEY].astype(object).where(facts[FACT_KEY].notna(), "")
    return sorted(tuple(str(v) for v in row) for row in key.itertuples(index=False))


def _kill_midway(ledger_cli, corpus: Path, out: Path, n_docs: int, batch: int, already: int) -> int | None:
    """Start a run and SIGKILL it once at least one more batch is stored (``already`` documents
    were there before); the stored count then, or None when the run finished first."""
    proc = subprocess.Popen(ledger_cli.argv("run", corpus, "--out", out, "--jobs", "1",
                                            "--batch-size", batch, "-q"),
                            env=ledger_cli.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    db = out / "ledger.sqlite"
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if _stored_documents(db) > already:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                stored = _stored_documents(db)
                return stored if stored < n_docs else None
            time.sleep(0.005)
        return None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_killed_run_resumes_to_the_same_facts(tmp_path, ledger_cli):
    # only the run that is killed needs a process of its own; the others run in this one (a fresh
    # interpreter costs seconds of imports and of bundling the dashboard's script)
    out = tmp_path / "out"
    small = _corpus(tmp_path / "small.jsonl", 10)
    assert main(["run", str(small), "--out", str(out), "--jobs", "1", "-q"]) == 0
    before = _digests(out)
    already = _stored_documents(out / "ledger.sqlite")
    assert already == 10

    n_docs = 60  # 15 batches of 4: the kill comes after the first; tripled when the run was faster
    stored = None
    for attempt in range(3):  # a bigger corpus when the machine finished before the kill
        corpus = _corpus(tmp_path / f"big-{attempt}.jsonl", n_docs)
        stored = _kill_midway(ledger_cli, corpus, out, n_docs, batch=4, already=already)
        if stored is not None:
            break
        n_docs *= 3
    if stored is None:
        pytest.fail("the run always finished before it could be killed; cannot test a crash")

    # the reports of the earlier, complete run are untouched and readable
    assert _digests(out) == before
    openpyxl.load_workbook(out / "ledger.xlsx")
    pd.read_parquet(out / "ledger.parquet")
    assert len(pd.read_csv(out / "ledger.csv")) > 0

    # the store is consistent: it opens, passes SQLite's check, every mention has its document
    conn = sqlite3.connect(out / "ledger.sqlite")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store(out / "ledger.sqlite") as store:
        documents, mentions = store.documents(), store.mentions()
    assert len(documents) == stored > already
    assert set(mentions["doc_id"]) <= set(documents["doc_id"])
    per_doc = mentions.groupby("doc_id").size()
    stored_counts = documents.set_index("doc_id")["n_figures"]
    assert all(per_doc.get(d, 0) == n for d, n in stored_counts.items()), "a document lost figures"

    # resume to the end; an uninterrupted run in another folder gives the same facts
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1", "--batch-size", "4", "-q"]) == 0
    reference_out = tmp_path / "uninterrupted"  # both corpora in one run
    assert main(["run", str(small), str(corpus), "--out", str(reference_out), "--jobs", "1", "-q"]) == 0
    assert _fact_set(out) == _fact_set(reference_out)
    assert len(pd.read_csv(out / "ledger.csv")) == len(pd.read_csv(reference_out / "ledger.csv"))
