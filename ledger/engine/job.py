"""The main job: inputs → store → reports, with a summary of what happened."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ledger.store.schema import ERROR_DTYPES, typed_frame
from ledger.engine.batches import DEFAULT_BATCH_SIZE, Batch, run_local
from ledger.model import ReadError
from ledger.read.inputs import DEFAULT_MAX_BYTES

DEFAULT_OUT = Path("reports")


@dataclass(slots=True)
class RunSummary:
    documents: int = 0
    skipped: int = 0
    mentions: int = 0
    facts: int = 0
    errors: list[ReadError] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [f"{self.documents} new documents, {self.skipped} already in the store, "
               f"{self.mentions} figures, {self.facts} facts in the store, "
               f"{len(self.errors)} inputs failed ({self.seconds:.1f} s)"]
        out += [f"wrote {p}" for p in self.reports]
        return out


class Progress:
    """A progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, enabled: bool | None = None):
        if enabled is None:
            enabled = sys.stderr.isatty()
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True)
        self.figures = 0

    def update(self, batch: Batch) -> None:
        if self.bar is None:
            return
        self.figures += sum(len(p.rows) for p in batch.items)
        self.bar.update(len(batch.items) + batch.skipped + len(batch.errors))
        self.bar.set_postfix(figures=self.figures, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def errors_frame(errors: Iterable[ReadError]) -> pd.DataFrame:
    return typed_frame(({"source": e.source, "line": e.line, "reason": e.reason} for e in errors),
                       ERROR_DTYPES)


def store_path(out: Path, db: Path | None) -> Path:
    return db if db is not None else out / "ledger.sqlite"


def run_job(paths: list[str], *, out: Path = DEFAULT_OUT, db: Path | None = None,
            reference: Path | None = None, jobs: int = 1, batch_size: int = DEFAULT_BATCH_SIZE,
            max_bytes: int = DEFAULT_MAX_BYTES, engine: str = "local", scheduler: str | None = None,
            progress: bool | None = None, stdin=None, on_error=None) -> RunSummary:
    """Read ``paths``, store their figures, rebuild facts and write every report."""
    from ledger.read import iter_documents
    from ledger.store import Store

    t0 = time.perf_counter()
    summary = RunSummary()
    out.mkdir(parents=True, exist_ok=True)
    with Store(store_path(out, db)) as store:
        if engine == "dask":
            from ledger.engine.dask import run_dask

            batches = run_dask(paths, out=out, scheduler=scheduler, max_bytes=max_bytes,
                               known=store.known, jobs=jobs, batch_size=batch_size)
        else:
            inputs = iter_documents(paths, max_bytes=max_bytes, stdin=stdin)
            batches = run_local(inputs, jobs=jobs, batch_size=batch_size, known=store.known)
        bar = Progress(progress)
        try:
            for batch in batches:
                store.add_batch([(p.doc, p.content_hash, p.rows) for p in batch.items], batch.errors)
                summary.documents += len(batch.items)
                summary.skipped += batch.skipped
                summary.mentions += sum(len(p.rows) for p in batch.items)
                summary.errors.extend(batch.errors)
                if on_error is not None:
                    for e in batch.errors:
                        on_error(e)
                bar.update(batch)
        finally:
            bar.close()
        store.rebuild_facts()
        summary.reports = write_all_reports(store, out, reference=reference, errors=summary.errors,
                                            inputs=paths)
        summary.facts = len(store.facts())
    summary.seconds = time.perf_counter() - t0
    return summary


def write_all_reports(store, out: Path, *, reference: Path | None = None,
                      errors: list[ReadError] | None = None, inputs: list[str] | None = None) -> list[Path]:
    """Write every report file from the store's frames."""
    from ledger.version import __version__
    from ledger.analyse import load_reference
    from ledger.report import write_reports

    ref = load_reference(reference) if reference is not None else None
    errs = errors_frame(errors) if errors is not None else store.errors()
    run_info = {"inputs": ", ".join(inputs or []), "store": str(store.path),
                "reference": str(reference or ""), "version": __version__,
                "run_at": time.strftime("%Y-%m-%d %H:%M:%S")}
    return write_reports(store.mentions(), store.facts(), store.documents(), errs, out,
                         reference=ref, run_info=run_info)
