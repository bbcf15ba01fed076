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
from ledger.context.document import DocumentFrame, names_abroad
from ledger.context.evidence import Evidence

__all__ = ["FOREIGN_AID", "MoneyFrame", "Rule", "framed", "law_after", "named_law", "not_aid_noun", "owns", "ranked",
           "spend_cue"]

#: Aid nouns that speak of aid abroad whoever is named as its subject ("security assistance"); "package",
#: "relief", "grant" or "loan" alone may be a government's spending at home.
FOREIGN_AID = frozenset(("military", "humanitarian", "development", "budget_support"))

#: "the largest recipients", "its top partners": a ranking of what each got.
_RANKING = re.compile(r"\b(?:recipients?|partners?|beneficiar(?:y|ies))\b", re.IGNORECASE)
#: "$X made available from the Law", "$X under the Act": a budget that holds the amount, after it.
_FROM_LAW = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:from|under|through|in)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?$",
                       re.IGNORECASE)
#: A law by its name ("the Bipartisan Infrastructure Law", "the Inflation Reduction Act"), not "law enforcement".
_NAMED_LAW = re.compile(r"^[A-Z].*\b(?:Law|Act|Plan|Bill)$")
#: "the Water Resources Development Act", "the Clean Air Act": a law named by capitalised words before "Act".
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:and|of|for)\s+|\s+)$")
#: "Law Enforcement Affairs": a capitalised word after "Law" or "Act" makes it part of another name.
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")
#: A law whose name speaks of relief or disaster ("the Stafford Disaster Relief and Emergency Assistance
#: Act") is how relief is given, not a budget at home.
_RELIEF_LAW = re.compile(r"\b(?:Disaster|Relief|Emergency)\b[^.;]*$")
_LAW_NAME_REACH = 80
_REQUEST = re.compile(r"\b(?:request|requests|supplemental)$", re.IGNORECASE)  # "$X from the funding request"


@dataclass(frozen=True, slots=True)
class MoneyFrame:
    """What the rules read: the figure's cues and what the actor and neighbour rules found."""

    ev: Evidence
    per: str | None  # "$2.99 a gallon" → "gallon"
    change: bool  # the figure is the size of a change ("an increase of $X")
    vague: bool  # "billions of dollars"
    small: bool  # under :data:`SMALL` units of its currency ("$750", "700 bucks")
    per_person: bool  # under :data:`MODEST` units in a sentence that says it is each one's ("per household")
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
    firm_giver: bool  # the giver named as the subject is a firm
    home_agency: bool  # the sentence names an agency whose mandate is at home ("HHS", "Department of Transportation")
    past_year: str | None  # "in 2023" when that year ended before publication
    future_period: str | None  # "from 2023 to 2028", "by 2030": a period reaching past publication
    years_to_come: str | None = None  # "over the next five years": a span of years to come, with no year named
    state_giver: bool = False  # the giver named is a state or province ("a $5 million grant from Wisconsin")
    getter_at_home: bool = False  # the getter named is a state of the giver's country ("allocated to Alaska")
    attached_giver: bool = False  # a giver is written onto the amount ("$22 million from Unitaid")
    several_givers: bool = False  # several givers named together give it ("Philanthropies have committed $X")
    to_an_institution: bool = False  # the getter named is an organisation or fund ("contributed $5 million to IOM")
    into_home: bool = False  # the clause names the publisher's country as where money goes ("in the United States")
    aid_agency: bool = False  # the clause names an agency whose mandate is abroad ("USAID is investing $X")
    budget_release: bool = False  # the headline speaks of a budget, a request or an appropriation
    disaster_release: bool = False  # the headline speaks of a disaster: money for people at home is relief
    unknown_giver: bool = False  # the giver is one the gazetteer does not know (a firm, a foundation, a charity)
    tiny: bool = False  # under :data:`TINY` units of its currency ("700 bucks", "$5 off a $25 purchase")
    document: DocumentFrame | None = None  # the document's frame (what it names is read only when a rule asks)


#: An amount under this many units of its currency is what one person or household gets or pays,
#: when its sentence speaks of people: no aid package is that small.
SMALL = 10_000
#: An amount under this many units of its currency is a price, a fee or what one person gets, whatever
#: its sentence says: no aid package or running total is that small.
TINY = 1_000
#: An amount under this many units, in a sentence that says it is per person or household ("per
#: household", "individual assistance of up to $X"), is what each gets.
MODEST = 100_000

#: A rule of the table: its name, one example, and the test that decides (None: the next rule reads).
Rule = tuple[str, str, Callable[[MoneyFrame], Decision | None]]


def owns(f: MoneyFrame, cls: str) -> bool:
    """The noun attached to the money is a cue of class ``cls`` ("$X in aid": aid)."""
    return f.ev.own is not None and f.ev.own.cls == cls


def not_aid_noun(f: MoneyFrame) -> bool:
    """The money's own noun says it is no aid ("a $4 trillion tax hike"), unless it is private
    finance a government mobilises or the cost of aid named before it."""
    return owns(f, "other") and not _mobilized(f) and not _measures_aid(f)


def _measures_aid(f: MoneyFrame) -> bool:
    """ "the Czech government's military aid had reached the cost 10 billion korunas": a cost or value
    of the aid named before it in the clause."""
    return f.ev.own.value == "measure" and any(c.cls == "aid" and c.value != "weak" for c in f.ev.before)


#: How far after the amount "mobilized" may still describe it ("$X in private investment mobilized by DFC").
_MOBILIZED_AFTER = 60


def _mobilized(f: MoneyFrame) -> bool:
    """Private finance a government mobilises counts as its development finance (OECD), abroad: not "mobilized
    over $640 billion in private sector clean energy and manufacturing investments" in a release that names
    nothing abroad; nor "$1 billion in U.S. private sector investments ..., as well as the continued commitment to
    mobilizing private sector investment", where mobilising is another phrase's act)."""
    return f.ev.own.text.lower().startswith("private") and any(
        c.cls == "give" and c.text.lower().startswith("mobili") and c.start - f.ev.end <= _MOBILIZED_AFTER
        for c in f.ev.sentence) and (
        f.foreign or f.place_abroad or f.abroad or f.document is None or names_abroad(f.document, throughout=False))


def ranked(f: MoneyFrame) -> bool:
    """A named giver and a named getter in a ranking ("Denmark's largest partners were UNICEF at $4 million")."""
    return f.named_giver and f.getter and _RANKING.search(f.ev.text) is not None


def framed(f: MoneyFrame) -> bool:
    """Words that make the money something given, lent, committed or budgeted — or a giver written onto
    the amount ("$22 million from Unitaid"), or a named giver and a named getter in a ranking."""
    return (owns(f, "aid") or owns(f, "budget") or owns(f, "spend") or f.ev.verb is not None
            or f.ev.has("give", "before") is not None or f.ev.given_after() is not None
            or f.ev.has("budget", "before") is not None or _total_frames(f)
            or f.inherited is not None or ranked(f) or f.attached_giver)


def _total_frames(f: MoneyFrame) -> bool:
    """A running-total word frames money as given, except a bare period ("Last year alone, disasters
    caused $178 billion in damages" counts a year, not aid) or a portfolio ("managed a $750 million
    portfolio")."""
    total = f.ev.total()
    return total is not None and total.value not in ("period", "portfolio")


def spend_cue(f: MoneyFrame) -> Cue | None:
    """The figure's own spending noun, or the spending verb that governs it."""
    if owns(f, "spend"):
        return f.ev.own
    return f.ev.verb if f.ev.verb is not None and f.ev.verb.cls == "spend" else None


def named_law(f: MoneyFrame) -> Cue | None:
    """A law the sentence names ("under the Bipartisan Infrastructure Law", "the Clean Water Act provides"),
    unless its name speaks of relief."""
    text = f.ev.text
    return next((c for c in f.ev.sentence if c.cls == "budget" and _names_a_law(text, c)
                 and not _RELIEF_LAW.search(text, max(0, c.start - _LAW_NAME_REACH), c.end)), None)


def _names_a_law(text: str, c: Cue) -> bool:
    """A budget cue that names a law: a listed one ("ARP"), or "Act" or "Law" closing capitalised words
    ("the Clean Water Act"; not "Law Enforcement Affairs")."""
    if c.value == "law":
        return True
    return (c.text in ("Act", "Law") and _NAME_BEFORE.search(text, max(0, c.start - _LAW_NAME_REACH), c.start)
            is not None and not _NAME_GOES_ON.match(text, c.end))


def law_after(f: MoneyFrame) -> Cue | None:
    """A law or a funding request named after the amount that holds it ("an additional $2.7 billion
    made available from the Bipartisan Infrastructure Law", "$X from the funding request")."""
    return next((c for c in f.ev.after if c.cls == "budget" and (_NAMED_LAW.search(c.text) or _REQUEST.search(c.text))
                 and _FROM_LAW.match(f.ev.text[f.ev.end:c.start])), None)
