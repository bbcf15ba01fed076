"""Work limits that keep hostile input from costing more than real articles ever do.

A real article holds tens of figures (the largest of 5,584 White House documents: 327);
a text holding tens of thousands of numbers is a table dump or an attack. Extraction
reads such a text only up to its ``MAX_NUMBERS``-th number and says so. Every spelling of
a number counts: a run of digits, a number word ("one", "twenty"), a scale word ("million",
"bn"), a vague amount ("hundreds") or a fraction word ("half"), so "a million a million …"
is cut like "1 1 1 …".

Dates have a range too: the ledger's frames hold dates as ``datetime64[ns]``, which ends in
1677 and 2262; a date outside :data:`EARLIEST_DATE` … :data:`LATEST_DATE` is never stored.
"""
from __future__ import annotations

import datetime as _dt
import functools
import itertools
import re

MAX_NUMBERS = 10_000
EARLIEST_DATE = _dt.date(1678, 1, 1)
LATEST_DATE = _dt.date(2261, 12, 31)


def date_in_range(day: _dt.date | None) -> bool:
    """True for None and for dates every frame and report of the ledger can hold."""
    return day is None or EARLIEST_DATE <= (day.date() if isinstance(day, _dt.datetime) else day) <= LATEST_DATE


@functools.lru_cache(maxsize=1)
def _number_pattern() -> re.Pattern[str]:
    """Digit runs, or any word the grammar can read as (part of) a number, as a prefix tree."""
    from ledger.extract import tables
    from ledger.text.trie import alternation as _alt

    words = set(tables.number_words())
    words |= {token.lower() for token, _m, match in tables.scales() if token.isalpha()}
    for phrase in (*tables.vague(), *tables.fractions()):
        words |= {w.lower() for w in re.split(r"[\s-]+", phrase) if w.isalpha() and len(w) > 2}  # not "a", "of"
    return re.compile(rf"\d+|\b(?:{_alt(sorted(words))})\b", re.IGNORECASE)


def extraction_cutoff(text: str, max_numbers: int | None = MAX_NUMBERS) -> int | None:
    """Offset where extraction stops, or None when the whole text is within the limit."""
    if max_numbers is None or len(text) <= 2 * max_numbers:  # too short to hold that many numbers
        return None
    over = next(itertools.islice(_number_pattern().finditer(text), max_numbers, None), None)
    if over is None:
        return None
    cut = text.rfind(" ", 0, over.start())  # never split a token
    return cut if cut > 0 else over.start()
