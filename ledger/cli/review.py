"""``aid-ledger review export|import``, and the warnings every command gives about stale corrections."""
from __future__ import annotations

import sys
from pathlib import Path

from ledger.cli.errors import EXIT_OK, PROG, UsageError

#: Stale corrections named one per line on stderr; the rest are counted.
MAX_STALE_LINES = 10


def warn_stale(stale) -> None:
    """One line on stderr per figure whose corrections match no figure now (they stay stored)."""
    if stale is None or stale.empty:
        return
    keys = list(stale.groupby(["doc_id", "start", "end", "surface"], sort=False))
    for (doc_id, start, end, surface), group in keys[:MAX_STALE_LINES]:
        sets = ", ".join(f"{f}={v if isinstance(v, str) else '-'}" for f, v in zip(group["field"], group["set_to"]))
        print(f"{PROG}: warning: stale correction ({sets}) of {surface!r} at characters {start}-{end} of "
              f"document {doc_id}: no figure is read there now (listed in corrections.csv)", file=sys.stderr)
    if len(keys) > MAX_STALE_LINES:
        print(f"{PROG}: warning: {len(keys) - MAX_STALE_LINES} more stale corrections (listed in corrections.csv)",
              file=sys.stderr)


def add_review_parser(sub, add_common, add_db) -> None:
    p = sub.add_parser("review", help="export the facts to review; import the corrections",
                       description="The analysts' loop: 'export' writes review.xlsx and review.csv (the facts "
                                   "that feed totals, the most money in doubt first); 'import' stores the "
                                   "edited cells as corrections that every later run, report and reconcile "
                                   "applies.")
    rsub = p.add_subparsers(dest="review_command", metavar="ACTION", parser_class=type(p))
    exp = rsub.add_parser("export", help="write review.xlsx and review.csv into --out",
                          description="Write review.xlsx (made for editing: drop-down lists, editable columns "
                                      "in yellow, evidence locked) and review.csv into --out: the facts with an "
                                      "aid role, sorted by value_usd × (1 − confidence).")
    add_common(exp, "folder of the store, where review.xlsx and review.csv are written (default: reports/)")
    add_db(exp)
    imp = rsub.add_parser("import", help="store the edited cells of a review file as corrections",
                          description="Store the cells edited in FILE (review.xlsx or review.csv) as corrections "
                                      "and rebuild the facts with them. A file with a bad cell is refused whole: "
                                      "its row and column are named and nothing is stored.")
    imp.add_argument("file", metavar="FILE", help="the edited review.xlsx or review.csv, or - for CSV on "
                                                  "standard input")
    add_common(imp, "folder of the store (default: reports/)")
    add_db(imp)
    for parser in (exp, imp):
        parser.set_defaults(no_reference=False)


def cmd_review(args) -> int:
    if args.review_command == "export":
        return _export(args)
    if args.review_command == "import":
        return _import(args)
    raise UsageError(f"an action is required: export or import (see '{PROG} review --help')")


def _export(args) -> int:
    from ledger.cli.commands import _existing_store, _open_out, _store_call
    from ledger.review import export_review

    _open_out(args.out)

    def export():
        with _existing_store(args) as store:
            return export_review(store, args.out)

    paths, n = _store_call(export)
    if not args.quiet:
        print(f"{PROG}: wrote {paths[0]} ({n} rows to review, the most money in doubt first)", file=sys.stderr)
        print(f"{PROG}: wrote {paths[1]}", file=sys.stderr)
    return EXIT_OK


def _import(args) -> int:
    from ledger.cli.commands import _existing_store, _store_call
    from ledger.engine.job import stale_corrections
    from ledger.review import ReviewFileError, import_review

    if args.file != "-" and not Path(args.file).is_file():
        raise UsageError(f"no such file: {args.file!r} (nothing was imported)")

    def do_import():
        with _existing_store(args, rebuild=True) as store:
            return import_review(store, args.file, stream=sys.stdin.buffer), stale_corrections(store)

    try:
        summary, stale = _store_call(do_import)
    except ReviewFileError as exc:
        raise UsageError(f"{exc} (nothing was imported)") from None
    if not args.quiet:
        print(f"{PROG}: {_summary_line(args.file, summary)}", file=sys.stderr)
    warn_stale(stale)
    return EXIT_OK


def _summary_line(file: str, s) -> str:
    name = "standard input" if file == "-" else file
    line = (f"{name}: {s.rows} rows, {s.edited} edited: {s.saved.added} corrections added, {s.saved.changed} "
            f"changed, {s.saved.removed} given back to the rules; {s.facts} facts in the store")
    if s.stale:
        line += f"; {s.stale} edited rows match no figure of the store (kept as stale corrections)"
    if not s.saved.any:
        return line + ": nothing changed"
    return line + " ('aid-ledger report' writes the reports with them)"
