"""Command-line interface: a thin layer over :mod:`ledger.engine.job` and the stages.

Exit status: 0 all inputs processed, 1 some input failed (each named on stderr), 2 usage error.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from ledger.version import __version__

PROG = "aid-ledger"
FORMATS = ("jsonl", "csv", "table")
TABLE_COLUMNS = ("doc_id", "surface", "kind", "value", "unit", "qualifier", "role", "donor",
                 "recipient", "event_date", "item")
RECONCILE_COLUMNS = ("claim_date", "donor", "recipient", "surface", "qualifier", "baseline", "corpus_sum",
                     "reference_sum", "verdict", "corpus_verdict")


class UsageError(Exception):
    """A mistake in how the command was called: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="text/markdown/HTML file, folder (recursive), glob, .jsonl[.gz] or .csv corpus, "
                        "or - for standard input")
    p.add_argument("--max-bytes", type=_positive_int, default=None, metavar="N",
                   help="skip (and report) inputs larger than N bytes (default 20000000)")
    p.add_argument("--jobs", "-j", type=_positive_int, default=None, metavar="N",
                   help="worker processes (default: the cores available)")
    p.add_argument("--batch-size", type=_positive_int, default=None, metavar="N",
                   help="documents per batch (default 64); the store commits once per batch")


def _add_store_options(p: argparse.ArgumentParser, *, out: bool = True) -> None:
    if out:
        p.add_argument("--out", "-o", type=Path, default=Path("reports"), metavar="DIR",
                       help="folder for the reports (default: reports/)")
    p.add_argument("--db", type=Path, default=None, metavar="FILE",
                   help="SQLite store (default: DIR/ledger.sqlite)")
    p.add_argument("--reference", type=Path, default=None, metavar="CSV",
                   help="reference series of packages (a date column and amount columns) "
                        "to reconcile cumulative totals against")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Extract figures from aid and finance news into a ledger "
                                            "with reports.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("extract", help="print every figure found in the inputs, one row per figure",
                       description="Print every figure found in the inputs with its context, one row per "
                                   "figure.")
    _add_input_options(p)
    p.add_argument("--format", "-f", choices=FORMATS, default=None,
                   help="jsonl (default in pipes), csv, or table (default on a terminal)")
    p.add_argument("--output", "-o", type=Path, default=None, metavar="FILE",
                   help="write to FILE instead of standard output")

    p = sub.add_parser("run", help="the main job: inputs → store → reports",
                       description="Read the inputs, extract and store their figures, merge repeated "
                                   "figures into facts and write ledger.xlsx, ledger.csv, facts.csv, "
                                   "errors.csv and ledger.parquet into --out.")
    _add_input_options(p)
    _add_store_options(p)
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool (default) or a Dask cluster (pip install 'aid-ledger[dask]')")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --engine dask: the scheduler to connect to (default: a local cluster)")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary on stderr")

    p = sub.add_parser("report", help="rebuild the reports from the store",
                       description="Rebuild every report in --out from the store, without reading inputs.")
    _add_store_options(p)

    p = sub.add_parser("reconcile", help="compare reported cumulative totals with the packages behind them",
                       description="For each cumulative total claimed in the stored articles, compare it "
                                   "with the sum of the stored packages (and of --reference) in the same "
                                   "window.")
    _add_store_options(p)
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format (default table)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            raise UsageError(f"a command is required: extract, run, report or reconcile "
                             f"(see '{PROG} --help')")
        return _COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


# ---------------------------------------------------------------------------------------- commands

def _report_error(err) -> None:
    print(f"{PROG}: {err}", file=sys.stderr)


def _check_reference(path: Path | None):
    """The reference series, loaded once up front so a bad file is a usage error, not a late crash."""
    if path is None:
        return None
    if not path.is_file():
        raise UsageError(f"reference file {str(path)!r} not found: give a CSV with a date column and "
                         f"amount columns")
    from ledger.analyse import load_reference

    try:
        return load_reference(path)
    except Exception as exc:  # any unreadable CSV: encoding, no date column, no amounts
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UsageError(f"cannot read the reference file {str(path)!r} ({reason}): give a UTF-8 CSV "
                         f"with a date column and amount columns") from None


def _open_out(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".aid-ledger-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"cannot write to the output folder {str(path)!r} ({exc.strerror}): "
                         f"choose another with --out") from None


def _store_error(exc: Exception) -> UsageError:
    return UsageError(str(exc))


def cmd_extract(args) -> int:
    from ledger.engine.batches import default_jobs, run_local
    from ledger.read import iter_documents
    from ledger.read.inputs import DEFAULT_MAX_BYTES

    fmt = args.format or ("table" if sys.stdout.isatty() and args.output is None else "jsonl")
    inputs = iter_documents(args.paths, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                            stdin=sys.stdin.buffer if "-" in args.paths else None)
    failed = 0
    try:
        stream = (open(args.output, "w", encoding="utf-8", newline="") if args.output
                  else sys.stdout)
    except OSError as exc:
        raise UsageError(f"cannot write {str(args.output)!r} ({exc.strerror})") from None
    writer = _RowWriter(stream, fmt)
    try:
        for batch in run_local(inputs, jobs=args.jobs or default_jobs(),
                               batch_size=args.batch_size or 16):
            for err in batch.errors:
                failed += 1
                _report_error(err)
            for processed in batch.items:
                for row in processed.rows:
                    writer.write(row.as_dict())
        writer.close()
    finally:
        if args.output:
            stream.close()
    return 1 if failed else 0


def cmd_run(args) -> int:
    from ledger.engine.dask import DaskError
    from ledger.engine.batches import default_jobs
    from ledger.engine.job import run_job
    from ledger.read.inputs import DEFAULT_MAX_BYTES
    from ledger.store import StoreError

    _check_reference(args.reference)
    _open_out(args.out)
    try:
        summary = run_job(args.paths, out=args.out, db=args.db, reference=args.reference,
                          jobs=args.jobs or default_jobs(), batch_size=args.batch_size or 64,
                          max_bytes=args.max_bytes or DEFAULT_MAX_BYTES, engine=args.engine,
                          scheduler=args.scheduler,
                          stdin=sys.stdin.buffer if "-" in args.paths else None,
                          on_error=_report_error)
    except StoreError as exc:
        raise _store_error(exc) from None
    except DaskError as exc:
        raise UsageError(str(exc)) from None
    except ImportError as exc:
        if args.engine == "dask":
            raise UsageError(f"the Dask engine needs Dask: pip install 'aid-ledger[dask]' ({exc})") from None
        raise
    if not args.quiet:
        for line in summary.lines():
            print(f"{PROG}: {line}", file=sys.stderr)
    return 1 if summary.errors else 0


def _existing_store(args):
    from ledger.engine.job import store_path
    from ledger.store import Store

    path = store_path(args.out, args.db)
    if not path.is_file():
        raise UsageError(f"no store at {str(path)!r}: run 'aid-ledger run PATH...' first, "
                         f"or point --db at a store")
    return Store(path)


def cmd_report(args) -> int:
    from ledger.engine.job import write_all_reports
    from ledger.store import StoreError

    _check_reference(args.reference)
    _open_out(args.out)
    try:
        with _existing_store(args) as store:
            paths = write_all_reports(store, args.out, reference=args.reference)
    except StoreError as exc:
        raise _store_error(exc) from None
    for p in paths:
        print(f"{PROG}: wrote {p}", file=sys.stderr)
    return 0


def cmd_reconcile(args) -> int:
    from ledger.analyse import reconcile
    from ledger.store import StoreError

    ref = _check_reference(args.reference)
    try:
        with _existing_store(args) as store:
            facts = store.facts()
    except StoreError as exc:
        raise _store_error(exc) from None
    table = reconcile(facts, ref)
    writer = _RowWriter(sys.stdout, args.format, columns=RECONCILE_COLUMNS)
    for rec in table.to_dict(orient="records"):
        writer.write(rec)
    writer.close()
    return 0


_COMMANDS = {"extract": cmd_extract, "run": cmd_run, "report": cmd_report, "reconcile": cmd_reconcile}


# ---------------------------------------------------------------------------------------- output

def _plain(value):
    """A JSON/CSV-friendly scalar."""
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if getattr(value, "hour", 0) == 0 else value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return value


class _RowWriter:
    """Writes dict rows as JSON lines, CSV (spreadsheet-safe) or an aligned table."""

    def __init__(self, stream, fmt: str, columns: tuple[str, ...] = TABLE_COLUMNS):
        self.stream, self.fmt, self.columns = stream, fmt, columns
        self._csv = None
        self._table: list[dict] = []

    def write(self, row: dict) -> None:
        row = {k: _plain(v) for k, v in row.items()}
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            from ledger.report.safe import safe_text

            if self._csv is None:
                self._csv = csv.DictWriter(self.stream, fieldnames=list(row), extrasaction="ignore")
                self._csv.writeheader()
            self._csv.writerow({k: safe_text(v) if isinstance(v, str) else v for k, v in row.items()})
        else:
            self._table.append(row)

    def close(self) -> None:
        if self.fmt == "table":
            self.stream.write(format_table(self._table, self.columns))
        self.stream.flush()


def format_table(rows: list[dict], columns: tuple[str, ...] = TABLE_COLUMNS) -> str:
    """An aligned text table of ``columns`` (those present) for reading on a terminal."""
    if not rows:
        return "(no rows)\n"
    cols = [c for c in columns if c in rows[0]] or list(rows[0])
    cells = [[_cell(r.get(c)) for c in cols] for r in rows]
    widths = [min(40, max(len(c), *(len(row[i]) for row in cells))) for i, c in enumerate(cols)]
    buf = io.StringIO()
    buf.write("  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip() + "\n")
    for row in cells:
        buf.write("  ".join(v[:w].ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")
    return buf.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return " ".join(str(value).split())
