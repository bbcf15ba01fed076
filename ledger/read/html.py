"""HTML pages → :class:`Document` with trafilatura (main text, title) and htmldate (date)."""
from __future__ import annotations

import re

from ledger.read.chrome import strip_chrome
from ledger.read.clean import UnreadableInput, repair_text
from ledger.model import Document
from ledger.read.meta import parse_date
from ledger.read.text import assemble, stable_id

__all__ = ["read_html", "looks_like_html"]

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I | re.S)
# Captions, navigation and asides never hold article figures.
_PRUNE = ["//figcaption", "//nav", "//aside", "//footer", "//*[contains(@class,'caption')]"]
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document."""
    return bool(_HTML_START.match(text[:2000]))


def read_html(html: str, source: str) -> Document:
    """The article of an HTML page: main text (tables kept as " | " lines, comments, captions,
    navigation and asides dropped), its title, and its publication date from the page's metadata.

    Falls back to tag stripping plus :func:`strip_chrome` when trafilatura finds no main text.
    Raises :class:`UnreadableInput` when the page has no readable text at all.
    """
    html = repair_text(html) if html else html
    if not html or "<" not in html:
        raise UnreadableInput("broken HTML: no markup and no text")
    meta = _extract(html)
    body = (meta.get("text") or "").replace("\n", "\n\n")
    body = strip_chrome(body if body else _visible_text(html))
    if len(_WORD.findall(body)) < _MIN_WORDS:
        raise UnreadableInput("broken HTML: no readable text in the page")
    published = parse_date(meta.get("date")) if meta.get("date") else _find_date(html)
    return assemble(
        body, source=source, doc_id=stable_id(source), title=meta.get("title"),
        published=published, url=meta.get("url") or meta.get("source"),
    )


_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS = 3


def _visible_text(html: str) -> str:
    """The text a browser would show (scripts, styles and tags removed), for pages trafilatura
    cannot read; empty when lxml cannot parse the page at all."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises several types on hostile markup
        return ""
    for el in list(root.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    return "\n\n".join(" ".join(t.split()) for t in root.itertext() if t.strip())


def _extract(html: str) -> dict:
    """trafilatura's main text and metadata as a dict ({} when it finds nothing).

    ``bare_extraction`` rather than ``extract``: the JSON output of ``extract`` also
    hashes the whole text for a fingerprint we never use (a second on a 5 MB page).
    """
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            prune_xpath=_PRUNE, date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # trafilatura/lxml can fail on hostile markup; fall back to tag stripping
        return {}
    if result is None:
        return {}
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def _find_date(html: str):
    import htmldate

    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True)
    except Exception:  # malformed markup: no date rather than no document
        return None
    return parse_date(found) if found else None
