"""The starting point of a cumulative claim, read from its sentence.

"since February 24" → the most recent February 24 before the claim; "since 2014" →
2014-01-01; "since the start of the Biden administration" → 2021-01-20; "this year" →
1 January of the claim's year; "since the invasion" (of Ukraine) → 2022-02-24. Named
phrases live in ``ledger/data/analyse/baselines.tsv`` and ``ledger/data/analyse/administrations.tsv``.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

from ledger import data

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
             r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_SINCE = r"\bsince\s+(?:the\s+(?:start|beginning|outset)\s+of\s+)?"
_OWNER = r"(?:the\s+|[a-z]+'s\s+)?"
_DAY_MONTH = re.compile(
    _SINCE + _OWNER + r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + _MONTH_RE + r")\b"
    r"|(?P<m2>" + _MONTH_RE + r")\b\.?\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")
_MONTH_YEAR = re.compile(_SINCE + r"(?P<m>" + _MONTH_RE + r")\b\.?(?:\s+(?P<y>(?:19|20)\d\d)\b)?(?!\s*\d)")
_YEAR = re.compile(_SINCE + r"(?P<y>(?:19|20)\d\d)\b")
_THIS_YEAR = re.compile(r"\b(?:(?:this|the\s+current)\s+(?P<fy>fiscal\s+)?year|year[\s-]to[\s-]date)\b")
_ADMINISTRATION = re.compile(_SINCE + r"(?:(?:this|the)\s+administration\b|(?:taking|(?:he|she|the\s+president)"
                             r"\s+took)\s+office\b)")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " "})


@dataclass(frozen=True, slots=True)
class Baseline:
    """Where a cumulative claim's window starts: ``date`` as named, and whether that day counts."""

    date: _dt.date
    inclusive: bool
    phrase: str

    @property
    def window_start(self) -> _dt.date:
        """The first day whose packages count towards the claim."""
        return self.date if self.inclusive else self.date + _dt.timedelta(days=1)


def _data_rows(name: str) -> tuple[dict[str, str], ...]:
    return data.table(f"analyse/{name}")


@functools.lru_cache(maxsize=1)
def _named() -> tuple[re.Pattern[str], dict[str, list[dict[str, str]]]]:
    table: dict[str, list[dict[str, str]]] = {}
    for row in _data_rows("baselines.tsv"):
        table.setdefault(row["pattern"], []).append(row)
    words = sorted(table, key=len, reverse=True)
    pattern = re.compile(_SINCE + _OWNER + r"(?P<p>" + "|".join(map(re.escape, words)) + r")\b")
    return pattern, table


@functools.lru_cache(maxsize=1)
def _administrations() -> tuple[_dt.date, ...]:
    return tuple(sorted(_dt.date.fromisoformat(r["start"]) for r in _data_rows("administrations.tsv")))


def _month(word: str) -> int:
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(word[:3]))


def _last_before(month: int, day: int, claim: _dt.date) -> _dt.date | None:
    """The most recent ``month``/``day`` strictly before ``claim``."""
    for year in (claim.year, claim.year - 1):
        try:
            d = _dt.date(year, month, day)
        except ValueError:
            continue
        if d < claim:
            return d
    return None


def _candidates(text: str, claim: _dt.date, recipient: str | None):
    """(position, Baseline) for every baseline phrase found in ``text`` (lower case)."""
    for m in _DAY_MONTH.finditer(text):
        month = _month(m["m1"] or m["m2"])
        day = int(m["d1"] or m["d2"])
        try:
            d = _dt.date(int(m["y"]), month, day) if m["y"] else _last_before(month, day, claim)
        except ValueError:
            d = None
        if d is not None:
            yield m.start(), Baseline(d, False, m.group(0))
    for m in _MONTH_YEAR.finditer(text):
        month = _month(m["m"])
        year = int(m["y"]) if m["y"] else (claim.year if month <= claim.month else claim.year - 1)
        yield m.start(), Baseline(_dt.date(year, month, 1), True, m.group(0))
    for m in _YEAR.finditer(text):
        yield m.start(), Baseline(_dt.date(int(m["y"]), 1, 1), True, m.group(0))
    pattern, table = _named()
    for m in pattern.finditer(text):
        for row in table[m["p"]]:
            if row["recipient"] in ("*", recipient):
                yield m.start(), Baseline(_dt.date.fromisoformat(row["date"]), row["inclusive"] == "1",
                                          m.group(0))
                break
    for m in _ADMINISTRATION.finditer(text):
        starts = [d for d in _administrations() if d <= claim]
        if starts:
            yield m.start(), Baseline(starts[-1], True, m.group(0))
    for m in _THIS_YEAR.finditer(text):
        if m["fy"]:  # US federal fiscal year: 1 October to 30 September
            year = claim.year if claim.month >= 10 else claim.year - 1
            yield m.start(), Baseline(_dt.date(year, 10, 1), True, m.group(0))
        else:
            yield m.start(), Baseline(_dt.date(claim.year, 1, 1), True, m.group(0))


def parse_baseline(sentence: str, claim_date: _dt.date, *, recipient: str | None = None,
                   near: str | None = None) -> Baseline | None:
    """The baseline of a cumulative claim made on ``claim_date`` in ``sentence``, or None.

    When several phrases are found, the one closest to ``near`` (the claim's surface,
    e.g. "$19.3 billion") wins. Dates never fall after the claim.
    """
    text = sentence.translate(_APOSTROPHES).lower()
    found = [(pos, b) for pos, b in _candidates(text, claim_date, recipient) if b.date <= claim_date]
    if not found:
        return None
    anchor = text.find(near.lower()) if near else -1
    if anchor < 0:
        return min(found, key=lambda pb: pb[0])[1]
    return min(found, key=lambda pb: abs(pb[0] - anchor))[1]
