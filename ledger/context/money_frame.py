"""What the money-role rules (:mod:`ledger.context.money_role`) read: a :class:`MoneyFrame` of one
money figure — its cues and what the actor and neighbour rules found — and the questions the rules
ask of it (which noun the money is, whether anything frames it as given, which spending word
governs it)."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ledger.context.cues import Cue
from ledger.context.decision import Decision
from ledger.context.evidence import Evidence

__all__ = ["MoneyFrame", "Rule", "framed", "measures_aid", "mobilized", "owns", "ranked", "spend_cue"]

#: "the largest recipients", "its top partners": a ranking of what each got.
_RANKING = re.compile(r"\b(?:recipients?|partners?|beneficiar(?:y|ies))\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MoneyFrame:
    """What the rules read: the figure's cues and what the actor and neighbour rules found."""

    ev: Evidence
    per: str | None  # "$2.99 a gallon" → "gallon"
    change: bool  # the figure is the size of a change ("an increase of $X")
    vague: bool  # "billions of dollars"
    giver: str | None  # the donor: named in the sentence, "we" of a publisher, or the release's
    public_giver: bool  # the giver is a government, agency or international organisation
    foreign: bool  # a recipient abroad (another country, an organisation, a people)
    abroad: bool  # the release is about aid abroad
    humanitarian: bool  # the sentence speaks of relief, disaster or emergency
    named_giver: bool  # the giver is named in the sentence (not taken from the document)
    getter: bool  # a recipient is named in the sentence
    own_government: bool  # the giver is the government that publishes the text
    publisher_home: bool  # a government publishes the text (its country is "home")
    place_abroad: bool  # the sentence names a country other than the giver's ("families hit by the war in Ukraine")
    inherited: Decision | None  # the role a neighbour or the list lead-in passes on
    past_year: str | None  # "in 2023" when that year ended before publication
    future_period: str | None  # "from 2023 to 2028", "by 2030": a period reaching past publication


#: A rule of the table: its name, one example, and the test that decides (None: the next rule reads).
Rule = tuple[str, str, Callable[[MoneyFrame], Decision | None]]


def owns(f: MoneyFrame, cls: str) -> bool:
    """The noun attached to the money is a cue of class ``cls`` ("$X in aid": aid)."""
    return f.ev.own is not None and f.ev.own.cls == cls


def measures_aid(f: MoneyFrame) -> bool:
    """ "the Czech government's military aid had reached the cost 10 billion korunas": a cost or value
    of the aid named before it in the clause."""
    return f.ev.own.value == "measure" and any(c.cls == "aid" and c.value != "weak" for c in f.ev.before)


def mobilized(f: MoneyFrame) -> bool:
    """Private finance a government mobilises counts as its development finance (OECD)."""
    return f.ev.own.text.lower().startswith("private") and any(
        c.cls == "give" and c.text.lower().startswith("mobili") for c in f.ev.sentence)


def ranked(f: MoneyFrame) -> bool:
    """A named giver and a named getter in a ranking ("Denmark's largest partners were UNICEF at $4 million")."""
    return f.named_giver and f.getter and _RANKING.search(f.ev.text) is not None


def framed(f: MoneyFrame) -> bool:
    """Words that make the money something given, lent, committed or budgeted — or a named giver
    and a named getter in a ranking."""
    return (owns(f, "aid") or owns(f, "budget") or owns(f, "spend") or f.ev.verb is not None
            or f.ev.has("give", "before") is not None or f.ev.given_after() is not None
            or f.ev.has("budget", "before") is not None or f.ev.total() is not None
            or f.inherited is not None or ranked(f))


def spend_cue(f: MoneyFrame) -> Cue | None:
    """The figure's own spending noun, or the spending verb that governs it."""
    if owns(f, "spend"):
        return f.ev.own
    return f.ev.verb if f.ev.verb is not None and f.ev.verb.cls == "spend" else None
