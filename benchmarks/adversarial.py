"""Adversarial inputs: every pattern must stay linear on hostile text.

    PYTHONPATH=. .venv/bin/python benchmarks/adversarial.py [--only NAME] [--profile NAME] [--limit 2.0]

Times ``ledger.extract_figures`` (grammar + context) on generated hostile texts, the reader
(``ledger.read.iter_documents``) on hostile files, and the whole main job (read, store, facts,
reports: ``ledger.engine.job.run_job``) on hostile corpora, one case at a time, and prints seconds per
case, what was found and the worst case. Run families marked x1/x2/x4 grow their input twice over:
their seconds must grow at most about twice over too (linear), printed as ratios to x1. Exits 1
when the worst text or file case is over ``--limit`` seconds (2 s by default), or when a run
family's x4 case takes more than 6 times its x1 case.
``--profile NAME`` prints the top functions of one case (cProfile).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MB = 1_000_000


def _repeat(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def _prose_and_numbers(size: int) -> str:
    rng = random.Random(5)
    pieces = ["Kyiv received", "$", "1,300", "million", "about", "20 000", "tanks", "and", "to", "€1.5bn",
              "between 10 and 20 billion", "155mm", "rounds", "on Friday", "since February 24", "hundreds of",
              "M777", "2022", "per cent", "up to", "NOK6.3 billion", "the", "aid package", "Ukraine",
              "United States", "-", "(25,000)", "some", "km", "%"]
    words, total = [], 0
    while total < size:
        w = rng.choice(pieces)
        words.append(w)
        total += len(w) + 1
    return " ".join(words)[:size]  # one line: no newline anywhere


def _random_numberish(size: int) -> str:
    rng = random.Random(11)
    alphabet = "0123456789,.,. $€£¥₹-–%kmbn\u00a0 "
    return "".join(rng.choice(alphabet) for _ in range(size))


TEXT_CASES: dict[str, Callable[[], str]] = {
    "1 MB of digits": lambda: _repeat("1234567890", MB),
    "1,1,1,... (1 MB)": lambda: _repeat("1,", MB),
    "1.1.1.... (1 MB)": lambda: _repeat("1.", MB),
    "1 1 1 ... (1 MB)": lambda: _repeat("1 ", MB),
    "1\u00a01\u00a0... NBSP groups (1 MB)": lambda: _repeat("1\u00a0", MB),
    "$$$$... (1 MB)": lambda: "$" * MB,
    "$1$1$1... (1 MB)": lambda: _repeat("$1", MB),
    "100,000 currency symbols": lambda: _repeat("$€£¥₹", 100_000),
    "100,000 'US$ ' markers": lambda: "US$ " * 100_000,
    "million million ... (1 MB)": lambda: _repeat("million ", MB),
    "1 million million ... (1 MB)": lambda: "1 " + _repeat("million ", MB),
    "qualifier words (1 MB)": lambda: _repeat("about some nearly more than up to at least as many as ", MB),
    "qualifiers then a number (1 MB)": lambda: _repeat("more than ", MB) + "5 million",
    "hundreds of hundreds of ... (1 MB)": lambda: _repeat("hundreds of ", MB),
    "tens of thousands of ... (1 MB)": lambda: _repeat("tens of thousands of ", MB),
    "between 1 and between 1 and ... (1 MB)": lambda: _repeat("between 1 and ", MB),
    "1-1-1-... hyphens (1 MB)": lambda: _repeat("1-", MB),
    "number words (1 MB)": lambda: _repeat("twenty-five hundred and ", MB),
    "one long sentence, no full stop (1 MB)": lambda: _repeat("the United States gave Ukraine $5 million and ",
                                                             MB),
    "a capitalised name run (1 MB)": lambda: _repeat("Kyiv Washington Berlin ", MB),
    "random number-shaped junk (1 MB)": lambda: _random_numberish(MB),
    "5 MB single line of prose and numbers": lambda: _prose_and_numbers(5 * MB),
    "newlines only (1 MB)": lambda: "\n" * MB,
    "NUL and control characters (1 MB)": lambda: _repeat("\x00\x01\x1b5\x00", MB),
    "a million a million ... (1 MB)": lambda: _repeat("a million ", MB),
    "one two three ... number words (1 MB)": lambda: _repeat("one two three four five six seven eight nine ten ", MB),
    "half of hundreds of thousands ... (1 MB)": lambda: _repeat("half of hundreds of thousands ", MB),
}


def _nested_html(depth: int) -> bytes:
    body = "<div>" * depth + "<p>Ukraine got $5 million.</p>" + "</div>" * depth
    return f"<html><head><title>deep</title></head><body>{body}</body></html>".encode()


FILE_CASES: dict[str, Callable[[], tuple[str, bytes]]] = {
    "reader: 10,000 nested divs": lambda: ("deep.html", _nested_html(10_000)),
    "reader: 10,000 unclosed divs": lambda: ("open.html", b"<html><body>" + b"<div>" * 10_000 + b"$5 million"),
    "reader: 5 MB single-line text file": lambda: ("line.txt", _prose_and_numbers(5 * MB).encode()),
    "reader: 5 MB HTML of one paragraph": lambda: (
        "big.html", b"<html><body><article><p>" + _prose_and_numbers(5 * MB).encode() + b"</p></article></body></html>"),
    "reader: 2 MB of random bytes": lambda: ("junk.txt", random.Random(3).randbytes(2 * MB)),
    "reader: 2 MB of mojibake": lambda: ("moji.txt", _repeat("Zürich â‚¬5 million ", 2 * MB).encode()),
    "reader: 100,000 JSONL lines, half broken": lambda: (
        "c.jsonl", b"".join(b'{"id": "%d", "text": "$%d million"}\n' % (i, i) if i % 2 else b'{"id": \n'
                            for i in range(100_000))),
}


def _broken_lines(n: int) -> bytes:
    """``n`` broken JSONL lines with a good row every 1,000."""
    good = b'{"id": "%d", "text": "Japan gave $5 million to Ukraine."}\n'
    return b"".join(good % i if i % 1000 == 0 else b'{"id": "%d", "text": \n' % i for i in range(n))


def _gzip_of_newlines(mib: int) -> bytes:
    import gzip
    import io

    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as fh:
        for _ in range(mib):
            fh.write(b"\n" * (1 << 20))
    return buf.getvalue()


RUN_CASES: dict[str, Callable[[], tuple[str, bytes]]] = {
    "run: 10,000 broken JSONL lines (x1)": lambda: ("c.jsonl", _broken_lines(10_000)),
    "run: 20,000 broken JSONL lines (x2)": lambda: ("c.jsonl", _broken_lines(20_000)),
    "run: 40,000 broken JSONL lines (x4)": lambda: ("c.jsonl", _broken_lines(40_000)),
    "run: a 1 MB row of 'a million ' (x1)": lambda: ("w.jsonl", b'{"text": "%s"}\n' % (b"a million " * 100_000)),
    "run: a 2 MB row of 'a million ' (x2)": lambda: ("w.jsonl", b'{"text": "%s"}\n' % (b"a million " * 200_000)),
    "run: a 4 MB row of 'a million ' (x4)": lambda: ("w.jsonl", b'{"text": "%s"}\n' % (b"a million " * 400_000)),
    "run: .jsonl.gz of 256 MiB of newlines (x1)": lambda: ("n.jsonl.gz", _gzip_of_newlines(256)),
    "run: .jsonl.gz of 512 MiB of newlines (x2)": lambda: ("n.jsonl.gz", _gzip_of_newlines(512)),
    "run: .jsonl.gz of 1 GiB of newlines (x4)": lambda: ("n.jsonl.gz", _gzip_of_newlines(1024)),
}


def run_store_case(name: str, data: bytes) -> tuple[float, int]:
    """Seconds of the whole main job on one hostile corpus, and the mentions plus errors stored."""
    from ledger.engine.job import run_job

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        t0 = time.perf_counter()
        summary = run_job([str(path)], out=Path(tmp) / "out", jobs=1, progress=False)
        return time.perf_counter() - t0, summary.mentions + len(summary.errors)


def run_text_case(text: str) -> tuple[float, int]:
    from ledger import extract_figures

    t0 = time.perf_counter()
    n = len(extract_figures(text))
    return time.perf_counter() - t0, n


def run_file_case(name: str, data: bytes) -> tuple[float, int]:
    from ledger.read import iter_documents

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        t0 = time.perf_counter()
        n = sum(1 for _ in iter_documents([str(path)], max_bytes=50 * MB))
        return time.perf_counter() - t0, n


def run_case(name: str) -> tuple[float, int, int]:
    """(seconds, figures or documents, input size) of one case."""
    if name in TEXT_CASES:
        text = TEXT_CASES[name]()
        seconds, n = run_text_case(text)
        return seconds, n, len(text)
    if name in RUN_CASES:
        file_name, data = RUN_CASES[name]()
        seconds, n = run_store_case(file_name, data)
        return seconds, n, len(data)
    file_name, data = FILE_CASES[name]()
    seconds, n = run_file_case(file_name, data)
    return seconds, n, len(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--profile", help="profile the first case whose name contains this")
    parser.add_argument("--limit", type=float, default=2.0, help="worst allowed seconds (default 2)")
    args = parser.parse_args(argv)

    from ledger import extract_figures

    extract_figures("warm-up: Kyiv received $5 million on Friday.")  # load tables outside the timings
    import ledger.engine.job  # noqa: F401  (and pandas, openpyxl: imports are not the run's cost)
    import ledger.report  # noqa: F401
    names = [n for n in (*TEXT_CASES, *FILE_CASES, *RUN_CASES) if not args.only or args.only in n]
    if args.profile:
        name = next(n for n in names if args.profile in n)
        cProfile.runctx("run_case(name)", globals(), {"name": name, "run_case": run_case}, "/tmp/adv.prof")
        pstats.Stats("/tmp/adv.prof").sort_stats("cumulative").print_stats(25)
        return 0
    print(f"{'case':<48} {'size':>10} {'found':>8} {'seconds':>8}")
    worst = ("", 0.0)
    base: dict[str, float] = {}
    superlinear = []
    for name in names:
        try:
            seconds, found, size = run_case(name)
        except Exception as exc:  # a crash is a finding too: report it and go on
            print(f"{name:<48} CRASHED: {type(exc).__name__}: {exc}")
            worst = (name, float("inf"))
            continue
        family, _, step = name.rpartition(" (x")
        family = re.sub(r"\d[\d,]*\s*(?:MiB|GiB|MB)?", "N", family)
        ratio = ""
        if step == "1)":
            base[family] = seconds
        elif family in base and base[family] > 0:
            ratio = f"  ({seconds / base[family]:.1f}x the x1 time)"
            if step == "4)" and seconds > 6 * base[family]:
                superlinear.append(family)
        print(f"{name:<48} {size:>10,} {found:>8,} {seconds:>8.2f}{ratio}", flush=True)
        if seconds > worst[1] and name not in RUN_CASES:
            worst = (name, seconds)
    print(f"worst: {worst[0]} {worst[1]:.2f} s (limit {args.limit:.1f} s)")
    if superlinear:
        print("not linear: " + "; ".join(superlinear))
    return 0 if worst[1] <= args.limit and not superlinear else 1


if __name__ == "__main__":
    sys.exit(main())
