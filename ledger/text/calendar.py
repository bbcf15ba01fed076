"""Month and weekday names, and what a year looks like: one place for every stage.

The names and abbreviations are ``ledger/data/text/calendar.tsv``. The stages ask here whether a
word is a month ("Feb.", "February"), which month it is, and get ready-made pattern pieces for
their own date expressions (``MONTH_TITLE`` "Jan|Jan.|January|...", ``MONTH_LOWER``, ``WEEKDAY_TITLE``,
``YEAR``).
"""
from __future__ import annotations

import functools

from ledger import data

#: A four-digit year of the 20th or 21st century, as a pattern piece ("1994", "2024").
YEAR = r"(?:19|20)\d\d"
#: The years a four-digit number may name when it stands alone (``is_year``).
FIRST_YEAR, LAST_YEAR = 1800, 2100


@functools.lru_cache(maxsize=None)
def _rows() -> tuple[tuple[str, str, int, str], ...]:
    return tuple((w, k, int(n), f) for w, k, n, f in data.rows("text/calendar.tsv"))


@functools.lru_cache(maxsize=None)
def months() -> dict[str, int]:
    """Lower-case month name or abbreviation → month number ("sept" → 9)."""
    return {w: n for w, k, n, _f in _rows() if k == "month"}


@functools.lru_cache(maxsize=None)
def weekdays() -> dict[str, int]:
    """Lower-case weekday name or abbreviation → ISO weekday number (Monday = 1)."""
    return {w: n for w, k, n, _f in _rows() if k == "weekday"}


def _names(kind: str) -> tuple[str, ...]:
    return tuple(w for w, k, _n, f in _rows() if k == kind and f == "name")


def abbreviations() -> frozenset[str]:
    """Every month and weekday abbreviation ("jan", "sept", "thurs"): a full stop after one ends no sentence."""
    return frozenset(w for w, _k, _n, f in _rows() if f == "abbreviation")


@functools.lru_cache(maxsize=None)
def date_words() -> frozenset[str]:
    """Month names and abbreviations and weekday names: a number beside one is part of a date."""
    return frozenset(months()) | frozenset(_names("weekday"))


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation in any case, with or without a full stop ("Feb." → 2)."""
    return months().get(word.rstrip(".").lower())


def is_date_word(word: str) -> bool:
    """A capitalised month or weekday name or month abbreviation ("February", "Feb.", "Friday")."""
    return bool(word) and word[0].isupper() and word.rstrip(".").lower() in date_words()


def is_year(value: float, digits: str, first: int = FIRST_YEAR) -> bool:
    """A number written as four digits between ``first`` and 2100 ("1994", "2024"): it may name a year."""
    return digits.isdigit() and len(digits) == 4 and first <= value <= LAST_YEAR


def _alternation(words) -> str:
    return "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")"


def _title_pattern() -> str:
    words = [w.title() for w in _names("month")]
    words += [w.title() + suffix for w, k, _n, f in _rows() if k == "month" and f == "abbreviation"
              for suffix in (r"\.", "")]
    return _alternation(words)


#: Month names and abbreviations as written in running text, capitalised; an abbreviation may
#: take a full stop ("January", "Jan", "Jan.", "Sept.").
MONTH_TITLE = _title_pattern()
#: The same in lower case without full stops (for text already lower-cased).
MONTH_LOWER = _alternation(months())
#: Weekday names, capitalised ("Monday").
WEEKDAY_TITLE = _alternation(w.title() for w in _names("weekday"))
#: Full month names in calendar order, lower case.
MONTHS = _names("month")
#: Full weekday names from Monday, lower case.
WEEKDAYS = _names("weekday")
