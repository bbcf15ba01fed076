"""The main job: inputs → store → reports, with a summary of what happened."""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ledger.engine.batches import DEFAULT_BATCH_SIZE, Batch, run_local
from ledger.model import ReadError
from ledger.read.inputs import DEFAULT_MAX_BYTES
from ledger.store.schema import ERROR_DTYPES, FACT_DTYPES, MENTION_DTYPES, typed_frame

DEFAULT_OUT = Path("reports")
PHASES = ("extract", "store", "facts", "reports")


@dataclass(slots=True)
class RunSummary:
    documents: int = 0
    skipped: int = 0
    mentions: int = 0
    facts: int = 0
    errors: list[ReadError] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    #: seconds spent per phase: waiting for extracted batches, storing them, bringing the facts up
    #: to date, writing the reports
    phases: dict[str, float] = field(default_factory=lambda: dict.fromkeys(PHASES, 0.0))
    #: corrections that matched no figure when the facts were built (``CORRECTION_DTYPES`` rows)
    stale: pd.DataFrame | None = None

    def add(self, batch: Batch) -> None:
        self.documents += len(batch.items)
        self.skipped += batch.skipped
        self.mentions += sum(len(p.rows) for p in batch.items)
        self.errors.extend(batch.errors)

    def lines(self) -> list[str]:
        out = [f"{self.documents} new documents, {self.skipped} already in the store, "
               f"{self.mentions} figures, {self.facts} facts in the store, "
               f"{len(self.errors)} inputs failed ({self.seconds:.1f} s)"]
        out += [f"wrote {p}" for p in self.reports]
        return out


class Progress:
    """A progress bar on stderr when it is a terminal (documents done / ``total`` and an ETA when
    the total is known); silent otherwise."""

    def __init__(self, enabled: bool | None = None, total: int | None = None, stream=None):
        stream = stream or sys.stderr
        if enabled is None:
            enabled = stream.isatty()
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=" docs", file=stream, dynamic_ncols=True, smoothing=0.1)
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
            reference: tuple[pd.DataFrame, str] | None = None, no_reference: bool = False, jobs: int = 1,
            batch_size: int = DEFAULT_BATCH_SIZE, max_bytes: int = DEFAULT_MAX_BYTES, engine: str = "local",
            scheduler: str | None = None, progress: bool | None = None, stdin=None, on_error=None,
            metadata=None, rebuild: bool = False, sheet_rows: int | None = None) -> RunSummary:
    """Read ``paths``, store their figures, bring the facts up to date (with the analysts'
    corrections) and write every report. ``reference`` (a long frame, its origin) replaces the
    store's reference, ``no_reference`` removes it; ``rebuild`` extracts every input again, even one
    the store holds unchanged (after the rules changed); a workbook sheet holds at most
    ``sheet_rows`` rows (default ``SHEET_ROWS``)."""
    from ledger.read import count_documents
    from ledger.store import Store

    t0 = time.perf_counter()
    summary = RunSummary()
    out.mkdir(parents=True, exist_ok=True)
    with Store(store_path(out, db)) as store:
        if reference is not None or no_reference:
            store.set_reference(*(reference or (None, None)))
        batches = _batches(paths, None if rebuild else store.known, out=out, engine=engine, scheduler=scheduler,
                           max_bytes=max_bytes, stdin=stdin, metadata=metadata, jobs=jobs, batch_size=batch_size)
        bar = Progress(progress, total=count_documents(paths) if progress is not False else None)
        try:
            _ingest(store, batches, summary, bar, on_error, replace=rebuild)
        finally:
            bar.close()
        with _timed(summary, "facts"):
            summary.facts = store.update_facts()
        with _timed(summary, "reports"):
            summary.reports = write_all_reports(store, out, errors=summary.errors, inputs=paths,
                                                sheet_rows=sheet_rows)
        summary.stale = stale_corrections(store)
    summary.seconds = time.perf_counter() - t0
    return summary


def _ingest(store, batches: Iterable[Batch], summary: RunSummary, bar: Progress, on_error, *,
            replace: bool = False) -> None:
    """Store every batch as it comes (timing the wait for it and the store's work apart)."""
    batches = iter(batches)
    while True:
        with _timed(summary, "extract"):
            batch = next(batches, None)
        if batch is None:
            return
        with _timed(summary, "store"):
            store.add_batch([(p.doc, p.content_hash, p.rows) for p in batch.items], batch.errors, replace=replace)
        summary.add(batch)
        for e in batch.errors if on_error is not None else ():
            on_error(e)
        bar.update(batch)


@contextmanager
def _timed(summary: RunSummary, phase: str):
    t0 = time.perf_counter()
    try:
        yield
    finally:
        summary.phases[phase] += time.perf_counter() - t0


def _batches(paths: list[str], known, *, out: Path, engine: str, scheduler: str | None, max_bytes: int, stdin,
             metadata, jobs: int, batch_size: int) -> Iterable[Batch]:
    """The inputs' batches from the chosen engine; ``known`` (None: extract everything again)
    skips documents the store holds unchanged."""
    if engine == "dask":
        from ledger.engine.dask import run_dask

        return run_dask(paths, out=out, scheduler=scheduler, max_bytes=max_bytes, known=known, jobs=jobs,
                        batch_size=batch_size, metadata=metadata)
    from ledger.read import iter_documents

    inputs = iter_documents(paths, max_bytes=max_bytes, stdin=stdin, metadata=metadata)
    return run_local(inputs, jobs=jobs, batch_size=batch_size, known=known)


class ReportWriteError(Exception):
    """A report could not be written (a locked or read-only file, a full disk); the store is up
    to date and the reports written before are intact."""

    def __init__(self, out: Path, exc: OSError):
        failed = exc.filename2 or exc.filename
        self.path = Path(out) / Path(os.fsdecode(failed)).name if failed else Path(out)
        self.errno, self.reason = exc.errno, exc.strerror or str(exc)
        super().__init__(f"cannot write {str(self.path)!r} ({self.reason})")


def stale_corrections(store) -> pd.DataFrame:
    """The store's corrections that matched no figure when its facts were last built."""
    corrections = store.corrections()
    return corrections[corrections["figure_id"].isna()]


def write_all_reports(store, out: Path, *, errors: list[ReadError] | None = None,
                      inputs: list[str] | None = None, sheet_rows: int | None = None) -> list[Path]:
    """Write every report file from the store, with the reference the store keeps, and keep the
    reconciliation in the store. Mentions and facts are read a chunk at a time; totals, series
    and the reconciliation read only the facts they add up (``Store.analysis_facts``)."""
    from ledger.analyse import reconcile
    from ledger.analyse.months import reconcile_months
    from ledger.report import write_reports
    from ledger.report.sheet import SHEET_ROWS
    from ledger.version import __version__

    ref, origin = store.reference()
    facts = store.analysis_facts()
    recon, months = reconcile(facts, ref), reconcile_months(facts, ref)
    store.set_reconciliation(recon, months)
    errs = errors_frame(errors) if errors is not None else store.errors()
    run_info = {"inputs": ", ".join(inputs or []), "store": str(store.path), "reference": origin or "",
                "version": __version__, "run_at": time.strftime("%Y-%m-%d %H:%M:%S")}
    try:
        return write_reports(store_rows(store, "mentions"), store_rows(store, "facts"), store.documents(), errs,
                             out, reference=ref, run_info=run_info, reconciliation=recon, months=months,
                             store_tables=store.tables(), store_name=store.path.stem, analysed=facts,
                             max_rows=sheet_rows or SHEET_ROWS, corrections=store.corrections())
    except OSError as exc:
        raise ReportWriteError(out, exc) from None


def store_rows(store, table: str):
    """``mentions`` or ``facts`` of the store as :class:`~ledger.report.rows.Rows`, read a chunk at a
    time by the report writers."""
    from ledger.report.rows import Rows

    dtypes = MENTION_DTYPES if table == "mentions" else FACT_DTYPES
    return Rows(dtypes, store.count(table), lambda size: store.chunks(table, size))
