"""``annotate``: fill sentence, item, role, donor, recipient and event date of figures."""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from ledger.context import actors as _actors
from ledger.context.clauses import CONVERSION, Clause, ListIndex, clauses as _clauses, flat as _flat
from ledger.context.dates import find_dates, resolve
from ledger.context.figure_role import Neighbours, role_of
from ledger.context.item_rules import team_item
from ledger.context.items import count_item, is_aid_topic, is_change, money_item, percent_item, topic_item
from ledger.text.sentences import SentenceIndex, clean
from ledger.model import Figure

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TODAY = re.compile(r"\b(?:today|tonight)\b", re.IGNORECASE)
_LEDE_SENTENCES = 12
#: Reported speech ("Kirby said that ..."): the figure belongs to the day of the reported event.
_REPORTED = re.compile(r"\b(?:said|says|told|announced|stated)\b")
_HEADLINE_SENTENCES = 1
_NOT_EVENT = re.compile(r"\b(?:since|Since|from|From|after|After|until|Until|by|By|before|Before|through|between)\s+$")


@lru_cache(maxsize=4096)
def _classify(sentence: str) -> _actors.Actors:
    return _actors.classify(sentence)


def annotate(text: str, figures: list[Figure], published: _dt.date | None) -> list[Figure]:
    """New Figures with ``sentence, item, role, donor, recipient, event_date`` filled.

    ``published`` anchors relative dates ("on Friday", "yesterday").
    """
    if not figures:
        return []
    index = SentenceIndex(text)
    lists = ListIndex(index)
    clauses = _clauses(text, figures, index)
    lede = _lede_date(index, published)
    out: list[Figure] = []
    pairs: list[tuple[int, str | None, str | None]] = []
    last_aid = -1  # index in ``out`` of the last figure whose role is not "other"
    for i, (fig, cl) in enumerate(zip(figures, clauses)):
        prev = out[-1] if out and clauses[i - 1].sent == cl.sent else None
        aid_sent = clauses[last_aid].sent if last_aid >= 0 else -2
        prev_aid = out[last_aid] if prev is not None and aid_sent == cl.sent else None
        if prev is not None and CONVERSION.match(cl.before) and fig.kind == prev.kind == "money":
            out.append(replace(prev, **_own(fig)))
            pairs.append(pairs[-1])
            last_aid = len(out) - 1 if prev.role != "other" else last_aid
            continue
        near = Neighbours(prev, prev_aid, out[last_aid] if aid_sent == cl.sent - 1 else None)
        role = role_of(fig, cl, near, lists, published)
        item = _item(fig, cl, prev)
        donor, recipient = (None, None)
        if role != "other":
            donor, recipient = _pair(cl, lists)
        pairs.append((i, donor, recipient))
        date = _date(cl, role, published, lede)
        out.append(replace(fig, sentence=clean(index.sentence(cl.sent)), item=item, role=role,
                           donor=donor, recipient=recipient, event_date=date))
        if role != "other":
            last_aid = len(out) - 1
    return _fill_topic(_fill_dominant(out, pairs, _headline_recipients(index)))


#: A money item must be named this often in an article to stand for the article's topic.
_TOPIC_MIN = 2


def _fill_topic(figs: list[Figure]) -> list[Figure]:
    """Aid amounts without an item get the article's most frequent money item ("ODA")."""
    counts = Counter(f.item for f in figs if f.kind == "money" and is_aid_topic(f.item))
    if not counts:
        return figs
    topic, n = counts.most_common(1)[0]
    if n < _TOPIC_MIN:
        return figs
    return [replace(f, item=topic) if f.kind == "money" and not f.item and f.role != "other" else f for f in figs]


def _own(fig: Figure) -> dict:
    return {f: getattr(fig, f) for f in ("start", "end", "surface", "kind", "value", "low", "high",
                                         "qualifier", "unit", "currency", "change")}


def _item(fig: Figure, cl: Clause, prev: Figure | None) -> str | None:
    if fig.kind == "money":
        item = money_item(cl.before, cl.after)
        same = CONVERSION.match(cl.before) is not None  # "an increase of 18% or NOK9 billion"
        if item is None and prev is not None and prev.item and (same or prev.kind == "money" and not is_change(prev.item)):
            return prev.item
        return item or topic_item(cl.text, cl.at)
    if fig.kind in ("count", "measure"):
        return team_item(cl.after) or fig.item or count_item(cl.after, cl.before)
    if fig.kind == "percent":
        return fig.item or percent_item(cl.before, cl.after, cl.text[cl.end:cl.end + 160])
    return fig.item


def _pair(cl: Clause, lists: ListIndex) -> tuple[str | None, str | None]:
    donor, recipient = _actors.pick(_classify(cl.text), cl.at, cl.end + len(cl.after))
    if donor is None or recipient is None:
        lead = lists.lead_in(cl.sent)
        if lead is not None:
            d2, r2 = _actors.pick(_classify(_flat(lead)), len(lead))
            donor, recipient = donor or d2, recipient or r2
    return donor, recipient


def _headline_recipients(index: SentenceIndex) -> frozenset[str]:
    """Recipients named in the headline (first sentence) of an article."""
    return frozenset(m.canonical for i in range(min(len(index.spans), _HEADLINE_SENTENCES))
                     for m in _classify(clean(index.sentence(i))).recipients)


def _fill_dominant(figs: list[Figure], pairs: list[tuple[int, str | None, str | None]],
                   headline: frozenset[str] = frozenset()) -> list[Figure]:
    found = [(d, r) for i, d, r in pairs if figs[i].role != "other" and figs[i].kind == "money"]
    dom_d, dom_r = _actors.dominant(found, headline)
    out = []
    for f in figs:
        if f.donor == _actors.SELF:
            f = replace(f, donor=dom_d)
        if f.role != "other" and (f.donor is None or f.recipient is None):
            donor = f.donor or dom_d
            recipient = f.recipient if f.recipient != donor else None  # a donor never gives to itself
            recipient = recipient or (dom_r if dom_r != donor else None)
            f = replace(f, donor=donor, recipient=recipient)
        out.append(f)
    return out


def _lede_date(index: SentenceIndex, published: _dt.date | None) -> _dt.date | None:
    """The day the article's main event happened when its lede names one ("on Friday")."""
    if published is None:
        return None
    for i in range(min(len(index.spans), _LEDE_SENTENCES)):
        s = index.sentence(i)
        if "day" not in s:  # every weekday and "yesterday"
            continue
        for m in find_dates(s):
            if m.kind == "weekday" or (m.kind == "rel" and m.text.lower() == "yesterday"):
                day = resolve(m, published, says_today=bool(_TODAY.search(s)))
                if day is not None and _dt.timedelta(0) < published - day <= _dt.timedelta(days=3):
                    return day
    return None


@lru_cache(maxsize=1024)
def _says_today(sentence: str) -> bool:
    """Cached: every figure of a sentence asks about the same sentence."""
    low = sentence.lower()
    return ("today" in low or "tonight" in low) and _TODAY.search(sentence) is not None


def _date(cl: Clause, role: str, published: _dt.date | None, lede: _dt.date | None) -> _dt.date | None:
    if role == "cumulative":
        return published
    says_today = _says_today(cl.text)
    best: tuple[int, _dt.date] | None = None
    month_only = False
    for m in find_dates(cl.text):
        if m.kind == "my":
            month_only = True
            continue
        if _NOT_EVENT.search(cl.text, max(0, m.start - 12), m.start):
            continue
        day = resolve(m, published, says_today=says_today)
        if day is None or (published is not None and day > published):
            continue
        dist = min(abs(m.start - cl.at), abs(m.end - cl.at))
        if best is None or dist < best[0]:
            best = (dist, day)
    if best is not None:
        return best[1]
    if published is None:
        return None
    if role == "other":  # a background figure: as of the article's claim, or of the reported event
        return lede if lede is not None and _REPORTED.search(cl.text) else published
    window = cl.before + " " + cl.after
    years = [int(y) for y in _YEAR.findall(window)]
    if month_only or any(y < published.year for y in years) or role == "budget" and years:
        return None  # an earlier year's amount, or a budget for a year: no single day
    return lede or published
