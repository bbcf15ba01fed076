"""The workbook as a reader prints it: LibreOffice renders it to PDF, poppler reads the pages back.

Used by the print tests and by ``benchmarks/print_check.py``; no tests here.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext")
_NS = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Page:
    sheet: str          # the page header: the sheet's name
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def to_pdf(xlsx: Path, out_dir: Path, timeout: int = 900) -> Path:
    """Render ``xlsx`` with LibreOffice (headless, its own profile) into ``out_dir``."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), str(xlsx)], check=True, capture_output=True, timeout=timeout)
    return out_dir / (xlsx.stem + ".pdf")


def pages(pdf: Path) -> list[Page]:
    """Every page's text lines with their boxes; the topmost line is the header (the sheet's name)."""
    xml = subprocess.run([POPPLER, "-bbox-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    root = ET.fromstring(xml)
    out = []
    for page in root.iter(f"{_NS}page"):
        lines = []
        for line in page.iter(f"{_NS}line"):
            words = [w for w in line.iter(f"{_NS}word") if not _unbreakable(w.text or "")]
            if words:
                box = [min(float(w.get("xMin")) for w in words), min(float(w.get("yMin")) for w in words),
                       max(float(w.get("xMax")) for w in words), max(float(w.get("yMax")) for w in words)]
                lines.append(Line(*box, " ".join(w.text or "" for w in words)))
        lines.sort(key=lambda ln: (ln.y0, ln.x0))
        out.append(Page(lines[0].text if lines else "", tuple(lines[1:])))
    return out


def _unbreakable(word: str) -> bool:
    """A link or a file path: one token that a cell clips at its edge (the PDF keeps the clipped
    part, so its box runs under the next cell without being printed there)."""
    return "/" in word or len(word) > 40


def pages_per_sheet(doc: list[Page]) -> Counter:
    return Counter(p.sheet for p in doc)


def overprinted(page: Page, share: float = 0.4) -> list[tuple[str, str]]:
    """Pairs of text lines printed over each other (boxes overlapping by more than ``share`` of the
    smaller line's height, and horizontally)."""
    found = []
    lines = page.lines
    for i, a in enumerate(lines):
        for b in lines[i + 1:]:
            if b.y0 >= a.y1:
                break
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            if dx > 1 and dy > share * min(a.y1 - a.y0, b.y1 - b.y0):
                found.append((a.text, b.text))
    return found
