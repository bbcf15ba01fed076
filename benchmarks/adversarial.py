"""Adversarial inputs: every pattern must stay linear on hostile text.

    PYTHONPATH=. .venv/bin/python benchmarks/adversarial.py [--only NAME] [--profile NAME] [--limit 2.0]

Times ``ledger.extract_figures`` (grammar + context) on generated hostile texts and the reader
(``ledger.read.iter_documents``) on hostile files, one case at a time, and prints seconds per
case, the figures found and the worst case. Exits 1 when the worst case is over ``--limit``
seconds (2 s by default). ``--profile NAME`` prints the top functions of one case (cProfile).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import random
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
    names = [n for n in (*TEXT_CASES, *FILE_CASES) if not args.only or args.only in n]
    if args.profile:
        name = next(n for n in names if args.profile in n)
        cProfile.runctx("run_case(name)", globals(), {"name": name, "run_case": run_case}, "/tmp/adv.prof")
        pstats.Stats("/tmp/adv.prof").sort_stats("cumulative").print_stats(25)
        return 0
    print(f"{'case':<48} {'size':>10} {'found':>8} {'seconds':>8}")
    worst = ("", 0.0)
    for name in names:
        try:
            seconds, found, size = run_case(name)
        except Exception as exc:  # a crash is a finding too: report it and go on
            print(f"{name:<48} CRASHED: {type(exc).__name__}: {exc}")
            worst = (name, float("inf"))
            continue
        print(f"{name:<48} {size:>10,} {found:>8,} {seconds:>8.2f}", flush=True)
        if seconds > worst[1]:
            worst = (name, seconds)
    print(f"worst: {worst[0]} {worst[1]:.2f} s (limit {args.limit:.1f} s)")
    return 0 if worst[1] <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
