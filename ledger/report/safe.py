"""Spreadsheet-injection guards (OWASP "CSV injection") and safe hyperlinks.

A text cell taken from an article must never run as a formula when someone opens the
file. A cell is risky when it begins with any character OWASP or ASVS 5 lists (``=``, ``+``,
``-``, ``@``, tab, carriage return, line feed, NUL), or with one of ``= + - @`` after leading
white space or in a full-width or small form (``＝``, ``﹦``: some spreadsheets fold them);
a risky CSV cell gets a leading single quote. Numbers are never touched. Bidirectional
control characters (an RTL override can make ``moc.evil`` read as ``live.com``) are removed
from every spreadsheet cell and never allowed in a hyperlink.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

#: First characters that make a spreadsheet read a text cell as a formula (OWASP, ASVS 5.0 1.2.10).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\x00")
#: A text is risky when it starts with one of FORMULA_STARTS, or with a formula sign (also in its
#: full-width and small forms) after leading white space or control characters.
RISKY = re.compile("^(?:[\t\r\n\x00]|[\\s\x00-\x1f\u3000]*[=+\\-@\uff1d\ufe66\uff0b\ufe62\uff0d\ufe63\uff20\ufe6b])")
#: Bidirectional embedding, override and isolate controls.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"

#: Excel's limits on one cell's text and on a hyperlink target.
MAX_CELL_CHARS = 32_767
MAX_URL_CHARS = 2_079

# Control characters XML 1.0 (and therefore .xlsx) cannot hold; tab, LF and CR stay.
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: What no spreadsheet cell keeps: XML-illegal characters and bidirectional controls.
UNSAFE_CHARS = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff{BIDI_CONTROLS}]")
_URL_TOKEN = re.compile(r"\S+")


def is_risky(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return RISKY.match(text) is not None


def safe_text(text: str) -> str:
    """``text`` for a CSV cell: a single quote is put before a risky first character."""
    return "'" + text if is_risky(text) else text


def xlsx_text(text: str) -> str:
    """``text`` that an .xlsx cell can hold: no XML-illegal characters and no bidirectional
    controls, at most 32,767 chars."""
    if UNSAFE_CHARS.search(text):
        text = UNSAFE_CHARS.sub("", text)
    return text[:MAX_CELL_CHARS]


def http_url(text: str | None) -> str | None:
    """The first http(s) URL in ``text`` (one URL or several separated by blanks or ``|``),
    or None: other schemes (``javascript:``, ``file:``, ``data:``) never become links."""
    if not text:
        return None
    for token in _URL_TOKEN.findall(text.replace("|", " ")):
        if len(token) > MAX_URL_CHARS or UNSAFE_CHARS.search(token):
            continue
        try:
            parts = urlsplit(token)
        except ValueError:
            continue
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            return token
    return None
