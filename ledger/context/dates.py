"""Event dates: short date expressions found by our own patterns, resolved with dateparser.

Only the expressions matched here are ever parsed (never ``search_dates`` over a text),
and every parse is cached on ``(expression, published)``.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ledger.text.calendar import MONTH_TITLE as MONTH, WEEKDAY_TITLE as _WEEKDAY, WEEKDAYS as _WEEKDAYS

#: One alternation; named groups say which kind of expression matched.
DATE_PATTERN = re.compile(
    rf"\b(?:"
    rf"(?P<mdy>{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?)(?![\d,]*\s*(?:million|billion|percent))"
    rf"|(?P<dmy>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?:19|20)\d\d)?)"
    rf"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"
    rf"|(?P<my>(?:in|In)\s+{MONTH}(?!\s+\d{{1,2}}(?:st|nd|rd|th)?\b)(?:\s+(?:19|20)\d\d)?)"
    rf"|(?P<weekday>(?:(?:on|On|last|Last|this|This)\s+)?{_WEEKDAY})"
    rf"|(?P<rel>yesterday|Yesterday|last night|Last night|today|Today|tonight|this week|last week|last month|last year|earlier this month|this month|this year)"
    rf")\b"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: str  # mdy | dmy | iso | my | weekday | rel
    text: str


@lru_cache(maxsize=4096)
def find_dates(sentence: str) -> tuple[DateMention, ...]:
    """Date expressions in one sentence, in order (cached: a sentence holds several figures)."""
    return tuple(DateMention(m.start(), m.end(), m.lastgroup or "", m.group(m.lastgroup or 0))
                 for m in DATE_PATTERN.finditer(sentence))


@lru_cache(maxsize=8192)
def _parse(expression: str, published: _dt.date) -> _dt.date | None:
    import dateparser  # slow import: only when a date must be parsed

    base = _dt.datetime(published.year, published.month, published.day, 12)
    got = dateparser.parse(
        expression,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "STRICT_PARSING": False},
    )
    return got.date() if got else None


def _weekday(expression: str, published: _dt.date, says_today: bool) -> _dt.date:
    """The last such weekday up to publication: an article of a Monday means that Monday by "on
    Monday", the one before by "last Monday"."""
    words = expression.lower().split()
    back = (published.weekday() - _WEEKDAYS.index(words[-1])) % 7
    if back == 0 and words[0] == "last" and not says_today:
        back = 7
    return published - _dt.timedelta(days=back)


def resolve(mention: DateMention, published: _dt.date | None, *, says_today: bool = False) -> _dt.date | None:
    """The calendar day a date expression names, or None if it names no single day.

    A month without a day ("in January 2021") and "last month"/"this year" name no day.
    A weekday is the last such day up to ``published`` (the same day unless it says "last").
    """
    kind, text = mention.kind, mention.text
    if kind == "iso":
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            return None
    if published is None:
        if kind in ("mdy", "dmy") and re.search(r"(?:19|20)\d\d", text):
            return _parse(text, _dt.date(2000, 1, 1))
        return None
    if kind == "my":
        return None
    if kind == "weekday":
        return _weekday(text, published, says_today)
    if kind == "rel":
        low = text.lower()
        if low in ("today", "tonight", "this week"):
            return published
        if low in ("yesterday", "last night"):  # a morning paper's "last night" is the day before
            return published - _dt.timedelta(days=1)
        return None
    got = _parse(text.replace(" of ", " "), published)
    if got is not None and got > published and not re.search(r"(?:19|20)\d\d", text):
        got = got.replace(year=got.year - 1)  # "Dec. 9" in a January article
    return got
