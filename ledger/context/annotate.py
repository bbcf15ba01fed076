"""``annotate``: the context of every figure — sentence, item, role, donor, recipient, stage,
aid type, event date — with the rule behind each decision (``why``) and a ``confidence``.

Two passes over a document's figures: the first reads each figure's own frame (its clause,
its sentence, its neighbours); the second fills what the figure's own words left open from
the document's frame (the pair the release is about, its publisher).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace

from ledger.context import actors as _actors, fill
from ledger.context.clauses import CONVERSION, Clause, ListIndex, clauses as _clauses
from ledger.context.decision import Decision, why_text
from ledger.context.document import DocumentFrame, publisher_of
from ledger.context.evidence import evidence
from ledger.context.figure_role import role_of
from ledger.context.frame import money_decision, praised
from ledger.context.items import topic_item
from ledger.context.kinds import aid_type_of, stage_of
from ledger.context.neighbours import Neighbours, inherited_role
from ledger.context.what import item_cues, item_of, own_item
from ledger.context.when import event_date, lede_date, period_of
from ledger.model import Figure
from ledger.text.sentences import SentenceIndex, clean

__all__ = ["annotate"]

#: "The package includes $X" points back to a whole named at most this many sentences before.
_WHOLE_REACH = 8


@dataclass(slots=True)
class _State:
    """What the first pass has decided so far in one document."""

    out: list[Figure]
    decisions: list[dict[str, Decision]]
    sents: list[int]  # the sentence of each figure in ``out``
    last_aid: int = -1  # index in ``out`` of the last figure whose role is not "other"
    last_whole: int = -1  # index in ``out`` of the last package, budget or running total

    def prev_in(self, sent: int) -> Figure | None:
        """The last figure so far when it is in sentence ``sent``."""
        return self.out[-1] if self.out and self.sents[-1] == sent else None


def annotate(text: str, figures: list[Figure], published: _dt.date | None, *,
             url: str | None = None) -> list[Figure]:
    """New Figures with the context fields filled; ``published`` anchors relative dates
    ("on Friday"), ``url`` names the publisher (who "we" are, which dollar "$" is)."""
    if not figures:
        return []
    index = SentenceIndex(text)
    lists = ListIndex(index)
    doc = fill.headline_frame(index, publisher_of(url))
    lede = lede_date(index, published)
    found = _clauses(text, figures, index)
    state = _read(figures, found, index, lists, doc, published, lede)
    return fill.document_defaults(state.out, state.decisions, state.sents, lists, doc)


def _read(figures: list[Figure], found: list[Clause], index: SentenceIndex, lists: ListIndex,
          doc: DocumentFrame, published: _dt.date | None, lede: _dt.date | None) -> _State:
    """The first pass: every figure read from its own clause, sentence and neighbours."""
    state = _State([], [], [])
    for fig, cl in zip(figures, found):
        prev = state.prev_in(cl.sent)
        if prev is not None and CONVERSION.match(cl.before) and fig.kind == prev.kind == "money":
            _restate(state, fig, prev, cl.sent)
            continue
        back = _pointed_back(state, fig, cl)
        if back is not None:  # "... provided more than $914 million ... So, that's almost a billion dollars"
            _restate(state, fig, back, cl.sent)
            continue
        near = _neighbours(state, cl, lists)
        item = own_item(fig, cl, near.prev) if fig.kind == "money" else None
        topic = topic_item(cl.text, cl.at) if fig.kind == "money" and item is None else None
        decisions = _first_pass(fig, cl, near, doc, published, lede, item, topic)
        _add(state, fig, cl, index, decisions, _item(fig, cl, near, item, topic))
    return state


def _item(fig: Figure, cl: Clause, near: Neighbours, item: str | None, topic: str | None) -> str | None:
    """``item_of`` without reading a money figure's words again: its own item, else the sentence's topic."""
    if fig.kind != "money":
        return item_of(fig, cl, near.prev)
    return item or (topic if item is None else topic_item(cl.text, cl.at))


def _neighbours(state: _State, cl: Clause, lists: ListIndex) -> Neighbours:
    k = state.last_aid
    prev = state.prev_in(cl.sent)
    aid_sent = state.sents[k] if k >= 0 else -2
    prev_aid = state.out[k] if prev is not None and aid_sent == cl.sent else None
    last_aid = state.out[k] if aid_sent == cl.sent - 1 else None
    w = state.last_whole
    whole = state.out[w] if w >= 0 and cl.sent - state.sents[w] <= _WHOLE_REACH else None
    prev_rule = state.decisions[-1]["role"].rule if prev is not None else None  # (the next item of a list
    return Neighbours(prev, prev_aid, last_aid, lists, whole, prev_rule)  # written as parts is a part too)


def _first_pass(fig: Figure, cl: Clause, near: Neighbours, doc: DocumentFrame, published: _dt.date | None,
                lede: _dt.date | None, item: str | None, topic: str | None) -> dict[str, Decision]:
    """The decisions about one figure, read from its clause, sentence and neighbours; ``item`` is what
    its own words name, ``topic`` the sentence's aid topic when they name nothing (money only)."""
    inherited = inherited_role(fig, cl, near)
    ev = evidence(cl, item_cues(item, topic, cl))
    givers = _actors.candidates(cl, near.lists, doc, ev.verb.start if ev.verb is not None else None)
    if fig.kind == "money":
        role = money_decision(fig, cl, givers, doc, inherited, ev, published)
    else:
        role = role_of(fig, cl, near, inherited)
    decisions = {"role": role}
    decisions.update(_actors.decide(role.value, givers, doc, praised(ev)))
    decisions["stage"] = stage_of(fig, role.value, cl, ev)
    decisions["aid_type"] = aid_type_of(fig, role.value, cl, ev)
    decisions["event_date"] = event_date(cl, role, published, lede)
    decisions["window"] = period_of(cl, role.value, decisions["event_date"].value or published,
                                    decisions["recipient"].value)
    return decisions


def _add(state: _State, fig: Figure, cl: Clause, index: SentenceIndex, d: dict[str, Decision],
         item: str | None) -> None:
    window = d["window"].value
    new = Figure(  # one construction: dataclasses.replace costs as much again
        start=fig.start, end=fig.end, surface=fig.surface, kind=fig.kind, value=fig.value, low=fig.low,
        high=fig.high, qualifier=fig.qualifier, unit=fig.unit, currency=fig.currency, change=fig.change,
        item=item, role=d["role"].value, donor=d["donor"].value, recipient=d["recipient"].value,
        event_date=d["event_date"].value, sentence=clean(index.sentence(cl.sent)), per=fig.per,
        stage=d["stage"].value, aid_type=d["aid_type"].value, window_start=window[0] if window else None,
        window_end=window[1] if window else None, why=why_text(d), confidence=fill.confidence(d))
    state.out.append(new)
    state.decisions.append(d)
    state.sents.append(cl.sent)
    if new.role != "other":
        state.last_aid = len(state.out) - 1
    if new.role in ("package", "budget", "cumulative") and new.kind == "money" and (
            state.last_whole < 0 or cl.sent - state.sents[state.last_whole] > _WHOLE_REACH
            or (new.value or 0) >= (state.out[state.last_whole].value or 0)):
        state.last_whole = len(state.out) - 1  # the text's main whole: the largest named lately


#: A sentence that only points back at an amount: "So, that's almost a billion dollars", "That is about $X".
_POINTS_BACK = re.compile(r"^\W*(?:(?:So|And|Now),?\s+)?(?:that['’]s|that\s+is|this\s+is|that\s+was)\s+"
                          r"(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
#: How far apart a restated amount may be from the one it restates ("$914 million ... almost a billion").
_CLOSE = 1.5


def _pointed_back(state: _State, fig: Figure, cl: Clause) -> Figure | None:
    """The last amount of money of the sentence before, when this sentence only points back at it with an
    amount close to it (a restatement, not a new amount)."""
    if fig.kind != "money" or not _POINTS_BACK.match(cl.text, 0, cl.at):
        return None
    prev = next((f for f, s in zip(reversed(state.out), reversed(state.sents))
                 if s == cl.sent - 1 and f.kind == "money" and f.currency == fig.currency), None)
    a = fig.value or fig.high
    b = None if prev is None else prev.value or prev.high
    return prev if a and b and 1 / _CLOSE <= a / b <= _CLOSE else None


def _restate(state: _State, fig: Figure, prev: Figure, sent: int) -> None:
    """ "$5.5 billion (737 billion yen)": the same amount written twice keeps one context."""
    own = {f: getattr(fig, f) for f in ("start", "end", "surface", "kind", "value", "low", "high",
                                        "qualifier", "unit", "currency", "change", "per")}
    state.out.append(replace(prev, **own))
    state.decisions.append(dict(state.decisions[-1]))
    state.sents.append(sent)
    if prev.role != "other":
        state.last_aid = len(state.out) - 1
