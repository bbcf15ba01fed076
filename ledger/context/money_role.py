"""The role of a money figure, read from its aid frame: who stands behind the money and what
happens to it.

A money figure gets an aid role (package, component, cumulative, budget) only when a giver
stands behind it — a government, agency, international organisation, fund or development bank
that gives, lends, commits or budgets it. Prices, taxes, deficits, revenues, a firm's
investments and every amount without a giver are ``other``.

``RULES`` is read top to bottom; the first rule that matches decides. Each rule names the
principle it states and one example.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ledger.context.decision import CLAUSE, FALLBACK, NEIGHBOUR, SENTENCE, Decision
from ledger.context.evidence import Evidence

__all__ = ["MoneyFrame", "RULES", "money_role"]

#: A rate per one of these is an amount over time, not a price ("$1 billion a year").
_PER_PERIOD = frozenset(("year", "annum", "fiscal year"))
#: Stages that say a legislature is asked or has voted: the money is a budget line.
_LEGISLATIVE = frozenset(("requested", "appropriated"))


@dataclass(frozen=True, slots=True)
class MoneyFrame:
    """What the rules read: the figure's cues and what the actor and neighbour rules found."""

    ev: Evidence
    per: str | None
    vague: bool
    giver: str | None  # the donor the actor rules found in the sentence (None: none named)
    government_giver: bool  # the giver is a government, agency or international organisation
    foreign: bool  # a recipient abroad (another country, an organisation, a people)
    humanitarian: bool  # the sentence speaks of relief, disaster or emergency
    inherited: Decision | None  # the role a neighbour or the list lead-in passes on


Rule = tuple[str, str, Callable[[MoneyFrame], Decision | None]]


def _cue(f: MoneyFrame, role: str, rule: str, cls: str, conf: float = CLAUSE) -> Decision | None:
    c = f.ev.has(cls)
    return Decision(role, rule, c.text, conf) if c is not None else None


def _price(f: MoneyFrame) -> Decision | None:
    if f.per and f.per not in _PER_PERIOD:
        return Decision("other", "price-per-unit", f"a {f.per}", CLAUSE)
    return None


def _own(f: MoneyFrame, cls: str, role: str, rule: str) -> Decision | None:
    own = f.ev.own
    return Decision(role, rule, own.text, CLAUSE) if own is not None and own.cls == cls else None


def _private_spending(f: MoneyFrame) -> Decision | None:
    spend = f.ev.own if f.ev.own is not None and f.ev.own.cls == "spend" else f.ev.verb
    if spend is not None and spend.cls == "spend" and not f.government_giver:
        return Decision("other", "private-spending", spend.text, CLAUSE)
    return None


def _vague(f: MoneyFrame) -> Decision | None:
    if f.vague and f.ev.has("total") is None:
        return Decision("other", "vague-amount", "", CLAUSE)
    return None


def _no_giver(f: MoneyFrame) -> Decision | None:
    own = f.ev.own is not None and f.ev.own.cls in ("aid", "budget")
    verb = f.ev.verb is not None or f.ev.has("give") is not None
    if not own and not verb and f.giver is None and f.inherited is None:
        return Decision("other", "no-giver", "", SENTENCE)
    if not own and f.giver is None and not f.government_giver and f.inherited is None:
        return Decision("other", "no-giver", f.ev.verb.text if f.ev.verb else "", SENTENCE)
    return None


def _legislative(f: MoneyFrame) -> Decision | None:
    for c in f.ev.clause:
        if c.cls == "give" and c.value in _LEGISLATIVE:
            return Decision("budget", "legislature-asked-or-voted", c.text, CLAUSE)
        if c.cls == "budget":
            return Decision("budget", "budget-word", c.text, CLAUSE)
    return None


def _inherited(f: MoneyFrame) -> Decision | None:
    return f.inherited


def _domestic(f: MoneyFrame) -> Decision | None:
    if f.foreign or f.humanitarian:
        return None
    aid = f.ev.own is not None and f.ev.own.cls == "aid" and f.ev.own.value not in ("-", "weak")
    if aid:
        return None
    home = f.ev.has("home", "sentence")
    words = home.text if home is not None else (f.ev.verb.text if f.ev.verb else "")
    return Decision("budget", "domestic-spending", words, SENTENCE if home is None else CLAUSE)


def _new_aid(f: MoneyFrame) -> Decision | None:
    own = f.ev.own if f.ev.own is not None and f.ev.own.cls == "aid" else None
    cue = own or f.ev.verb or f.ev.has("give") or f.ev.has("aid")
    if cue is None:
        return None
    return Decision("package", "giver-gives" if cue.cls == "give" else "aid-noun", cue.text,
                    CLAUSE if cue is own or cue is f.ev.verb else SENTENCE)


RULES: tuple[Rule, ...] = (
    ("price-per-unit", "gas at $2.99 a gallon", _price),
    ("not-aid-noun", "a $4 trillion tax hike", lambda f: _own(f, "other", "other", "not-aid-noun")),
    ("private-spending", "Blackstone announced a $25 billion investment", _private_spending),
    ("vague-amount", "billions of dollars", _vague),
    ("no-giver", "It was $1.9 trillion, and people said we could never get it passed", _no_giver),
    ("budget-noun", "a $33 billion supplemental request", lambda f: _own(f, "budget", "budget", "budget-noun")),
    ("running-total", "brings Washington's military assistance to more than $19.3 billion",
     lambda f: _cue(f, "cumulative", "running-total", "total")),
    ("legislature-asked-or-voted", "the House passed the $40 billion bill", _legislative),
    ("part-of-whole", "The package includes $100 million for air defence",
     lambda f: _cue(f, "component", "part-of-whole", "part")),
    ("inherited", "80 tanks, 20 howitzers (the role of the list it is in)", _inherited),
    ("domestic-spending", "USDA has invested $3.9 billion in 333 projects", _domestic),
    ("new-aid", "announced a new $275 million aid package", _new_aid),
)


def money_role(frame: MoneyFrame) -> Decision:
    """The role of a money figure: the first rule of :data:`RULES` that matches, else ``other``."""
    for _name, _example, rule in RULES:
        got = rule(frame)
        if got is not None:
            return got
    return Decision("other", "fallback", "", FALLBACK)


_ = NEIGHBOUR  # re-exported level used by the neighbour rules in annotate
