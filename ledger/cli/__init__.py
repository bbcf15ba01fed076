"""Command-line interface: a thin layer over :mod:`ledger.engine.job` and the stages.

Exit status: 0 all inputs processed, 1 some input failed (each named on stderr), 2 usage error,
3 internal error (:mod:`ledger.cli.errors`).
"""
from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from ledger.cli.errors import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, PROG, UsageError
from ledger.version import __version__

FORMATS = ("jsonl", "csv", "table")


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


def _date(text: str):
    from ledger.engine.limits import EARLIEST_DATE, LATEST_DATE, date_in_range
    from ledger.read import parse_date

    day = parse_date(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"expected a date such as 2022-12-10, got {text!r}")
    if not date_in_range(day):
        raise argparse.ArgumentTypeError(f"{text!r} is outside {EARLIEST_DATE.year}-{LATEST_DATE.year}")
    return day


def _add_common(p: argparse.ArgumentParser, out_help: str) -> None:
    p.add_argument("--out", "-o", type=Path, default=Path("reports"), metavar="DIR", help=out_help)
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no summary and no progress bar on stderr (errors are still named)")


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="text/markdown/HTML file, folder (recursive), glob, .jsonl[.gz] or .csv corpus, "
                        "or - for standard input")
    p.add_argument("--max-bytes", type=_positive_int, default=None, metavar="N",
                   help="skip (and report) inputs, or corpus rows, larger than N bytes (default 20000000)")
    p.add_argument("--jobs", "-j", type=_positive_int, default=None, metavar="N",
                   help="worker processes (default: the cores available)")
    p.add_argument("--batch-size", type=_positive_int, default=None, metavar="N",
                   help="documents per batch (default 64); the store commits once per batch")
    meta = p.add_argument_group("metadata (for standard input or a single file)")
    meta.add_argument("--published", type=_date, default=None, metavar="DATE",
                      help="publication date of the document (anchors 'on Friday'; converts amounts)")
    meta.add_argument("--url", default=None, help="web address of the document")
    meta.add_argument("--title", default=None, help="title of the document")
    p.add_argument("--default-published", type=_date, default=None, metavar="DATE",
                   help="publication date of every document that has none")


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, default=None, metavar="FILE",
                   help="SQLite store (default: DIR/ledger.sqlite)")


def _add_store_options(p: argparse.ArgumentParser) -> None:
    _add_db(p)
    ref = p.add_mutually_exclusive_group()
    ref.add_argument("--reference", type=Path, default=None, metavar="FILE",
                     help="reference series kept in the store until replaced: a CSV with a date column "
                          "and amount columns, the Kiel tracker export, or OCHA FTS flows (JSON or CSV)")
    ref.add_argument("--no-reference", action="store_true", help="remove the reference the store keeps")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Extract figures from aid and finance news into a ledger "
                                            "with reports.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    _add_extract(sub)
    _add_store_commands(sub)
    from ledger.cli.review import add_review_parser

    add_review_parser(sub, _add_common, _add_db)
    return parser


def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="print every figure found in the inputs, one row per figure",
                       description="Print every figure found in the inputs with its context, one row per "
                                   "figure (or write it into --out DIR as figures.jsonl/.csv/.txt, or "
                                   "into --output FILE).")
    _add_input_options(p)
    p.add_argument("--format", "-f", choices=FORMATS, default=None,
                   help="jsonl (default in pipes), csv, or table (default on a terminal)")
    p.add_argument("--out", "-o", type=Path, default=None, metavar="DIR",
                   help="write figures.jsonl (or .csv, .txt) into DIR instead of standard output")
    p.add_argument("--output", type=Path, default=None, metavar="FILE",
                   help="write to FILE instead of standard output")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar on stderr "
                                                              "(errors are still named)")


def _add_sheet_rows(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sheet-rows", type=_positive_int, default=None, metavar="N",
                   help="rows a table sheet of ledger.xlsx holds at most (default 250,000; Excel's limit, "
                        "1,048,574, at most): a longer sheet says where every row is (the CSV and Parquet files)")


def _add_store_commands(sub) -> None:
    p = sub.add_parser("run", help="the main job: inputs → store → reports",
                       description="Read the inputs, extract and store their figures, merge repeated "
                                   "figures into facts and write the reports into --out.")
    _add_input_options(p)
    _add_common(p, "folder for the reports and the store (default: reports/)")
    _add_store_options(p)
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool (default) or a Dask cluster (pip install 'aid-ledger[dask]')")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --engine dask: the scheduler to connect to (default: a local cluster)")
    p.add_argument("--rebuild", action="store_true",
                   help="extract every input again, even those the store holds unchanged (after an upgrade "
                        "whose rules changed); the corrections apply to the new figures")
    _add_sheet_rows(p)

    p = sub.add_parser("report", help="rebuild the reports from the store",
                       description="Rebuild every report in --out from the store, without reading inputs.")
    _add_common(p, "folder for the reports and the store (default: reports/)")
    _add_store_options(p)
    p.add_argument("--rebuild-facts", action="store_true",
                   help="recompute the facts first (needed after an interrupted run)")
    _add_sheet_rows(p)

    p = sub.add_parser("reconcile", help="compare reported cumulative totals with the packages behind them",
                       description="For each cumulative total claimed in the stored articles, compare it "
                                   "with the sum of the stored packages (and of the reference) in the same "
                                   "window.")
    _add_common(p, "folder of the reports and the store (default: reports/)")
    _add_store_options(p)
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format (default table)")


def main(argv: list[str] | None = None) -> int:
    from ledger.cli.commands import COMMANDS

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            raise UsageError(f"a command is required: extract, run, report, reconcile or review "
                             f"(see '{PROG} --help')")
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output has gone (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug: one line (the traceback with AID_LEDGER_DEBUG=1), exit 3
        if os.environ.get("AID_LEDGER_DEBUG"):
            traceback.print_exc()
        print(f"{PROG}: internal error: {type(exc).__name__}: {exc} (a bug in aid-ledger; set "
              f"AID_LEDGER_DEBUG=1 for the traceback)", file=sys.stderr)
        return EXIT_INTERNAL


