"""Document metadata: ``key: value`` headers, YAML front matter, dates and titles in raw pages."""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from ledger.read.markers import date_tables

__all__ = ["split_header", "parse_date", "find_published", "find_title"]

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]{0,23})[ \t]*:[ \t]*(.*)$")
_KNOWN_KEYS = frozenset({"url", "published", "title", "date", "id", "source", "link"})
_FRONT_MATTER_END = ("---", "...")
_MAX_HEADER_LINES = 60


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split ``key: value`` header lines (before a blank line) or ``---`` front matter off ``text``.

    Returns (fields with lower-case keys, body). Text without a header comes back whole.
    """
    stripped = text.lstrip("\ufeff")
    if stripped.startswith("---"):
        fields, body = _front_matter(stripped)
        if fields is not None:
            return fields, body
    head, sep, body = stripped.partition("\n\n")
    lines = head.split("\n")
    if len(lines) > _MAX_HEADER_LINES:
        return {}, text
    fields: dict[str, str] = {}
    for line in lines:
        match = _HEADER_LINE.match(line.strip())
        if not match:
            return {}, text
        fields[match.group(1).lower()] = match.group(2).strip()
    if not _KNOWN_KEYS.intersection(fields) or not sep:
        return {}, text
    return fields, body


def _front_matter(text: str) -> tuple[dict[str, str] | None, str]:
    lines = text.split("\n", _MAX_HEADER_LINES + 1)
    if lines[0].strip() != "---":
        return None, text
    fields: dict[str, str] = {}
    for index, line in enumerate(lines[1:_MAX_HEADER_LINES + 1], start=1):
        if line.strip() in _FRONT_MATTER_END:
            body = "\n".join(lines[index + 1:]) if index + 1 < len(lines) else ""
            return fields, body
        match = _HEADER_LINE.match(line.strip())
        if match:
            fields[match.group(1).lower()] = _unquote(match.group(2).strip())
    return None, text


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


# --- dates -------------------------------------------------------------------------------

_ORD = r"(?:st|nd|rd|th)?"


@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern[str]:
    months = "|".join(sorted(date_tables()["months"], key=len, reverse=True))
    return re.compile(
        rf"(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}}))"
        rf"|(?P<num>(?P<na>\d{{1,2}})[/.](?P<nb>\d{{1,2}})[/.](?P<ny>\d{{4}}|\d{{2}}))(?![/.]?\d)"
        rf"|(?P<dmy>(?P<dd>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<dm>{months})\.?,?\s+(?P<dy>\d{{4}}))"
        rf"|(?P<mdy>(?P<mm>{months})\.?\s+(?P<md>\d{{1,2}}){_ORD},?\s+(?P<my>\d{{4}}))",
        re.IGNORECASE,
    )


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> _dt.date | None:
    months = date_tables()["months"]
    if m.group("iso"):
        return _safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if m.group("num"):
        a, b, y = int(m.group("na")), int(m.group("nb")), int(m.group("ny"))
        # day first (international) unless that cannot be a date
        return _safe_date(y, b, a) or _safe_date(y, a, b)
    if m.group("dmy"):
        return _safe_date(int(m.group("dy")), months[m.group("dm").lower()], int(m.group("dd")))
    return _safe_date(int(m.group("my")), months[m.group("mm").lower()], int(m.group("md")))


@lru_cache(maxsize=4096)
def parse_date(value: str | None) -> _dt.date | None:
    """A date from a header value ("2022-12-10", "10th December 2022", "Dec. 9, 2022", ISO
    timestamps); None for "unknown" and other non-dates."""
    if value is None:
        return None
    value = value.strip()
    if value.lower() in date_tables()["unknown_values"]:
        return None
    match = _date_pattern().search(value[:200])
    return _from_match(match) if match else None


_SCAN_CHARS = 3000


@lru_cache(maxsize=1)
def _marker_pattern() -> re.Pattern[str]:
    tables = date_tables()
    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"^[ \t*_#>|-]*(?:(?P<pub>{alternation(tables['published_markers'])})"
        rf"|(?P<upd>{alternation(tables['updated_markers'])}))"
        rf"\b[ \t]*(?:on|at)?[ \t]*[:|-]?[ \t]*",
        re.IGNORECASE | re.MULTILINE,
    )


_DATELINE = re.compile(r"^[ \t*_(\[]*(?=\d|[A-Za-z]{3})", re.MULTILINE)


def find_published(text: str) -> _dt.date | None:
    """The publication date of a raw page, from its first lines: "Published: …" (preferred),
    "date 2022-12-10 …", "Updated: …", or a line that begins with a date (a dateline)."""
    head = text[:_SCAN_CHARS]
    published = updated = None
    for marker in _marker_pattern().finditer(head):
        match = _date_pattern().match(head, marker.end(), marker.end() + 60)
        day = _from_match(match) if match else None
        if day and marker.group("pub") and published is None:
            published = day
        elif day and marker.group("upd") and updated is None:
            updated = day
    if published or updated:
        return published or updated
    for line_start in _DATELINE.finditer(head):
        match = _date_pattern().match(head, line_start.end(), line_start.end() + 40)
        if match:
            day = _from_match(match)
            if day:
                return day
    return None


# --- titles ------------------------------------------------------------------------------

_TITLE_SCAN_LINES = 15


def find_title(body: str) -> str | None:
    """The first headline-like line of a cleaned page: 3 to 30 words, at most 250 characters,
    not a sentence that ends with a full stop."""
    for line in body.split("\n", _TITLE_SCAN_LINES)[:_TITLE_SCAN_LINES]:
        line = line.strip()
        words = line.split()
        if 3 <= len(words) <= 30 and len(line) <= 250 and not line.endswith((".", ",", ";", ":")):
            return line
    return None
