"""The role of a figure that is not money (counts, measures, percentages, durations).

A count is aid only when it counts materiel in an aid frame: items of a package's list, things
given, delivered or sent. People, places, votes, percentages and durations are ``other``.
``RULES`` is read top to bottom; the first rule that matches decides.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ledger import data
from ledger.context.clauses import Clause
from ledger.context.decision import CLAUSE, FALLBACK, INFERRED, NEIGHBOUR, Decision
from ledger.context.evidence import evidence
from ledger.context.neighbours import COORDINATED, WRITTEN, Neighbours
from ledger.model import Figure

__all__ = ["RULES", "role_of"]


Rule = tuple[str, str, Callable[[Figure, Clause, Neighbours, Decision | None], Decision | None]]

#: "half of which", "half of our $20 billion loan", "40 percent of the funding": a share of an amount.
_SHARE_OF = re.compile(r"^\s*(?:of\s+which|of\s+(?:our|the|this|that|its|their)\s+(?:[$€£¥]|"
                       r"(?:[\w-]+\s+){0,2}(?:assistance|aid|funding|funds|loan|package|commitment|contribution)s?\b))",
                       re.IGNORECASE)


#: Words that put a thing beside an amount, not inside it.
_BESIDES = re.compile(r"\b(?:alongside|in\s+addition\s+to|besides|apart\s+from|separately)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _other_units() -> frozenset[str]:
    """Counted nouns that are never aid deliveries (people, places, organisations, events)."""
    return frozenset(data.entries("context/other_units.txt"))


def _share_of_aid(fig, cl, near, inherited):
    if fig.kind == "percent" and _SHARE_OF.match(cl.after):
        return Decision("component", "share-of-an-amount", _SHARE_OF.match(cl.after).group(0).strip(), CLAUSE)
    return None


def _not_an_amount(fig, cl, near, inherited):
    if fig.kind in ("percent", "duration"):
        return Decision("other", "share-or-span", fig.surface, CLAUSE)
    return None


def _counts_no_materiel(fig, cl, near, inherited):
    unit = (fig.unit or "").lower()
    if unit in _other_units() or unit.split(" ")[-1] in _other_units():
        return Decision("other", "counts-people-or-places", fig.unit or "", CLAUSE)
    return None


def _coordinated(fig, cl, near, inherited):
    prev = near.prev
    if fig.kind != "count" or prev is None or prev.kind != "count" or not COORDINATED.match(cl.before):
        return None
    if any(c.cls in ("give", "total", "part") for c in evidence(cl).before):
        return None  # a new verb or cue starts another statement
    return Decision(prev.role or "other", "same-list-as-previous", cl.before.strip()[-30:], NEIGHBOUR)


def _written(fig, cl, near, inherited):
    return inherited if inherited is not None and inherited.rule in WRITTEN else None


def _listed(fig, cl, near, inherited):
    return inherited if inherited is not None and inherited.rule not in WRITTEN else None


def _total(fig, cl, near, inherited):
    cue = evidence(cl).total()
    if fig.kind in ("count", "measure") and cue is not None and cue.value != "level":
        return Decision("cumulative", "running-total", cue.text, CLAUSE)
    return None


def _after_package(fig, cl, near, inherited):
    """A count after a package in its sentence is a part of it ("a $275 million package ... and 80,000
    rounds"), unless the words say it comes besides it ("alongside a delivery of 54,990 vaccines")."""
    if _BESIDES.search(cl.before):
        return None
    if evidence(cl).reaching("part") is not None or near.prev_aid is not None and near.prev_aid.role == "package":
        return Decision("component", "part-of-a-package", cl.before.strip()[-30:], INFERRED)
    return None


def _given(fig, cl, near, inherited):
    ev = evidence(cl)
    verb = ev.verb or ev.has("give", "before") or ev.has("aid", "after")
    if fig.kind == "count" and verb is not None:
        return Decision("package", "materiel-given", verb.text, INFERRED)
    if fig.kind == "count" and ev.has("give", "sentence") and near.lists.lead_in(cl.sent) is None:
        return Decision("package", "materiel-in-aid-sentence", "", INFERRED)
    return None


RULES: tuple[Rule, ...] = (
    ("share-of-an-amount", "over half of which will come from the United States; half of our $20 billion loan",
     _share_of_aid),
    ("share-or-span", "40 percent; three months", _not_an_amount),
    ("counts-people-or-places", "1,300 Border Patrol agents", _counts_no_materiel),
    ("same-list-as-previous", "80 tanks, 20 howitzers", _coordinated),
    ("written-as-a-part", "including 80,000 rounds", _written),
    ("running-total", "We have provided more than one million rounds", _total),
    ("listed-with-others", "The package includes: - 80,000 rounds", _listed),
    ("part-of-a-package", "a $275 million package ... and 80,000 rounds", _after_package),
    ("materiel-given", "Canada will send 4 Leopard 2 tanks", _given),
)


def role_of(fig: Figure, cl: Clause, near: Neighbours, inherited: Decision | None) -> Decision:
    """The role of ``fig`` (not money) in clause ``cl``."""
    for _name, _example, rule in RULES:
        got = rule(fig, cl, near, inherited)
        if got is not None:
            return got
    return Decision("other", "fallback", "", FALLBACK)
