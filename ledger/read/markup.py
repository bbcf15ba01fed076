"""Markdown and stray HTML → plain text lines (link texts kept, URLs, images and tags gone).

Every pattern is linear (no nested quantifiers over the same characters) and guarded by a
cheap substring test, so clean text costs almost nothing.
"""
from __future__ import annotations

import html
import re

from ledger import data

__all__ = ["strip_markup", "drop_between"]


def drop_between(text: str, opening: str, closing: str, *, ignore_case: bool = False) -> str:
    """Remove every ``opening … closing`` span in one left-to-right pass (linear; an unclosed
    ``opening`` loses only itself)."""
    hay = text.lower() if ignore_case else text
    if opening not in hay:
        return text
    parts: list[str] = []
    pos = 0
    while True:
        start = hay.find(opening, pos)
        if start < 0:
            break
        end = hay.find(closing, start + len(opening))
        if end < 0:  # no closing anywhere after: later openings are unclosed too; drop them only
            rest = text[pos:]
            parts.append(rest.replace(opening, "") if not ignore_case else rest)
            return "".join(parts)
        parts.append(text[pos:start])
        pos = end + len(closing)
    parts.append(text[pos:])
    return "".join(parts)


_CELL_GAP = re.compile(r"</t[dh]>\s*(?=<t[dh][\s>])", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(map(re.escape, data.entries("read/html_block_tags.txt"))) + r")\b[^<>]*>",
                        re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"\n]*\")?\s*\)")
_DIRECTIVE = re.compile(r":[a-z][a-z-]*\[([^\[\]\n]*)\](?:\{[^{}\n]*\})?")
_URL = re.compile(r"https?://[^\s<>()\[\]]*")
_WWW = re.compile(r"\bwww\.[^\s<>()\[\]]*")
_HEADING = re.compile(r"\n[ ]{0,3}#{1,6}[ ]+")
_RULE = re.compile(r"\n[ ]*(?:(?:[-*_][ ]*){3,}|\|?[ ]*:?-{3,}:?[ ]*(?:\|[ ]*:?-{3,}:?[ ]*)*\|?[ ]*)(?=\n)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HARD_BREAK = re.compile(r"\\$", re.M)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _strip_html_junk(text: str) -> str:
    if "<!--" in text:
        text = drop_between(text, "<!--", "-->")
    if "<" not in text:
        return text
    for name in ("script", "style", "figcaption"):
        text = drop_between(text, f"<{name}", f"</{name}>", ignore_case=True)
    if "</t" in text or "</T" in text:
        text = _CELL_GAP.sub(" | ", text)
    text = _BR.sub(" ", text)
    text = _BLOCK_TAG.sub("\n", text)
    return _TAG.sub("", text)


def _strip_markdown(text: str) -> str:
    if "](" in text:
        text = _IMAGE.sub("", text)
        text = _LINK.sub(r"\1", text)
    if ":" in text and "[" in text:
        text = _DIRECTIVE.sub(r"\1", text)
    if "http" in text:
        text = _URL.sub("", text).replace("<>", "")
    if "www." in text:
        text = _WWW.sub("", text)
    if "*" in text:
        text = ("\n" + text).replace("\n* ", "\n- ").replace("*", "")[1:]
    if "__" in text:
        text = text.replace("__", "")
    if "\\" in text:
        text = _HARD_BREAK.sub("", text)
        text = _ESCAPE.sub(r"\1", text)
    if "#" in text:
        text = _HEADING.sub("\n", "\n" + text)[1:]
    if "---" in text or "___" in text:
        text = _RULE.sub("\n", "\n" + text)[1:]
    return text


def strip_markup(text: str) -> str:
    """Plain text from a markdown/HTML scrape: ``[text](url)`` → text, no ``**``, images,
    tags, comments, URLs or escapes; HTML table rows become one line with cells joined by " | "."""
    text = _strip_html_junk(text)
    text = _strip_markdown(text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    return text
