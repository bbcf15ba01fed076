"""The event date of a figure: the day named in its clause, the day of the event the lede
reports, or the publication date — and none for amounts that belong to no single day.

Date expressions are found and resolved by ``dates``; this module decides which applies.
"""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from ledger.context.clauses import Clause
from ledger.context.dates import find_dates, resolve
from ledger.context.decision import CLAUSE, DOCUMENT, FALLBACK, NEIGHBOUR, Decision
from ledger.context.windows import window
from ledger.text.sentences import SentenceIndex

__all__ = ["event_date", "lede_date", "period_of"]

#: "in 2021", "during 2022", "for fiscal year 2024": the period an amount belongs to ("the Foreign
#: Assistance Act of 1961" names a law, not a period).
_YEAR = re.compile(r"\b(?:(?:[Ii]n|[Dd]uring|[Ff]or|[Ss]ince|FY|[Ff]iscal\s+[Yy]ear)\s*((?:19|20)\d\d)\b|"
                   r"((?:19|20)\d\d)\s+(?:budget|fiscal|financial|appropriations?)\b)")
_TODAY = re.compile(r"\b(?:today|tonight)\b", re.IGNORECASE)
#: The lede: the first sentences, where a release names the day of its event ("on Friday").
_LEDE_SENTENCES = 12
#: A lede's day is at most this many days before publication.
_LEDE_DAYS = 3
#: Reported speech ("Kirby said that ..."): the figure belongs to the day of the reported event.
_REPORTED = re.compile(r"\b(?:said|says|told|announced|stated|reported|posted)\b")
#: A law that gave in the past: "the American Rescue Plan provided", "the Act allocated".
_ENACTED = re.compile(r"\b(?:provided|allocated|invested|delivered|gave|funded|appropriated|made)\b")
#: "since Monday", "until March 3": a bound of a period, not the day of the event.
_NOT_EVENT = re.compile(r"\b(?:since|Since|from|From|after|After|until|Until|by|By|before|Before|through|between)\s+$")
#: How far before a date expression the words above are looked for.
_BOUND_REACH = 12


def lede_date(index: SentenceIndex, published: _dt.date | None) -> _dt.date | None:
    """The day the article's main event happened when its lede names one ("on Friday")."""
    if published is None:
        return None
    for i in range(min(len(index.spans), _LEDE_SENTENCES)):
        s = index.sentence(i)
        if "day" not in s and "night" not in s:  # every weekday, "yesterday", "last night"
            continue
        for m in find_dates(s):
            if m.kind == "weekday" or (m.kind == "rel" and m.text.lower() in ("yesterday", "last night")):
                day = resolve(m, published, says_today=bool(_TODAY.search(s)))
                if day is not None and _dt.timedelta(0) < published - day <= _dt.timedelta(days=_LEDE_DAYS):
                    return day
    return None


@lru_cache(maxsize=1024)
def _says_today(sentence: str) -> bool:
    low = sentence.lower()
    return ("today" in low or "tonight" in low) and _TODAY.search(sentence) is not None


def _named_day(cl: Clause, published: _dt.date | None) -> tuple[_dt.date | None, str, bool]:
    """The day named in the clause nearest to the figure, its words, and whether only a month is."""
    says_today = _says_today(cl.text)
    best: tuple[int, _dt.date, str] | None = None
    month_only = False
    for m in find_dates(cl.text):
        if m.kind == "my":
            month_only = True
            continue
        if _NOT_EVENT.search(cl.text, max(0, m.start - _BOUND_REACH), m.start):
            continue
        day = resolve(m, published, says_today=says_today)
        if day is None or (published is not None and day > published):
            continue
        dist = min(abs(m.start - cl.at), abs(m.end - cl.at))
        if best is None or dist < best[0]:
            best = (dist, day, m.text)
    return (best[1], best[2], month_only) if best else (None, "", month_only)


def event_date(cl: Clause, role: Decision, published: _dt.date | None, lede: _dt.date | None) -> Decision:
    """The event date of the figure of clause ``cl`` whose role was decided by ``role``."""
    if role.rule in ("budget-gives", "legislature-asked-or-voted") and _ENACTED.search(cl.before):  # "the Rescue Plan provided $350 billion":
        return Decision(None, "earlier-law", "", CLAUSE)  # an earlier law's amount names no day
    role = role.value
    if role == "cumulative":
        return Decision(published, "claim-date", "", DOCUMENT)
    day, words, month_only = _named_day(cl, published)
    if day is not None:
        return Decision(day, "named-day", words, CLAUSE)
    if published is None:
        return Decision(None, "no-publication-date", "", FALLBACK)
    if role == "other":  # a background figure: as of the article's claim, or of the reported event
        if lede is not None and _REPORTED.search(cl.text):
            return Decision(lede, "reported-event", "", NEIGHBOUR)
        return Decision(published, "publication-date", "", FALLBACK)
    years = [int(a or b) for a, b in _YEAR.findall(cl.before + " " + cl.after)]
    if month_only or any(y < published.year for y in years) or role == "budget" and years:
        return Decision(None, "earlier-year-or-budget-period", " ".join(map(str, years)), CLAUSE)
    if lede is not None:
        return Decision(lede, "lede-day", "", DOCUMENT)
    return Decision(published, "publication-date", "", FALLBACK)


def period_of(cl: Clause, role: str, claim_date: _dt.date | None, recipient: str | None) -> Decision:
    """The period a running total covers ("since February 24", "in 2022"), as (start, end)."""
    if role != "cumulative" or claim_date is None:
        return Decision(None, "no-period", "", FALLBACK)
    found = window(cl.text, cl.at, claim_date, recipient=recipient)
    if found is None:
        return Decision(None, "no-period-named", "", FALLBACK)
    start, end, phrase = found
    return Decision((start, end), "named-period", phrase, CLAUSE)
