"""The period a cumulative figure covers, read from its sentence: ``window_start``..``window_end``.

"more than $19.3 billion since February 24" → the day after the last February 24 before the claim,
to the claim date; "in 2022" → the calendar year; "since 2014 until 2021" → 2014-01-01..2021-12-31;
"this year" → 1 January to the claim date; "since the beginning of this administration" → the
inauguration of the president in office on the claim date; "in the last two weeks" → 14 days.
Named starting points ("since the invasion") live in ``ledger/data/context/windows.tsv``, terms in
office in ``administrations.tsv``, month names in ``months.tsv``.

Of several phrases in a sentence, the figure takes the nearest one after it with no other amount
in between ("$6.1 billion since February 24; $6.8 billion since the beginning of this
administration"), else the nearest one before it with no other amount in between, or one that
opens the sentence ("Since 2014, the United States has provided ...").
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ledger import data

__all__ = ["RULES", "Window", "window"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\n": " "})
_SINCE = r"\bsince\s+(?:the\s+(?:start|beginning|outset)\s+of\s+)?"
_OWNER = r"(?:the\s+|[a-z]+'s\s+)?"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# an amount other than the figure: a currency sign before digits, or digits before a scale word
_AMOUNT = re.compile(r"[$€£¥]\s?\d|\d[\d,.]*\s*(?:million|billion|trillion|bn)\b", re.I)
_FIGURE = re.compile(r".{0,8}?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m)\b)?", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]")
_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


@dataclass(frozen=True, slots=True)
class Window:
    """A period named in a sentence: ``start``..``end`` inclusive, the words, and where they are."""

    start: _dt.date
    end: _dt.date
    phrase: str
    begin: int
    stop: int


@dataclass(frozen=True, slots=True)
class Rule:
    """A named way of writing a window: a pattern, how it resolves, and an example."""

    name: str
    pattern: str
    resolve: Callable[[re.Match, _dt.date, str | None], tuple[_dt.date, _dt.date] | None]
    example: str


@functools.lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    return {r["name"]: int(r["month"]) for r in data.table("context/months.tsv")}


@functools.lru_cache(maxsize=1)
def _numbers() -> dict[str, int]:
    words = {r["word"]: int(r["value"]) for r in data.table("extract/number_words.tsv") if int(r["value"]) <= 90}
    return {**words, "a": 1, "an": 1, "the": 1}


@functools.lru_cache(maxsize=1)
def _administrations() -> tuple[_dt.date, ...]:
    return tuple(sorted(_dt.date.fromisoformat(r["start"]) for r in data.table("context/administrations.tsv")))


@functools.lru_cache(maxsize=1)
def _named() -> dict[str, tuple[dict[str, str], ...]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in data.table("context/windows.tsv"):
        out.setdefault(row["pattern"], []).append(row)
    return {k: tuple(v) for k, v in out.items()}


def _month_re() -> str:
    names = sorted(_months(), key=len, reverse=True)
    return r"(?:" + "|".join(names) + r")\b\.?"


def _month(word: str) -> int:
    return _months()[word.lower().rstrip(".")]


def _before(month: int, day: int, claim: _dt.date) -> _dt.date | None:
    """The most recent ``month``/``day`` strictly before ``claim``."""
    for year in (claim.year, claim.year - 1):
        try:
            d = _dt.date(year, month, day)
        except ValueError:
            continue
        if d < claim:
            return d
    return None


def _since_day(m: re.Match, claim: _dt.date, _r) -> tuple[_dt.date, _dt.date] | None:
    month, day = _month(m["m1"] or m["m2"]), int(re.match(r"\d+", m["d1"] or m["d2"]).group(0))
    try:
        d = _dt.date(int(m["y"]), month, day) if m["y"] else _before(month, day, claim)
    except ValueError:
        return None
    return (d + _dt.timedelta(days=1), claim) if d else None


def _since_month(m: re.Match, claim: _dt.date, _r) -> tuple[_dt.date, _dt.date]:
    month = _month(m["m"])
    year = int(m["y"]) if m["y"] else (claim.year if month <= claim.month else claim.year - 1)
    return _dt.date(year, month, 1), claim


def _year_span(m: re.Match, claim: _dt.date, _r) -> tuple[_dt.date, _dt.date]:
    last = int(m.groupdict().get("y2") or m["y"])
    return _dt.date(int(m["y"]), 1, 1), min(_dt.date(last, 12, 31), claim)


def _since_year(m: re.Match, claim: _dt.date, _r) -> tuple[_dt.date, _dt.date]:
    return _dt.date(int(m["y"]), 1, 1), claim


def _fiscal_year(m: re.Match, claim: _dt.date, _r) -> tuple[_dt.date, _dt.date]:
    """US federal fiscal year Y: 1 October Y-1 to 30 September Y; "this fiscal year" is the current one."""
    year = int(m["y"]) if m["y"] else (claim.year + 1 if claim.month >= 10 else claim.year)
    return _dt.date(year - 1, 10, 1), min(_dt.date(year, 9, 30), claim)


def _this_year(m: re.Match, claim: _dt.date, _r) -> tuple[_dt.date, _dt.date]:
    return _dt.date(claim.year, 1, 1), claim


def _last_year(m: re.Match, claim: _dt.date, _r) -> tuple[_dt.date, _dt.date]:
    return _dt.date(claim.year - 1, 1, 1), _dt.date(claim.year - 1, 12, 31)


def _past(m: re.Match, claim: _dt.date, _r) -> tuple[_dt.date, _dt.date] | None:
    n = int(m["n"]) if m["n"] and m["n"].isdigit() else _numbers().get((m["n"] or "a").lower())
    if n is None:
        return None
    return claim - _dt.timedelta(days=n * _DAYS[m["unit"].lower()]), claim


def _administration(m: re.Match, claim: _dt.date, _r) -> tuple[_dt.date, _dt.date] | None:
    starts = [d for d in _administrations() if d <= claim]
    return (starts[-1], claim) if starts else None


def _named_event(m: re.Match, claim: _dt.date, recipient: str | None) -> tuple[_dt.date, _dt.date] | None:
    for row in _named()[m["p"].lower()]:
        if row["recipient"] in ("*", recipient):
            d = _dt.date.fromisoformat(row["date"])
            return (d if row["inclusive"] == "1" else d + _dt.timedelta(days=1)), claim
    return None


#: The ways of writing a window, tried in this order; every match is a candidate.
RULES: tuple[Rule, ...] = (
    Rule("since a day", _SINCE + _OWNER + r"(?:(?P<d1>" + _DAY + r")\s+(?:of\s+)?(?P<m1>{M})|(?P<m2>{M})\s*"
         r"(?P<d2>" + _DAY + r")\b)(?:,?\s+(?P<y>" + _YEAR + r")\b)?", _since_day,
         "since February 24 → 2022-02-25 .. claim date"),
    Rule("since a month", _SINCE + r"(?P<m>{M})(?:\s+(?:of\s+)?(?P<y>" + _YEAR + r")\b)?(?!\s*\d)", _since_month,
         "since March 2021 → 2021-03-01 .. claim date"),
    Rule("years from to", r"\b(?:since|from|between)\s+(?P<y>" + _YEAR + r")\s+(?:until|till|to|through|and)\s+"
         r"(?P<y2>" + _YEAR + r")\b", _year_span, "since 2014 until 2021 → 2014-01-01 .. 2021-12-31"),
    Rule("since a year", _SINCE + r"(?:(?:january|jan\.?)\s+(?:of\s+)?)?(?P<y>" + _YEAR + r")\b", _since_year,
         "since 2014 → 2014-01-01 .. claim date"),
    Rule("fiscal year", r"\b(?:in|for|during)\s+(?:the\s+)?(?:fiscal\s+year|fy)\s*(?P<y>" + _YEAR + r")\b"
         r"|\b(?P<this>this|the\s+current)\s+fiscal\s+year\b", _fiscal_year,
         "in fiscal year 2023 → 2022-10-01 .. 2023-09-30"),
    Rule("in a year", r"\b(?:in|during|for|throughout)\s+(?:the\s+year\s+)?(?P<y>" + _YEAR + r")\b(?!\s*[-–]\s*\d)",
         _year_span, "in 2022 → 2022-01-01 .. 2022-12-31"),
    Rule("this year", r"\b(?:(?:this|the\s+current)\s+year|year[\s-]to[\s-]date|since\s+the\s+(?:start|beginning)"
         r"\s+of\s+(?:the|this)\s+year)\b", _this_year, "this year → 1 January .. claim date"),
    Rule("last year", r"\b(?:last|the\s+past|the\s+previous)\s+calendar\s+year\b|\blast\s+year\b", _last_year,
         "last year → the previous calendar year"),
    Rule("past period", r"\b(?:in|over|during|within)\s+(?:just\s+)?(?:the\s+)?(?:last|past)\s+(?:(?P<n>\d+|[a-z]+)"
         r"\s+)?(?P<unit>day|week|month|year)s?\b", _past, "in the last two weeks → claim date - 14 days .. claim date"),
    Rule("administration", _SINCE + r"(?:(?:this|the|our)\s+administration\b|(?:taking|(?:he|she|the\s+president|"
         r"i|we)\s+took)\s+office\b)", _administration, "since taking office → inauguration .. claim date"),
    Rule("named event", _SINCE + _OWNER + r"(?P<p>{N})\b", _named_event,
         "since the invasion (of Ukraine) → 2022-02-25 .. claim date"),
)


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], Rule], ...]:
    named = "|".join(re.escape(p) for p in sorted(_named(), key=len, reverse=True))
    return tuple((re.compile(r.pattern.replace("{M}", _month_re()).replace("{N}", named), re.I), r) for r in RULES)


def windows(sentence: str, claim_date: _dt.date, recipient: str | None = None) -> Iterator[Window]:
    """Every window phrase in ``sentence`` that ends on or before ``claim_date``, in rule order."""
    text = sentence.translate(_APOSTROPHES)
    for pattern, rule in _compiled():
        for m in pattern.finditer(text):
            span = rule.resolve(m, claim_date, recipient)
            if span is not None and span[0] <= claim_date:
                yield Window(span[0], span[1], sentence[m.start():m.end()], m.start(), m.end())


def window(sentence: str, at: int, claim_date: _dt.date, *,
           recipient: str | None = None) -> tuple[_dt.date, _dt.date, str] | None:
    """``(start, end, phrase)`` of the period the figure at offset ``at`` of ``sentence`` covers,
    both days inclusive, or None when the sentence names none for it.

    ``claim_date`` is when the figure was stated (its event date, else the publication date);
    ``recipient`` picks among named events ("since the war": Ukraine or Israel).
    """
    found = list(windows(sentence, claim_date, recipient))
    if not found:
        return None
    text = sentence.translate(_APOSTROPHES)
    fig = _FIGURE.match(text, at)
    fig_end = fig.end() if fig else at
    after = [w for w in found if w.begin >= fig_end and not _AMOUNT.search(text, fig_end, w.begin)]
    before = [w for w in found if w.stop <= at and (_opens(text, w) or not (
        _AMOUNT.search(text, w.stop, at) or _attached(text, w)))]
    best = (min(after, key=lambda w: w.begin) if after
            else max(before, key=lambda w: w.stop) if before else None)
    return (best.start, best.end, best.phrase) if best else None


def _attached(text: str, w: Window) -> bool:
    """The phrase follows another amount closely, in the same clause ("$1 billion since June"): it is that
    amount's window."""
    ends = [m.end() for m in _AMOUNT.finditer(text, 0, w.begin)]
    if not ends:
        return False
    gap = text[ends[-1]:w.begin]
    return len(gap.split()) <= 5 and not _CLAUSE_BREAK.search(gap)


def _opens(text: str, w: Window) -> bool:
    """The phrase opens the sentence and is set off by a comma ("Since 2014, ...")."""
    return not text[:w.begin].strip(" \"'(") and text[w.stop:w.stop + 1] == ","
