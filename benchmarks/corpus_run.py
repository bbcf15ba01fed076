"""What the corpus benchmarks share: finding ``../shared``, one cached ledger run per corpus, its outputs.

``ensure_run`` runs ``python -m ledger run CORPUS --out DIR --jobs N`` once and keeps DIR under
``benchmarks/.cache/<corpus>-<source hash>/``, where the source hash covers every file of the
``ledger`` package (code and data). A later benchmark on the same code reuses that run; any change
to the package gives a new hash and a fresh run. Outputs are read from the SQLite store
(``ledger.sqlite``: tables ``mentions``, ``facts``, ``documents``).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AID_LEDGER_SHARED", ROOT.parent / "shared"))
WHITEHOUSE = SHARED / "corpus" / "whitehouse.jsonl.gz"
CACHE = ROOT / "benchmarks" / ".cache"
KEEP_RUNS = 3  # cached runs kept per corpus (older ones are removed)
_DONE = "complete"  # marker file written last: a run without it is unfinished


def missing(*paths: Path) -> Path | None:
    """The first of ``paths`` that does not exist (None when all do)."""
    return next((p for p in paths if not p.exists()), None)


def skip_message(path: Path) -> str:
    return f"skip: {path} not found (../shared is absent)"


def source_hash(package: Path = ROOT / "ledger") -> str:
    """A short hash of every file of the package (relative path and bytes), caches excluded."""
    digest = hashlib.sha1()
    files = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def run_dir(corpus: Path, cache: Path = CACHE, code: str | None = None) -> Path:
    """Where the run of the current code on ``corpus`` is (or will be) cached."""
    stem = corpus.name.split(".")[0]
    return cache / f"{stem}-{code or source_hash()}"


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """Options every corpus benchmark takes."""
    parser.add_argument("--corpus", type=Path, default=WHITEHOUSE, help="corpus to run (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes of the ledger run (default 2)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="folder of cached runs (default: %(default)s)")
    parser.add_argument("--refresh", action="store_true", help="run the ledger again even if a cached run exists")


def ensure_run(corpus: Path, *, jobs: int = 2, cache: Path = CACHE, refresh: bool = False) -> Path:
    """The folder of a complete ledger run of the current code on ``corpus`` (run it if needed)."""
    target = run_dir(corpus, cache)
    if (target / _DONE).exists() and not refresh:
        return target
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=cache))
    cmd = [sys.executable, "-m", "ledger", "run", str(corpus), "--out", str(work), "--jobs", str(jobs), "--quiet"]
    print(f"running the ledger on {corpus.name} into {target} ...", file=sys.stderr, flush=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(cmd, cwd=ROOT, env=env)
    if done.returncode not in (0, 1):  # 1: some inputs could not be read, the rest is stored
        shutil.rmtree(work, ignore_errors=True)
        raise SystemExit(f"ledger run failed (exit {done.returncode}): {' '.join(cmd)}")
    (work / _DONE).write_text(" ".join(cmd) + "\n", encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    work.rename(target)
    prune(cache, target)
    return target


def prune(cache: Path, keep: Path, n: int = KEEP_RUNS) -> list[Path]:
    """Remove all but the ``n`` newest runs of the same corpus as ``keep`` (never ``keep``)."""
    stem = keep.name.rsplit("-", 1)[0]
    runs = sorted((p for p in cache.glob(f"{stem}-*") if p.is_dir() and p != keep),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    gone = runs[max(n - 1, 0):]
    for path in gone:
        shutil.rmtree(path, ignore_errors=True)
    return gone


def run_or_skip(args: argparse.Namespace) -> Path | None:
    """The cached run for the benchmark's options, or None after printing why it is skipped."""
    if missing(args.corpus):
        print(skip_message(args.corpus))
        return None
    return ensure_run(args.corpus, jobs=args.jobs, cache=args.cache, refresh=args.refresh)


def query(run: Path, sql: str, params: tuple = ()) -> pd.DataFrame:
    """Rows of an SQL query on the run's store; date columns stay ISO strings."""
    with sqlite3.connect(f"file:{run / 'ledger.sqlite'}?mode=ro", uri=True) as conn:
        return pd.read_sql_query(sql, conn, params=params)


def mentions(run: Path, columns: str = "*", where: str = "1", params: tuple = ()) -> pd.DataFrame:
    """Stored mentions (one row per figure occurrence), in document and text order."""
    return query(run, f"SELECT {columns} FROM mentions WHERE {where} ORDER BY doc_id, start", params)


def facts(run: Path, columns: str = "*", where: str = "1", params: tuple = ()) -> pd.DataFrame:
    """Stored facts (mentions merged across documents)."""
    return query(run, f"SELECT {columns} FROM facts WHERE {where}", params)


def documents(corpus: Path, wanted: set[str] | None = None):
    """Documents of ``corpus`` as the ledger reads them (``ledger.read.iter_documents``); with
    ``wanted``, only those ids. Unreadable rows are skipped."""
    from ledger.read import iter_documents

    for doc in iter_documents([corpus]):
        if hasattr(doc, "text") and (wanted is None or doc.doc_id in wanted):
            yield doc


def year_of(date: object) -> int | None:
    """The year of an ISO date string (None when empty)."""
    text = str(date or "")
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None
