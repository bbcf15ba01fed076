"""``annotate``: fill sentence, item, role, donor, recipient and event date of figures."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ledger.context import actors as _actors
from ledger.context import roles as _roles
from ledger.context.dates import find_dates, resolve
from ledger.context.items import count_item, money_item, percent_item, topic_item
from ledger.context.sentences import SentenceIndex, clean
from ledger.extract.figure import Figure

_WS_CHARS = "\n\r\t\f\v"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪]|\d{1,2}[.)])\s+")
_CONVERSION = re.compile(r"^\s*(?:\(|or\s+|/\s*)\s*$")
_TODAY = re.compile(r"\b(?:today|tonight)\b", re.IGNORECASE)
_OF_WHOLE = re.compile(r"^\W*Of\s+(?:the|this|that|our|its)\b[^$€£¥\d]{0,80}$")
_OF_SENTENCE = re.compile(r"^\W*Of\s+(?:the|this|that|our|its)\b")
_LEDE_SENTENCES = 12
_HEADLINE_SENTENCES = 1
_NOT_EVENT = re.compile(r"\b(?:since|Since|from|From|after|After|until|Until|by|By|before|Before|through|between)\s+$")


@dataclass(slots=True)
class _Clause:
    """One figure seen from its sentence: words before/after it inside its clause."""

    sent: int
    at: int
    end: int
    before: str
    after: str
    text: str


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
    clauses = _clauses(text, figures, index)
    lede = _lede_date(index, published)
    out: list[Figure] = []
    pairs: list[tuple[int, str | None, str | None]] = []
    last_aid = -1  # index in ``out`` of the last figure whose role is not "other"
    for i, (fig, cl) in enumerate(zip(figures, clauses)):
        prev = out[-1] if out and clauses[i - 1].sent == cl.sent else None
        prev_aid = out[last_aid] if prev is not None and last_aid >= 0 and clauses[last_aid].sent == cl.sent else None
        if prev is not None and _CONVERSION.match(cl.before) and fig.kind == prev.kind == "money":
            out.append(replace(prev, **_own(fig, index, cl)))
            pairs.append(pairs[-1])
            last_aid = len(out) - 1 if prev.role != "other" else last_aid
            continue
        role = _role(fig, cl, prev, prev_aid, index)
        item = _item(fig, cl, prev)
        donor, recipient = (None, None)
        if role != "other":
            donor, recipient = _pair(cl, index)
        pairs.append((i, donor, recipient))
        date = _date(cl, role, published, lede)
        out.append(replace(fig, sentence=clean(index.sentence(cl.sent)), item=item, role=role,
                           donor=donor, recipient=recipient, event_date=date))
        if role != "other":
            last_aid = len(out) - 1
    return _fill_dominant(out, pairs, _headline_recipients(index))


def _flat(s: str) -> str:
    """Line breaks and tabs as spaces, same length (str.replace: much faster than str.translate)."""
    for ch in _WS_CHARS:
        if ch in s:
            s = s.replace(ch, " ")
    return s


def _own(fig: Figure, index: SentenceIndex, cl: _Clause) -> dict:
    return {f: getattr(fig, f) for f in ("start", "end", "surface", "kind", "value", "low", "high",
                                         "qualifier", "unit", "currency", "change")}


def _clauses(text: str, figures: list[Figure], index: SentenceIndex) -> list[_Clause]:
    sents = [index.index_of(f.start) for f in figures]
    out = []
    flat, flat_of = "", -1
    for i, f in enumerate(figures):
        s0, s1 = index.spans[sents[i]]
        if sents[i] != flat_of:
            flat, flat_of = _flat(text[s0:s1]), sents[i]
        lo = figures[i - 1].end - s0 if i and sents[i - 1] == sents[i] else 0
        j = i + 1
        while (j < len(figures) and sents[j] == sents[i]
               and _CONVERSION.match(text[figures[j - 1].end:figures[j].start])):
            j += 1  # "NOK1.2 billion (US$111 million) in 2023": the clause goes on after the conversion
        hi = figures[j].start - s0 if j < len(figures) and sents[j] == sents[i] else len(flat)
        at, end = f.start - s0, f.end - s0
        out.append(_Clause(sents[i], at, end, flat[max(0, lo):at], flat[end:max(end, hi)], flat))
    return out


def _list_context(index: SentenceIndex, sent: int) -> str | None:
    """The lead-in sentence of the list a sentence belongs to, if it is a list item."""
    s = index.sentence(sent)
    if not _LIST_ITEM.match(s) and not (sent and _roles.is_lead_in(index.sentence(sent - 1))):
        return None
    j = sent - 1
    while j >= 0 and j >= sent - 40:
        prev = index.sentence(j)
        if _roles.is_lead_in(prev) and not _LIST_ITEM.match(prev):
            return prev
        if not _LIST_ITEM.match(prev):
            return None
        j -= 1
    return None


def _role(fig: Figure, cl: _Clause, prev: Figure | None, prev_aid: Figure | None, index: SentenceIndex) -> str:
    if fig.kind in ("percent", "duration"):
        return "other"
    unit = (fig.unit or "").lower()
    if fig.kind != "money" and (unit in _roles.other_units() or unit.split(" ")[-1] in _roles.other_units()):
        return "other"
    part = _roles.is_adjacent_part(cl.before, cl.after)
    if part and prev_aid is not None and prev_aid.role in ("cumulative", "budget", "component"):
        return prev_aid.role
    if part:
        return "component"
    if _whole_then_parts(cl, prev):
        return "package" if fig.kind == "money" else "component"
    if prev is not None and _OF_WHOLE.match(cl.text[:cl.at]) is None and _OF_SENTENCE.match(cl.text):
        return "component"
    cue = _roles.cue_role_in(cl.text, cl.at - len(cl.before), cl.at, cl.end, cl.end + len(cl.after))
    if cue is not None and not (fig.kind != "money" and cue == "budget"):
        return cue
    lead = _list_context(index, cl.sent)
    lead_role = _roles.lead_in_role(lead) if lead else None
    if lead_role:
        return lead_role
    component_cue = _roles.is_component_cue(cl.before)
    if prev_aid is not None and prev_aid.role in ("cumulative", "budget", "component") and (
        component_cue or prev is prev_aid and len(cl.before) < 40
    ):
        return prev_aid.role
    if fig.kind == "money":
        if component_cue and (prev is not None or cl.sent > 0):
            return "component"
        return "package"
    if component_cue or prev_aid is not None and prev_aid.role == "package":
        return "component"
    if _roles.has_aid_verb(cl.text):
        return "package" if fig.kind == "count" else "other"
    return "other"


def _whole_then_parts(cl: _Clause, prev: Figure | None) -> bool:
    """"Of the $2.76 billion ..., $2 billion ...": the first figure after a leading "Of" is the whole."""
    return prev is None and _OF_WHOLE.match(cl.before) is not None


def _item(fig: Figure, cl: _Clause, prev: Figure | None) -> str | None:
    if fig.kind == "money":
        item = money_item(cl.before, cl.after)
        if item is None and prev is not None and prev.kind == "money":
            return prev.item
        return item or topic_item(cl.text, cl.at)
    if fig.kind in ("count", "measure"):
        return fig.item or count_item(cl.after)
    if fig.kind == "percent":
        return fig.item or percent_item(cl.before, cl.after)
    return fig.item


def _pair(cl: _Clause, index: SentenceIndex) -> tuple[str | None, str | None]:
    donor, recipient = _actors.pick(_classify(cl.text), cl.at)
    if donor is None or recipient is None:
        lead = _list_context(index, cl.sent)
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
            recipient = f.recipient or (dom_r if dom_r != donor else None)
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


def _date(cl: _Clause, role: str, published: _dt.date | None, lede: _dt.date | None) -> _dt.date | None:
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
    window = cl.before + " " + cl.after
    if month_only or any(int(y) < published.year for y in _YEAR.findall(window)):
        return None
    return lede or published
