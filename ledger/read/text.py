"""Text → :class:`Document`: header/front matter, chrome removal, title and date finding."""
from __future__ import annotations

import datetime as _dt
import hashlib
import re

from ledger.read.chrome import clean_markup, strip_chrome
from ledger.read.clean import UnreadableInput, repair_text
from ledger.model import Document
from ledger.read.meta import find_published, find_title, parse_date, split_header

__all__ = ["read_text", "assemble", "stable_id"]

_MAX_SKIPPED_WORDS = 8  # lines before a found title that may be dropped as page furniture


def stable_id(source: str) -> str:
    """A stable document id from its source (path or ``path:LINE``)."""
    return hashlib.sha1(source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_text(
    raw: str, source: str, *, doc_id: str | None = None, title: str | None = None,
    published: _dt.date | str | None = None, url: str | None = None, header: bool = True,
) -> Document:
    """A document from a plain/markdown text, with optional ``key: value`` header lines or front
    matter (``header=False`` for corpus rows, whose fields come as arguments and whose text is
    kept whole). Explicit arguments win over the header; with no date anywhere in the metadata,
    the date is looked for in the page's first lines."""
    text = repair_text(raw)
    fields, body = split_header(text) if header else ({}, text)
    title = title or fields.get("title") or None
    heading = None if title else _markdown_heading(body)  # a "# Title" line is the body's own
    url = url or fields.get("url") or fields.get("link") or None
    doc_id = doc_id or fields.get("id") or stable_id(source)
    if isinstance(published, str):
        published = parse_date(published)
    elif published is None:
        declared = fields.get("published", fields.get("date"))
        published = parse_date(declared) if declared is not None else find_published(body)
    return assemble(strip_chrome(body, normalised=True), source=source, doc_id=doc_id, title=title or heading,
                    published=published, url=url, keep_all=not header, title_in_body=heading is not None)


_HEADING = re.compile(r"#{1,2}[ \t]+(\S[^\n]{0,250})")


def _markdown_heading(body: str) -> str | None:
    """The text of a ``# Title`` heading on the first line."""
    match = _HEADING.match(body.lstrip("\n"))
    return match.group(1).strip(" #") if match else None


def assemble(
    body: str, *, source: str, doc_id: str, title: str | None, published: _dt.date | None, url: str | None,
    keep_all: bool = False, title_in_body: bool = False,
) -> Document:
    """Join title and cleaned body (the article is its title and its body: a page whose body repeats the
    given title as its first line keeps both, as both are read); find a title in the body when none is
    given (dropping short lines of page furniture before it unless ``keep_all``); ``title_in_body``: the
    title is the body's own heading, read once."""
    title = clean_markup(title).replace("\n", " ") if title else None
    given = bool(title) and not title_in_body
    if not title:
        title, body = _title_from_body(body, keep_all)
    if title and (given or not body.startswith(title)):
        body = f"{title}\n\n{body}" if body else title
    if not body.strip():
        raise UnreadableInput("empty document: no text after cleaning")
    return Document(doc_id=doc_id, source=source, text=body, title=title or None, published=published, url=url)


def _title_from_body(body: str, keep_all: bool = False) -> tuple[str | None, str]:
    title = find_title(body)
    if not title:
        return None, body
    before, _, _ = body.partition(title)
    if not keep_all and before.strip() and all(_furniture(x) for x in before.split("\n")):
        body = body[len(before):]
    return title, body


_SENTENCE_END = (".", "!", "?", ".\"", ".\u201d")


def _furniture(line: str) -> bool:
    """A line before a page's title that may be dropped: short, no number, not a sentence."""
    line = line.strip()
    return (len(line.split()) <= _MAX_SKIPPED_WORDS and not any(c.isdigit() for c in line)
            and not line.endswith(_SENTENCE_END))
