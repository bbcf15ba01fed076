"""Fast path for big table sheets: openpyxl writes the sheet's structure, we write its rows.

openpyxl costs ~25 µs per cell, so a 100k-row sheet takes minutes. Here openpyxl writes only
the header row (under a note when the sheet is capped), the column widths, the frozen pane, the
styles and an Excel table whose range already covers every row (``plan_table``). After
``Workbook.save``, ``fill_tables`` copies the package into the final file and appends the data
rows to those sheets' XML, a chunk of rows at a time as they are read (``rows.py``), built column
by column (``cells.py``) with the same rules as the openpyxl path (``sheet.py``), plus their
hyperlinks and, after the sheets, the hyperlinks' external relationships.
"""
from __future__ import annotations

import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pandas as pd
from openpyxl.utils import get_column_letter

from ledger import data
from ledger.report.cells import TextStyles, date_cells, float_cells, int_cells, text_cells, text_values
from ledger.report.printing import column_points
from ledger.report.rows import Rows, as_rows
from ledger.report.safe import MAX_URL_CHARS, http_url
from ledger.report.sheet import MAX_LINKS, MAX_ROWS, SheetWriter, add_table

#: Rows turned into XML at a time (bounds the memory of one sheet's XML to a few tens of MB).
CHUNK_ROWS = 5_000
#: zlib level of the filled sheets: level 1 is ~3x faster than the default 6 for ~15% more bytes.
COMPRESS_LEVEL = 1
#: Sheets with more cells than this may pass 2 GiB of XML: their zip entry gets Zip64 sizes.
ZIP64_CELLS = 5_000_000

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_LINK_TYPE = _R_NS + "/hyperlink"
# One http(s) URL with a plain ASCII host (no port, user or brackets) and nothing after it that
# ``http_url`` would split on or reject (white space, '|', control characters); others are parsed.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9._~%!$&'()*+,;=-]+(?:[/?#][^\s|\x00-\x1f\x7f\ufffe\uffff\u202a-\u202e\u2066-\u2069\[\]\\]*)?\Z")
# Elements that come after <hyperlinks> in a worksheet (ECMA-376 CT_Worksheet order).
_AFTER_LINKS = re.compile(r"<(?:" + "|".join(data.entries("report/worksheet_elements.txt")) + r")\b|</worksheet>")


@dataclass
class BulkTable:
    """A sheet whose first ``shown`` data rows are appended after the save, from sheet row ``first``."""

    ws: object
    rows: Rows
    styles: list[int | TextStyles]
    shown: int
    first: int = 2
    link_at: int = -1
    n_urls: int = 0  # http(s) URLs of the link column in the shown rows
    links: list[tuple[str, str]] = field(default_factory=list)  # (cell, URL) of each hyperlink, as written
    wrapped: dict[str, float] = field(default_factory=dict)  # wrapped column → its width (row heights)
    #: columns whose empty cells are written too, with the column's style (cells meant to be filled in)
    styled_blanks: tuple[str, ...] = ()

    @property
    def links_dropped(self) -> int:
        """http(s) URLs left as plain text because the sheet reached Excel's hyperlink limit."""
        return max(self.n_urls - MAX_LINKS, 0)


def plan_table(ws, rows: Rows, name: str, *, link: str | None = None, wrap: tuple[str, ...] = ("sentence",),
               max_rows: int = MAX_ROWS, note: str | None = None) -> BulkTable:
    """Write the header (under ``note`` when given) and a table over the first ``max_rows`` rows; the
    rows come in ``fill_tables``."""
    w = SheetWriter(ws)
    if note:
        w.append([w.text_cell(note, bold=True)])
    w.append(w.header_cells(rows.head(1)))
    add_table(ws, name, rows.columns, w.rows, w.rows + min(len(rows), max_rows))
    return plan_rows(ws, rows, link=link, wrap=wrap, max_rows=max_rows, first=w.rows + 1)


def plan_rows(ws, table: pd.DataFrame | Rows, *, link: str | None = None, wrap: tuple[str, ...] = ("sentence",),
              styles: dict[str, int | TextStyles] | None = None, max_rows: int = MAX_ROWS,
              first: int = 2) -> BulkTable:
    """The first ``max_rows`` rows of ``table`` (below a header the caller wrote, from sheet row
    ``first``) to append in ``fill_tables``; ``styles`` gives some columns their own style (a style
    id, or the four of a text column), empty cells too."""
    rows = as_rows(table)
    head, cols, given = rows.head(1), rows.columns, styles or {}
    plan = BulkTable(ws, rows, [given[c] if c in given else _column_style(ws, c, head[c].dtype, wrap) for c in cols],
                     shown=min(len(rows), max_rows), first=first, styled_blanks=tuple(given))
    plan.wrapped = {c: _width(ws, j) for j, c in enumerate(cols, 1) if c in wrap}
    if link in cols:
        plan.link_at = cols.index(link)
        plan.n_urls = sum(sum(u is not None for u in _urls(text_values(values)))
                          for values in rows.column(link, limit=plan.shown))
    return plan


def _width(ws, j: int) -> float:
    return ws.column_dimensions[get_column_letter(j)].width or 10.0


def _column_style(ws, column: str, dtype, wrap: tuple[str, ...]) -> int | TextStyles:
    """Style index of a number/date column, or the four text styles, as the openpyxl path sets them."""
    w = SheetWriter(ws)
    template = w.template_cell(column, dtype, wrap)
    if _kind(dtype) != "text":
        return _style_id(w.cell(0, template, False))
    samples = ("x", "=x", "http://a.example", "-x http://a.example")
    return TextStyles(*(_style_id(w.cell(s, template, i >= 2)) for i, s in enumerate(samples)))


def _style_id(cell) -> int:
    return cell.style_id if getattr(cell, "has_style", False) else 0


def _kind(dtype) -> str:
    kind = str(dtype)
    if kind.startswith("datetime64"):
        return "date"
    if kind in ("Int64", "int64"):
        return "int"
    if kind in ("Float64", "float64"):
        return "float"
    return "text"


def _urls(values: list[str | None]) -> list[str | None]:
    """``http_url`` of every value, computed once per distinct value; a value that is one plain
    http(s) URL is its own link without parsing (what ``http_url`` would return for it)."""
    found = {v: v if len(v) <= MAX_URL_CHARS and _PLAIN_URL.match(v) else http_url(v) for v in set(values) if v}
    return [found.get(v) if v else None for v in values]


def fill_tables(book: bytes | Path, path: Path, tables: list[BulkTable]) -> None:
    """Copy the saved package ``book`` to ``path``, appending each table's rows to its sheet."""
    by_part = {t.ws.path.lstrip("/"): t for t in tables}
    rels = {_rels_part(p): t for p, t in by_part.items()}
    with zipfile.ZipFile(book) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as dst:
        names = src.namelist()
        for name in names:
            if name in by_part:
                _write_sheet(dst, name, src.read(name).decode("utf-8"), by_part[name])
            elif name not in rels:  # a sheet's relationships follow it: its hyperlinks are known then
                dst.writestr(name, src.read(name))
        for part, table in by_part.items():  # a sheet without rels yet (no table part): give it one
            if _rels_part(part) in names:
                dst.writestr(_rels_part(part), _with_link_rels(src.read(_rels_part(part)).decode("utf-8"), table))
            elif table.links:
                dst.writestr(_rels_part(part), _with_link_rels(_EMPTY_RELS, table))


_EMPTY_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '</Relationships>')


def _rels_part(sheet_part: str) -> str:
    folder, _, name = sheet_part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def _write_sheet(dst: zipfile.ZipFile, name: str, xml: str, table: BulkTable) -> None:
    head, sep, tail = xml.partition("</sheetData>")
    if not sep:
        raise ValueError(f"{name}: no </sheetData> to append rows to")
    big = table.shown * len(table.rows.columns) > ZIP64_CELLS
    # zlib and the file write release the GIL: one thread compresses a chunk while the next is built
    with dst.open(name, "w", force_zip64=big) as out, ThreadPoolExecutor(1) as pool:
        pending = pool.submit(out.write, head.encode("utf-8"))
        start = 0
        for part in table.rows.chunks(CHUNK_ROWS, limit=table.shown):
            data = _rows_xml(table, part, start).encode("utf-8")
            start += len(part)
            pending.result()
            pending = pool.submit(out.write, data)
        pending.result()
        at = _AFTER_LINKS.search(tail)
        cut = at.start() if at else len(tail)
        out.write((sep + tail[:cut] + _hyperlinks_xml(table) + tail[cut:]).encode("utf-8"))


def _rows_xml(table: BulkTable, part: pd.DataFrame, start: int) -> str:
    """``<row>`` elements of ``part``, the data rows from ``start`` on (sheet rows ``first + start``...)."""
    rows = [str(i) for i in range(table.first + start, table.first + start + len(part))]
    columns = []
    for j, (col, style) in enumerate(zip(part.columns, table.styles)):
        letter, series = get_column_letter(j + 1), part[col]
        kind = _kind(series.dtype)
        if kind == "text":
            values = text_values(series)
            links = _links(table, values, letter, rows) if j == table.link_at else None
            columns.append(text_cells(values, letter, rows, style, links))
        else:
            columns.append({"date": date_cells, "int": int_cells, "float": float_cells}[kind](
                series, letter, rows, style))
        if col in table.styled_blanks:
            blank = style.plain if isinstance(style, TextStyles) else style
            columns[-1] = [c or f'<c r="{letter}{r}" s="{blank}"/>' for c, r in zip(columns[-1], rows)]
    heights = column_points([part[c] for c in table.wrapped], list(table.wrapped.values()))
    attrs = [f' ht="{h:g}" customHeight="1"' if h else "" for h in heights] if len(heights) else [""] * len(rows)
    return "".join([f'<row r="{r}"{a}>{"".join(cells)}</row>' for r, a, cells in zip(rows, attrs, zip(*columns))])


def _links(table: BulkTable, values: list[str | None], letter: str, rows: list[str]) -> list[bool]:
    """Per cell of the link column: whether it gets a hyperlink (the sheet's first ``MAX_LINKS``
    http(s) URLs do); each one is recorded in ``table.links``."""
    keep = []
    for url, row in zip(_urls(values), rows):
        link = url is not None and len(table.links) < MAX_LINKS
        if link:
            table.links.append((f"{letter}{row}", url))
        keep.append(link)
    return keep


def _hyperlinks_xml(table: BulkTable) -> str:
    links = table.links
    if not links:
        return ""
    body = "".join([f'<hyperlink ref="{ref}" r:id="rIdL{k}"/>' for k, (ref, _) in enumerate(links, 1)])
    return f'<hyperlinks xmlns:r="{_R_NS}">{body}</hyperlinks>'


def _with_link_rels(xml: str, table: BulkTable) -> str:
    """The sheet's relationships plus one external relationship per hyperlink."""
    links = table.links
    targets = {url: quoteattr(url) for url in {url for _, url in links}}
    extra = "".join([f'<Relationship Type="{_LINK_TYPE}" Target={targets[url]} TargetMode="External" '
                     f'Id="rIdL{k}"/>' for k, (_, url) in enumerate(links, 1)])
    head, sep, tail = xml.rpartition("</Relationships>")
    if not sep:
        raise ValueError("sheet relationships without </Relationships>")
    return head + extra + sep + tail
