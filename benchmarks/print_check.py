"""The workbook as printed: pages per sheet, '###' cells, text printed over text, charts per page.

    PYTHONPATH=. .venv/bin/python benchmarks/print_check.py reports/ledger.xlsx [--timeout 3600]

Renders the workbook with LibreOffice (headless) next to it and reads the PDF back with poppler, as the
print tests do for the examples (``tests/printcheck.py``).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from printcheck import POPPLER, SOFFICE, overprinted, pages, pages_per_sheet, to_pdf  # noqa: E402

PRINTED = ("Summary", "Reconciliation", "About")
CHART_TITLES = ("Packages by donor over time", "Claims vs packages")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("xlsx", type=Path)
    ap.add_argument("--timeout", type=int, default=3600, help="seconds LibreOffice may take (default 3600)")
    args = ap.parse_args()
    if not (SOFFICE and POPPLER):
        print("skipped: LibreOffice and poppler are needed", file=sys.stderr)
        return 0
    t0 = time.perf_counter()
    pdf = to_pdf(args.xlsx, args.xlsx.parent, timeout=args.timeout)
    seconds = time.perf_counter() - t0
    doc = pages(pdf)
    counts = pages_per_sheet(doc)
    print(f"rendered in {seconds:.0f} s: {len(doc)} pages")
    for sheet, n in counts.items():
        print(f"  {sheet}: {n} pages")
    printed = sum(counts[s] for s in PRINTED)
    print(f"Summary + Reconciliation + About: {printed} pages (limit {2 * len(PRINTED)})")
    print(f"pages with '###': {sum('###' in p.text for p in doc)}")
    over = [(p.sheet, pair) for p in doc for pair in overprinted(p)]
    print(f"lines printed over other lines: {len(over)}", *(f"  {s}: {a!r} / {b!r}" for s, (a, b) in over[:10]),
          sep="\n")
    for title in CHART_TITLES:
        print(f"pages showing '{title}': {[i + 1 for i, p in enumerate(doc) if title in p.text]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
