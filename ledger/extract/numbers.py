"""Reading the number itself: digits ("1,300", "20 000", "19.3") and number words ("twenty-five")."""
from __future__ import annotations

import functools
import re

from ledger.extract import tables

_SPLIT = re.compile(r"[\s\u00a0-]+")


def parse_digits(s: str) -> float:
    """The value of a digit string with thousands separators (comma, space, no-break space)."""
    return float(s.replace(",", "").replace(" ", "").replace("\u00a0", ""))


@functools.lru_cache(maxsize=4096)
def parse_words(s: str) -> tuple[float, int] | None:
    """(value, number of characters read) of the longest valid number-word prefix of ``s``.

    "one hundred and fifty" → 150; "twenty-five" → 25; "a dozen" → 12; "one two" → 1 (stops
    at the first word that cannot continue the number). None when nothing valid.
    """
    words = tables.number_words()
    total = current = 0.0
    last_class = None
    end = 0
    for m in re.finditer(r"[A-Za-z]+", s):
        w = m.group(0).lower()
        if w == "and" and last_class == "hundred":
            continue
        if w == "a" and m.start() == 0:
            current, last_class = 1.0, "a"
            continue
        if w not in words:
            break
        value, cls = words[w]
        if not _can_follow(last_class, cls):
            break
        if cls == "hundred":
            current = (current or 1.0) * value
        elif cls == "dozen":
            current = (current or 1.0) * value
        elif cls == "scale":
            total += (current or 1.0) * value
            current = 0.0
        else:
            current += value
        last_class = cls
        end = m.end()
    if end == 0:
        return None
    return total + current, end


_FOLLOWS = {
    None: {"unit", "teen", "ten"},
    "a": {"dozen", "hundred", "scale"},
    "unit": {"hundred", "scale", "dozen"},
    "teen": {"hundred", "scale"},
    "ten": {"unit", "hundred", "scale"},
    "hundred": {"unit", "teen", "ten", "scale"},
    "scale": {"unit", "teen", "ten"},
    "dozen": set(),
}


def _can_follow(prev: str | None, cls: str) -> bool:
    return cls in _FOLLOWS[prev]
