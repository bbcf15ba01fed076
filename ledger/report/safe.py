"""Spreadsheet-injection guards (OWASP "CSV injection") and safe hyperlinks.

A text cell taken from an article must never run as a formula when someone opens the
file: text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
neutralised. Numbers are never touched.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

#: First characters that make a spreadsheet read a text cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Excel's limits on one cell's text and on a hyperlink target.
MAX_CELL_CHARS = 32_767
MAX_URL_CHARS = 2_079

# Control characters XML 1.0 (and therefore .xlsx) cannot hold; tab, LF and CR stay.
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_URL_TOKEN = re.compile(r"\S+")


def is_risky(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMULA_STARTS)


def safe_text(text: str) -> str:
    """``text`` for a CSV cell: a single quote is put before a risky first character."""
    return "'" + text if is_risky(text) else text


def xlsx_text(text: str) -> str:
    """``text`` that an .xlsx cell can hold: no XML-illegal characters, at most 32,767 chars."""
    if ILLEGAL_XML.search(text):
        text = ILLEGAL_XML.sub("", text)
    return text[:MAX_CELL_CHARS]


def http_url(text: str | None) -> str | None:
    """The first http(s) URL in ``text`` (one URL or several separated by blanks or ``|``),
    or None: other schemes (``javascript:``, ``file:``, ``data:``) never become links."""
    if not text:
        return None
    for token in _URL_TOKEN.findall(text.replace("|", " ")):
        if len(token) > MAX_URL_CHARS or ILLEGAL_XML.search(token):
            continue
        try:
            parts = urlsplit(token)
        except ValueError:
            continue
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            return token
    return None
