"""Smaller readers of the grammar: fractions, pence, ages, powers of ten, written fractions, and number
words inside names ("One China")."""
from __future__ import annotations

import re

from ledger.extract import filters, tables
from ledger.extract.candidate import Amount
from ledger.extract.space import GAP1

_FRACTION_OF = re.compile(r"[ \t\u00a0]*+\n?[ \t\u00a0]*+of(?![\w-])")
_WORD_AFTER = re.compile(r"[ \t\u00a0]++([A-Za-z]++)(?![\w-])")
_SCALE_AFTER = re.compile(rf"{GAP1}(?:of{GAP1})?(?:an?{GAP1})?+([A-Za-z]++)(?![\w-])")
# "164p", "68 p at", "40 pence": a price in pence (not "5 p.m.", not a video resolution "1080p")
_PENCE = re.compile(r"[ \t\u00a0]?p(?![\w]|\.[A-Za-z])")
_AGE_WORDS = frozenset({"aged", "age"})
TIMES_SIGNS = frozenset("×x·")
_EXPONENT = re.compile(r"[ \t\u00a0]?[×x·][ \t\u00a0]?10(?:(?:\^|\*\*)([−–-]?\d{1,3})|([−–-]\d{1,3}))(?![\d.,])")
# "1/2 pound", "1⁄32 of a US quart": a written fraction, then (after "of a") the unit it divides
_SLASH = re.compile(r"[/⁄](?P<d>\d{1,3})(?![\d/⁄.,])[ \t\u00a0]*+(?:of[ \t\u00a0]++an?[ \t\u00a0]++(?:US[ \t\u00a0]++)?+)?+")
_SENTENCE_END = frozenset('.!?:;\n"“(*#|>-–—')


def read_fraction(text: str, a: Amount) -> Amount | None:
    """'half a million', 'half of a million' → a scaled amount; 'a third of', 'two-thirds of', 'half the', a
    fraction after a qualifier ('more than half') or before a verb ('a third went to food') → a share
    (percent); None when the fraction word is not an amount here ("the second half of", "a third party")."""
    if filters.previous_word(text, a.start).lower() in tables.cues("not_before_fraction"):
        return None
    frac = a.number.fraction
    sm = _SCALE_AFTER.match(text, a.end)
    scale = tables.number_words().get(sm.group(1).lower()) if sm else None
    if scale and scale[1] in ("scale", "hundred", "dozen"):
        return a._replace(value=frac * scale[0], scaled=True, end=sm.end())
    word = _WORD_AFTER.match(text, a.end)
    after = word.group(1).lower() if word else ""
    if _FRACTION_OF.match(text, a.end) or (frac == 0.5 and after in tables.cues("half_determiner")) \
            or after in tables.cues("share_verb") or _qualified(text, a.start):
        return a._replace(value=frac * 100.0, kind="percent", unit="%")  # "more than half", "a third went"
    return None


def _qualified(text: str, start: int) -> bool:
    """A qualifier right before ("more than half", "about a third"): the fraction is a share of a whole."""
    from ledger.extract import patterns

    return patterns.qualifier_reversed().match(text[max(0, start - 40):start][::-1]) is not None


def pence_end(text: str, end: int, value: float) -> int | None:
    """End of a pence marker after a price ("164p", "1.95 p"), or None."""
    m = _PENCE.match(text, end)
    if m is None or (text[end] in "pP" and f"{value:g}" in tables.cues("video_resolution")):
        return None
    return m.end()


def is_age(text: str, start: int, digits: str, value: float) -> bool:
    """An age after "aged" / "age" ("women aged 25 to 54"). Ages in apposition ("Maddon, 66,") are left out:
    news annotators count them only sometimes, and an aid ledger has no use for them."""
    if start < 4 or text[start - 2] not in "deDE" or not digits.isdigit() or not 1 <= value <= 120:
        return False  # cheap test first: most bare numbers follow no word ending in "d" / "e"
    return filters.previous_word(text, start).lower() in _AGE_WORDS


def in_title_name(text: str, start: int, end: int) -> bool:
    """'our One China Policy', 'the Three Gorges Dam': a capitalised number word between a lower-case word and
    a capitalised word is part of a name (a sentence start or a title-case headline is not)."""
    if not text[start].isupper() or not filters.next_word(text, end)[:1].isupper():
        return False
    before = text[max(0, start - 40):start].rstrip(" \t\u00a0")
    if not before or before[-1] in _SENTENCE_END:
        return False
    word = filters.previous_word(text, start)
    return bool(word) and word[0].islower()


def scientific(text: str, a: Amount) -> Amount:
    """'1.99×10−30', '3 x 10^8': scale the amount's value by the power of ten written after it."""
    m = _EXPONENT.match(text, a.end)
    if m is None or a.value is None:
        return a
    exponent = int((m.group(1) or m.group(2)).replace("−", "-").replace("–", "-"))
    return a._replace(value=a.value * 10.0 ** exponent, end=m.end())


def slash_fraction(text: str, end: int, numerator: float) -> tuple[float, int] | None:
    """'1/2 pound' → (0.5, offset where the unit starts); None unless a proper fraction is followed by a unit
    (so "24/7", "9/11", "3/4 majority" and dates stay out)."""
    from ledger.extract import patterns  # the unit pattern is built from the data tables on first use

    fm = _SLASH.match(text, end)
    if fm is None or not 0 < numerator < int(fm.group("d")):
        return None
    if fm.end() == end + 1 + len(fm.group("d")):
        return None  # a unit needs a space ("1/2 pound"), not "1/2kg"-style glue we cannot tell from ids
    if patterns.unit_match(text, fm.end() - 1) is None:
        return None
    return numerator / int(fm.group("d")), fm.end() - 1
