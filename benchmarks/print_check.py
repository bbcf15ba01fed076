"""The workbook as printed: pages per sheet, '###' cells, text printed over text, charts per page.

    PYTHONPATH=. .venv/bin/python benchmarks/print_check.py reports/ledger.xlsx [--timeout 3600]

Renders the workbook with LibreOffice (headless) next to it and reads the PDF back with poppler, as the
print tests do for the examples (``tests/printcheck.py``).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from printcheck import POPPLER, SOFFICE, overprinted, pages, pages_per_sheet, to_pdf  # noqa: E402

PRINTED = ("Summary", "Reconciliation", "About")
CHART_TITLES = ("Packages by donor over time", "Claims vs packages")


def only_sheets(xlsx: Path, keep: list[str]) -> Path:
    """A copy of ``xlsx`` whose other sheets are hidden and have no rows (their cells would take hours
    to print)."""
    out = xlsx.with_name(xlsx.stem + "-printed.xlsx")
    with zipfile.ZipFile(xlsx) as src:
        names = dict(re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', src.read("xl/workbook.xml").decode()))
        rels = dict((i, t) for t, i in re.findall(r'Target="/?(?:xl/)?([^"]+)"[^>]*Id="([^"]+)"',
                                                   src.read("xl/_rels/workbook.xml.rels").decode()))
        rels |= dict(re.findall(r'Id="([^"]+)"[^>]*Target="/?(?:xl/)?([^"]+)"',
                                src.read("xl/_rels/workbook.xml.rels").decode()))
        emptied = {"xl/" + rels[rid] for name, rid in names.items() if name not in keep}
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/workbook.xml":  # hidden sheets are not printed
                    data = re.sub(rb'<sheet [^>]*>', lambda m: _hidden(m.group(0), keep), data)
                if item.filename in emptied:
                    data = re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData/>", data, flags=re.S)
                dst.writestr(item, data)
    return out


def _hidden(element: bytes, keep: list[str]) -> bytes:
    name = re.search(rb'name="([^"]+)"', element).group(1).decode()
    if name in keep:
        return element
    element = re.sub(rb'\sstate="[^"]*"', b"", element)
    return element.replace(b"<sheet ", b'<sheet state="hidden" ', 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("xlsx", type=Path)
    ap.add_argument("--timeout", type=int, default=3600, help="seconds LibreOffice may take (default 3600)")
    ap.add_argument("--only", help="print only these sheets (comma-separated): the others are emptied in a copy")
    args = ap.parse_args()
    if not (SOFFICE and POPPLER):
        print("skipped: LibreOffice and poppler are needed", file=sys.stderr)
        return 0
    book = only_sheets(args.xlsx, args.only.split(",")) if args.only else args.xlsx
    t0 = time.perf_counter()
    book.with_suffix(".pdf").unlink(missing_ok=True)
    pdf = to_pdf(book, book.parent, timeout=args.timeout)
    if not pdf.is_file():
        print(f"LibreOffice could not print {book}", file=sys.stderr)
        return 1
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
