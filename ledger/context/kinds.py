"""Stage and aid type of an aid figure, from the cue words of its clause, then its sentence.

Stage says how far the money has gone (pledged → committed → disbursed → delivered; requested
of or appropriated by a legislature); aid type is the split the Kiel tracker and OCHA's FTS use
(military, humanitarian, financial, development). Both stay empty when nothing says them.
"""
from __future__ import annotations

from ledger.context.clauses import Clause
from ledger.context.cues import Cue, cues
from ledger.context.decision import CLAUSE, FALLBACK, SENTENCE, Decision
from ledger.context.evidence import Evidence
from ledger.model import AID_TYPES, STAGES, Figure

__all__ = ["aid_type_of", "stage_of"]

_NONE = Decision(None, "not-aid", "", FALLBACK)
#: A budget line asked for or enacted says so with these nouns.
_BUDGET_STAGES = {"request": "requested", "requests": "requested", "supplemental request": "requested",
                  "budget request": "requested", "funding request": "requested"}


def _nearest(cl: Clause, ev: Evidence | None) -> tuple[tuple[Cue, ...], tuple[Cue, ...]]:
    """Cues of the clause and of the sentence, nearest to the figure first."""
    if ev is not None:
        return ev.clause, ev.sentence
    found = cues(cl.text)
    lo, hi = cl.at - len(cl.before), cl.end + len(cl.after)

    def dist(c: Cue) -> int:
        return min(abs(c.start - cl.end), abs(cl.at - c.end))

    inside = tuple(sorted((c for c in found if lo <= c.start and c.end <= hi), key=dist))
    return inside, tuple(sorted(found, key=dist))


def _first(pools, accept) -> tuple[Cue | None, float]:
    for pool, conf in pools:
        for c in pool:
            if accept(c):
                return c, conf
    return None, FALLBACK


def stage_of(fig: Figure, role: str, cl: Clause, ev: Evidence | None) -> Decision:
    """How far the money (or materiel) of ``fig`` has gone."""
    if role == "other":
        return _NONE
    clause, sentence = _nearest(cl, ev)
    if role == "budget":
        own = ev.own if ev is not None else None
        if own is not None and own.text.lower() in _BUDGET_STAGES:
            return Decision(_BUDGET_STAGES[own.text.lower()], "budget-noun", own.text, CLAUSE)
    c, conf = _first(((clause, CLAUSE), (sentence, SENTENCE)),
                     lambda c: c.cls == "give" and c.value in STAGES)
    if c is None:
        return Decision(None, "no-stage-word", "", FALLBACK)
    return Decision(c.value, "stage-verb", c.text, conf)


def aid_type_of(fig: Figure, role: str, cl: Clause, ev: Evidence | None) -> Decision:
    """Military, humanitarian, financial or development, from the words around ``fig``."""
    if role == "other":
        return _NONE
    clause, sentence = _nearest(cl, ev)
    c, conf = _first(((clause, CLAUSE), (sentence, SENTENCE)),
                     lambda c: c.cls in ("aid", "type") and c.value in AID_TYPES)
    if c is None:
        return Decision(None, "no-type-word", "", FALLBACK)
    return Decision(c.value, "type-word", c.text, conf)
