"""Bare numbers that take their noun from an earlier count in the same sentence.

"435 homes by open sale and 187 by tender" → 187 homes; "68,400 people who … and 95,800 who" → 95,800 people.
Only a digit number right after a coordinating word, with no noun of its own, within a short reach of an
earlier count that has a counted noun, and nothing but a clause word or punctuation after it."""
from __future__ import annotations

import re

from ledger.extract import filters, tables
from ledger.model import Figure

_AFTER_WORD = re.compile(r"[ \t\u00a0]*+([A-Za-z]++)(?![\w-])")
_AFTER_MARK = re.compile(r"[ \t\u00a0]*+(?:[,.;:!?)]|$)")
_BREAK = frozenset(".;!?\n")
_REACH = 140  # characters from the end of the earlier count to the bare number


def borrow_noun(text: str, start: int, end: int, digits: str, value: float | None, prev: Figure | None) -> bool:
    """True when the bare number text[start:end] repeats the counted noun of ``prev`` (see module doc)."""
    if prev is None or prev.kind != "count" or not prev.item or value is None or value < 1 or not digits:
        return False
    if start - prev.end > _REACH or filters.is_year(value, digits, 1000):
        return False
    if filters.previous_word(text, start).lower() not in tables.cues("borrow_link") or not _ends_clause(text, end):
        return False
    if text[end:end + 1] in "-–/:" or (text[end:end + 1] in ".," and text[end + 1:end + 2].isdigit()):
        return False  # a phone number, a date or a time
    gap = text[prev.end:start]
    return not any(ch in _BREAK for ch in gap) and not filters.is_identifier(text, start)


def _ends_clause(text: str, end: int) -> bool:
    """What may follow a borrowed number: a preposition, a relative word or punctuation ("187 by tender",
    "95800 who")."""
    if _AFTER_MARK.match(text, end):
        return True
    wm = _AFTER_WORD.match(text, end)
    return wm is not None and wm.group(1).lower() in tables.cues("borrow_after")


def unit_source(text: str, start: int, out: list[Figure], *, scaled: bool = False) -> Figure | None:
    """The earlier figure whose unit a bare amount at ``start`` repeats: the nearest one in the same sentence,
    within reach, that is money or a measure ("84.75 cents, while the lowest is 74.07", "rose 64.06 points to
    4,577.10"). Percentages are passed over ("climbed 0.1% to 1,333.18" after "1,463.87 points")."""
    for prev in reversed(out[-4:]):
        if start - prev.end > _REACH or any(ch in _BREAK for ch in text[prev.end:start]):
            return None
        if prev.kind == "percent":
            continue
        if prev.per is not None or (prev.kind == "money" and scaled):
            return None  # "1.356 billion ($1.762bn)": a scaled amount before a converted sum names its own currency
        return prev if prev.kind in ("money", "measure") or prev.unit else None
    return None


_FORWARD_STOP = frozenset(".;!?\n,()[]")
_FORWARD_REACH = 80


def forward_source(text: str, bare: Figure, nxt: Figure) -> bool:
    """True when the bare amount ``bare`` repeats the unit of the next figure ``nxt``: "at 2,483,805 while
    Florida came second with 1,385,710 lightning strikes", "raised 280 million of the 1.5 billion shekels".
    The gap must open with a linking word and hold no punctuation: "1.6 billion ($2.54 billion)" is a
    conversion into another currency, not the same one."""
    if nxt.per is not None or not (nxt.kind == "money" or (nxt.kind == "count" and nxt.unit)):
        return False
    if nxt.start - bare.end > _FORWARD_REACH:
        return False
    gap = text[bare.end:nxt.start]
    if any(ch in _FORWARD_STOP for ch in gap):
        return False
    words = gap.split(None, 1)
    return bool(words) and words[0].lower() in tables.cues("forward_link")
