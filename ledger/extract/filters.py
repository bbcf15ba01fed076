"""Tests on the words around a number that the rules use: dates, years, identifiers, clock times, calibers,
file sizes, names (``ledger.extract.rules``)."""
from __future__ import annotations

import functools
import re

from ledger.extract import tables
from ledger.text import calendar

_NEXT_WORD = re.compile(r"[ \t\u00a0]*+\n?[ \t\u00a0]*+([A-Za-z][\w]*)")
_GLUED_BAD = re.compile(r"[+/:#@_=^]\w|\(\w|\.\d|[-–][A-Za-z]|[A-Za-z0-9]")
_CLOCK_AFTER = re.compile(r"[ \t\u00a0]?[AaPp]\.?[Mm]\b\.?")
_MAGNITUDE = re.compile(r"[ \t\u00a0-]*(?i:magnitude|on the richter)")


@functools.lru_cache(maxsize=None)
def _identifier_words() -> frozenset[str]:
    return tables.word_set("identifier_words.txt")


_SPACE = frozenset(" \t\u00a0")
_WORD_EXTRA = frozenset("._§")


def previous_word(text: str, start: int) -> str:
    """The word right before ``start`` (same or previous line), or "": a run of word characters and dots
    that begins with a letter ("No.", "U.S.", "section")."""
    k, i = _previous_word_span(text, start)
    return text[k:i]


def _previous_word_span(text: str, start: int) -> tuple[int, int]:
    """Offsets of :func:`previous_word` ((start, start) when none). Scans back at most 40 characters with
    plain string tests (a regex search anchored at the end would restart at every position of the window)."""
    if _last_span[0] is text and _last_span[1] == start:  # the filters ask about one candidate in turn
        return _last_span[2]
    span = _scan_previous_word(text, start)
    _last_span[:] = [text, start, span]
    return span


_last_span: list = [None, -1, (0, 0)]


def _scan_previous_word(text: str, start: int) -> tuple[int, int]:
    lo = max(0, start - 40)
    i = start
    while i > lo and text[i - 1] in _SPACE:
        i -= 1
    if i > lo and text[i - 1] == "\n":
        i -= 1
        while i > lo and text[i - 1] in _SPACE:
            i -= 1
    j = i
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in _WORD_EXTRA):
        j -= 1
    for k in range(j, i):
        ch = text[k]
        if ch == "§" or ("a" <= ch <= "z") or ("A" <= ch <= "Z"):
            return k, i
    return start, start


def next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


is_month = calendar.is_date_word


def is_date_part(text: str, start: int, end: int) -> bool:
    """'February 24', '24 February', 'Feb. 24', 'May 21, 2021'."""
    return is_month(previous_word(text, start)) or is_month(next_word(text, end))


is_year = calendar.is_year


def year_context(text: str, start: int) -> bool:
    """A year-like number after 'in', 'since', 'fiscal' ... is a year."""
    return previous_word(text, start).lower().rstrip(",") in tables.cues("year_before")


def glued_junk(text: str, end: int) -> bool:
    """The number runs into letters or symbols no tail explained: '1A5', '15th', '2+2', '506(a)', '3.2.1'."""
    return bool(_GLUED_BAD.match(text, end))


def is_clock(text: str, end: int) -> bool:
    return bool(_CLOCK_AFTER.match(text, end))


def is_identifier(text: str, start: int) -> bool:
    """'section 506', 'Game 2', 'PDA number 11', '#3', 'No. 5'."""
    word = previous_word(text, start).lower()
    return word in _identifier_words() or word.rstrip(".") in _identifier_words()


def after_capitalised_name(text: str, start: int) -> bool:
    """'Channel One', 'Leopard 2', 'Apple Watch 5': a capitalised word right before, not a sentence start (a
    name and its number share a line: a number opening a line after a heading is no part of it)."""
    k, i = _previous_word_span(text, start)
    word = text[k:i]
    if not word or "\n" in text[i:start]:
        return False
    if not any(ch.isupper() for ch in word[:2]) or word.rstrip(".").lower() in calendar.date_words():
        return False
    before = text[max(0, k - 3):k].rstrip(" \t\u00a0")
    sentence_start = not before or before[-1] in ".!?:;\n\"“(*#|>-–—"
    return not sentence_start


def is_magnitude(text: str, start: int, end: int) -> bool:
    return bool(_MAGNITUDE.match(text, end)) or previous_word(text, start).lower() == "magnitude"


@functools.lru_cache(maxsize=None)
def _caliber_after() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in tables.cues("caliber_noun")), key=len, reverse=True))
    return re.compile(
        r"[ \t\u00a0-]*(?:mm|millimet(?:re|er)s?|cal(?:iber|ibre)?\.?)?[ \t\u00a0]*+(?i:[A-Za-z-]+[ \t\u00a0]+){0,2}?"
        rf"(?i:{words})\b"
    )


@functools.lru_cache(maxsize=None)
def _file_size_before() -> re.Pattern[str]:
    words = "|".join(sorted(w for w in tables.cues("file_size_before") if w != "("))
    return re.compile(rf"(?i)(?:\(|{words})[^()\n]{{0,12}}$")


def is_caliber(text: str, end: int) -> bool:
    """'155mm artillery', '105 mm howitzer', '50-caliber': a number naming a gun's bore."""
    return bool(_caliber_after().match(text, end, min(len(text), end + 60)))


def is_file_size(text: str, start: int) -> bool:
    """'(PDF, 1.35 MB)', 'download 2 GB': a number that is the size of a file."""
    return bool(_file_size_before().search(text, max(0, start - 20), start))
