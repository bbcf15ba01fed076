"""The commands: each reads its parsed arguments, calls the library, and returns an exit status."""
from __future__ import annotations

import sys
from pathlib import Path

from ledger.cli.errors import EXIT_OK, EXIT_SOME_FAILED
from ledger.cli.errors import PROG, UsageError
from ledger.cli.output import RowWriter

RECONCILE_COLUMNS = ("claim_date", "donor", "recipient", "surface", "qualifier", "baseline", "corpus_sum",
                     "reference_sum", "verdict", "corpus_verdict")


def _report_error(err) -> None:
    print(f"{PROG}: {err}", file=sys.stderr)


def _check_reference(path: Path | None):
    """The reference series, loaded once up front so a bad file is a usage error, not a late crash."""
    if path is None:
        return None
    if not path.is_file():
        raise UsageError(f"reference file {str(path)!r} not found: give a CSV with a date column and "
                         f"amount columns")
    from ledger.report import load_reference

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
    from ledger.pipeline import default_jobs, run_local
    from ledger.read import iter_documents
    from ledger.runner import DEFAULT_MAX_BYTES

    fmt = args.format or ("table" if sys.stdout.isatty() and args.output is None else "jsonl")
    inputs = iter_documents(args.paths, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                            stdin=sys.stdin.buffer if "-" in args.paths else None)
    failed = 0
    try:
        stream = (open(args.output, "w", encoding="utf-8", newline="") if args.output
                  else sys.stdout)
    except OSError as exc:
        raise UsageError(f"cannot write {str(args.output)!r} ({exc.strerror})") from None
    writer = RowWriter(stream, fmt)
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
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_run(args) -> int:
    from ledger.pipeline import default_jobs
    from ledger.runner import DEFAULT_MAX_BYTES, run_job
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
    except ImportError as exc:
        if args.engine == "dask":
            raise UsageError(f"the Dask engine needs Dask: pip install 'aid-ledger[dask]' ({exc})") from None
        raise
    if not args.quiet:
        for line in summary.lines():
            print(f"{PROG}: {line}", file=sys.stderr)
    return EXIT_SOME_FAILED if summary.errors else EXIT_OK


def _existing_store(args, *, rebuild: bool = False):
    """The store named by ``--out``/``--db``, with facts that match its mentions: a store left
    stale by an interrupted run is refused (the message gives the command that repairs it)
    unless ``rebuild``, which recomputes the facts."""
    from ledger.runner import store_path
    from ledger.store import Store

    path = store_path(args.out, args.db)
    if not path.is_file():
        raise UsageError(f"no store at {str(path)!r}: run 'aid-ledger run PATH...' first, "
                         f"or point --db at a store")
    store = Store(path)
    if store.facts_stale:
        if not rebuild:
            store.close()
            raise UsageError(f"the store {str(path)!r} was left by an interrupted run: its facts are out of "
                             f"date; rebuild them with 'aid-ledger report --rebuild-facts --db {path}' (or "
                             f"run 'aid-ledger run' again on the same inputs)")
        store.rebuild_facts()
    return store


def cmd_report(args) -> int:
    from ledger.runner import write_all_reports
    from ledger.store import StoreError

    _check_reference(args.reference)
    _open_out(args.out)
    try:
        with _existing_store(args, rebuild=args.rebuild_facts) as store:
            paths = write_all_reports(store, args.out, reference=args.reference)
    except StoreError as exc:
        raise _store_error(exc) from None
    for p in paths:
        print(f"{PROG}: wrote {p}", file=sys.stderr)
    return 0


def cmd_reconcile(args) -> int:
    from ledger.report import reconcile
    from ledger.store import StoreError

    ref = _check_reference(args.reference)
    try:
        with _existing_store(args) as store:
            facts = store.facts()
    except StoreError as exc:
        raise _store_error(exc) from None
    table = reconcile(facts, ref)
    writer = RowWriter(sys.stdout, args.format, columns=RECONCILE_COLUMNS)
    for rec in table.to_dict(orient="records"):
        writer.write(rec)
    writer.close()
    return 0


COMMANDS = {"extract": cmd_extract, "run": cmd_run, "report": cmd_report, "reconcile": cmd_reconcile}


