"""The commands: each reads its parsed arguments, calls the library, and returns an exit status.

Everything a user can get wrong is checked before anything is written (inputs that name
nothing, metadata flags for more than one document, an unreadable reference, an output folder
that cannot be written): one line on stderr, exit 2, nothing written.
"""
from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

from ledger.cli.errors import EXIT_OK, EXIT_SOME_FAILED, PROG, UsageError
from ledger.cli.output import RowWriter, output_file
from ledger.cli.review import cmd_review, warn_stale

RECONCILE_COLUMNS = ("claim_date", "donor", "recipient", "aid_type", "surface", "qualifier", "window_start",
                     "corpus_sum", "reference_sum", "verdict", "corpus_verdict")
_CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".csv", ".json")


def _report_error(err) -> None:
    print(f"{PROG}: {err}", file=sys.stderr)


def _check_inputs(paths: list[str]) -> None:
    """Every PATH names something (a file, a folder, a glob that matches, or -)."""
    for path in paths:
        if path == "-" or os.path.lexists(path):
            continue
        if set("*?[") & set(path) and glob.glob(path, recursive=True):
            continue
        raise UsageError(f"no such file or folder: {path!r} (nothing was read or written)")


def _metadata(args):
    """The metadata flags as a :class:`ledger.read.Metadata`, checked: --published, --url and
    --title describe one document, so they need one input that is - or a single file."""
    from ledger.read import Metadata

    one = (args.published, args.url, args.title)
    if any(v is not None for v in one):
        path = args.paths[0]
        single = len(args.paths) == 1 and (path == "-" or (os.path.isfile(path)
                                                           and not path.lower().endswith(_CORPUS_SUFFIXES)))
        if not single:
            raise UsageError("--published, --url and --title describe one document: give one file or - "
                             "(a corpus has its own columns; for many files use --default-published)")
    if not any(v is not None for v in (*one, args.default_published)):
        return None
    return Metadata(*one, default_published=args.default_published)


def _check_reference(args) -> tuple | None:
    """The reference (frame, origin), loaded up front so a bad file is a usage error, not a late crash."""
    path = args.reference
    if path is None:
        return None
    if not path.is_file():
        raise UsageError(f"reference file {str(path)!r} not found: give a CSV with a date column and "
                         f"amount columns, the Kiel tracker export, or OCHA FTS flows")
    from ledger.analyse import load_reference

    try:
        return load_reference(path), str(path)
    except Exception as exc:  # any unreadable file: encoding, no date column, no amounts
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UsageError(f"cannot read the reference file {str(path)!r} ({reason}): give a UTF-8 CSV "
                         f"with a date column and amount columns, the Kiel tracker export, or OCHA FTS "
                         f"flows") from None


def _open_out(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".aid-ledger-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"cannot write to the output folder {str(path)!r} ({exc.strerror}): "
                         f"choose another with --out") from None


def _report_write_error(exc) -> UsageError:
    import errno

    hint = ("free some space" if exc.errno == errno.ENOSPC else
            "close it if another program has it open, or choose another --out")
    return UsageError(f"cannot write {str(exc.path)!r} ({exc.reason}): {hint}; the store is up to date and the "
                      f"reports written before are unchanged ('aid-ledger report' writes them again)")


def _store_call(call):
    """Run ``call``, turning the store's and the report writer's typed errors into usage errors."""
    from ledger.engine.job import ReportWriteError
    from ledger.store import StoreError

    try:
        return call()
    except StoreError as exc:
        raise UsageError(str(exc)) from None
    except ReportWriteError as exc:
        raise _report_write_error(exc) from None


def cmd_extract(args) -> int:
    from ledger.engine.batches import default_jobs, run_local
    from ledger.read import iter_documents
    from ledger.read.inputs import DEFAULT_MAX_BYTES

    _check_inputs(args.paths)
    metadata = _metadata(args)
    if args.out is not None and args.output is not None:
        raise UsageError("give --out DIR or --output FILE, not both")
    to_terminal = sys.stdout.isatty() and args.out is None and args.output is None
    fmt = args.format or ("table" if to_terminal else "jsonl")
    inputs = iter_documents(args.paths, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES, metadata=metadata,
                            stdin=sys.stdin.buffer if "-" in args.paths else None)
    failed = 0
    with output_file(args.out, args.output, fmt) as stream:
        writer = RowWriter(stream, fmt)
        for batch in run_local(inputs, jobs=args.jobs or default_jobs(), batch_size=args.batch_size or 16):
            for err in batch.errors:
                failed += 1
                _report_error(err)
            for processed in batch.items:
                for row in processed.rows:
                    writer.write(row.as_dict())
        writer.close()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_run(args) -> int:
    from ledger.engine.batches import default_jobs
    from ledger.engine.dask import DaskError
    from ledger.engine.job import run_job
    from ledger.read.inputs import DEFAULT_MAX_BYTES

    _check_inputs(args.paths)
    metadata = _metadata(args)
    reference = _check_reference(args)
    _open_out(args.out)
    try:
        summary = _store_call(lambda: run_job(
            args.paths, out=args.out, db=args.db, reference=reference, no_reference=args.no_reference,
            jobs=args.jobs or default_jobs(), batch_size=args.batch_size or 64,
            max_bytes=args.max_bytes or DEFAULT_MAX_BYTES, engine=args.engine, scheduler=args.scheduler,
            progress=False if args.quiet else None, metadata=metadata, rebuild=args.rebuild,
            stdin=sys.stdin.buffer if "-" in args.paths else None, on_error=_report_error,
            sheet_rows=args.sheet_rows))
    except DaskError as exc:
        raise UsageError(str(exc)) from None
    except ImportError as exc:
        if args.engine == "dask":
            raise UsageError(f"the Dask engine needs Dask: pip install 'aid-ledger[dask]' ({exc})") from None
        raise
    if not args.quiet:
        for line in summary.lines():
            print(f"{PROG}: {line}", file=sys.stderr)
    warn_stale(summary.stale)
    return EXIT_SOME_FAILED if summary.errors else EXIT_OK


def _existing_store(args, reference=None, *, rebuild: bool = False):
    """The store named by ``--out``/``--db``, with facts that match its mentions: a store left
    stale by an interrupted run is refused (the message gives the command that repairs it)
    unless ``rebuild``, which recomputes the facts."""
    from ledger.engine.job import store_path
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
    if reference is not None or args.no_reference:
        store.set_reference(*(reference or (None, None)))
    return store


def cmd_report(args) -> int:
    from ledger.engine.job import stale_corrections, write_all_reports

    reference = _check_reference(args)
    _open_out(args.out)

    def report():
        with _existing_store(args, reference, rebuild=args.rebuild_facts) as store:
            return write_all_reports(store, args.out, sheet_rows=args.sheet_rows), stale_corrections(store)

    paths, stale = _store_call(report)
    if not args.quiet:
        for p in paths:
            print(f"{PROG}: wrote {p}", file=sys.stderr)
    warn_stale(stale)
    return EXIT_OK


def cmd_reconcile(args) -> int:
    from ledger.analyse import reconcile
    from ledger.engine.job import stale_corrections

    reference = _check_reference(args)

    def facts_and_reference():
        with _existing_store(args, reference) as store:
            return store.analysis_facts(), store.reference()[0], stale_corrections(store)

    facts, ref, stale = _store_call(facts_and_reference)
    warn_stale(stale)
    writer = RowWriter(sys.stdout, args.format, columns=RECONCILE_COLUMNS)
    for rec in reconcile(facts, ref).to_dict(orient="records"):
        writer.write(rec)
    writer.close()
    return EXIT_OK


COMMANDS = {"extract": cmd_extract, "run": cmd_run, "report": cmd_report, "reconcile": cmd_reconcile,
            "review": cmd_review}
