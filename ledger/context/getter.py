"""Which of the getters a sentence names gets a figure's money.

The getter is the recipient-like actor nearest after the figure (one named as such, "to Ukraine",
first), else a holder named before it ("Nepal is to receive ₹550 crore"), else the last one before
it; an organisation that takes the money is the channel of the country it serves, named after it or
opening the sentence. Money said to go to many countries ("to 17 countries") has no getter of its own.
"""
from __future__ import annotations

import re

from ledger.context.mentions import Actors, listed
from ledger.context.named import AMOUNT, TO_MANY
from ledger.context.subject import governed
from ledger.context.words import alternation
from ledger.text.gazetteer import Mention

__all__ = ["getter", "nearest"]

#: A recipient named this close after a figure ("$X ... to the people of Afghanistan") beats earlier holders.
_NEAR_RECIPIENT = 90
#: "In Angola, ...": a country that opens the sentence, where what it tells happens.
_IN_OPENER = re.compile(r"\W*In\s+(?:the\s+)?$")
_MANY_REACH = 80
#: "the people of Gaza": the people a region's money serves.
_PEOPLE_OF = re.compile(r"\bpeople\s+(?:of|in)\s+(?:the\s+)?$", re.IGNORECASE)
#: A clause that starts after another amount and its getter (", and has made available", "; the United States
#: will"), not the next item of a list of amounts (", and $4 billion", "; $3 million to Lebanon").
_NEW_CLAUSE = re.compile(rf",\s+and\s+(?:(?:also|then|now)\s+)?(?:{alternation('new_clause_verbs')})\b"
                         r"|;\s+(?!(?:and\s+)?(?:[$€£¥₹]|[A-Z]{3}\s?\d|[ACU]S?\$))")
_OTHER_AMOUNT_REACH = 40


def getter(actors: Actors, at: int, until: int | None, donor: str | None, giver: str | None) -> str | None:
    """The getter of the figure at offset ``at`` whose clause ends at ``until`` (the next figure), given
    by ``donor`` (``giver`` once "we" is resolved: it never gets its own money)."""
    held = [m for m in actors.holders if m.end <= at and m.canonical not in (donor, giver)]
    nxt = None if until is None else _next_phrase(actors.text, at, until)  # (the next amount's own phrase)
    stop = at + _NEAR_RECIPIENT if nxt is None else min(nxt, at + _NEAR_RECIPIENT)
    many = TO_MANY.search(actors.text, at, stop + _MANY_REACH)  # (the count is a figure of its own)
    if many is not None and many.start() <= stop and not any(at <= m.start < many.start() for m in actors.recipients):
        return None  # its own getters are many countries: none alone, whatever was named before
    near = [m for m in actors.recipients if at <= m.start <= stop and m.canonical not in (donor, giver)]
    if held and not near:
        return held[-1].canonical
    restated = _restated_end(actors.text, at)
    own = [m for m in actors.recipients if m.canonical != giver and _amounts(actors.text, at, m.start, restated) < 2
           and not (nxt is not None and nxt <= m.start < until) and not _another_amounts(actors.text, m, at)]
    marked = [m for m in own if m.start in actors.marked]  # "providing Ukraine with $X ... pushing European
    recipient = nearest(marked or own, at, prefer_before=False, exclude=donor)  # countries": the one named as such
    recipient = _beneficiary(own, recipient, actors) or recipient
    if recipient is None and donor is not None:
        # "Ukraine's air defences" after the figure: a possessive place after it is the beneficiary (not "to
        # lead in coordinating the Quad's delivery efforts": a group of donors gets no aid)
        late = [m for m in actors.donors if m.start > at and m.canonical != donor and m.possessive
                and m.kind in ("country", "region")]
        if late:
            recipient = late[0].canonical
    return recipient


#: The figure and an amount in square brackets right after it, an editor's correction: "$798 million [$698
#: million]" (a conversion in round brackets, "NOK 45 million (USD 4.5 million)", is read as before: its
#: clause goes on after it, :data:`ledger.context.clauses.CONVERSION`).
_RESTATED = re.compile(r"[^()\[\];,]{1,30}?\s*\[([^()\[\]]{1,40})\]")


def _restated_end(text: str, at: int) -> int:
    """Where an amount corrected in square brackets right after the figure at ``at`` ends, or -1."""
    restated = _RESTATED.match(text, at)
    return restated.end() if restated and AMOUNT.search(restated.group(1)) else -1


def _amounts(text: str, at: int, upto: int, restated: int) -> int:
    """How many amounts are written from the figure at ``at`` to ``upto``, the figure's own included; one
    corrected in square brackets right after it (ending at ``restated``) is the same money ("plan to invest $798
    million [$698 million] through the new Millennium Challenge Corporation with Indonesia": Indonesia gets it)."""
    n = len(AMOUNT.findall(text, at, upto))
    return n - 1 if 0 <= restated <= upto else n


def _another_amounts(text: str, m: Mention, at: int) -> bool:
    """A getter named right after another amount, in a clause before this one's, is that amount's ("lending of up
    to $21 billion to the IMF, and has made available this week $250 million through IDA": not the IMF's)."""
    return m.end <= at and AMOUNT.search(text, max(0, m.start - _OTHER_AMOUNT_REACH), m.start) is not None and (
        _NEW_CLAUSE.search(text, m.end, at) is not None)


def _next_phrase(text: str, at: int, until: int) -> int:
    """Where the phrase of the next amount of money (at ``until``) begins: "with Kenya on a $250,000 project,
    with Nigeria on a $250,000 study" (Nigeria's phrase is the next amount's; not "providing Saudi Arabia
    with equipment from over a dozen firms": a count has no getter)."""
    if not AMOUNT.match(text, until):
        return until
    cut = max(text.rfind(", ", at, until), text.rfind("; ", at, until))  # (not "54,990")
    return cut if cut > at else until


def _beneficiary(own, recipient: str | None, actors: Actors) -> str | None:
    """A country named after an organisation that gets the money is the one it serves, and so is a region
    whose people it serves: "$53 million in assistance, which will include assistance to the World Food
    Program ... to the people of Gaza" (not "GAFSP ..., which includes 33 eligible countries in Africa"); so
    is the country that opens the sentence ("In Angola, USDA will work with World Vision through a $27.5
    million agreement"). An organisation that serves a list of countries ("for UNRWA ... in the West Bank,
    Gaza, Jordan, Lebanon, and Syria") is the getter itself."""
    first = next((m for m in own if m.canonical == recipient), None)
    if first is None or first.kind != "institution":
        return None
    text = actors.text
    after = next((m.canonical for m in own if m.start > first.end and (
        m.kind == "country" or m.kind == "region" and _PEOPLE_OF.search(text, 0, m.start))), None)
    if after is not None and listed(actors, after):
        return None
    return after or next((m.canonical for m in own if m.kind == "country" and _IN_OPENER.match(text, 0, m.start)),
                         None)


def nearest(mentions, at: int, *, prefer_before: bool, exclude: str | None = None, text: str = "") -> str | None:
    """The canonical name of the mention nearest ``at``: the first before it (the clause subject, not one a
    preposition governs in ``text``) or the first after it, as ``prefer_before`` says; ``exclude`` is never
    chosen."""
    cands = [m for m in mentions if m.canonical != exclude]
    if not cands:
        return None
    before = [m for m in cands if m.end <= at]
    before = [m for m in before if not governed(text, m.start)] or before
    after = [m for m in cands if m.start >= at]
    if prefer_before:
        if before:
            return before[0].canonical  # the clause subject comes first
        return after[0].canonical
    if after:
        return after[0].canonical
    return before[-1].canonical
