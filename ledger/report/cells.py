"""SpreadsheetML ``<c>`` elements for whole columns at once (the fast path of big sheets).

Each function turns one typed column into a list of cell XML strings, one per row ("" for
a missing value, so that empty cells are simply omitted). The rules are those of the openpyxl
path in ``sheet.py``: text is an inline string (never a formula), cleaned by ``xlsx_text``
and given the quote-prefix style when it is risky; numbers are written with ``%.16g``
like openpyxl; dates are Excel serial day numbers (1900 date system).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ledger.report.safe import MAX_CELL_CHARS, UNSAFE_CHARS, is_risky, xlsx_text

_SEP = "\x00"  # never inside a cleaned text: XML cannot hold it, xlsx_text removes it
_XML_SPACE = " \t\n\r"
_EPOCH = np.datetime64("1899-12-30", "ns")
_DAY_NS = 86_400 * 10**9


@dataclass(frozen=True, slots=True)
class TextStyles:
    """Style indices (0 = none) of one text column's four kinds of cell."""

    plain: int = 0
    risky: int = 0
    link: int = 0
    risky_link: int = 0

    def of(self, risky: bool, link: bool) -> int:
        if link:
            return self.risky_link if risky else self.link
        return self.risky if risky else self.plain


def _style_attr(style: int) -> str:
    return f' s="{style}"' if style else ""


def clean_texts(values: list[str]) -> list[str]:
    """``xlsx_text`` of every value, with one regex pass over all of them in the common case."""
    if UNSAFE_CHARS.search("\n".join(values)):
        return [xlsx_text(v) for v in values]
    if values and max(map(len, values)) > MAX_CELL_CHARS:
        return [v[:MAX_CELL_CHARS] for v in values]
    return values


def escape_texts(values: list[str]) -> list[str]:
    """XML-escaped element text of every (cleaned) value; CR kept as ``&#13;`` (a parser
    would turn a raw CR into LF). One join, a few C-speed replaces and one split."""
    if not values:
        return []
    big = _SEP.join(values)
    for raw, ref in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;")):
        if raw in big:
            big = big.replace(raw, ref)
    return big.split(_SEP)


def text_cells(values: list[str | None], letter: str, rows: list[str], styles: TextStyles,
               links: list[bool] | None = None) -> list[str]:
    """Inline-string cells of a text column; ``links[i]`` marks a cell that gets a hyperlink.

    The XML after the cell reference is built once per distinct text (columns repeat a lot:
    kinds, currencies, donors, a document's URL and title), then joined to each row's reference.
    """
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    texts = [str(u) for u in uniques]
    cleaned = clean_texts(texts)
    escaped = escape_texts(cleaned)
    tails = np.empty(2 * len(texts) + 1, dtype=object)
    tails[-1] = None  # code -1: a missing value
    for link in (False, True):
        heads = {risky: f'"{_style_attr(styles.of(risky, link))} t="inlineStr"><is><t' for risky in (False, True)}
        tails[link * len(texts):(link + 1) * len(texts)] = [
            (heads[is_risky(text)]
             + (' xml:space="preserve">' if text[:1] in _XML_SPACE or text[-1:] in _XML_SPACE else ">")
             + esc + "</t></is></c>") if text else None
            for text, esc in zip(cleaned, escaped)]
    if links:
        codes = np.where((codes >= 0) & np.asarray(links, dtype=bool), codes + len(texts), codes)
    return _join_cells(letter, rows, tails[codes])


def _join_cells(letter: str, rows: list[str], tails: np.ndarray) -> list[str]:
    """``<c r="{letter}{row}`` + tail for every row whose tail is not None, else ""."""
    out = np.full(len(rows), "", dtype=object)
    present = np.flatnonzero(tails != None)  # noqa: E711 (element-wise comparison)
    if len(present):
        refs = np.asarray(rows, dtype=object)[present]
        out[present] = f'<c r="{letter}' + refs + tails[present]
    return out.tolist()


def _number_cells(numbers: list[str | None], letter: str, rows: list[str], style: int) -> list[str]:
    tail = f'"{_style_attr(style)} t="n"><v>'
    return _join_cells(letter, rows, np.asarray(
        [None if v is None else tail + v + "</v></c>" for v in numbers], dtype=object))


def float_cells(series: pd.Series, letter: str, rows: list[str], style: int) -> list[str]:
    """Cells of a float column; missing and non-finite values are left out."""
    arr = series.to_numpy("float64", na_value=np.nan)
    ok = np.isfinite(arr).tolist()
    numbers = ["%.16g" % x if good else None for x, good in zip(arr.tolist(), ok)]
    return _number_cells(numbers, letter, rows, style)


def int_cells(series: pd.Series, letter: str, rows: list[str], style: int) -> list[str]:
    numbers = ["%.16g" % x if x is not None else None for x in series.to_numpy(object, na_value=None)]
    return _number_cells(numbers, letter, rows, style)


def date_cells(series: pd.Series, letter: str, rows: list[str], style: int) -> list[str]:
    """Cells of a datetime64 column as Excel serial days (openpyxl's ``to_excel`` rule:
    days since 1899-12-30, one less before 1900-03-01, time of day as a fraction)."""
    stamps = series.to_numpy("datetime64[ns]")
    missing = np.isnat(stamps)
    ns = (stamps - _EPOCH).astype("int64")
    days = ns // _DAY_NS
    serial = (days - ((days > 0) & (days <= 60))) + (ns - days * _DAY_NS) / _DAY_NS
    numbers = [None if gone else "%.16g" % x for x, gone in zip(serial.tolist(), missing.tolist())]
    return _number_cells(numbers, letter, rows, style)


def text_values(series: pd.Series) -> list[str | None]:
    """The strings a text column shows (None for missing), as ``sheet.column_values`` does."""
    return list(series.astype("string").to_numpy(object, na_value=None))
